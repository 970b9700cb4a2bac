package period

import (
	"fmt"
	"strings"
	"testing"
)

// fuzzSeeds are the valid and invalid inputs from the table tests.
var fuzzSeeds = []string{
	"2025-W43", "2025-w43", "2025-W44", "2026-W01", "2020-W53", "2021-W01", "2015-W53", "2009-W01",
	"2025-10", "2024-02", "2023-02", "2000-02", "1900-02", "2025-01",
	"2025-Q4", "2025-q1", "2024-Q1",
	"2025", "0001", "9999", "2000", "1900",
	"2025-10-01..2025-10-31", "2025-10-01..2025-11-15", "2025-12-20..2026-01-05",
	"2025-10-25..2025-10-25", "2025-10-01 .. 2025-10-31", "0001-01-01..9999-12-31",
	"2024-02-28..2024-03-01", "2024-03-01..2024-03-31",
	"this-week", "last-week", "latest-week", "  This-WEEK\t", "all", "ALL", " All ",
	// invalid
	"", "  ", "2025-W54", "2021-W53", "2020-W54", "2025-W00", "2025-W5", "2025-W123", "2025-Wxx",
	"2025-W+1", "2025-W", "2025-13", "2025-00", "2025-1", "2025-123", "2025-Q5", "2025-q0",
	"2025-Q12", "2025-Q", "2025-", "2025-H1", "0000", "25", "20255", "2025x",
	"2025-10-31..2025-10-01", "2025-02-30..2025-03-01", "2025-10-01..2025-10-32",
	"1900-02-29..1900-03-01", "2025-10-00..2025-10-31", "2025-13-01..2025-12-31",
	"0000-01-01..2025-01-01", "2025-10-1..2025-10-31", "2025-10-01..31 October", "2025-10-01..",
	"2025-10-01...2025-10-31", "2025-10-01..2025-10-05..2025-10-09", "2025-10-01", "2025-10-32",
	"yesterday", "Next-Week", "this week", "LAST_WEEK", "W43", "q4", "-2025", "..", "0001-W01",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s, ctx)
		if verr := Validate(s); fmt.Sprint(verr) != fmt.Sprint(err) {
			t.Fatalf("Validate(%q) = %v, Parse = %v", s, verr, err)
		}
		if err != nil {
			if !p.IsZero() {
				t.Fatalf("Parse(%q) returned %+v with error %v", s, p, err)
			}
			if !strings.Contains(err.Error(), Accepted) {
				t.Fatalf("Parse(%q) error %q lacks the accepted forms", s, err)
			}
			return
		}
		if p.ID == "" || p.Label == "" {
			t.Fatalf("Parse(%q) = %+v: empty ID or Label", s, p)
		}
		if p.Kind == All {
			if _, ok := p.Previous(); ok {
				t.Fatalf("Parse(%q): all has a previous period", s)
			}
			return
		}
		if p.Start.After(p.End) {
			t.Fatalf("Parse(%q) = %+v: Start after End", s, p)
		}
		if n := p.Days(); n < 1 {
			t.Fatalf("Parse(%q).Days() = %d", s, n)
		}
		if !p.Contains(p.Start) || !p.Contains(p.End) ||
			p.Contains(p.Start.AddDate(0, 0, -1)) || p.Contains(p.End.AddDate(0, 0, 1)) {
			t.Fatalf("Parse(%q) = %+v: Contains is not inclusive of exactly Start..End", s, p)
		}
		prev, ok := p.Previous()
		if !ok {
			t.Fatalf("Parse(%q): no previous period", s)
		}
		if !prev.End.Equal(p.Start.AddDate(0, 0, -1)) {
			t.Fatalf("Parse(%q): Previous().End = %v, want the day before %v", s, prev.End, p.Start)
		}
		if prev.Kind != p.Kind || prev.Start.After(prev.End) {
			t.Fatalf("Parse(%q): bad previous %+v", s, prev)
		}
		if p.Kind == Range && prev.Days() != p.Days() {
			t.Fatalf("Parse(%q): previous range has %d days, want %d", s, prev.Days(), p.Days())
		}
		// The ID names the period: parsing it (with the file-name "_" turned
		// back into "..") must give the same period.
		q, err := Parse(strings.Replace(p.ID, "_", "..", 1), Context{})
		if err != nil || q != p {
			t.Fatalf("Parse(%q) = %+v, but its ID parses to %+v, %v", s, p, q, err)
		}
	})
}
