package main

// Issue #13: the scope by country (--pair GEO-*) and the upcoming window,
// end to end through the binary: summary --json and the workbook.

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// pairKey finds anything shaped like a pair key in a cell.
var pairKey = regexp.MustCompile(`\b[A-Z]{3}-[A-Z]{3}\b`)

// TestWildcardScope: with --pair TUR-* (the example's Kars trilateral is
// the only event with Türkiye), no pair without TUR appears in summary
// --json or anywhere in the workbook, and the ones with TUR do.
func TestWildcardScope(t *testing.T) {
	t.Parallel()
	dir := example(t)
	env := []string{"SOURCE_DATE_EPOCH=1761642000"}
	r := runBriefing(t, dir, env, "-q", "summary", "--json", "--period", "all", "--pair", "*-tur")
	if r.code != ExitOK {
		t.Fatalf("summary: exit %d\n%s", r.code, r.stderr)
	}
	var doc struct {
		Filters []string `json:"filters"`
		Pairs   []struct {
			Pair string `json:"pair"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range doc.Pairs {
		keys = append(keys, p.Pair)
	}
	if want := []string{"AZE-TUR", "GEO-TUR"}; !slices.Equal(keys, want) || !slices.Equal(doc.Filters, []string{"TUR-*"}) {
		t.Errorf("summary --json: pairs %q, filters %q; want %q, [TUR-*]", keys, doc.Filters, want)
	}

	r = runBriefing(t, dir, env, "-q", "build", "--period", "all", "--pair", "TUR-*", "--format", "xlsx")
	if r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "output", "briefing-all-pairs-TUR-ALL.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, cell := range row {
				for _, k := range pairKey.FindAllString(cell, -1) {
					seen[k] = true
					if !strings.Contains(k, "TUR") {
						t.Errorf("%s row %d column %d: %q names %s, outside TUR-*", sheet, i+1, j+1, cell, k)
					}
				}
			}
		}
	}
	if !seen["AZE-TUR"] || !seen["GEO-TUR"] {
		t.Errorf("the workbook names %v, want AZE-TUR and GEO-TUR", slices.Sorted(maps.Keys(seen)))
	}
}

// TestUpcomingPastQuarter: the example's one planned event, Georgia's
// independence day on 26 May 2023 (GEO-AZE), is upcoming for the quarter
// before only within [pdf] upcoming_weeks of its end (31 March), and for
// its own quarter it is not upcoming but listed in the Events sheet, as
// dated in the period. summary --json and the workbook agree.
func TestUpcomingPastQuarter(t *testing.T) {
	t.Parallel()
	const planned = "2023-05-26-georgia-independence-day-invitation"
	tests := []struct {
		period   string
		weeks    string // upcoming_weeks
		upcoming int
		listed   bool // in the Events sheet
	}{
		{"2023-Q1", "4", 0, false}, // 31 March + 4 weeks = 28 April
		{"2023-Q1", "9", 1, true},  // 31 March + 9 weeks = 2 June
		{"2023-Q2", "4", 0, true},  // in the period: not confirmed, not upcoming
		{"2023-Q2", "0", 0, true},
		{"2022-Q4", "52", 1, true}, // 31 December 2022 + 52 weeks = 30 December 2023
	}
	for _, tt := range tests {
		t.Run(tt.period+"/"+tt.weeks, func(t *testing.T) {
			t.Parallel()
			dir := example(t)
			editConfig(t, dir, "upcoming_weeks = 4\n", "upcoming_weeks = "+tt.weeks+"\n")
			env := []string{"SOURCE_DATE_EPOCH=1761642000"}
			r := runBriefing(t, dir, env, "-q", "summary", "--json", "--period", tt.period)
			if r.code != ExitOK {
				t.Fatalf("summary: exit %d\n%s", r.code, r.stderr)
			}
			var doc struct {
				Upcoming int `json:"upcoming"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Upcoming != tt.upcoming {
				t.Errorf("summary --json upcoming = %d, want %d", doc.Upcoming, tt.upcoming)
			}
			r = runBriefing(t, dir, env, "-q", "build", "--period", tt.period, "--format", "xlsx")
			if r.code != ExitOK {
				t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
			}
			f, err := excelize.OpenFile(filepath.Join(dir, "output", "briefing-"+tt.period+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Events")
			if err != nil {
				t.Fatal(err)
			}
			listed := slices.ContainsFunc(rows, func(row []string) bool { return len(row) > 0 && row[0] == planned })
			if listed != tt.listed {
				t.Errorf("Events sheet lists the planned event: %v, want %v", listed, tt.listed)
			}
		})
	}
}
