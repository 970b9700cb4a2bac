package xlsx

import (
	"encoding/xml"
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
	w, _ := f.GetColWidth("Events", "P") // Summary
	want := float64(wrappedLines(long, w) * lineHeight)
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
