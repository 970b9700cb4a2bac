package xlsx

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// printXML is what TestPrintSetup reads from a worksheet part.
type printXML struct {
	SheetPr *struct {
		PageSetUpPr *struct {
			FitToPage bool `xml:"fitToPage,attr"`
		} `xml:"pageSetUpPr"`
	} `xml:"sheetPr"`
	Cols []struct {
		Width float64 `xml:"width,attr"`
	} `xml:"cols>col"`
	PageSetup struct {
		Orientation string `xml:"orientation,attr"`
		PaperSize   int    `xml:"paperSize,attr"`
		FitToWidth  string `xml:"fitToWidth,attr"`
		FitToHeight string `xml:"fitToHeight,attr"`
	} `xml:"pageSetup"`
	HeaderFooter struct {
		OddHeader string `xml:"oddHeader"`
		OddFooter string `xml:"oddFooter"`
	} `xml:"headerFooter"`
}

// TestPrintSetup reads every worksheet's XML: the marking (with an "&",
// which a header must double) is centred in the header and footer, the
// footer counts pages, the paper is A4, a sheet is landscape only when its
// columns do not fit portrait and fits one page wide only when that keeps
// the scale at 70 % or more, and every sheet repeats its header row (and
// its first column when it prints over several pages across).
func TestPrintSetup(t *testing.T) {
	r := generatedReport(t, 200, 3, "2025-Q1")
	r.Classification = "SECRET & REL TO GEO"
	b := render(t, r, Options{})
	_, parts := unzip(t, b)
	f := open(t, b)

	const marking = "SECRET && REL TO GEO"
	sheets := 0
	var seen = map[string]bool{}
	for name, data := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		var ws printXML
		if err := xml.Unmarshal(data, &ws); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		hf := ws.HeaderFooter
		if !strings.Contains(hf.OddHeader, "&C&B"+marking+"&B") || !strings.Contains(hf.OddFooter, "&C&B"+marking+"&B") {
			t.Errorf("%s: header %q, footer %q: want the marking %q centred in both", name, hf.OddHeader, hf.OddFooter, marking)
		}
		if !strings.Contains(hf.OddFooter, "Page &P of &N") || !strings.Contains(hf.OddHeader, "&L&A") {
			t.Errorf("%s: header %q, footer %q: want the sheet's name and Page &P of &N", name, hf.OddHeader, hf.OddFooter)
		}
		ps := ws.PageSetup
		if ps.PaperSize != 9 {
			t.Errorf("%s: paper size %d, want 9 (A4)", name, ps.PaperSize)
		}
		pt := 0.0
		for _, c := range ws.Cols {
			pt += (c.Width*7 + 5) * 0.75
		}
		fit := ws.SheetPr != nil && ws.SheetPr.PageSetUpPr != nil && ws.SheetPr.PageSetUpPr.FitToPage
		landscape := ps.Orientation == "landscape"
		switch {
		case !landscape && pt > portraitPt:
			t.Errorf("%s: portrait with %.0f pt of columns, more than A4's %.0f", name, pt, portraitPt)
		case landscape && pt <= portraitPt:
			t.Errorf("%s: landscape with %.0f pt of columns, which fit portrait", name, pt)
		case fit && pt/landscapePt > 1/minPrintScale:
			t.Errorf("%s: fit to one page wide at %.0f %%", name, 100*landscapePt/pt)
		case !fit && pt/landscapePt <= 1/minPrintScale:
			t.Errorf("%s: %.0f pt of columns would fit one page at %.0f %%, but it is not fitted", name, pt, 100*landscapePt/pt)
		case fit && (ps.FitToWidth != "1" || ps.FitToHeight != "0"):
			t.Errorf("%s: fit to %s×%s pages, want 1 wide, any tall", name, ps.FitToWidth, ps.FitToHeight)
		}
		seen[strconv.FormatBool(landscape)+"/"+strconv.FormatBool(fit)] = true
	}
	if sheets != len(f.GetSheetList()) {
		t.Errorf("%d worksheet parts, %d sheets", sheets, len(f.GetSheetList()))
	}
	// The generated workbook has all three layouts, so each branch above ran.
	for _, k := range []string{"false/true", "true/true", "true/false"} {
		if !seen[k] {
			t.Errorf("no sheet is landscape/fit %s: %v", k, seen)
		}
	}

	titles := map[string]string{}
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles[n.Scope] = n.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		q := "'" + sheet + "'!"
		if got := titles[sheet]; got != q+"$1:$1" && got != q+"$A:$A,"+q+"$1:$1" {
			t.Errorf("%s: print titles %q, want its header row", sheet, got)
		}
	}
}

