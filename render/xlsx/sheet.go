package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// tableStyle is one of Excel's built-in styles: banded rows under a blue header.
const tableStyle = "TableStyleMedium2"

// widthSample is how many rows of a sheet its column widths are fitted
// to; the widths must be set before the first row is streamed.
const widthSample = 1000

// book writes tables into a workbook, one streamed sheet at a time.
type book struct {
	f       *excelize.File
	limit   int // rows per sheet, header included
	styles  *styles
	links   map[string][]link  // filled for zipWriter
	started bool               // the first sheet replaced excelize's Sheet1
	warns   pipeline.ErrorList // texts cut to a cell's length
}

// write streams t over as many sheets as the row limit needs; an empty
// table still gets its sheet, header and table.
func (b *book) write(t *table) error {
	per := b.limit - 1
	for part, lo := 1, 0; part == 1 || lo < t.rows; part, lo = part+1, lo+per {
		hi := min(lo+per, t.rows)
		sheet, name := t.sheet, t.name
		if part > 1 {
			sheet = fmt.Sprintf("%s (%d)", t.sheet, part)
			name = t.name + "_" + strconv.Itoa(part)
		}
		if err := b.writePart(t, sheet, name, lo, hi, part == 1); err != nil {
			return err
		}
	}
	return nil
}

// writePart writes rows [lo, hi) of t on one sheet.
func (b *book) writePart(t *table, sheet, name string, lo, hi int, first bool) error {
	sw, err := b.newSheet(sheet)
	if err != nil {
		return err
	}
	vals := make([]any, len(t.cols))
	widths := b.widths(t, lo, hi, vals)
	// excelize puts each column set before the earlier ones, and Excel wants
	// them in ascending order: set them from the last.
	for c := len(widths) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, widths[c]); err != nil {
			return err
		}
		if err := sw.SetColStyle(c+1, c+1, b.colStyle(t.cols[c].kind)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	for c, col := range t.cols {
		vals[c] = excelize.Cell{StyleID: b.styles.header, Value: col.name}
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return err
	}
	links, err := b.writeRows(sw, t, lo, hi, vals)
	if err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(t.cols), hi-lo+1)
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: name, StyleName: tableStyle}); err != nil {
		return err
	}
	if first && t.decorate != nil {
		if err := t.decorate(b, sheet, hi-lo); err != nil {
			return err
		}
	}
	if len(links) > 0 {
		// excelize names a sheet's part after its id; zipWriter fails when
		// no such part is written, so a change there cannot go unnoticed.
		b.links[fmt.Sprintf("xl/worksheets/sheet%d.xml", sw.SheetID)] = links
	}
	return sw.Flush()
}

// writeRows streams rows [lo, hi) of t below the header and returns the
// hyperlinks of their URL cells, at most maxLinks.
func (b *book) writeRows(sw *excelize.StreamWriter, t *table, lo, hi int, vals []any) ([]link, error) {
	var links []link
	for i := lo; i < hi; i++ {
		clear(vals)
		t.row(i, vals)
		r := i - lo + 2
		for c := range vals {
			if s, ok := vals[c].(string); ok && len(s) > excelize.TotalCellChars {
				b.checkLength(t, i, c, s)
			}
			vals[c] = b.cell(vals[c], t.cols[c].kind)
			if s, ok := vals[c].(string); ok && t.cols[c].kind == linkCol {
				target, ok := linkTarget(s)
				if !ok || len(links) == maxLinks {
					// Not a link: plain text, not blue and underlined.
					vals[c] = excelize.Cell{StyleID: b.styles.text, Value: s}
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r)
				links = append(links, link{ref: ref, target: target})
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(r), vals); err != nil {
			return nil, err
		}
	}
	return links, nil
}

// newSheet adds a sheet and opens its stream writer. The first one takes
// the place of the Sheet1 every new excelize file starts with.
func (b *book) newSheet(name string) (*excelize.StreamWriter, error) {
	if !b.started {
		b.started = true
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, err
	}
	if err := b.pageSetup(name); err != nil {
		return nil, err
	}
	return b.f.NewStreamWriter(name)
}

// pageSetup makes a sheet print legibly: A4 landscape, as wide as one page,
// the header row on every page. The stream writer writes sheet properties
// when it opens, so this comes first.
func (b *book) pageSetup(sheet string) error {
	fit, a4, landscape, wide, tall := true, 9, "landscape", 1, 0
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	return b.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$1:$1",
		Scope:    sheet,
	})
}

