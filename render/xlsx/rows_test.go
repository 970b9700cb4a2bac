package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestFastRowsMatchExcelize renders workbooks with rows.go and with
// excelize's StreamWriter writing the rows: every part of the package
// must be the same bytes. The texts are the hard cases of excelize's
// cell writing: white space at either end, characters XML cannot hold,
// invalid UTF-8, "_xHHHH_" sequences, quotes, text longer than a cell,
// dates around Excel's 29 February 1900 and up to 9999, and links.
func TestFastRowsMatchExcelize(t *testing.T) {
	texts := []string{
		" leading", "trailing ", "\ttab", "line\nbreak\r\n", "a\x01b\x1fc", "bad \xff utf-8", "\uFFFE\uFFFF",
		"_x0041_ and _x005F_x0041_ and _x005F_ and _xZZZZ_", `"quoted" & 'apostrophe' <tag>`, "ქართული İ ə 東 😀",
		strings.Repeat("😀", excelize.TotalCellChars/2+3), strings.Repeat("long ", 7000),
		"=1+1", "@SUM(1)", "",
	}
	dates := []time.Time{
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 10, 25, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	var events []*pipeline.Event
	for i, s := range texts {
		d := dates[i%len(dates)]
		events = append(events, &pipeline.Event{
			ID: "ev-" + string(rune('a'+i)), Date: d, EndDate: d.AddDate(0, 0, i), DatePrecision: []string{"day", "month", "year"}[i%3],
			Kind: kindOf("meeting"), Status: []string{"held", "planned", "cancelled"}[i%3], Title: s, Location: s, Summary: s,
			Countries: []string{"AZE", "GEO", "TUR"}[:2+i%2], Host: "GEO", FocusAreas: []string{s, "Border security"},
			Outcomes:     []string{s, s},
			Participants: []pipeline.Participant{{Name: s, Rank: s, Role: s, Organization: s, Country: "GEO"}},
			Sources: []pipeline.Source{
				{Title: s, Publisher: s, URL: "https://example.org/" + strings.ReplaceAll(s, " ", "%20"), Published: d, Reliability: "B", Credibility: 2},
				{Title: s, URL: s},
			},
		})
	}
	cases := map[string]*pipeline.Report{
		"edge cases": {Title: "t", Classification: "C", Events: events},
		"generated":  generatedReport(t, 400, 21, "2025"),
		"example":    exampleReport(t),
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			fast, fw, err := Render(r, Options{})
			if err != nil {
				t.Fatal(err)
			}
			slow, sw, err := Render(r, Options{excelizeRows: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(fw) != len(sw) {
				t.Errorf("%d warnings, excelize's path %d", len(fw), len(sw))
			}
			_, fp := unzip(t, fast)
			_, sp := unzip(t, slow)
			if len(fp) != len(sp) {
				t.Errorf("%d parts, excelize's path %d", len(fp), len(sp))
			}
			for part, want := range sp {
				got := fp[part]
				if bytes.Equal(got, want) {
					continue
				}
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s differs at byte %d:\n  rows.go  %.200q\n excelize %.200q", part, i, got[max(0, i-40):], want[max(0, i-40):])
			}
			if !bytes.Equal(fast, slow) {
				t.Errorf("the packages differ (%d and %d bytes)", len(fast), len(slow))
			}
		})
	}
}
