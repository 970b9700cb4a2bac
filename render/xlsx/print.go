package xlsx

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// Printing. Every sheet prints on A4 with the classification marking
// centred in its header and footer, as the PDF has it, "Page N of M" and
// the header row on every page. The orientation and scale follow the
// sheet's width: portrait when its columns fit, landscape otherwise, and
// one page wide only when that scales the text to no less than
// minPrintScale; a wider sheet prints over several pages across, its
// first column (the event or pair) repeated on each.

// Excel's default margins, in inches: every sheet is given them.
const (
	marginSide = 0.7
	marginTop  = 0.75 // and bottom
	marginHF   = 0.3  // the header's and footer's distance from the edge
)

// Printable widths of A4 in points, between the side margins.
const (
	portraitPt  = (8.27 - 2*marginSide) * 72
	landscapePt = (11.69 - 2*marginSide) * 72
)

// minPrintScale keeps 11 pt text at 7.7 pt or more when a sheet is
// shrunk to one page wide.
const minPrintScale = 0.7

// colPoints is a column's printed width: Excel's width unit is the width
// of a digit (7 px in Calibri 11) plus 5 px of padding, at 0.75 pt a px.
func colPoints(w float64) float64 { return (w*7 + 5) * 0.75 }

// layout is how a sheet of these column widths prints.
type layout struct {
	landscape bool
	fit       bool    // one page wide
	scale     float64 // the scale it prints at, as estimated from the widths
}

func printLayout(widths []float64) layout {
	pt := 0.0
	for _, w := range widths {
		pt += colPoints(w)
	}
	switch {
	case pt <= portraitPt:
		return layout{fit: true, scale: 1}
	case pt <= landscapePt/minPrintScale:
		return layout{landscape: true, fit: true, scale: min(1, landscapePt/pt)}
	}
	return layout{landscape: true, scale: 1}
}

// headerFooter is the header and footer every sheet prints with, in
// Excel's header codes (&L, &C, &R sections; &A the sheet's name; &P and
// &N the page and the number of pages; &B bold).
type headerFooter struct{ header, footer string }

// maxMarking keeps the header and footer under Excel's 255 characters
// with the codes and the sheet name around the marking.
const maxMarking = 120

func newHeaderFooter(r *pipeline.Report) headerFooter {
	marking := hfText(r.Classification, maxMarking)
	period := hfText(r.Period.ID, 40)
	var h, f strings.Builder
	h.WriteString("&L&A")
	if marking != "" {
		h.WriteString("&C&B" + marking + "&B")
		f.WriteString("&C&B" + marking + "&B")
	}
	if period != "" {
		h.WriteString("&R" + period)
	}
	f.WriteString("&RPage &P of &N")
	return headerFooter{h.String(), f.String()}
}

// hfText makes s safe in a header section: one line, "&" doubled (else it
// starts a code), at most n UTF-16 units, cut with an ellipsis.
func hfText(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
	var b strings.Builder
	units := 0
	for _, r := range s {
		u := utf16.RuneLen(r)
		if r == '&' {
			u = 2
		}
		if units+u > n-1 {
			b.WriteString("…")
			break
		}
		units += u
		if r == '&' {
			b.WriteString("&&")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pageSetup sets how a sheet of the cells ref (A1:T201) prints. The
// stream writer writes the sheet's properties and dimension when it
// opens, so this comes first.
//
// The print area is the table: without it LibreOffice prints the cells a
// long text overflows into, right of the last column, as pages more
// across, and counts empty pages it then leaves blank (no header, no
// footer). The dimension says the same to readers that size the sheet from
// it; excelize's stream writer leaves it at A1.
func (b *book) pageSetup(sheet string, widths []float64, ref string) (layout, error) {
	l := printLayout(widths)
	if err := b.f.SetSheetDimension(sheet, ref); err != nil {
		return l, err
	}
	// Excel's defaults, written out: pageBreaks counts on them.
	lr, tb, hf := marginSide, marginTop, marginHF
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf,
	}); err != nil {
		return l, err
	}
	a4, orientation := 9, "portrait"
	if l.landscape {
		orientation = "landscape"
	}
	opts := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation}
	if l.fit {
		fit, wide, tall := true, 1, 0
		if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return l, err
		}
		opts.FitToWidth, opts.FitToHeight = &wide, &tall
	}
	if err := b.f.SetPageLayout(sheet, opts); err != nil {
		return l, err
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: b.print.header, OddFooter: b.print.footer}); err != nil {
		return l, err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	from, to, _ := strings.Cut(ref, ":")
	area := quoted + absRef(from) + ":" + absRef(to)
	if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: area, Scope: sheet}); err != nil {
		return l, err
	}
	titles := quoted + "$1:$1"
	if !l.fit {
		titles = quoted + "$A:$A," + titles
	}
	return l, b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

// absRef makes a cell name absolute: T201 → $T$201.
func absRef(cell string) string {
	i := strings.IndexFunc(cell, unicode.IsDigit)
	return "$" + cell[:i] + "$" + cell[i:]
}

// Page breaks. LibreOffice (7.4) counts a sheet's pages once and prints
// them again, and the two passes can round row heights differently: when
// a page's rows fill it to within a few points, the count has a page more
// for each strip of columns than the print, and the PDF gets them as blank
// pages, with no header and no footer. Every sheet gets manual breaks
// instead, each page filled to pageRows at most, which leaves the passes
// no page to disagree on.

// pageRows is the height of rows a page of layout l takes between breaks,
// in the sheet's points: A4's height less the top and bottom margins, less
// what LibreOffice keeps for the header's and footer's lines (39 pt: 448
// pt of rows fit its landscape page, measured), less 8 pt to spare, at
// the sheet's scale. Excel keeps the header and footer in the margins, and
// LibreOffice's columns are wider where it lacks Calibri, so a fitted
// sheet prints smaller than estimated: both have room to spare.
func pageRows(l layout) float64 {
	paper := 11.69
	if l.landscape {
		paper = 8.27
	}
	return ((paper-2*marginTop)*72 - 39 - 8) / l.scale
}

// maxBreaks is the most manual page breaks Excel keeps in a sheet; a
// sheet of more pages (thousands of rows, which no one prints) is left to
// the application's own breaks.
const maxBreaks = 1026

// pageBreaks returns the rows (1-based, on the sheet) that start a new
// page when rows [lo, hi) of t print in layout l under a header row of
// height head, or nil when the sheet would take more than maxBreaks
// breaks. The row heights are those rows.go writes.
func (b *book) pageBreaks(t *table, lo, hi int, widths []float64, head float64, l layout) []int {
	room := pageRows(l) - head
	// Every page holds a default row at least: past this many rows the
	// breaks would be too many, without reading a row.
	if float64(hi-lo) > (maxBreaks+1)*(room/lineHeight+1) {
		return nil
	}
	wrap := slices.ContainsFunc(t.cols, func(c column) bool { return c.kind == wrapCol })
	var breaks []int
	vals := make([]any, len(t.cols))
	used := 0.0
	for i := lo; i < hi; i++ {
		h := float64(lineHeight)
		if wrap {
			clear(vals)
			t.row(i, vals)
			lines := 1
			for c, col := range t.cols {
				if s, ok := vals[c].(string); ok && col.kind == wrapCol {
					lines = max(lines, wrappedLines(s, widths[c]))
				}
			}
			h = rowHeight(lines)
		}
		if used > 0 && used+h > room {
			if len(breaks) == maxBreaks {
				return nil
			}
			breaks = append(breaks, i-lo+2)
			used = 0
		}
		used += h
	}
	return breaks
}