// TestHeaderFooterText holds what a marking becomes in a header: one
// line, "&" doubled, cut with an ellipsis within Excel's 255 characters.
func TestHeaderFooterText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"UNCLASSIFIED", "UNCLASSIFIED"},
		{"A & B", "A && B"},
		{"line\nbreak\tand tab", "line break and tab"},
		{strings.Repeat("x", 200), strings.Repeat("x", maxMarking-1) + "…"},
		{strings.Repeat("&", 100), strings.Repeat("&&", (maxMarking-1)/2) + "…"},
	} {
		if got := hfText(tc.in, maxMarking); got != tc.want {
			t.Errorf("hfText(%.30q) = %.40q (%d), want %.40q (%d)", tc.in, got, len(got), tc.want, len(tc.want))
		}
	}
	// The longest marking still renders: excelize refuses a header over 255.
	r := generatedReport(t, 5, 1, "all")
	r.Classification = strings.Repeat("ქ&", 300)
	if _, _, err := Render(r, Options{}); err != nil {
		t.Errorf("a long marking: %v", err)
	}
}

// TestWrappedLines holds the line estimate that row heights come from.
func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"123456789", 10, 1},
		{"1234567890", 10, 2},
		{"aaaa bbbb cccc", 10, 2},        // "aaaa bbbb" | "cccc"
		{"aaaa bbbbbbb", 10, 2},          // the word moves down whole
		{strings.Repeat("x", 30), 10, 4}, // broken every 9
		{"one\ntwo\n\nfour", 40, 4},
		// After a hyphen a letter may start a line, a digit may not.
		{"2025-10-22-baku-meeting-9655", 14, 3}, // "2025-10-22-" | "baku-" | "meeting-9655"
		{"ARM-AZE, ARM-KAZ, AZE-KAZ", 19, 2},
		{"ARM-AZE, ARM-KAZ, AZE-KAZ", 12, 3},
		{strings.Repeat("word ", 10000), 20, maxLines},
	} {
		if got := wrappedLines(tc.s, tc.width); got != tc.want {
			t.Errorf("wrappedLines(%.20q, %v) = %d, want %d", tc.s, tc.width, got, tc.want)
		}
	}
}

// TestRowHeights renders an event with a long summary and one with short
// texts: the first row is as tall as its wrapped lines, the second keeps
// the default height, and headers are tall enough for their wrapped names.
func TestRowHeights(t *testing.T) {
	r := generatedReport(t, 2, 1, "all")
	long := strings.Repeat("A sentence of the summary that wraps. ", 40)
	r.Events[0].Summary, r.Events[0].Outcomes = long, nil
	r.Events[1].Summary, r.Events[1].Title, r.Events[1].Outcomes, r.Events[1].Participants, r.Events[1].FocusAreas = "Short.", "Short", nil, nil, []string{"X"}
	b := render(t, r, Options{})
	f := open(t, b)
	w, _ := f.GetColWidth("Events", "P")                                   // Summary
	want := float64(wrappedLines(strings.TrimSpace(long), w) * lineHeight) // the cell's text
	if want < 10*lineHeight {
		t.Fatalf("the long summary wraps to only %v pt at width %v", want, w)
	}
	if h, _ := f.GetRowHeight("Events", 2); h != want {
		t.Errorf("Events row 2 height %v, want %v", h, want)
	}
	if h, _ := f.GetRowHeight("Events", 3); h != 15 {
		t.Errorf("Events row 3 height %v, want the default 15", h)
	}
	for _, sheet := range []string{"Summary", "Events"} {
		if h, _ := f.GetRowHeight(sheet, 1); h != 2*lineHeight {
			t.Errorf("%s header height %v, want two lines", sheet, h)
		}
	}
	// The cap: a row is never taller than Excel allows.
	r.Events[0].Summary = strings.Repeat("x\n", 1000)
	f = open(t, render(t, r, Options{}))
	if h, _ := f.GetRowHeight("Events", 2); h != excelize.MaxRowHeight {
		t.Errorf("a 1000-line summary: height %v, want %d", h, excelize.MaxRowHeight)
	}
}

