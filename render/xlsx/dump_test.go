package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dump writes a workbook as text, sheet by sheet and row by row, for
// golden files a reviewer can read. Cells show their type: numbers as #5
// (the stored value), dates as @2025-10-25 (as formatted), booleans as !TRUE, text as is with
// newlines as \n; a hyperlink follows its cell as <url>. Each sheet starts
// with its table, style, frozen pane and column widths.
func dump(tb testing.TB, f *excelize.File) string {
	tb.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		tables, err := f.GetTables(sheet)
		if err != nil {
			tb.Fatal(err)
		}
		for _, t := range tables {
			fmt.Fprintf(&b, "table %s %s %s\n", t.Name, t.Range, t.StyleName)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(&b, "frozen %v at %s\n", panes.Freeze, panes.TopLeftCell)
		rows, err := f.GetRows(sheet)
		if err != nil {
			tb.Fatal(err)
		}
		var widths []string
		if len(rows) > 0 {
			for c := range rows[0] {
				name, _ := excelize.ColumnNumberToName(c + 1)
				w, _ := f.GetColWidth(sheet, name)
				widths = append(widths, strconv.FormatFloat(w, 'f', -1, 64))
			}
		}
		fmt.Fprintf(&b, "widths %s\n", strings.Join(widths, " "))
		for r, row := range rows {
			cells := make([]string, len(row))
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				cells[c] = cellText(tb, f, sheet, ref)
			}
			height := ""
			if h, _ := f.GetRowHeight(sheet, r+1); h != 15 {
				height = " (height " + strconv.FormatFloat(h, 'f', -1, 64) + ")"
			}
			fmt.Fprintf(&b, "%d%s: %s\n", r+1, height, strings.Join(cells, " | "))
		}
	}
	return b.String()
}

// cellKind classifies a cell by what it stores.
type cellKindT int

const (
	emptyCell cellKindT = iota
	textCell
	numberCell
	dateCell
	formulaCell
	boolCell
	otherCell
)

// classify returns what a cell stores: a date is a number whose style has
// one of the package's date formats.
func classify(tb testing.TB, f *excelize.File, sheet, ref string) cellKindT {
	tb.Helper()
	raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		tb.Fatal(err)
	}
	if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
		return formulaCell
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		tb.Fatal(err)
	}
	switch typ {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return textCell
	case excelize.CellTypeBool:
		return boolCell
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		if raw == "" {
			return emptyCell
		}
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			return otherCell
		}
		if isDateFormat(numFmt(tb, f, sheet, ref)) {
			return dateCell
		}
		return numberCell
	}
	return otherCell
}

// numFmt returns the custom number format of a cell's style, or "".
func numFmt(tb testing.TB, f *excelize.File, sheet, ref string) string {
	tb.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		tb.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func isDateFormat(code string) bool {
	switch code {
	case fmtDate, fmtMonth, fmtYear, fmtDateTime:
		return true
	}
	return false
}

func cellText(tb testing.TB, f *excelize.File, sheet, ref string) string {
	tb.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		tb.Fatal(err)
	}
	var s string
	switch classify(tb, f, sheet, ref) {
	case emptyCell:
	case textCell:
		s = strings.ReplaceAll(v, "\n", `\n`)
	case numberCell:
		raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		s = "#" + raw
	case dateCell:
		s = "@" + v
	case boolCell:
		s = "!" + v
	default:
		s = "?" + v
	}
	if ok, target, _ := f.GetCellHyperLink(sheet, ref); ok {
		s += " <" + target + ">"
	}
	return s
}
