package xlsx

import (
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// Number formats. ISO dates read the same in every locale the analysts
// work in; a date known only to the month or year is shown that way while
// the cell stays a real date that sorts and filters.
const (
	fmtDate     = "yyyy-mm-dd"
	fmtMonth    = "yyyy-mm"
	fmtYear     = "yyyy"
	fmtDateTime = "yyyy-mm-dd hh:mm"
	fmtChange   = "+0;-0;0" // a change shows its sign
	// fmtBool shows a boolean as TRUE or FALSE in LibreOffice too, which
	// otherwise shows a boolean cell with a style of its own as 1 or 0;
	// Excel shows booleans so whatever the format.
	fmtBool = `"TRUE";"TRUE";"FALSE"`
)

// styles holds the workbook's cell style ids. Cells align to the top so a
// row with one wrapped cell still reads across.
type styles struct {
	header, text, wrap, number, change, link, boolean int
	headerCentred                                     int // over counts and booleans
	date, month, year, dateTime                       int
	leftNumber, leftDate, leftDateTime                int // for columns of mixed values
}

func (s *styles) create(f *excelize.File) error {
	top := func(wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Vertical: "top", WrapText: wrap}
	}
	numFmt := func(code string) *excelize.Style {
		return &excelize.Style{CustomNumFmt: &code, Alignment: top(false)}
	}
	centred := &excelize.Alignment{Vertical: "top", Horizontal: "center"}
	left := func(st *excelize.Style) *excelize.Style {
		st.Alignment = &excelize.Alignment{Vertical: "top", Horizontal: "left"}
		return st
	}
	for _, d := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.header, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&s.text, &excelize.Style{Alignment: top(false)}},
		{&s.wrap, &excelize.Style{Alignment: top(true)}},
		{&s.headerCentred, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}}},
		// Counts are centred under their headers: right-aligned, they sat
		// under the next column's header in print (a header leaves room
		// for its filter button on the right).
		{&s.number, &excelize.Style{Alignment: centred}},
		{&s.change, &excelize.Style{CustomNumFmt: ptr(fmtChange), Alignment: centred}},
		{&s.boolean, &excelize.Style{CustomNumFmt: ptr(fmtBool), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&s.link, &excelize.Style{Alignment: top(false), Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
		{&s.date, numFmt(fmtDate)},
		{&s.month, numFmt(fmtMonth)},
		{&s.year, numFmt(fmtYear)},
		{&s.dateTime, numFmt(fmtDateTime)},
		{&s.leftNumber, left(&excelize.Style{})},
		{&s.leftDate, left(numFmt(fmtDate))},
		{&s.leftDateTime, left(numFmt(fmtDateTime))},
	} {
		id, err := f.NewStyle(d.style)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// dateStyle returns the style showing a date at the given precision.
func (s *styles) dateStyle(precision string) int {
	switch precision {
	case "month":
		return s.month
	case "year":
		return s.year
	}
	return s.date
}

// setProperties fills docProps from the report so the file says what it is
// and carries no template dates (which would also break reproducibility).
func setProperties(f *excelize.File, r *pipeline.Report) error {
	stamp := r.GeneratedAt.UTC().Format(time.RFC3339)
	subject := r.Subtitle
	if r.Period.Label != "" {
		subject += " · " + r.Period.Label
	}
	creator := "briefing"
	if r.Version != "" {
		creator += " " + r.Version
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Created:        stamp,
		Modified:       stamp,
		Creator:        creator,
		LastModifiedBy: creator,
		Title:          r.Title,
		Subject:        subject,
		Category:       r.Classification,
		Identifier:     r.Period.ID,
		Language:       "en",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "briefing", Company: r.Organization})
}
