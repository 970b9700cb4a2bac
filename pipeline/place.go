package pipeline

import (
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
	var files map[string][]*section
	for i, d := range c.Diagnostics {
		if d.Severity != Warning || d.Event == "" || d.Field == "" || d.Pos.File == "" || d.Pos.Line == 0 || d.Pos.Col != 0 {
			continue
		}
		if files == nil {
			files = map[string][]*section{}
		}
		secs, ok := files[d.Pos.File]
		if !ok {
			if src, err := os.ReadFile(d.Pos.File); err == nil {
				secs = scanSections(d.Pos.File, src)
			}
			files[d.Pos.File] = secs
		}
		if p, ok := fieldPos(secs, d.Pos.Line, d.Field); ok {
			moved := *d
			moved.Pos = p
			c.Diagnostics[i] = &moved
		}
	}
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
