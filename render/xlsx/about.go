package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// setting is one row of the About sheet.
type setting struct {
	key   string
	value any // string, int, day or stamp
}

// aboutTable records how the workbook was made: the period, the filters,
// the configuration, every input file with its SHA-256, and the tool, so
// a number can be traced back to the run that produced it, and the run's
// warnings.
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
	s = append(s,
		setting{"Pair filters", filters},
		setting{"Config file", config},
		setting{"Input files", len(r.Inputs)},
	)
	for i, in := range r.Inputs {
		n := "Input " + strconv.Itoa(i+1)
		s = append(s,
			setting{n, in.Path},
			setting{n + " SHA-256", in.SHA256},
			setting{n + " events", in.Events},
		)
	}
	s = append(s,
		setting{"Events held in period", r.Totals.Events},
		setting{"Pairs with events", r.Totals.Pairs},
		setting{"Countries", r.Totals.Countries},
		setting{"People", r.Totals.People},
		setting{"Rows in Events sheet", len(r.Events)},
		setting{"Warnings", len(warns)},
	)
	for i, w := range warns {
		s = append(s, setting{"Warning " + strconv.Itoa(i+1), r.Shown(w)})
	}
	s = append(s,
		setting{"Tool version", r.Version},
		setting{"Generated at", stamp(r.GeneratedAt)},
		setting{"Time zone", zone(r)},
	)
	return s
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
