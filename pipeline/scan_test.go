package pipeline

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// dumpSections renders what the scanner found, one section a line:
// `[[event]]@1 id=2:6 title=3:9`; the top level is `top@0`.
func dumpSections(secs []*section) []string {
	var out []string
	for _, s := range secs {
		head := "top"
		switch {
		case s.array:
			head = "[[" + s.name + "]]"
		case s.name != "":
			head = "[" + s.name + "]"
		}
		line := fmt.Sprintf("%s@%d", head, s.line)
		for _, k := range slices.Sorted(maps.Keys(s.keys)) {
			p := s.keys[k]
			line += fmt.Sprintf(" %s=%d:%d", k, p.Line, p.Col)
		}
		out = append(out, line)
	}
	return out
}

func TestScanSections(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"keys and value columns",
			"[[event]]\nid = \"a\"\ntitle=\"t\"\n  kind   =   \"meeting\"\n\tlocation = \"Baku\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 id=2:6 kind=4:14 location=5:13 title=3:7"}},

		{"keys in multi-line basic strings are not keys",
			"[[event]]\nid = \"a\"\nsummary = \"\"\"\ntitle = \"not a key\"\n[[event]]\n\"\"\"\ntitle = \"real\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 id=2:6 summary=3:11 title=7:9"}},
		{"keys in multi-line literal strings are not keys",
			"[[event]]\nnotes = '''\nkind = \"x\"\n  [meta]\n'''\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 kind=6:8 notes=2:9"}},
		{"multi-line string closed on its first line",
			"[[event]]\nsummary = \"\"\"one line\"\"\"\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 kind=3:8 summary=2:11"}},
		{"multi-line string closed, delimiter in a comment",
			"[[event]]\nsummary = \"\"\"one line\"\"\" # not \"\"\" open\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 kind=3:8 summary=2:11"}},
		{"closing line with a comment holding the delimiter",
			"[[event]]\nsummary = \"\"\"\ntext\"\"\" # see \"\"\"\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 kind=4:8 summary=2:11"}},
		{"escaped quotes do not close a basic string",
			"[[event]]\nsummary = \"\"\"\nHe said \\\"\"\"no.\ntitle = \"inside\"\n\"\"\"\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 kind=6:8 summary=2:11"}},
		{"quotes before the closing delimiter",
			"[[event]]\nsummary = \"\"\"\nsaid \"yes\"\"\"\"\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 kind=4:8 summary=2:11"}},
		{"multi-line arrays",
			"[[event]]\ncountries = [\n  \"GEO\",\n  \"a = b\",\n]\nkind = \"meeting\"\n",
			[]string{"top@0 event=1:3", "[[event]]@1 countries=2:13 kind=6:8"}},
		{"comments and blank lines",
			"# id = \"x\"\n\n[[event]] # first\n  # kind = \"x\"\nid = \"a\" # kind = \"y\"\n",
			[]string{"top@0 event=3:3", "[[event]]@3 id=5:6"}},

		{"quoted keys",
			"[[event]]\n\"date\" = 2025-10-25\n'title' = \"t\"\n\"key with spaces\" = 1\n\"a=b\" = 2\n\"\" = 3\n",
			[]string{"top@0 event=1:3", "[[event]]@1 =6:6 a=b=5:9 date=2:10 key with spaces=4:21 title=3:11"}},
		{"quoted keys with escapes",
			"[[event]]\n\"say \\\"hi\\\"\" = 1\n\"tab\\there\" = 2\n'back\\slash' = 3\n",
			[]string{"top@0 event=1:3", "[[event]]@1 back\\slash=4:16 say \"hi\"=2:16 tab\there=3:15"}},
		{"headers with spaces and quotes",
			"[[ event ]]\nid = \"a\"\n[[ event.participants ]]\nname = \"A\"\n[[event . sources]]\nurl = \"u\"\n[ \"meta\" ]\nx = 1\n",
			[]string{
				"top@0 event=1:4 meta=7:3",
				"[[event]]@1 id=2:6 participants=3:4 sources=5:3",
				"[[event.participants]]@3 name=4:8",
				"[[event.sources]]@5 url=6:7",
				"[meta]@7 x=8:5",
			}},
		{"headers are keys of their parent, first occurrence",
			"[[event]]\n[[event.participants]]\n[[event.participants]]\n[[event]]\n[[event.sources]]\n[event.extra]\n",
			[]string{
				"top@0 event=1:3",
				"[[event]]@1 participants=2:3",
				"[[event.participants]]@2",
				"[[event.participants]]@3",
				"[[event]]@4 extra=6:2 sources=5:3",
				"[[event.sources]]@5",
				"[event.extra]@6",
			}},
		{"config tables",
			"title = \"x\"\n[briefing]\ntimezone = \"UTC\"\n[focus_areas]\n\"Intelligence sharing\" = [\"a\"]\n",
			[]string{"top@0 briefing=2:2 focus_areas=4:2 title=1:9", "[briefing]@2 timezone=3:12", "[focus_areas]@4 Intelligence sharing=5:26"}},
		{"CRLF line ends",
			"[[event]]\r\nid = \"a\"\r\nsummary = \"\"\"\r\ntitle = \"no\"\r\n\"\"\"\r\nkind = \"meeting\"\r\n",
			[]string{"top@0 event=1:3", "[[event]]@1 id=2:6 kind=6:8 summary=3:11"}},
		{"no trailing newline", "[[event]]\nid = \"a\"",
			[]string{"top@0 event=1:3", "[[event]]@1 id=2:6"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every case is valid TOML, so the scanner sees what the decoder sees.
			var doc map[string]any
			if _, err := toml.Decode(tt.src, &doc); err != nil {
				t.Fatalf("test input is not valid TOML: %v", err)
			}
			got := dumpSections(scanSections("f.toml", []byte(tt.src)))
			sameLines(t, got, tt.want)
		})
	}
}

