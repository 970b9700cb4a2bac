package pipeline

import "testing"

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
