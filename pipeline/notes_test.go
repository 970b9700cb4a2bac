package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func notesConfig(t testing.TB) *Config {
	cfg := DefaultConfig()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// diags formats a list as "line:col: severity: message" lines.
func diags(l ErrorList) []string {
	var out []string
	for _, d := range l {
		line, msg, _ := strings.Cut(strings.TrimPrefix(d.Error(), "n.md:"), " ")
		out = append(out, line+" "+d.Severity.String()+": "+msg)
	}
	return out
}

func TestParseNotesStructure(t *testing.T) {
	src := `# Bottom line

Azerbaijan and Georgia met **twice**, see [the talks](event:e1).

# Key judgments

- **High confidence.** The *channel* is open.
- **moderate CONFIDENCE.** More [talks](https://example.org/a) follow.

# Pairs

## geo-aze

1. First.
2. Second.
`
	a, errs := ParseNotes(notesConfig(t), "n.md", []byte(src))
	if len(errs) != 0 {
		t.Fatalf("problems: %v", errs)
	}
	want := &Assessment{
		File:       "n.md",
		BottomLine: []Block{{Spans: []Span{{Text: "Azerbaijan and Georgia met "}, {Text: "twice", Bold: true}, {Text: ", see "}, {Text: "the talks", Link: "event:e1"}, {Text: "."}}}},
		Judgments: []Judgment{
			{Confidence: "High", Pos: Position{"n.md", 7, 1}, Text: []Block{{Spans: []Span{{Text: "The "}, {Text: "channel", Italic: true}, {Text: " is open."}}}}},
			{Confidence: "Moderate", Pos: Position{"n.md", 8, 1}, Text: []Block{{Spans: []Span{{Text: "More "}, {Text: "talks", Link: "https://example.org/a"}, {Text: " follow."}}}}},
		},
		Pairs:   map[string][]Block{"AZE-GEO": {{Kind: Numbered, N: 1, Spans: []Span{{Text: "First."}}}, {Kind: Numbered, N: 2, Spans: []Span{{Text: "Second."}}}}},
		PairPos: map[string]Position{"AZE-GEO": {"n.md", 12, 1}},
		links:   []noteLink{{"e1", Position{"n.md", 3, 43}}},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got\n%#v\nwant\n%#v", a, want)
	}
}

func TestParseNotesChecks(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"no confidence", "# Key judgments\n\n- They will meet.\n- **High confidence.** Fine.\n",
			[]string{"3:1: warning: key judgment without a confidence level: begin it with **High confidence.**, **Moderate confidence.** or **Low confidence.**"}},
		{"wrong label", "# Key judgments\n\n- **Very high confidence.** They meet.\n",
			[]string{"3:1: warning: key judgment without a confidence level: begin it with **High confidence.**, **Moderate confidence.** or **Low confidence.**"}},
		{"off scale", "# Bottom line\n\nThey will perhaps meet,\nor Possibly not.\n",
			[]string{
				`3:11: warning: "perhaps" is not a term of the ICD 203 likelihood scale: use ` + ICD203Scale,
				`4:4: warning: "possibly" is not a term of the ICD 203 likelihood scale: use ` + ICD203Scale}},
		{"on scale", "# Bottom line\n\nA visit is very likely. Talks are unlikely.\n", nil},
		{"mixed", "# Bottom line\n\nNo mix. We judge with high confidence that\ntalks are likely.\n",
			[]string{`3:9: warning: a sentence states both a confidence level ("high confidence") and a likelihood ("likely"); ICD 203 asks to keep them apart`}},
		{"label is its own sentence", "# Key judgments\n\n- **Low confidence.** Talks are likely.\n", nil},
		{"javascript", "# Bottom line\n\nSee [x](javascript:alert(1)).\n",
			[]string{`3:5: error: link "javascript:alert(1)": the javascript: scheme is not allowed; link to event:<id> or an https: address`}},
		{"file", "# Bottom line\n\n<file:///etc/passwd>\n",
			[]string{`3:1: error: link "file:///etc/passwd": the file: scheme is not allowed; link to event:<id> or an https: address`}},
		{"relative", "# Bottom line\n\n[x](notes.md)\n",
			[]string{`3:1: error: link "notes.md" is neither event:<id> nor an https: address`}},
		{"image", "# Bottom line\n\nA ![map](https://x/m.png) here.\n",
			[]string{`3:3: warning: an image is not supported in notes; printed as plain text`}},
		{"raw html", "# Bottom line\n\nA <b>bold</b> word.\n",
			[]string{`3:3: warning: raw HTML is not supported in notes; printed as plain text`, `3:10: warning: raw HTML is not supported in notes; printed as plain text`}},
		{"html block", "# Bottom line\n\n<div>\nx\n</div>\n",
			[]string{`3:1: warning: raw HTML is not supported in notes; printed as plain text`}},
		{"code", "# Bottom line\n\nRun `x` now.\n\n    code\n",
			[]string{`3:5: warning: code is not supported in notes; printed as plain text`, `5:5: warning: code is not supported in notes; printed as plain text`}},
		{"table", "# Bottom line\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
			[]string{`3:1: warning: a table is not supported in notes; printed as plain text`}},
		{"bad pair", "# Pairs\n\n## AZE-XXX\n\nText.\n\n## Georgia\n",
			[]string{`3:1: warning: pair heading: pair "AZE-XXX": "XXX" is not an ISO 3166-1 alpha-3 code or a code from [countries] in the config; its text is left out`,
				`5:1: warning: text under # Pairs belongs under a pair's heading, such as ## AZE-GEO; it is left out`,
				`7:1: warning: pair heading: "Georgia" is not a pair like GEO-AZE; its text is left out`}},
		{"unknown part", "Intro.\n\n# Outlook\n",
			[]string{`1:1: warning: text outside the parts of an assessment (# Bottom line, # Key judgments, # Pairs) is left out`,
				`3:1: warning: heading "Outlook" is not a part of an assessment (Bottom line, Key judgments, Pairs); its text is left out`}},
		{"not utf-8", "# Bottom line\n\nab\xffc\n",
			[]string{`3:3: error: file is not valid UTF-8 (byte 0xFF); save it as UTF-8`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := ParseNotes(notesConfig(t), "n.md", []byte(tc.src))
			if got := diags(errs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestCheckNotes(t *testing.T) {
	cfg := testConfig(t)
	evs := fixture()
	r := aggregate(t, cfg, "2025-W43", evs)
	src := "# Bottom line\n\nSee [it](event:bi), [gone](event:nope),\n[last week](event:before) and [later](event:future).\n\n" +
		"# Pairs\n\n## GEO-AZE\n\nBusy.\n\n## ARM-GEO\n\nQuiet.\n\n## AZE-ARM\n\nNone.\n"
	a, errs := ParseNotes(cfg, "n.md", []byte(src))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	known := KnownIDs(&Dataset{Events: evs})
	want := []string{
		`3:21: error: event:nope: no event has this id`,
		`4:1: warning: event:before is not in this briefing (` + r.Period.Label + `)`,
		`12:1: warning: pair ARM-GEO has no events in ` + r.Period.Label,
		`16:1: warning: pair ARM-AZE has no events in ` + r.Period.Label,
	}
	if got := diags(CheckNotes(a, known, r)); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// check's way: no report, only unknown ids.
	if got := diags(CheckNotes(a, known, nil)); !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("without a report: got %q, want %q", got, want[:1])
	}
}

// FuzzParseNotes feeds arbitrary bytes to the notes parser and its checks
// against a report. Whatever the input, it must not panic, and every
// problem must be one line with a message and a position inside the file
// (line 1 or more, a column within that line).
//
//	go test ./pipeline -run '^$' -fuzz FuzzParseNotes -fuzztime 2m
func FuzzParseNotes(f *testing.F) {
	if src, err := os.ReadFile(filepath.Join("..", "notes", "2025-W43.md")); err == nil {
		f.Add(src)
	}
	for _, s := range []string{
		"# Bottom line\n\nSee [x](javascript:alert(1)) and ![i](a.png) <b>x</b> `c`.\n",
		"# Key judgments\n\n1. **HIGH confidence.** likely, perhaps.\n   - nested\n2. none\n\n> quote\n",
		"# Pairs\n\n## aze-geo\n\n| a |\n|---|\n| 1 |\n\n## ZZZ\n\n```\ncode\n```\n<div>\n",
		"[ref]: event:x\n# Bottom line\n\n[a][ref] <https://x.org> <javascript:x> \r\n\tindent\n",
	} {
		f.Add([]byte(s))
	}
	cfg := testConfig(f)
	r := aggregate(f, cfg, "2025-W43", fixture())
	known := KnownIDs(&Dataset{Events: fixture()})
	f.Fuzz(func(t *testing.T, src []byte) {
		a, errs := ParseNotes(cfg, "n.md", src)
		errs = append(errs, CheckNotes(a, known, r)...)
		lines := bytes.Split(src, []byte("\n"))
		for _, d := range errs {
			msg := d.Error()
			if strings.Contains(msg, "\n") || d.Msg == "" {
				t.Fatalf("problem not one line with a message: %q", msg)
			}
			p := d.Pos
			if p.File != "n.md" || p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Fatalf("problem outside the file (%d lines): %q", len(lines), msg)
			}
		}
	})
}

// TestJudgmentLabel: the label is dropped from the judgment's text
// however the item continues.
func TestJudgmentLabel(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []Span
	}{
		{"- **Low confidence.** Text.", []Span{{Text: "Text."}}},
		{"- **Low confidence.** **Bold** text.", []Span{{Text: "Bold", Bold: true}, {Text: " text."}}},
		{"- **Low confidence.**", nil},
		{"- **LOW confidence.**\n  *Next* line.", []Span{{Text: "Next", Italic: true}, {Text: " line."}}},
	} {
		a, errs := ParseNotes(testConfig(t), "n.md", []byte("# Key judgments\n\n"+tc.src+"\n"))
		if len(errs) != 0 || len(a.Judgments) != 1 || a.Judgments[0].Confidence != "Low" {
			t.Fatalf("%q: %v %+v", tc.src, errs, a.Judgments)
		}
		var got []Span
		for _, b := range a.Judgments[0].Text {
			got = append(got, b.Spans...)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: text %+v, want %+v", tc.src, got, tc.want)
		}
	}
}

// BenchmarkParseNotes: a long notes file, 20,000 lines of prose with
// emphasis, links and a word off the scale on each line (about 1.3 MB,
// far past any real assessment): parsing stays linear.
func BenchmarkParseNotes(b *testing.B) {
	src := []byte("# Bottom line\n\n" + strings.Repeat("Talks *perhaps* went on, see [the record](event:bi) and **more**.\n", 20000))
	cfg := testConfig(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ParseNotes(cfg, "n.md", src)
	}
}