// TestScanPositionsInMessages checks that scanned positions reach the
// messages of participants and sources under spaced headers.
func TestScanPositionsInMessages(t *testing.T) {
	src := valid + `summary = """
[[event.participants]]
name = 5
"""

[[ event.participants ]]
name = "Ali Naghiyev"
country = "AZR"

[[ "event" . "sources" ]]
  url = "example.com"
`
	_, errs := parseEvents("f.toml", []byte(src), country.New(nil))
	errs.Sort()
	sameLines(t, strings.Split(errs.Error(), "\n"), []string{
		`f.toml:14:11: event "e1": participants[1].country: "AZR" is not an ISO 3166-1 alpha-3 code (did you mean "AZE"?)`,
		`f.toml:17:9: event "e1": sources[1].url: "example.com" is not an absolute http(s) URL`,
	})
}

// TestTooDeep checks the nesting limit's position and that brackets in
// strings, multi-line strings and comments are not counted.
func TestTooDeep(t *testing.T) {
	n := func(s string, k int) string { return strings.Repeat(s, k) }
	tests := []struct {
		name      string
		src       string
		line, col int
	}{
		{"arrays at the limit", "a = " + n("[", maxNesting) + n("]", maxNesting) + "\n", 0, 0},
		{"arrays past the limit", "a = " + n("[", maxNesting+1) + n("]", maxNesting+1) + "\n", 1, 5 + maxNesting},
		{"inline tables", "\n\nx = " + n("{a = ", 40) + "1" + n("}", 40) + "\n", 3, 5 + 5*maxNesting},
		{"mixed", "x = " + n("[{a = ", 20) + "1" + n("}]", 20) + "\n", 1, 5 + 6*16},
		{"siblings do not add up", n("a"+n("[", 20)+n("]", 20)+"\n", 3) + n("b = [[1], [2], [[3]]]\n", 50), 0, 0},
		{"headers count 2", "[[event]]\nx = " + n("[", 30) + n("]", 30) + "\n", 0, 0},
		{"in strings", "a = \"" + n("[", 50) + "\"\nb = '" + n("{", 50) + "'\n", 0, 0},
		{"escaped quote in a string", `a = "\"` + n("[", 50) + `"` + "\n", 0, 0},
		{"in multi-line strings", "a = \"\"\"\n" + n("[", 50) + "\n\"\"\"\nb = '''" + n("{", 50) + "'''\n", 0, 0},
		{"in comments", "# " + n("[", 50) + "\na = 1 # " + n("{", 50) + "\n", 0, 0},
		{"line after a multi-line string", "a = \"\"\"\n\n[\n\"\"\"\nb = " + n("[", 40) + "\n", 5, 5 + maxNesting},
		{"after a quote in a multi-line string", "a = \"\"\"x\"\"y\"\"\"\nb = " + n("[", 40) + "\n", 2, 5 + maxNesting},
		{"unterminated string stops the count", "a = \"x\nb = " + n("[", 40) + "\n", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := tooDeep([]byte(tt.src))
			if line != tt.line || col != tt.col {
				t.Errorf("tooDeep = %d:%d, want %d:%d", line, col, tt.line, tt.col)
			}
		})
	}
}
