package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestRowLimit renders with ten rows per sheet: every sheet past the limit
// continues on "Name (2)", "Name (3)", … right after it, each with the
// same header, its own table and a frozen header, and every row appears
// exactly once, in order.
func TestRowLimit(t *testing.T) {
	const limit = 10
	r := generatedReport(t, 60, 9, "all")
	f := open(t, render(t, r, Options{RowLimit: limit}))

	want := map[string][]string{} // sheet → first column of every row
	for _, p := range r.Pairs {
		want["Summary"] = append(want["Summary"], p.Key)
		for range p.FocusAreas {
			want["Focus areas"] = append(want["Focus areas"], p.Key)
		}
	}
	for _, e := range r.Events {
		want["Events"] = append(want["Events"], e.ID)
		for range r.EventPairs(e) {
			want["Event pairs"] = append(want["Event pairs"], e.ID)
		}
		for range e.Countries {
			want["Event countries"] = append(want["Event countries"], e.ID)
		}
		for range e.FocusAreas {
			want["Event focus areas"] = append(want["Event focus areas"], e.ID)
		}
		for range e.Participants {
			want["Participants"] = append(want["Participants"], e.ID)
		}
		for range e.Sources {
			want["Sources"] = append(want["Sources"], e.ID)
		}
	}
	for _, p := range r.Pairs[:min(len(r.Pairs), chartPairs)] {
		want["Chart"] = append(want["Chart"], p.Key)
	}
	want["About"] = make([]string, len(settings(r, nil)))
	for i, s := range settings(r, nil) {
		want["About"][i] = s.key
	}

	var order []string
	for _, base := range sheetOrder {
		parts := (len(want[base]) + limit - 2) / (limit - 1)
		for k := 1; k <= max(parts, 1); k++ {
			name := base
			if k > 1 {
				name = fmt.Sprintf("%s (%d)", base, k)
			}
			order = append(order, name)
		}
	}
	if got := f.GetSheetList(); !slices.Equal(got, order) {
		t.Fatalf("sheets = %q,\nwant %q", got, order)
	}

	got := map[string][]string{}
	headers := map[string][]string{}
	for _, sheet := range order {
		base := sheet
		if i := strings.LastIndex(sheet, " ("); i > 0 {
			base = sheet[:i]
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) > limit {
			t.Errorf("%s has %d rows, limit %d", sheet, len(rows), limit)
		}
		if h, ok := headers[base]; ok && !slices.Equal(rows[0], h) {
			t.Errorf("%s header %q, want %q", sheet, rows[0], h)
		}
		headers[base] = rows[0]
		for _, row := range rows[1:] {
			got[base] = append(got[base], row[0])
		}
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 {
			t.Fatalf("%s tables = %v, %v", sheet, tables, err)
		}
		last, _ := excelize.CoordinatesToCellName(len(rows[0]), max(len(rows), 2))
		if tables[0].Range != "A1:"+last {
			t.Errorf("%s table range %s, want A1:%s", sheet, tables[0].Range, last)
		}
		if p, _ := f.GetPanes(sheet); !p.Freeze || p.TopLeftCell != "A2" {
			t.Errorf("%s panes %+v, want the header frozen", sheet, p)
		}
	}
	for base, w := range want {
		if !slices.Equal(got[base], w) {
			t.Errorf("%s rows across its sheets:\n got %q\nwant %q", base, got[base], w)
		}
	}
}

func TestRowLimitOptions(t *testing.T) {
	r := generatedReport(t, 5, 1, "all")
	for _, n := range []int{-1, 1, ExcelRowLimit + 1} {
		if _, _, err := Render(r, Options{RowLimit: n}); err == nil {
			t.Errorf("RowLimit %d: no error", n)
		}
	}
	// Two rows: a header and one data row per sheet.
	f := open(t, render(t, r, Options{RowLimit: 2}))
	sheets := f.GetSheetList()
	last := fmt.Sprintf("Events (%d)", len(r.Events))
	after := fmt.Sprintf("Events (%d)", len(r.Events)+1)
	if !slices.Contains(sheets, last) || slices.Contains(sheets, after) {
		t.Errorf("sheets = %q, want Events up to %q", sheets, last)
	}
}

// TestEmptyReport renders a report without events: every sheet is there
// with its header and a table over an empty row.
func TestEmptyReport(t *testing.T) {
	f := open(t, render(t, &pipeline.Report{}, Options{}))
	if got := f.GetSheetList(); !slices.Equal(got, sheetOrder) {
		t.Fatalf("sheets = %q", got)
	}
	for _, sheet := range sheetOrder {
		if sheet == "About" {
			continue
		}
		rows, _ := f.GetRows(sheet)
		if len(rows) != 1 || !slices.Equal(rows[0][:len(contract[sheet])], contract[sheet]) {
			t.Errorf("%s rows = %q, want the header only", sheet, rows)
		}
		tables, _ := f.GetTables(sheet)
		last, _ := excelize.CoordinatesToCellName(len(rows[0]), 2)
		if len(tables) != 1 || tables[0].Range != "A1:"+last {
			t.Errorf("%s tables = %+v, want A1:%s", sheet, tables, last)
		}
	}
}
