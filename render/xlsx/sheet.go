package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
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
	f      *excelize.File
	print  headerFooter // every sheet's printed header and footer
	limit  int          // rows per sheet, header included
	styles *styles
	jobs   map[string]*sheetJob // worksheet part → its rows and links, for zipWriter
	// excelizeRows: excelize writes every table's rows (tests).
	excelizeRows bool
	started      bool               // the first sheet replaced excelize's Sheet1
	warns        pipeline.ErrorList // texts cut to a cell's length
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
	vals := make([]any, len(t.cols))
	widths := b.widths(t, lo, hi, vals)
	last, _ := excelize.CoordinatesToCellName(len(t.cols), hi-lo+1)
	sw, l, err := b.newSheet(sheet, widths, "A1:"+last)
	if err != nil {
		return err
	}
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
	headLines := 1
	for c, col := range t.cols {
		style := b.styles.header
		if col.kind == numberCol || col.kind == changeCol || col.kind == boolCol {
			style = b.styles.headerCentred
		}
		vals[c] = excelize.Cell{StyleID: style, Value: col.name}
		headLines = max(headLines, wrappedLines(col.name, widths[c]-headerButton+1))
	}
	if err := sw.SetRow("A1", vals, excelize.RowOpts{Height: rowHeight(headLines)}); err != nil {
		return err
	}
	for _, r := range b.pageBreaks(t, lo, hi, widths, rowHeight(headLines), l) {
		if err := b.f.InsertPageBreak(sheet, "A"+strconv.Itoa(r)); err != nil {
			return err
		}
	}
	// excelize names a sheet's part after its id; zipWriter fails when
	// no such part is written, so a change there cannot go unnoticed.
	part := fmt.Sprintf("xl/worksheets/sheet%d.xml", sw.SheetID)
	if b.excelizeRows || slices.ContainsFunc(t.cols, func(c column) bool { return c.kind == valueCol }) {
		// About's mixed values, few rows: excelize writes them.
		links, err := b.writeRows(sw, t, lo, hi, vals, widths)
		if err != nil {
			return err
		}
		if len(links) > 0 {
			b.jobs[part] = &sheetJob{links: links}
		}
	} else {
		// The cut cells' warnings are needed before About and
		// Diagnostics, written before the rows are.
		b.checkLengths(t, lo, hi, vals)
		b.jobs[part] = &sheetJob{rows: b.rowWriter(t, lo, hi, widths).write}
	}
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: name, StyleName: tableStyle}); err != nil {
		return err
	}
	if first && t.decorate != nil {
		if err := t.decorate(b, sheet, hi-lo); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// checkLengths warns about every text of rows [lo, hi) longer than a
// cell holds.
func (b *book) checkLengths(t *table, lo, hi int, vals []any) {
	for i := lo; i < hi; i++ {
		clear(vals)
		t.row(i, vals)
		for c, v := range vals {
			if s, ok := v.(string); ok && len(s) > excelize.TotalCellChars {
				b.checkLength(t, i, c, s)
			}
		}
	}
}

// writeRows streams rows [lo, hi) of t below the header and returns the
// hyperlinks of their URL cells, at most maxLinks.
func (b *book) writeRows(sw *excelize.StreamWriter, t *table, lo, hi int, vals []any, widths []float64) ([]link, error) {
	var links []link
	var opts []excelize.RowOpts
	for i := lo; i < hi; i++ {
		clear(vals)
		t.row(i, vals)
		r := i - lo + 2
		// LibreOffice does not grow a row to its wrapped text when it
		// opens a file, and Excel only when it edits the row: set the
		// height of every row with more than one line.
		opts = opts[:0]
		lines := 1
		for c, col := range t.cols {
			if s, ok := vals[c].(string); ok && col.kind == wrapCol {
				lines = max(lines, wrappedLines(s, widths[c]))
			}
		}
		if lines > 1 {
			opts = append(opts, excelize.RowOpts{Height: rowHeight(lines)})
		}
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
		if err := sw.SetRow("A"+strconv.Itoa(r), vals, opts...); err != nil {
			return nil, err
		}
	}
	return links, nil
}

// newSheet adds a sheet of the cells ref and opens its stream writer.
// The first one takes the place of the Sheet1 every new excelize file
// starts with.
func (b *book) newSheet(name string, widths []float64, ref string) (*excelize.StreamWriter, layout, error) {
	if !b.started {
		b.started = true
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return nil, layout{}, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, layout{}, err
	}
	l, err := b.pageSetup(name, widths, ref)
	if err != nil {
		return nil, l, err
	}
	sw, err := b.f.NewStreamWriter(name)
	return sw, l, err
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
	case bool:
		return excelize.Cell{StyleID: s.boolean, Value: v}
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
	case boolCol:
		return b.styles.boolean
	}
	return b.styles.text
}

