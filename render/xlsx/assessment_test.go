package xlsx

import (
	"slices"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestAssessmentSheet reads the Assessment sheet back: after Summary, an
// Excel table, one row per part in order, the text plain, the linked ids.
func TestAssessmentSheet(t *testing.T) {
	r := exampleReport(t)
	src := "# Bottom line\n\nTalks **went on** ([record](event:a1)).\n\nSecond paragraph.\n\n" +
		"# Key judgments\n\n- **High confidence.** Ties *deepen*, see [this](event:a2) and [that](event:a1).\n- Missing label.\n\n" +
		"# Pairs\n\n## TUR-AZE\n\n1. One.\n2. Two, [src](https://example.org).\n\n## AZE-GEO\n\n- A point.\n"
	a, _ := pipeline.ParseNotes(pipeline.DefaultConfig(), "n.md", []byte(src))
	r.Assessment = a
	f := open(t, render(t, r, Options{}))
	if got, want := f.GetSheetList(), slices.Insert(slices.Clone(sheetOrder), 1, "Assessment"); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	rows, err := f.GetRows("Assessment")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Period", "Part", "Pair", "Confidence", "Text", "Events"},
		{"all", "bottom line", "", "", "Talks went on (record).\nSecond paragraph.", "a1"},
		{"all", "judgment", "", "High", "Ties deepen, see this and that.", "a2, a1"},
		{"all", "judgment", "", "", "Missing label.", ""},
		{"all", "pair", "AZE-GEO", "", "• A point.", ""},
		{"all", "pair", "AZE-TUR", "", "1. One.\n2. Two, src.", ""},
	}
	for i := range rows {
		for len(rows[i]) < 6 {
			rows[i] = append(rows[i], "")
		}
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows =\n%q\nwant\n%q", rows, want)
	}
	if tables, err := f.GetTables("Assessment"); err != nil || len(tables) != 1 || tables[0].Range != "A1:F6" {
		t.Errorf("tables = %+v, %v; want one on A1:F6", tables, err)
	}
}