// areaXML is what TestPrintArea reads from a worksheet part.
type areaXML struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Rows []struct {
		R     int        `xml:"r,attr"`
		Ht    float64    `xml:"ht,attr"`
		Cells []struct{} `xml:"c"`
	} `xml:"sheetData>row"`
	Margins *struct {
		Left   float64 `xml:"left,attr"`
		Right  float64 `xml:"right,attr"`
		Top    float64 `xml:"top,attr"`
		Bottom float64 `xml:"bottom,attr"`
		Header float64 `xml:"header,attr"`
		Footer float64 `xml:"footer,attr"`
	} `xml:"pageMargins"`
	Fit *struct {
		FitToPage bool `xml:"fitToPage,attr"`
	} `xml:"sheetPr>pageSetUpPr"`
	Cols []struct {
		Width float64 `xml:"width,attr"`
	} `xml:"cols>col"`
	Breaks []struct {
		ID int `xml:"id,attr"`
	} `xml:"rowBreaks>brk"`
}

// TestPrintArea reads every worksheet's XML: its dimension and print area
// are the table's cells, header to last row (without a print area
// LibreOffice prints the cells a long text overflows into as pages more),
// the margins are written out, and a sheet breaks its pages where rows.go's
// row heights fill pageRows under the repeated header, no later and no
// sooner (LibreOffice leaves blank pages where its count and its print
// disagree on a full page).
func TestPrintArea(t *testing.T) {
	r := generatedReport(t, 300, 5, "2025")
	for i, e := range r.Events {
		// Rows of one to a dozen lines.
		e.Summary = strings.Repeat("A sentence of the summary that wraps. ", i%30)
	}
	b := render(t, r, Options{RowLimit: 150})
	_, parts := unzip(t, b)
	f := open(t, b)
	areas := map[string]string{}
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Area" {
			areas[n.Scope] = n.RefersTo
		}
	}
	broken := 0
	for id, sheet := range f.GetSheetMap() {
		name := "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
		var ws areaXML
		if err := xml.Unmarshal(parts[name], &ws); err != nil {
			t.Fatalf("%s (%s): %v", name, sheet, err)
		}
		rows := len(ws.Rows)
		if rows == 0 || ws.Rows[rows-1].R != rows {
			t.Fatalf("%s: %d rows, the last numbered %d", sheet, rows, ws.Rows[rows-1].R)
		}
		last, _ := excelize.CoordinatesToCellName(len(ws.Rows[0].Cells), rows)
		if ws.Dimension.Ref != "A1:"+last {
			t.Errorf("%s: dimension %q, want A1:%s", sheet, ws.Dimension.Ref, last)
		}
		col, _ := excelize.ColumnNumberToName(len(ws.Rows[0].Cells))
		want := "'" + sheet + "'!$A$1:$" + col + "$" + strconv.Itoa(rows)
		if areas[sheet] != want {
			t.Errorf("%s: print area %q, want %q", sheet, areas[sheet], want)
		}
		if m := ws.Margins; m == nil || m.Left != marginSide || m.Right != marginSide || m.Top != marginTop || m.Bottom != marginTop || m.Header != marginHF || m.Footer != marginHF {
			t.Errorf("%s: margins %+v, want Excel's defaults", sheet, ws.Margins)
		}

		// The breaks the sheet should have, from its row heights.
		var widths []float64
		for _, c := range ws.Cols {
			widths = append(widths, c.Width)
		}
		l := printLayout(widths)
		if fit := ws.Fit != nil && ws.Fit.FitToPage; fit != l.fit {
			t.Fatalf("%s: fitted %v, its layout %+v", sheet, fit, l)
		}
		height := func(i int) float64 {
			if h := ws.Rows[i].Ht; h > 0 {
				return h
			}
			return lineHeight
		}
		var want2 []int
		room, used := pageRows(l)-height(0), 0.0
		for i := 1; i < rows; i++ {
			if used > 0 && used+height(i) > room {
				want2 = append(want2, ws.Rows[i].R-1) // a break's id is the row before it
				used = 0
			}
			used += height(i)
		}
		var got []int
		for _, b := range ws.Breaks {
			got = append(got, b.ID)
		}
		if !slices.Equal(got, want2) {
			t.Errorf("%s: page breaks after rows %v, want %v", sheet, got, want2)
		}
		if len(want2) > 0 {
			broken++
			t.Logf("%s: %d breaks", sheet, len(want2))
		}
	}
	if broken < 4 {
		t.Errorf("only %d sheets have page breaks; the test wants Summary, Events and the long tables", broken)
	}
}