// cell turns a row value into what the stream writer takes. Dates become
// date serial numbers with a date format; excelize ignores time zones, so
// a stamp is handed over as its wall clock in UTC. In a column of mixed
// values (About) numbers and dates align left like the text around them.
func (b *book) cell(v any, k kind) any {
	s := b.styles
	left := k == valueCol
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
	case int:
		if left {
			return excelize.Cell{StyleID: s.leftNumber, Value: v}
		}
	case day:
		if v.t.IsZero() {
			return nil
		}
		id := s.dateStyle(v.precision)
		if left {
			id = s.leftDate
		}
		return excelize.Cell{StyleID: id, Value: v.t.UTC()}
	case stamp:
		t := time.Time(v)
		if t.IsZero() {
			return nil
		}
		id := s.dateTime
		if left {
			id = s.leftDateTime
		}
		wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
		return excelize.Cell{StyleID: id, Value: wall}
	}
	return v
}

func (b *book) colStyle(k kind) int {
	switch k {
	case wrapCol:
		return b.styles.wrap
	case numberCol:
		return b.styles.number
	case changeCol:
		return b.styles.change
	case dateCol:
		return b.styles.date
	case linkCol:
		return b.styles.link
	}
	return b.styles.text
}

// widths fits each column to its header and the first rows of [lo, hi),
// within bounds that keep a sheet readable on a laptop screen.
func (b *book) widths(t *table, lo, hi int, vals []any) []float64 {
	ws := make([]float64, len(t.cols))
	for c, col := range t.cols {
		// Room for the header and the table's filter button.
		ws[c] = float64(utf8.RuneCountInString(col.name)) + 4
		switch col.kind {
		case dateCol:
			ws[c] = max(ws[c], 12)
		case numberCol, changeCol:
			ws[c] = max(ws[c], 8)
		}
		ws[c] = max(ws[c], col.min)
	}
	for i := lo; i < min(hi, lo+widthSample); i++ {
		clear(vals)
		t.row(i, vals)
		for c, v := range vals {
			var n float64
			switch v := v.(type) {
			case string:
				n = float64(utf8.RuneCountInString(v)) + 2
			case stamp:
				n = 18
			case day:
				n = 12
			}
			ws[c] = max(ws[c], min(n, maxWidth(t.cols[c])))
		}
	}
	return ws
}

func maxWidth(c column) float64 {
	switch {
	case c.max > 0:
		return c.max
	case c.kind == wrapCol:
		return 60
	}
	return 40
}

// checkLength warns about a text longer than an Excel cell holds (32,767
// UTF-16 units, as excelize counts them), which excelize cuts silently.
func (b *book) checkLength(t *table, i, c int, s string) {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	if n <= excelize.TotalCellChars {
		return
	}
	var pos pipeline.Position
	event, field := "", t.sheet+" "+t.cols[c].name
	if t.event != nil {
		e, j := t.event(i)
		pos, event = e.Pos, e.ID
		if f := t.cols[c].field; f != "" {
			field = f
			if strings.Contains(f, "%d") {
				field = fmt.Sprintf(f, j+1)
			}
		}
	}
	b.warns.Warn(pos, event, field, "%d characters; an Excel cell holds %d, so the workbook has only the first %d", n, excelize.TotalCellChars, excelize.TotalCellChars)
}
