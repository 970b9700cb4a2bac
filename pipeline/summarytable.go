package pipeline

import (
	"fmt"
	"strconv"
)

// SummaryTable is the Summary numbers of r as text cells, one row per
// pair, with their header: what `briefing summary` prints and `briefing
// serve` shows. Kinds are in the report's kinds order; "all" has no
// previous period, so its Prev and Change cells are "–".
func (r *Report) SummaryTable() (head []string, rows [][]string) {
	kinds := r.Kinds()
	head = []string{"Pair", "Events"}
	for _, k := range kinds {
		head = append(head, k.Short)
	}
	head = append(head, "Multi", "People", "Areas", "Prev", "Change")
	for _, p := range r.Pairs {
		row := []string{p.Key, strconv.Itoa(p.Events)}
		for i := range kinds {
			row = append(row, strconv.Itoa(p.Kinds.Of(Kind(i))))
		}
		prev, change := "–", "–"
		if !r.Previous.IsZero() {
			prev, change = strconv.Itoa(p.Previous), fmt.Sprintf("%+d", p.Change)
		}
		row = append(row, strconv.Itoa(p.Multilateral), strconv.Itoa(len(p.Participants)), strconv.Itoa(len(p.FocusAreas)), prev, change)
		rows = append(rows, row)
	}
	return head, rows
}
