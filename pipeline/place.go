package pipeline

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
)

// Warnings are found after decoding, on Events, which keep only their
// [[event]] header's line: the fast path scans a valid file for headers
// alone. PlaceWarnings gives such warnings the line and column of the
// field they are about, scanning again (for keys) only the files that
// have them: warnings are few.

// listField is a field path into a list of tables: "participants[2].name".
var listField = regexp.MustCompile(`^([a-z_]+)\[([0-9]+)\]\.([a-z_]+)$`)

// PlaceWarnings moves each warning about an event's field from the
// event's header to the field's value, where the file still has it. It
// replaces the diagnostics it moves with moved copies, so that a reader
// of the old ones (the PDF's bytes, written beside the workbook) sees no
// change.
func (c *Context) PlaceWarnings() {
	var files map[string]*placeFile
	for i, d := range c.Diagnostics {
		if d.Severity != Warning || d.Event == "" || d.Field == "" || d.Pos.File == "" || d.Pos.Line == 0 || d.Pos.Col != 0 || c.unplaced[d] {
			continue
		}
		if files == nil {
			files = map[string]*placeFile{}
		}
		f, ok := files[d.Pos.File]
		if !ok {
			f = readPlaceFile(d.Pos.File)
			files[d.Pos.File] = f
		}
		if p, ok := f.fieldPos(d.Pos.Line, d.Field); ok {
			moved := *d
			moved.Pos = p
			c.Diagnostics[i] = &moved
			continue
		}
		if c.unplaced == nil {
			c.unplaced = map[*Diagnostic]bool{}
		}
		c.unplaced[d] = true
	}
}

// placeFile is a file PlaceWarnings reads, and the keys of each event of
// it that has warnings. Only those events are scanned for keys, not the
// whole file: a year over a large archive has hundreds of warnings in
// files of hundreds of events each.
type placeFile struct {
	file   string
	src    []byte
	events map[int][]*section // by header line
}

func readPlaceFile(file string) *placeFile {
	src, _ := os.ReadFile(file) // a file gone since: nothing is placed
	return &placeFile{file: file, src: src, events: map[int][]*section{}}
}

// nextEventHeader finds the next line that opens an [[event]] table (as
// load's eventHeader, line by line).
var nextEventHeader = regexp.MustCompile(`(?m)^[ \t]*\[\[[ \t]*event[ \t]*\]\][ \t]*(#.*)?\r?$`)

// fieldPos finds field of the event whose [[event]] header is on line
// hdr, scanning that event's lines, to the next [[event]] header, for
// keys. (A multi-line string holding a line "[[event]]" would end the
// event early there: its later fields stay at the header, as before.)
func (f *placeFile) fieldPos(hdr int, field string) (Position, bool) {
	secs, ok := f.events[hdr]
	if !ok {
		if start := lineOffset(f.src, hdr); start >= 0 {
			end := len(f.src)
			if nl := bytes.IndexByte(f.src[start:], '\n'); nl >= 0 {
				if m := nextEventHeader.FindIndex(f.src[start+nl+1:]); m != nil {
					end = start + nl + 1 + m[0]
				}
			}
			secs = scan(f.file, f.src[start:end], true)
			for _, s := range secs {
				s.line += hdr - 1
				for k, p := range s.keys {
					p.Line += hdr - 1
					s.keys[k] = p
				}
			}
		}
		f.events[hdr] = secs
	}
	return fieldPos(secs, hdr, field)
}

// lineOffset is the byte offset of line n (from 1) of src, or -1.
func lineOffset(src []byte, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}

// fieldPos finds field ("summary", "participants[2].name") of the event
// whose [[event]] header is on line hdr.
func fieldPos(secs []*section, hdr int, field string) (Position, bool) {
	ev := -1
	for i, s := range secs {
		if s.array && s.name == "event" && s.line == hdr {
			ev = i
			break
		}
	}
	if ev < 0 {
		return Position{}, false
	}
	if m := listField.FindStringSubmatch(field); m != nil {
		n, _ := strconv.Atoi(m[2])
		seen := 0
		for _, s := range secs[ev+1:] {
			if s.array && s.name == "event" {
				break
			}
			if s.array && s.name == "event."+m[1] {
				if seen++; seen == n {
					p, ok := s.keys[m[3]]
					return p, ok
				}
			}
		}
		// Written inline (participants = [{...}]): the list's own key.
		field = m[1]
	}
	p, ok := secs[ev].keys[field]
	return p, ok
}
