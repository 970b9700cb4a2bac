package xlsx

import (
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

// Printable widths of A4 in points, between Excel's default margins of
// 0.7 inch left and right.
const (
	portraitPt  = (8.27 - 1.4) * 72
	landscapePt = (11.69 - 1.4) * 72
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
	fit       bool // one page wide
}

func printLayout(widths []float64) layout {
	pt := 0.0
	for _, w := range widths {
		pt += colPoints(w)
	}
	switch {
	case pt <= portraitPt:
		return layout{fit: true}
	case pt <= landscapePt/minPrintScale:
		return layout{landscape: true, fit: true}
	}
	return layout{landscape: true}
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

// pageSetup sets how a sheet prints. The stream writer writes the sheet's
// properties when it opens, so this comes first.
func (b *book) pageSetup(sheet string, widths []float64) error {
	l := printLayout(widths)
	a4, orientation := 9, "portrait"
	if l.landscape {
		orientation = "landscape"
	}
	opts := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation}
	if l.fit {
		fit, wide, tall := true, 1, 0
		if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
		opts.FitToWidth, opts.FitToHeight = &wide, &tall
	}
	if err := b.f.SetPageLayout(sheet, opts); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: b.print.header, OddFooter: b.print.footer}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	titles := quoted + "$1:$1"
	if !l.fit {
		titles = quoted + "$A:$A," + titles
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}
