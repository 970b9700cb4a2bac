package xlsx

import (
	"fmt"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// setting is one row of the About sheet.
type setting struct {
	key   string
	value any // string, int, day or stamp
}

// aboutTable records how the workbook was made, in a short key/value
// block: the period, the filters, the configuration, the totals and the
// tool, so a number can be traced back to the run that produced it. The
// input files with their SHA-256 and every warning are on the Inputs and
// Diagnostics sheets that follow it.
func aboutTable(r *pipeline.Report, warns pipeline.ErrorList) *table {
	rows := settings(r, warns)
	return &table{
		sheet: "About",
		name:  "About",
		cols: []column{
			{name: "Setting", kind: textCol, max: 30},
			{name: "Value", kind: valueCol, max: 70},
		},
		rows: len(rows),
		row: func(i int, v []any) {
			v[0], v[1] = rows[i].key, rows[i].value
		},
	}
}

func settings(r *pipeline.Report, warns pipeline.ErrorList) []setting {
	s := []setting{
		{"Title", r.Title},
		{"Subtitle", r.Subtitle},
		{"Organization", r.Organization},
		{"Classification", r.Classification},
		{"Period", r.Period.ID},
		{"Period label", r.Period.Label},
		{"Period start", day{t: r.Period.Start}},
		{"Period end", day{t: r.Period.End}},
	}
	if r.Previous.IsZero() {
		s = append(s, setting{"Previous period", "none"})
	} else {
		s = append(s,
			setting{"Previous period", r.Previous.ID},
			setting{"Previous period label", r.Previous.Label},
			setting{"Previous period start", day{t: r.Previous.Start}},
			setting{"Previous period end", day{t: r.Previous.End}},
		)
	}
	filters := "all pairs"
	if len(r.Filters) > 0 {
		filters = strings.Join(r.Filters, ", ")
	}
	config := r.ConfigPath
	if config == "" {
		config = "none (built-in defaults)"
	}
	var bytes int64
	for _, in := range r.Inputs {
		bytes += in.Size
	}
	return append(s,
		setting{"Pair filters", filters},
		setting{"Config file", config},
		setting{"Input files", len(r.Inputs)},
		setting{"Input bytes", int(bytes)},
		setting{"Events held in period", r.Totals.Events},
		setting{"Pairs with events", r.Totals.Pairs},
		setting{"Countries", r.Totals.Countries},
		setting{"People", r.Totals.People},
		setting{"Rows in Events sheet", len(r.Events)},
		setting{"Warnings", len(warns)},
		setting{"Tool version", r.Version},
		setting{"Generated at", stamp(r.GeneratedAt)},
		setting{"Time zone", zone(r)},
	)
}

// inputsTable is one row per input file, with its SHA-256: a number can
// be traced to the exact files that produced it (the manifest lists them
// too).
func inputsTable(r *pipeline.Report) *table {
	return &table{
		sheet: "Inputs",
		name:  "Inputs",
		cols: []column{
			{name: "File", kind: textCol, max: 60},
			{name: "Events", kind: numberCol},
			{name: "Bytes", kind: numberCol},
			{name: "SHA-256", kind: textCol, min: 66, max: 66},
		},
		rows: len(r.Inputs),
		row: func(i int, v []any) {
			in := r.Inputs[i]
			copy(v, []any{in.Path, in.Events, int(in.Size), in.SHA256})
		},
	}
}

// diagnosticsTable is one row per warning of the run, in the run's order
// (by file and position), its parts in columns so that they filter: the
// PDF's data notes say in plain words what is here in detail. Files are
// relative to the config file, as on the Inputs sheet.
func diagnosticsTable(r *pipeline.Report, warns pipeline.ErrorList) *table {
	num := func(n int) any {
		if n > 0 {
			return n
		}
		return nil
	}
	return &table{
		sheet: "Diagnostics",
		name:  "Diagnostics",
		cols: []column{
			{name: "Severity", kind: textCol},
			{name: "File", kind: textCol, max: 40},
			{name: "Line", kind: numberCol},
			{name: "Column", kind: numberCol},
			{name: "Event", kind: textCol, max: 40},
			{name: "Field", kind: textCol, max: 30},
			{name: "Message", kind: wrapCol, max: 80},
		},
		rows: len(warns),
		row: func(i int, v []any) {
			d := warns[i]
			copy(v, []any{d.Severity.String(), r.ShownPath(d.Pos.File), num(d.Pos.Line), num(d.Pos.Col), d.Event, d.Field, d.Msg})
		},
	}
}

// zone names the time zone of the generated-at time: "Asia/Tbilisi (UTC+04:00)".
func zone(r *pipeline.Report) string {
	if r.GeneratedAt.IsZero() {
		return ""
	}
	_, off := r.GeneratedAt.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s (UTC%c%02d:%02d)", r.GeneratedAt.Location(), sign, off/3600, off%3600/60)
}