// widths fits each column to its header and the first rows of [lo, hi),
// within bounds that keep a sheet readable on a laptop screen. A column
// with a fit share is as wide as that share of its texts (the rest wrap);
// then each wrapped column is narrowed as far as its texts stay within
// the lines their rows take anyway (narrowWrapped).
func (b *book) widths(t *table, lo, hi int, vals []any) []float64 {
	ws := make([]float64, len(t.cols))
	fitLens := make([][]float64, len(t.cols))
	for c, col := range t.cols {
		// Headers wrap at spaces: room for the longest word and the
		// table's filter button.
		ws[c] = longestWord(col.name) + headerButton
		switch col.kind {
		case dateCol:
			ws[c] = max(ws[c], 12)
		case numberCol, changeCol:
			ws[c] = max(ws[c], 8)
		}
		ws[c] = max(ws[c], col.min)
	}
	sample := min(hi, lo+widthSample) - lo
	wrapped := map[int][]string{} // wrapped column → its sampled texts
	for c, col := range t.cols {
		if col.kind == wrapCol {
			wrapped[c] = make([]string, sample)
		}
	}
	for i := lo; i < lo+sample; i++ {
		clear(vals)
		t.row(i, vals)
		for c, v := range vals {
			var n float64
			switch v := v.(type) {
			case string:
				n = float64(utf8.RuneCountInString(v)) + 2
				if texts := wrapped[c]; texts != nil {
					texts[i-lo] = v
				}
			case stamp:
				n = 18
			case day:
				n = 12
			}
			if t.cols[c].fit > 0 {
				fitLens[c] = append(fitLens[c], n)
				continue
			}
			ws[c] = max(ws[c], min(n, maxWidth(t.cols[c])))
		}
	}
	for c, lens := range fitLens {
		if len(lens) > 0 {
			slices.Sort(lens)
			n := lens[min(len(lens)-1, int(t.cols[c].fit*float64(len(lens))))]
			ws[c] = max(ws[c], min(n, maxWidth(t.cols[c])))
		}
	}
	if len(wrapped) > 1 {
		narrowWrapped(t, ws, wrapped, sample)
	}
	return ws
}

// minWrapWidth is the narrowest narrowWrapped makes a column: a few
// words a line.
const minWrapWidth = 16

// narrowWrapped narrows each wrapped column to the least width at which
// none of its sampled texts takes more lines than its row does already,
// the row's tallest cell setting the height. Beside a long summary a title
// or a list of participants wraps at no cost in height, and the sheet
// prints on fewer pages across. The rows' heights are unchanged.
func narrowWrapped(t *table, ws []float64, wrapped map[int][]string, sample int) {
	lines := make([]int, sample)
	for i := range lines {
		lines[i] = 1
		for c, texts := range wrapped {
			lines[i] = max(lines[i], wrappedLines(texts[i], ws[c]))
		}
	}
	fits := func(texts []string, w float64) bool {
		for i, s := range texts {
			if len(s) > int(w)-1 && wrappedLines(s, w) > lines[i] {
				return false
			}
		}
		return true
	}
	// In column order, so the result does not depend on map order.
	for c := range t.cols {
		texts := wrapped[c]
		if texts == nil {
			continue
		}
		floor := max(longestWord(t.cols[c].name)+headerButton, t.cols[c].min, minWrapWidth)
		// Fewer lines as the width grows, but not strictly (a word that
		// moves down whole): search, then check.
		lo, hi := floor, ws[c]
		for hi-lo >= 1 {
			mid := float64(int((lo + hi) / 2))
			if mid <= lo {
				break
			}
			if fits(texts, mid) {
				hi = mid
			} else {
				lo = mid
			}
		}
		if fits(texts, lo) {
			hi = lo
		}
		if hi < ws[c] && fits(texts, hi) {
			ws[c] = hi
		}
	}
}

// headerButton is the room a header leaves for its filter button, in
// characters.
const headerButton = 4

// lineHeight is the height of a line of 11 pt text, in points, as Excel
// sets it for its default font.
const lineHeight = 15

// rowHeight is the height of a row of n lines, within Excel's limit.
func rowHeight(n int) float64 {
	return min(float64(n*lineHeight), excelize.MaxRowHeight)
}

// maxLines is more lines than the tallest row shows; counting stops there.
const maxLines = excelize.MaxRowHeight/lineHeight + 1

// wrappedLines estimates the lines s takes in a column width characters
// wide, wrapping at spaces as a spreadsheet does, and after a hyphen
// that a letter follows (an id's "2025-10-22-baku-meeting-9655" breaks
// before "baku" and "meeting", not before a number); a word longer than a
// line is broken, each newline starts a line. It does not allocate: it
// runs on every wrapped cell of the workbook.
func wrappedLines(s string, width float64) int {
	per := max(int(width)-1, 1) // a character's worth of cell padding
	if len(s) <= per && strings.IndexByte(s, '\n') < 0 {
		return 1 // most cells of the long tables: no rune to read
	}
	lines, col, word := 1, 0, 0
	hyphen := false
	for _, r := range s {
		switch r {
		case '\n':
			lines++
			col, word = 0, 0
		case ' ':
			col++
			word = 0
			if col > per {
				lines++
				col = 0
			}
		default:
			if hyphen && !unicode.IsDigit(r) {
				word = 0 // a line may break after the hyphen
			}
			col++
			word++
			if col > per {
				lines++
				if word > per {
					col, word = 1, 1 // a word longer than a line breaks anywhere
				} else {
					col = word // the word moves to the next line
				}
			}
		}
		hyphen = r == '-'
		if lines >= maxLines {
			return lines
		}
	}
	return lines
}

// longestWord is the length of the longest space-separated word of s.
func longestWord(s string) float64 {
	n, best := 0, 0
	for _, r := range s {
		if r == ' ' {
			n = 0
			continue
		}
		n++
		best = max(best, n)
	}
	return float64(best)
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
