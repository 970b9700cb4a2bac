package pipeline

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"
)

// TestSummaryTable: the header follows the kinds, a row holds the pair's
// counts in that order, and "all", which has no previous period, shows
// "–" where a week shows its previous count and change.
func TestSummaryTable(t *testing.T) {
	wantHead := []string{"Pair", "Events", "Meet", "Visit", "Call", "Agree", "Exer", "Stmt", "Other", "Multi", "People", "Areas", "Prev", "Change"}
	for _, tc := range []struct {
		period string
		row    []string // AZE-GEO's; its participants and areas as the fixture has them
	}{
		{"2025-W43", []string{"AZE-GEO", "2", "1", "0", "0", "1", "0", "0", "0", "1"}},
		{"all", []string{"AZE-GEO", "4"}},
	} {
		r := aggregate(t, testConfig(t), tc.period, fixture())
		head, rows := r.SummaryTable()
		if !reflect.DeepEqual(head, wantHead) {
			t.Errorf("%s: head %q, want %q", tc.period, head, wantHead)
		}
		if len(rows) != len(r.Pairs) {
			t.Fatalf("%s: %d rows for %d pairs", tc.period, len(rows), len(r.Pairs))
		}
		row := rows[slicesIndex(r, "AZE-GEO")]
		if len(row) != len(head) || !reflect.DeepEqual(row[:len(tc.row)], tc.row) {
			t.Errorf("%s: AZE-GEO row %q, want it to start %q", tc.period, row, tc.row)
		}
		p := pair(r, "AZE-GEO")
		prev, change := row[len(row)-2], row[len(row)-1]
		switch {
		case tc.period == "all" && (prev != "–" || change != "–"):
			t.Errorf("all: Prev %q Change %q, want –", prev, change)
		case tc.period != "all" && (prev != strconv.Itoa(p.Previous) || change != fmt.Sprintf("%+d", p.Change)):
			t.Errorf("%s: Prev %q Change %q, want %d %+d", tc.period, prev, change, p.Previous, p.Change)
		}
	}
}

func slicesIndex(r *Report, key string) int {
	for i, p := range r.Pairs {
		if p.Key == key {
			return i
		}
	}
	return -1
}
