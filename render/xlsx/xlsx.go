// Package xlsx renders a pipeline.Report as an Excel workbook (SPEC §5).
//
// It turns a Report into XLSX bytes and nothing else: it never reads
// configuration or input files and never writes output files. The sheet
// and column names are a contract analysts build pivot tables on; keep
// them exact. Every sheet is streamed, so memory stays flat as archives
// grow (excelize's stream writer may spill large sheets to a scratch file
// in os.TempDir while it works; that file is removed before Render returns).
//
// It is not a stable API: it serves the briefing command and changes with
// it, without notice.
package xlsx

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// ExcelRowLimit is the number of rows an Excel worksheet can hold.
const ExcelRowLimit = excelize.TotalRows

// Options tune the rendering.
type Options struct {
	// RowLimit is the number of rows per sheet including the header; 0 means
	// ExcelRowLimit. Tests inject a small limit to exercise continuation
	// sheets ("Events (2)").
	RowLimit int
	// Warnings are the run's warnings so far, which the Diagnostics sheet lists
	// before the workbook's own.
	Warnings pipeline.ErrorList

	// excelizeRows has excelize's StreamWriter write every row, as it did
	// before rows.go: tests compare the two.
	excelizeRows bool
}

// Render returns the workbook for r and the warnings found while writing
// it (texts longer than a cell holds, naming event and field), which its
// Diagnostics sheet lists after o.Warnings; the caller adds them to the run's.
// Two calls with the same Report return the same bytes. It fails only on
// a RowLimit outside [2, ExcelRowLimit] or when excelize does.
func Render(r *pipeline.Report, o Options) ([]byte, pipeline.ErrorList, error) {
	limit := o.RowLimit
	if limit == 0 {
		limit = ExcelRowLimit
	}
	if limit < 2 || limit > ExcelRowLimit {
		return nil, nil, fmt.Errorf("xlsx: row limit %d: must be between 2 and %d", o.RowLimit, ExcelRowLimit)
	}

	f := excelize.NewFile()
	defer f.Close() // removes the stream writers' scratch files
	zw := newZipWriter()
	f.SetZipWriter(zw.bind)

	b := &book{f: f, limit: limit, styles: &styles{}, jobs: zw.jobs, excelizeRows: o.excelizeRows, print: newHeaderFooter(r)}
	if err := b.styles.create(f); err != nil {
		return nil, nil, fmt.Errorf("xlsx: styles: %w", err)
	}
	if err := setProperties(f, r); err != nil {
		return nil, nil, fmt.Errorf("xlsx: document properties: %w", err)
	}
	for _, t := range append(tables(r), changesTables(r)...) {
		if err := b.write(t); err != nil {
			return nil, nil, fmt.Errorf("xlsx: sheet %s: %w", t.sheet, err)
		}
	}
	// About and Diagnostics come last and list the warnings of the sheets
	// before them too.
	warns := append(slices.Clip(o.Warnings), b.warns...)
	for _, t := range []*table{aboutTable(r, warns), inputsTable(r), diagnosticsTable(r, warns)} {
		if err := b.write(t); err != nil {
			return nil, nil, fmt.Errorf("xlsx: sheet %s: %w", t.sheet, err)
		}
	}
	// No SetActiveSheet: Summary took the place of NewFile's Sheet1, which
	// is active already, and SetActiveSheet would parse every streamed
	// sheet back into memory.

	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, nil, fmt.Errorf("xlsx: %w", err)
	}
	return buf.Bytes(), b.warns, nil
}

// tables lists the sheets in workbook order up to About, Inputs and
// Diagnostics, which Render adds. Assessment, after Summary, is there only
// when the period has a written assessment.
func tables(r *pipeline.Report) []*table {
	ts := []*table{summaryTable(r)}
	if r.Assessment != nil {
		ts = append(ts, assessmentTable(r))
	}
	cal := newCalendar(r)
	return append(ts,
		chartTable(r),
		eventsTable(r, cal),
		eventPairsTable(r, cal),
		eventCountriesTable(r, cal),
		eventFocusAreasTable(r, cal),
		participantsTable(r),
		focusAreasTable(r),
		sourcesTable(r),
	)
}
