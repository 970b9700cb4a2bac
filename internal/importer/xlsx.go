package importer

import (
	"errors"
	"io"
	"net/url"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// xlsxRows reads one sheet of a workbook. Positions are the row number
// as line and the column number (A = 1) as column.
type xlsxRows struct {
	file  string
	rows  *excelize.Rows
	line  int
	width int // the first row's: rows are padded to it, as Columns trims
}

func newXLSX(file string, r io.Reader, sheet string) (*xlsxRows, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, formatError(pipeline.Position{File: file}, "not an .xlsx workbook (%v)", err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, formatError(pipeline.Position{File: file}, "the workbook has no sheets")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, formatError(pipeline.Position{File: file}, "no sheet %q (--sheet); the workbook has: %v", sheet, sheets)
	}
	rs, err := f.Rows(sheet)
	if err != nil {
		return nil, formatError(pipeline.Position{File: file}, "sheet %q: %v", sheet, err)
	}
	return &xlsxRows{file: file, rows: rs}, nil
}

func (x *xlsxRows) Next() ([]string, error) {
	for x.rows.Next() {
		x.line++
		// Raw values: a date is its serial number whatever the cell's
		// display format (parseDate reads serials), a number has no
		// thousands separators.
		cols, err := x.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, formatError(pipeline.Position{File: x.file, Line: x.line}, "%v", err)
		}
		empty := true
		for _, c := range cols {
			if c != "" {
				empty = false
				break
			}
		}
		if empty {
			continue
		}
		if x.width == 0 {
			x.width = len(cols)
		}
		for len(cols) < x.width {
			cols = append(cols, "")
		}
		return cols, nil
	}
	if err := x.rows.Error(); err != nil {
		return nil, formatError(pipeline.Position{File: x.file, Line: x.line}, "%v", err)
	}
	return nil, io.EOF
}

// Pos names the cell as line (row) and column (A = 1).
func (x *xlsxRows) Pos(i int) pipeline.Position {
	// A problem of the whole row (i < 0) points at its start, as in CSV.
	return pipeline.Position{File: x.file, Line: x.line, Col: max(i, 0) + 1}
}

func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func asParseError(err error, pe *toml.ParseError) bool { return errors.As(err, pe) }
