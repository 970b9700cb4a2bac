package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFieldPos(t *testing.T) {
	src := `[[event]]
id = "a"
title = "A"

[[event.participants]]
name = "X"

[[event.participants]]
name = "Y"

[[event]]
id = "b"
title = "B"
participants = [{name = "Z"}]
`
	secs := scanSections("f.toml", []byte(src))
	for _, tt := range []struct {
		hdr       int
		field     string
		line, col int
		ok        bool
	}{
		{1, "title", 3, 9, true},
		{1, "participants[2].name", 9, 8, true},
		{1, "participants[1].name", 6, 8, true},
		{11, "title", 13, 9, true},
		{11, "participants[1].name", 14, 16, true}, // inline: the list's own value
		{11, "summary", 0, 0, false},
		{2, "title", 0, 0, false}, // no header there
	} {
		p, ok := fieldPos(secs, tt.hdr, tt.field)
		if ok != tt.ok || p.Line != tt.line || p.Col != tt.col {
			t.Errorf("fieldPos(%d, %q) = %d:%d %v, want %d:%d %v", tt.hdr, tt.field, p.Line, p.Col, ok, tt.line, tt.col, tt.ok)
		}
	}
}

// TestPlaceFile: placeFile scans only the warned event's lines, to the
// next [[event]] header, and finds the same positions as a scan of the
// whole file; a field of the next event is not taken for this one's.
func TestPlaceFile(t *testing.T) {
	src := `# header comment
[[event]]
id = "a"
title = "A"

[[event.participants]]
name = "X"

[[event.participants]]
name = "Y"

  [[ event ]] # indented, spaced
id = "b"
title = """
[[event.participants]]
"""
summary = "B"
participants = [{name = "Z"}]

[[event]]
id = "c"
status = "planned"
`
	f := &placeFile{file: "f.toml", src: []byte(src), events: map[int][]*section{}}
	whole := scanSections("f.toml", []byte(src))
	for _, tt := range []struct {
		hdr   int
		field string
		ok    bool
	}{
		{2, "title", true},
		{2, "participants[2].name", true},
		{2, "status", false}, // c's, not a's
		{12, "summary", true},
		{12, "participants[1].name", true}, // inline, after a multi-line string
		{20, "status", true},
		{20, "title", false},
		{3, "id", false}, // no header there
	} {
		p, ok := f.fieldPos(tt.hdr, tt.field)
		want, wok := fieldPos(whole, tt.hdr, tt.field)
		if ok != tt.ok || ok != wok || p != want {
			t.Errorf("fieldPos(%d, %q) = %v %v, whole file %v %v, want ok %v", tt.hdr, tt.field, p, ok, want, wok, tt.ok)
		}
	}
}

// TestPlaceWarningsOnce: a warning whose field is not in the file is
// looked for once, not after every stage.
func TestPlaceWarningsOnce(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "w.toml")
	if err := os.WriteFile(file, []byte("[[event]]\nid = \"a\"\ntitle = \"A\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := &Context{}
	c.Diagnostics.Warn(Position{File: file, Line: 1}, "a", "title", "placed")
	c.Diagnostics.Warn(Position{File: file, Line: 1}, "a", "summary", "not written")
	c.PlaceWarnings()
	if got := c.Diagnostics[0].Pos; got != (Position{File: file, Line: 3, Col: 9}) {
		t.Errorf("title placed at %v", got)
	}
	if got := c.Diagnostics[1].Pos; got != (Position{File: file, Line: 1}) || !c.unplaced[c.Diagnostics[1]] {
		t.Errorf("summary at %v, unplaced %v", got, c.unplaced)
	}
	// Were the file read again, summary would be found now; it is not
	// read again (nor is title looked for: it has its place).
	if err := os.WriteFile(file, []byte("[[event]]\nid = \"a\"\nsummary = \"S\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.PlaceWarnings()
	if got := c.Diagnostics[1].Pos; got != (Position{File: file, Line: 1}) {
		t.Errorf("summary looked for again: %v", got)
	}
	if got := c.Diagnostics[0].Pos; got.Line != 3 {
		t.Errorf("title moved to %v", got)
	}
}
