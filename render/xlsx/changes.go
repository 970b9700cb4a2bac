package xlsx

import (
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// changesTables is the Changes sheet: one row per event added, removed or
// amended since the previous edition (Report.Changes), the most
// significant first. Without a change there is no sheet, and the
// workbook's bytes are what they were before editions.
func changesTables(r *pipeline.Report) []*table {
	ch := r.Changes
	if ch == nil || len(ch.List) == 0 {
		return nil
	}
	return []*table{{
		sheet: "Changes",
		name:  "Changes",
		cols: []column{
			{name: "Change", kind: textCol},
			{name: "Event ID", kind: textCol, max: 40},
			{name: "Date", kind: textCol, max: 22},
			{name: "Period", kind: textCol},
			{name: "Pairs", kind: textCol, max: 40},
			{name: "Fields", kind: textCol, max: 40},
			{name: "Before", kind: wrapCol, max: 60},
			{name: "After", kind: wrapCol, max: 60},
		},
		rows: len(ch.List),
		row: func(i int, v []any) {
			c := ch.List[i]
			copy(v, []any{c.Change, c.ID, c.Date, c.Period, strings.Join(c.Pairs, " "), strings.Join(c.Fields, ", "), c.Before, c.After})
		},
	}}
}
