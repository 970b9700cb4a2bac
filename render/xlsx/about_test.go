package xlsx

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestDiagnostics lists the run's warnings and the workbook's own (a cut
// cell) on the Diagnostics sheet, one row each, parts in columns; About
// counts them.
func TestDiagnostics(t *testing.T) {
	r := generatedReport(t, 20, 4, "all")
	r.Events[0].Summary = strings.Repeat("x", excelize.TotalCellChars+1)
	var warns pipeline.ErrorList
	warns.Warn(pipeline.Position{File: "input/a.toml", Line: 14, Col: 3}, "ev-1", "focus_areas", `"Energy" is not in [focus_areas]; kept as written`)
	warns.Warn(pipeline.Position{File: "input/b.toml"}, "", "", "=1+1 starts like a formula")
	f := open(t, render(t, r, Options{Warnings: warns}))
	rows, err := f.GetRows("Diagnostics")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		contract["Diagnostics"],
		{"warning", "input/a.toml", "14", "3", "ev-1", "focus_areas", `"Energy" is not in [focus_areas]; kept as written`},
		{"warning", "input/b.toml", "", "", "", "", "=1+1 starts like a formula"},
		{"warning", "", "", "", r.Events[0].ID, "summary", "32768 characters; an Excel cell holds 32767, so the workbook has only the first 32767"},
	}
	if !slices.EqualFunc(trimRows(rows), trimRows(want), slices.Equal) {
		t.Errorf("Diagnostics =\n%q\nwant\n%q", rows, want)
	}
	if got, _ := f.GetCellValue("About", "B"+itoa(aboutRow(t, f, "Warnings"))); got != "3" {
		t.Errorf("About Warnings = %s, want 3", got)
	}
}

// TestChartSheet: the chart is on a sheet of its own, right of the two
// columns it plots, so it covers no cell with data.
func TestChartSheet(t *testing.T) {
	r := generatedReport(t, 300, 2, "2025")
	b := render(t, r, Options{})
	f := open(t, b)
	rows, _ := f.GetRows("Chart")
	if len(rows) != chartPairs+1 || rows[1][0] != r.Pairs[0].Key || rows[1][1] != itoa(r.Pairs[0].Events) {
		t.Errorf("Chart rows %q, want the %d busiest pairs", rows, chartPairs)
	}
	_, parts := unzip(t, b)
	var drawings []string
	for name := range parts {
		if strings.HasPrefix(name, "xl/drawings/drawing") && strings.HasSuffix(name, ".xml") {
			drawings = append(drawings, name)
		}
	}
	if len(drawings) != 1 {
		t.Fatalf("drawings %q, want one", drawings)
	}
	from := regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col>`).FindSubmatch(parts[drawings[0]])
	if from == nil || string(from[1]) != "3" {
		t.Errorf("chart anchored at column %q, want 3 (D), right of Pair and Events", from)
	}
	// The sheet holding it has data in columns A and B only.
	found := 0
	for name, data := range parts {
		if strings.HasPrefix(name, "xl/worksheets/_rels/") && strings.Contains(string(data), "drawing") {
			found++
			sheet := parts[sheetPartOf(name)]
			if c := regexp.MustCompile(`<c r="[C-Z]`).Find(sheet); c != nil || !strings.Contains(string(sheet), "<drawing") {
				t.Errorf("%s holds the chart and a cell %s right of B", sheetPartOf(name), c)
			}
		}
	}
	if found != 1 {
		t.Errorf("%d sheets have a drawing, want 1", found)
	}
}