// TestPageBreaksLimit holds the bound: a sheet that needs more manual
// breaks than Excel keeps gets none, and one that needs exactly that many
// gets them all.
func TestPageBreaksLimit(t *testing.T) {
	l := layout{landscape: true, scale: 1}
	room := pageRows(l) - lineHeight
	perPage := int(room / lineHeight) // one-line rows under a one-line header
	tbl := func(rows int) *table {
		return &table{cols: []column{{name: "A", kind: textCol}}, rows: rows, row: func(i int, v []any) { v[0] = "x" }}
	}
	var b book
	fits := (maxBreaks + 1) * perPage
	if got := b.pageBreaks(tbl(fits), 0, fits, []float64{10}, lineHeight, l); len(got) != maxBreaks || got[0] != perPage+2 {
		t.Errorf("%d rows: %d breaks, the first at row %v; want %d, at row %d", fits, len(got), got[:min(1, len(got))], maxBreaks, perPage+2)
	}
	if got := b.pageBreaks(tbl(fits+1), 0, fits+1, []float64{10}, lineHeight, l); got != nil {
		t.Errorf("%d rows: %d breaks, want none (more than %d)", fits+1, len(got), maxBreaks)
	}
	// Rows [lo, hi) of a continued sheet are numbered from its row 2.
	if got := b.pageBreaks(tbl(3*perPage), perPage, 3*perPage, []float64{10}, lineHeight, l); !slices.Equal(got, []int{perPage + 2}) {
		t.Errorf("rows [%d, %d): breaks %v, want [%d]", perPage, 3*perPage, got, perPage+2)
	}
}

// TestNarrowWrapped fits widths to a table's texts: the id column is as
// wide as nine ids in ten, and beside a summary of several lines the
// title and the ids narrow as far as they stay within each row's lines,
// so no row grows; in rows of one line nothing narrows.
func TestNarrowWrapped(t *testing.T) {
	ids := make([]string, 20)
	for i := range ids {
		ids[i] = fmt.Sprintf("2025-10-%02d-baku-meeting-%04d", i+1, i) // 28 characters
	}
	ids[7] = "2025-10-22-garaheybat-training-ground-exercise-9675"
	title := "Meeting of the interior ministers of four states" // 48
	cols := []column{eventIDColumn(), {name: "Title", kind: wrapCol, max: 50}, {name: "Summary", kind: wrapCol, max: 80}}
	tbl := func(summary string) *table {
		return &table{cols: cols, rows: len(ids), row: func(i int, v []any) { v[0], v[1], v[2] = ids[i], title, summary }}
	}
	var b book
	vals := make([]any, len(cols))

	// One-line rows (but the long id's): the ids' 90th percentile (28 +
	// 2), the title's length and a character of padding, as wrappedLines
	// counts it, the summary's header.
	if got, want := b.widths(tbl("Short."), 0, len(ids), vals), []float64{30, 48 + 1, 7 + headerButton}; !slices.Equal(got, want) {
		t.Errorf("one-line rows: widths %v, want %v", got, want)
	}

	for _, n := range []int{3, 5, 12} {
		summary := strings.Repeat("A sentence of the summary that wraps. ", n)
		ws := b.widths(tbl(summary), 0, len(ids), vals)
		lines := func(i int, ws []float64) int {
			return max(wrappedLines(ids[i], ws[0]), wrappedLines(title, ws[1]), wrappedLines(summary, ws[2]))
		}
		// The rows' lines at the widths before narrowing.
		before := []float64{30, 50, 80}
		for i := range ids {
			if got, want := lines(i, ws), lines(i, before); got != want {
				t.Errorf("%d sentences, row %d: %d lines at widths %v, %d at %v", n, i, got, ws, want, before)
			}
		}
		if ws[0] >= 30 && ws[1] >= 50 {
			t.Errorf("%d sentences: widths %v, nothing narrowed", n, ws)
		}
		// Each narrowed column is as narrow as it can be: one less and a
		// row would grow.
		for c, floor := range []float64{24, minWrapWidth, minWrapWidth} {
			if ws[c] <= floor || ws[c] == before[c] {
				continue
			}
			narrower := slices.Clone(ws)
			narrower[c]--
			grows := false
			for i := range ids {
				grows = grows || lines(i, narrower) > lines(i, before)
			}
			if !grows {
				t.Errorf("%d sentences: column %d at width %v, %v would do", n, c, ws[c], narrower[c])
			}
		}
		t.Logf("%d sentences (%d lines at 80): widths %v", n, wrappedLines(summary, 80), ws)
	}
}
