package period

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// ctx is a fixed Context: Wednesday 26 November 2025 (2025-W48), newest
// event Friday 24 October 2025 (2025-W43).
var ctx = Context{Today: Date(2025, 11, 26), Latest: Date(2025, 10, 24)}

type want struct {
	kind       Kind
	id         string
	start, end time.Time
	label      string
	days       int
}

func check(t *testing.T, p Period, w want) {
	t.Helper()
	if p.Kind != w.kind {
		t.Errorf("Kind = %v, want %v", p.Kind, w.kind)
	}
	if p.ID != w.id {
		t.Errorf("ID = %q, want %q", p.ID, w.id)
	}
	if !p.Start.Equal(w.start) {
		t.Errorf("Start = %s, want %s", p.Start.Format(time.DateOnly), w.start.Format(time.DateOnly))
	}
	if !p.End.Equal(w.end) {
		t.Errorf("End = %s, want %s", p.End.Format(time.DateOnly), w.end.Format(time.DateOnly))
	}
	if p.Label != w.label {
		t.Errorf("Label = %q, want %q", p.Label, w.label)
	}
	if w.days != 0 && p.Days() != w.days {
		t.Errorf("Days() = %d, want %d", p.Days(), w.days)
	}
	if p.Start.Location() != time.UTC || p.Start.Hour() != 0 || p.End.Location() != time.UTC || p.End.Hour() != 0 {
		t.Errorf("Start/End not at 00:00 UTC: %v, %v", p.Start, p.End)
	}
}

func TestParseForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     want
	}{
		{"week", "2025-W43", want{Week, "2025-W43", Date(2025, 10, 20), Date(2025, 10, 26), "Week 43 · 20–26 October 2025", 7}},
		{"week lower case", "2025-w43", want{Week, "2025-W43", Date(2025, 10, 20), Date(2025, 10, 26), "Week 43 · 20–26 October 2025", 7}},
		{"week crossing months", "2025-W44", want{Week, "2025-W44", Date(2025, 10, 27), Date(2025, 11, 2), "Week 44 · 27 October – 2 November 2025", 7}},
		{"week crossing years", "2026-W01", want{Week, "2026-W01", Date(2025, 12, 29), Date(2026, 1, 4), "Week 1 · 29 December 2025 – 4 January 2026", 7}},
		{"month", "2025-10", want{Month, "2025-10", Date(2025, 10, 1), Date(2025, 10, 31), "October 2025", 31}},
		{"month 30 days", "2025-11", want{Month, "2025-11", Date(2025, 11, 1), Date(2025, 11, 30), "November 2025", 30}},
		{"quarter", "2025-Q4", want{Quarter, "2025-Q4", Date(2025, 10, 1), Date(2025, 12, 31), "Q4 2025", 92}},
		{"quarter lower case", "2025-q1", want{Quarter, "2025-Q1", Date(2025, 1, 1), Date(2025, 3, 31), "Q1 2025", 90}},
		{"quarter 2", "2025-Q2", want{Quarter, "2025-Q2", Date(2025, 4, 1), Date(2025, 6, 30), "Q2 2025", 91}},
		{"year", "2025", want{Year, "2025", Date(2025, 1, 1), Date(2025, 12, 31), "2025", 365}},
		{"year 1", "0001", want{Year, "0001", Date(1, 1, 1), Date(1, 12, 31), "1", 365}},
		{"year 9999", "9999", want{Year, "9999", Date(9999, 1, 1), Date(9999, 12, 31), "9999", 365}},
		{"range same month", "2025-10-01..2025-10-31", want{Range, "2025-10-01_2025-10-31", Date(2025, 10, 1), Date(2025, 10, 31), "1–31 October 2025", 31}},
		{"range cross month", "2025-10-01..2025-11-15", want{Range, "2025-10-01_2025-11-15", Date(2025, 10, 1), Date(2025, 11, 15), "1 October – 15 November 2025", 46}},
		{"range cross year", "2025-12-20..2026-01-05", want{Range, "2025-12-20_2026-01-05", Date(2025, 12, 20), Date(2026, 1, 5), "20 December 2025 – 5 January 2026", 17}},
		{"range single day", "2025-10-25..2025-10-25", want{Range, "2025-10-25_2025-10-25", Date(2025, 10, 25), Date(2025, 10, 25), "25 October 2025", 1}},
		{"range spaces around dots", "2025-10-01 .. 2025-10-31", want{Range, "2025-10-01_2025-10-31", Date(2025, 10, 1), Date(2025, 10, 31), "1–31 October 2025", 31}},
		// A duration saturates at ~292 years; Days must not.
		{"range whole calendar", "0001-01-01..9999-12-31", want{Range, "0001-01-01_9999-12-31", Date(1, 1, 1), Date(9999, 12, 31), "1 January 1 – 31 December 9999", 3652059}},
		{"this-week", "this-week", want{Week, "2025-W48", Date(2025, 11, 24), Date(2025, 11, 30), "Week 48 · 24–30 November 2025", 7}},
		{"last-week", "last-week", want{Week, "2025-W47", Date(2025, 11, 17), Date(2025, 11, 23), "Week 47 · 17–23 November 2025", 7}},
		{"latest-week", "latest-week", want{Week, "2025-W43", Date(2025, 10, 20), Date(2025, 10, 26), "Week 43 · 20–26 October 2025", 7}},
		{"words any case and spaces", "  This-WEEK\t", want{Week, "2025-W48", Date(2025, 11, 24), Date(2025, 11, 30), "Week 48 · 24–30 November 2025", 7}},
		{"surrounding spaces", " 2025-10 ", want{Month, "2025-10", Date(2025, 10, 1), Date(2025, 10, 31), "October 2025", 31}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in, ctx)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			check(t, p, tt.want)
			if err := Validate(tt.in); err != nil {
				t.Errorf("Validate(%q) = %v", tt.in, err)
			}
		})
	}
}

func TestParseAll(t *testing.T) {
	for _, in := range []string{"all", "ALL", " All "} {
		t.Run(in, func(t *testing.T) {
			p, err := Parse(in, Context{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != All || p.ID != "all" || p.Label != "All dates" || !p.Start.IsZero() || !p.End.IsZero() {
				t.Errorf("Parse(%q) = %+v", in, p)
			}
			if p.Days() != 0 {
				t.Errorf("Days() = %d, want 0", p.Days())
			}
			if p.IsZero() {
				t.Error("parsed all IsZero, want false")
			}
			if !p.Contains(Date(1, 1, 1)) || !p.Contains(Date(9999, 12, 31)) || !p.Contains(time.Time{}) {
				t.Error("all does not contain everything")
			}
			if prev, ok := p.Previous(); ok || !prev.IsZero() {
				t.Errorf("Previous() = %+v, %v; want zero, false", prev, ok)
			}
		})
	}
}

func TestISOWeekYearBoundaries(t *testing.T) {
	tests := []struct {
		name       string
		year, week int
		start, end time.Time
	}{
		{"2020-W53 exists", 2020, 53, Date(2020, 12, 28), Date(2021, 1, 3)},
		{"2021-W01 after a 53-week year", 2021, 1, Date(2021, 1, 4), Date(2021, 1, 10)},
		{"2026-W01 starts in 2025", 2026, 1, Date(2025, 12, 29), Date(2026, 1, 4)},
		{"2015-W53", 2015, 53, Date(2015, 12, 28), Date(2016, 1, 3)},
		{"2009-W01 starts in 2008", 2009, 1, Date(2008, 12, 29), Date(2009, 1, 4)},
		{"2004-W53", 2004, 53, Date(2004, 12, 27), Date(2005, 1, 2)},
		{"2025-W01 starts in 2024", 2025, 1, Date(2024, 12, 30), Date(2025, 1, 5)},
		{"2025-W52", 2025, 52, Date(2025, 12, 22), Date(2025, 12, 28)},
		{"0001-W01 is the first Monday", 1, 1, Date(1, 1, 1), Date(1, 1, 7)},
		{"9999-W52 ends in 10000", 9999, 52, Date(9999, 12, 27), Date(10000, 1, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ISOWeek(tt.year, tt.week)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Start.Equal(tt.start) || !p.End.Equal(tt.end) {
				t.Errorf("ISOWeek(%d, %d) = %s..%s, want %s..%s", tt.year, tt.week,
					p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly),
					tt.start.Format(time.DateOnly), tt.end.Format(time.DateOnly))
			}
			if p.Start.Weekday() != time.Monday {
				t.Errorf("starts on %v", p.Start.Weekday())
			}
			// Parse must agree with the constructor.
			q, err := Parse(p.ID, Context{})
			if err != nil || q != p {
				t.Errorf("Parse(%q) = %+v, %v; want %+v", p.ID, q, err, p)
			}
		})
	}
}

func TestISOWeekErrors(t *testing.T) {
	tests := []struct {
		name       string
		year, week int
		want       string
	}{
		{"2021-W53 does not exist", 2021, 53, `invalid period "2021-W53": 2021 has 52 ISO weeks; accepted forms: ` + Accepted},
		{"2025-W54", 2025, 54, `invalid period "2025-W54": 2025 has 52 ISO weeks; accepted forms: ` + Accepted},
		{"2020-W54", 2020, 54, `invalid period "2020-W54": 2020 has 53 ISO weeks; accepted forms: ` + Accepted},
		{"week 0", 2025, 0, `invalid period "2025-W00": week 0 does not exist, ISO weeks start at 1; accepted forms: ` + Accepted},
		{"year 0", 0, 1, `invalid period "0000-W01": year 0 is out of range 1..9999; accepted forms: ` + Accepted},
		{"year 10000", 10000, 1, `invalid period "10000-W01": year 10000 is out of range 1..9999; accepted forms: ` + Accepted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ISOWeek(tt.year, tt.week)
			if err == nil {
				t.Fatalf("ISOWeek(%d, %d) = %+v, want error", tt.year, tt.week, p)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q\nwant    %q", err, tt.want)
			}
		})
	}
}

func TestLeapYears(t *testing.T) {
	tests := []struct {
		name, in string
		end      time.Time
		days     int
	}{
		{"2024-02 ends 29 Feb", "2024-02", Date(2024, 2, 29), 29},
		{"2023-02 ends 28 Feb", "2023-02", Date(2023, 2, 28), 28},
		{"2000-02 ends 29 Feb (divisible by 400)", "2000-02", Date(2000, 2, 29), 29},
		{"1900-02 ends 28 Feb (divisible by 100)", "1900-02", Date(1900, 2, 28), 28},
		{"2024 has 366 days", "2024", Date(2024, 12, 31), 366},
		{"2000 has 366 days", "2000", Date(2000, 12, 31), 366},
		{"1900 has 365 days", "1900", Date(1900, 12, 31), 365},
		{"2024-Q1 has 91 days", "2024-Q1", Date(2024, 3, 31), 91},
		{"2023-Q1 has 90 days", "2023-Q1", Date(2023, 3, 31), 90},
		{"range over 29 Feb 2024", "2024-02-28..2024-03-01", Date(2024, 3, 1), 3},
		{"range over end of Feb 2023", "2023-02-28..2023-03-01", Date(2023, 3, 1), 2},
		{"range ending 29 Feb 2000", "2000-02-01..2000-02-29", Date(2000, 2, 29), 29},
		{"range over a leap year", "2024-01-01..2024-12-31", Date(2024, 12, 31), 366},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in, Context{})
			if err != nil {
				t.Fatal(err)
			}
			if !p.End.Equal(tt.end) {
				t.Errorf("End = %s, want %s", p.End.Format(time.DateOnly), tt.end.Format(time.DateOnly))
			}
			if p.Days() != tt.days {
				t.Errorf("Days() = %d, want %d", p.Days(), tt.days)
			}
		})
	}
}

func TestPrevious(t *testing.T) {
	tests := []struct {
		name, in string
		want     want
	}{
		{"week", "2025-W43", want{Week, "2025-W42", Date(2025, 10, 13), Date(2025, 10, 19), "Week 42 · 13–19 October 2025", 7}},
		{"week across year boundary", "2026-W01", want{Week, "2025-W52", Date(2025, 12, 22), Date(2025, 12, 28), "Week 52 · 22–28 December 2025", 7}},
		{"week into a 53-week year", "2021-W01", want{Week, "2020-W53", Date(2020, 12, 28), Date(2021, 1, 3), "Week 53 · 28 December 2020 – 3 January 2021", 7}},
		{"week 53 to 52", "2020-W53", want{Week, "2020-W52", Date(2020, 12, 21), Date(2020, 12, 27), "Week 52 · 21–27 December 2020", 7}},
		{"month", "2025-10", want{Month, "2025-09", Date(2025, 9, 1), Date(2025, 9, 30), "September 2025", 30}},
		{"month January to December", "2025-01", want{Month, "2024-12", Date(2024, 12, 1), Date(2024, 12, 31), "December 2024", 31}},
		{"month March to leap February", "2024-03", want{Month, "2024-02", Date(2024, 2, 1), Date(2024, 2, 29), "February 2024", 29}},
		{"quarter", "2025-Q4", want{Quarter, "2025-Q3", Date(2025, 7, 1), Date(2025, 9, 30), "Q3 2025", 92}},
		{"quarter Q1 to Q4", "2025-Q1", want{Quarter, "2024-Q4", Date(2024, 10, 1), Date(2024, 12, 31), "Q4 2024", 92}},
		{"year", "2025", want{Year, "2024", Date(2024, 1, 1), Date(2024, 12, 31), "2024", 366}},
		{"range", "2025-10-01..2025-10-31", want{Range, "2025-08-31_2025-09-30", Date(2025, 8, 31), Date(2025, 9, 30), "31 August – 30 September 2025", 31}},
		{"range single day", "2026-01-01..2026-01-01", want{Range, "2025-12-31_2025-12-31", Date(2025, 12, 31), Date(2025, 12, 31), "31 December 2025", 1}},
		{"range over 29 Feb", "2024-03-01..2024-03-31", want{Range, "2024-01-30_2024-02-29", Date(2024, 1, 30), Date(2024, 2, 29), "30 January – 29 February 2024", 31}},
		{"this-week", "this-week", want{Week, "2025-W47", Date(2025, 11, 17), Date(2025, 11, 23), "Week 47 · 17–23 November 2025", 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in, ctx)
			if err != nil {
				t.Fatal(err)
			}
			prev, ok := p.Previous()
			if !ok {
				t.Fatal("Previous() = false")
			}
			check(t, prev, tt.want)
			if !prev.End.Equal(p.Start.AddDate(0, 0, -1)) {
				t.Errorf("Previous ends %s, want the day before %s", prev.End.Format(time.DateOnly), p.Start.Format(time.DateOnly))
			}
		})
	}
}

func TestRelative(t *testing.T) {
	tests := []struct {
		name, in string
		ctx      Context
		id       string
		start    time.Time
	}{
		{"this-week on a Wednesday", "this-week", ctx, "2025-W48", Date(2025, 11, 24)},
		{"this-week on a Sunday", "this-week", Context{Today: Date(2025, 11, 30)}, "2025-W48", Date(2025, 11, 24)},
		{"this-week on a Monday", "this-week", Context{Today: Date(2025, 12, 1)}, "2025-W49", Date(2025, 12, 1)},
		{"last-week on a Sunday", "last-week", Context{Today: Date(2025, 11, 30)}, "2025-W47", Date(2025, 11, 17)},
		{"last-week on a Monday", "last-week", Context{Today: Date(2025, 12, 1)}, "2025-W48", Date(2025, 11, 24)},
		{"this-week on 1 January in ISO week 1 of next year", "this-week", Context{Today: Date(2025, 12, 31)}, "2026-W01", Date(2025, 12, 29)},
		{"this-week on 1 January in week 53", "this-week", Context{Today: Date(2021, 1, 1)}, "2020-W53", Date(2020, 12, 28)},
		{"last-week across the year boundary", "last-week", Context{Today: Date(2026, 1, 2)}, "2025-W52", Date(2025, 12, 22)},
		{"last-week into week 53", "last-week", Context{Today: Date(2021, 1, 5)}, "2020-W53", Date(2020, 12, 28)},
		{"latest-week", "latest-week", ctx, "2025-W43", Date(2025, 10, 20)},
		{"latest-week on a Sunday event", "latest-week", Context{Today: Date(2025, 11, 26), Latest: Date(2025, 10, 26)}, "2025-W43", Date(2025, 10, 20)},
		{"latest-week falls back to today", "latest-week", Context{Today: Date(2025, 11, 26)}, "2025-W48", Date(2025, 11, 24)},
		// Today late on Sunday in UTC+1 is still Sunday: only the calendar date counts.
		{"today not at UTC midnight", "this-week", Context{Today: time.Date(2025, 11, 30, 23, 30, 0, 0, time.FixedZone("CET", 3600))}, "2025-W48", Date(2025, 11, 24)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in, tt.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != Week || p.ID != tt.id || !p.Start.Equal(tt.start) || !p.End.Equal(tt.start.AddDate(0, 0, 6)) {
				t.Errorf("Parse(%q) = %s %s..%s, want %s from %s", tt.in, p.ID,
					p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly), tt.id, tt.start.Format(time.DateOnly))
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		ctx      Context
		want     string // the reason; the message is `invalid period "<in>": <reason>; accepted forms: ...`
	}{
		{"empty", "", ctx, "empty period"},
		{"blank", "  ", ctx, "empty period"},
		{"week 54", "2025-W54", ctx, "2025 has 52 ISO weeks"},
		{"week 53 in a 52-week year", "2021-W53", ctx, "2021 has 52 ISO weeks"},
		{"week 54 in a 53-week year", "2020-W54", ctx, "2020 has 53 ISO weeks"},
		{"week 0", "2025-W00", ctx, "week 0 does not exist, ISO weeks start at 1"},
		{"week one digit", "2025-W5", ctx, `week "5" must be two digits, e.g. 2025-W05`},
		{"week three digits", "2025-W123", ctx, `week "123" must be two digits, e.g. 2025-W43`},
		{"week not a number", "2025-Wxx", ctx, `week "xx" must be two digits, e.g. 2025-W43`},
		{"week signed", "2025-W+1", ctx, `week "+1" must be two digits, e.g. 2025-W43`},
		{"week missing", "2025-W", ctx, `missing week number after "W"`},
		{"month 13", "2025-13", ctx, "month 13 is out of range 1..12"},
		{"month 0", "2025-00", ctx, "month 0 is out of range 1..12"},
		{"month one digit", "2025-1", ctx, `month "1" must be two digits, e.g. 2025-01`},
		{"month three digits", "2025-123", ctx, `month "123" must be two digits`},
		{"Q5", "2025-Q5", ctx, "quarter Q5 is out of range Q1..Q4"},
		{"Q0", "2025-q0", ctx, "quarter Q0 is out of range Q1..Q4"},
		{"Q12", "2025-Q12", ctx, `quarter "Q12" must be one of Q1..Q4`},
		{"Q missing", "2025-Q", ctx, `quarter "Q" must be one of Q1..Q4`},
		{"nothing after year", "2025-", ctx, `missing month, week or quarter after "2025-"`},
		{"half year", "2025-H1", ctx, `unrecognised "H1" after the year, want a month (10), week (W43) or quarter (Q4)`},
		{"year 0", "0000", ctx, "year 0 is out of range 1..9999"},
		{"year two digits", "25", ctx, `year "25" must be four digits`},
		{"year five digits", "20255", ctx, `year "20255" must be four digits`},
		{"year with junk", "2025x", ctx, `year "2025x" must be four digits`},
		{"end before start", "2025-10-31..2025-10-01", ctx, "end 2025-10-01 is before start 2025-10-31"},
		{"start day out of range", "2025-02-30..2025-03-01", ctx, `start date "2025-02-30": day 30 is out of range 1..28 for February 2025`},
		{"end day out of range", "2025-10-01..2025-10-32", ctx, `end date "2025-10-32": day 32 is out of range 1..31 for October 2025`},
		{"29 Feb 1900", "1900-02-29..1900-03-01", ctx, `start date "1900-02-29": day 29 is out of range 1..28 for February 1900`},
		{"day 0", "2025-10-00..2025-10-31", ctx, `start date "2025-10-00": day 0 is out of range 1..31 for October 2025`},
		{"start month 13", "2025-13-01..2025-12-31", ctx, `start date "2025-13-01": month 13 is out of range 1..12`},
		{"start year 0", "0000-01-01..2025-01-01", ctx, `start date "0000-01-01": year 0 is out of range 1..9999`},
		{"unparseable start", "2025-10-1..2025-10-31", ctx, `start date "2025-10-1": want YYYY-MM-DD`},
		{"unparseable end", "2025-10-01..31 October", ctx, `end date "31 October": want YYYY-MM-DD`},
		{"missing end", "2025-10-01..", ctx, `end date "": want YYYY-MM-DD`},
		{"three dots", "2025-10-01...2025-10-31", ctx, `end date ".2025-10-31": want YYYY-MM-DD`},
		{"two ranges", "2025-10-01..2025-10-05..2025-10-09", ctx, `a range needs exactly one ".." between two dates`},
		{"single date", "2025-10-01", ctx, "a single date is not a period, for one day use 2025-10-01..2025-10-01"},
		{"single bad date", "2025-10-32", ctx, `date "2025-10-32": day 32 is out of range 1..31 for October 2025`},
		{"unknown word", "yesterday", ctx, `unknown word "yesterday"`},
		{"unknown word keeps case", "Next-Week", ctx, `unknown word "Next-Week"`},
		{"word with a space", "this week", ctx, `unknown word "this week", did you mean "this-week"?`},
		{"word with underscore", "LAST_WEEK", ctx, `unknown word "LAST_WEEK", did you mean "last-week"?`},
		{"week without year", "W43", ctx, "missing the year, write YYYY-W43"},
		{"quarter without year", "q4", ctx, "missing the year, write YYYY-Q4"},
		{"negative year", "-2025", ctx, `unknown word "-2025"`},
		{"this-week without today", "this-week", Context{}, "this-week needs today's date, which is not set"},
		{"last-week without today", "last-week", Context{}, "last-week needs today's date, which is not set"},
		{"latest-week without dates", "latest-week", Context{}, "latest-week needs the newest event's date or today's date, and neither is set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in, tt.ctx)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want error", tt.in, p)
			}
			if !p.IsZero() {
				t.Errorf("Parse(%q) returned non-zero period %+v with error", tt.in, p)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", msg, tt.want)
			}
			if !strings.HasSuffix(msg, "; accepted forms: "+Accepted) {
				t.Errorf("error = %q\nwant it to end with the accepted forms", msg)
			}
			prefix := `invalid period "` + strings.TrimSpace(tt.in) + `": `
			if !strings.HasPrefix(msg, prefix) {
				t.Errorf("error = %q\nwant prefix %q", msg, prefix)
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Reason != tt.want {
				t.Errorf("errors.As(*Error) reason = %+v, want %q", pe, tt.want)
			}
			// Validate rejects the same inputs, but not a relative form
			// for want of a date.
			verr := Validate(tt.in)
			if tt.ctx.Today.IsZero() {
				if verr != nil {
					t.Errorf("Validate(%q) = %v, want nil", tt.in, verr)
				}
			} else if verr == nil || verr.Error() != msg {
				t.Errorf("Validate(%q) = %v, want %q", tt.in, verr, msg)
			}
		})
	}
}

// TestErrorMessageExample pins the exact message given in the product spec.
func TestErrorMessageExample(t *testing.T) {
	_, err := Parse("2025-W54", ctx)
	want := `invalid period "2025-W54": 2025 has 52 ISO weeks; accepted forms: 2025-W43, 2025-10, 2025-Q4, 2025, 2025-10-01..2025-10-31, this-week, last-week, latest-week, all`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestContains(t *testing.T) {
	mustParse := func(s string) Period {
		t.Helper()
		p, err := Parse(s, ctx)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		p    Period
		d    time.Time
		want bool
	}{
		{"week first day", mustParse("2025-W43"), Date(2025, 10, 20), true},
		{"week last day", mustParse("2025-W43"), Date(2025, 10, 26), true},
		{"week day before", mustParse("2025-W43"), Date(2025, 10, 19), false},
		{"week day after", mustParse("2025-W43"), Date(2025, 10, 27), false},
		{"week last day late evening", mustParse("2025-W43"), time.Date(2025, 10, 26, 23, 59, 59, 999999999, time.UTC), true},
		// 26 October 23:30 in CET is 22:30 UTC the same day, and 27 October
		// 00:30 CET is still 26 October in UTC: the calendar date of d counts.
		{"week last day in another zone", mustParse("2025-W43"), time.Date(2025, 10, 26, 23, 30, 0, 0, cet), true},
		{"week day after in another zone", mustParse("2025-W43"), time.Date(2025, 10, 27, 0, 30, 0, 0, cet), false},
		{"month first day", mustParse("2024-02"), Date(2024, 2, 1), true},
		{"month last day", mustParse("2024-02"), Date(2024, 2, 29), true},
		{"month day before", mustParse("2024-02"), Date(2024, 1, 31), false},
		{"month day after", mustParse("2024-02"), Date(2024, 3, 1), false},
		{"quarter first day", mustParse("2025-Q4"), Date(2025, 10, 1), true},
		{"quarter last day", mustParse("2025-Q4"), Date(2025, 12, 31), true},
		{"quarter day before", mustParse("2025-Q4"), Date(2025, 9, 30), false},
		{"quarter day after", mustParse("2025-Q4"), Date(2026, 1, 1), false},
		{"year first day", mustParse("2025"), Date(2025, 1, 1), true},
		{"year last day", mustParse("2025"), Date(2025, 12, 31), true},
		{"year day before", mustParse("2025"), Date(2024, 12, 31), false},
		{"year day after", mustParse("2025"), Date(2026, 1, 1), false},
		{"range first day", mustParse("2025-10-01..2025-10-31"), Date(2025, 10, 1), true},
		{"range last day", mustParse("2025-10-01..2025-10-31"), Date(2025, 10, 31), true},
		{"range day before", mustParse("2025-10-01..2025-10-31"), Date(2025, 9, 30), false},
		{"range day after", mustParse("2025-10-01..2025-10-31"), Date(2025, 11, 1), false},
		{"single-day range", mustParse("2025-10-25..2025-10-25"), Date(2025, 10, 25), true},
		{"single-day range day after", mustParse("2025-10-25..2025-10-25"), Date(2025, 10, 26), false},
		{"all", mustParse("all"), Date(1, 1, 1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Contains(tt.d); got != tt.want {
				t.Errorf("%s.Contains(%v) = %v, want %v", tt.p.ID, tt.d, got, tt.want)
			}
		})
	}
}

func TestForDate(t *testing.T) {
	d := time.Date(2025, 10, 24, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		kind Kind
		id   string
	}{
		{All, "all"},
		{Week, "2025-W43"},
		{Month, "2025-10"},
		{Quarter, "2025-Q4"},
		{Year, "2025"},
		{Range, "2025-10-24_2025-10-24"},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String(), func(t *testing.T) {
			p := ForDate(tt.kind, d)
			if p.Kind != tt.kind || p.ID != tt.id || !p.Contains(d) {
				t.Errorf("ForDate(%v, %v) = %+v, want ID %q containing d", tt.kind, d, p, tt.id)
			}
		})
	}
	t.Run("ISO year differs from calendar year", func(t *testing.T) {
		if p := ForDate(Week, Date(2027, 1, 1)); p.ID != "2026-W53" {
			t.Errorf("ForDate(Week, 2027-01-01).ID = %q, want 2026-W53", p.ID)
		}
	})
	t.Run("unknown kind panics", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("no panic")
			}
		}()
		ForDate(Kind(42), d)
	})
}

func TestKindString(t *testing.T) {
	tests := []struct {
		k    Kind
		want string
	}{
		{All, "all"}, {Week, "week"}, {Month, "month"}, {Quarter, "quarter"},
		{Year, "year"}, {Range, "range"}, {Kind(42), "Kind(42)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.k.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatRange(t *testing.T) {
	tests := []struct {
		name       string
		start, end time.Time
		want       string
	}{
		{"single day", Date(2025, 10, 25), Date(2025, 10, 25), "25 October 2025"},
		{"same month", Date(2025, 10, 1), Date(2025, 10, 31), "1–31 October 2025"},
		{"cross month", Date(2025, 10, 1), Date(2025, 11, 15), "1 October – 15 November 2025"},
		{"cross year", Date(2025, 12, 20), Date(2026, 1, 5), "20 December 2025 – 5 January 2026"},
		{"same day, different clock", time.Date(2025, 10, 25, 9, 0, 0, 0, time.UTC), time.Date(2025, 10, 25, 18, 0, 0, 0, time.UTC), "25 October 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatRange(tt.start, tt.end); got != tt.want {
				t.Errorf("FormatRange = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsZero(t *testing.T) {
	if !(Period{}).IsZero() {
		t.Error("Period{}.IsZero() = false")
	}
	if ForDate(Week, Date(2025, 10, 24)).IsZero() {
		t.Error("a week IsZero")
	}
}

func TestDate(t *testing.T) {
	if got := Date(2025, 2, 29); !got.Equal(Date(2025, 3, 1)) {
		t.Errorf("Date(2025, 2, 29) = %v, want normalised to 1 March", got)
	}
	if got := Date(2025, 10, 24); got.Location() != time.UTC || got.Hour() != 0 {
		t.Errorf("Date not at 00:00 UTC: %v", got)
	}
}

func TestBack(t *testing.T) {
	tests := []struct {
		in   string
		k    int
		want string // ID
	}{
		{"2025-W43", 0, "2025-W43"},
		{"2025-W43", 11, "2025-W32"},
		{"2025-W02", 3, "2024-W51"},
		{"2021-W02", 2, "2020-W53"},
		{"2025-10", 11, "2024-11"},
		{"2025-Q1", 5, "2023-Q4"},
		{"2025", 11, "2014"},
		{"2025-10-01..2025-10-10", 2, "2025-09-11_2025-09-20"},
		{"all", 3, "all"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.in, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Back(tt.k); got.ID != tt.want {
			t.Errorf("%s.Back(%d) = %s, want %s", tt.in, tt.k, got.ID, tt.want)
		}
		// Back(k) is Previous k times.
		q := p
		for range tt.k {
			q, _ = q.Previous()
		}
		if tt.in != "all" && p.Back(tt.k) != q {
			t.Errorf("%s.Back(%d) = %+v, Previous %d times = %+v", tt.in, tt.k, p.Back(tt.k), tt.k, q)
		}
	}
}

func TestStepsBack(t *testing.T) {
	tests := []struct {
		in   string
		d    time.Time
		want int
	}{
		{"2025-W43", Date(2025, 10, 20), 0},
		{"2025-W43", Date(2025, 10, 26), 0},
		{"2025-W43", Date(2025, 10, 19), 1},
		{"2025-W43", Date(2025, 10, 13), 1},
		{"2025-W43", Date(2025, 10, 12), 2},
		{"2025-W43", Date(2025, 10, 27), -1},
		{"2025-W01", Date(2024, 12, 29), 1},
		{"2025-10", Date(2025, 10, 31), 0},
		{"2025-10", Date(2024, 10, 31), 12},
		{"2025-10", Date(2025, 11, 1), -1},
		{"2025-Q4", Date(2025, 9, 30), 1},
		{"2025-Q1", Date(2024, 1, 1), 4},
		{"0001-Q1", Date(0, 12, 31), 1},
		{"0001-Q1", Date(-1, 12, 31), 5},
		{"2025", Date(2014, 6, 1), 11},
		{"2025-10-01..2025-10-10", Date(2025, 9, 21), 1},
		{"2025-10-01..2025-10-10", Date(2025, 9, 20), 2},
		{"2025-10-01..2025-10-10", Date(2025, 10, 11), -1},
		{"2025-10-01..2025-10-10", Date(2025, 10, 21), -2},
		{"all", Date(1900, 1, 1), 0},
	}
	for _, tt := range tests {
		p, err := Parse(tt.in, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.StepsBack(tt.d); got != tt.want {
			t.Errorf("%s.StepsBack(%s) = %d, want %d", tt.in, tt.d.Format(time.DateOnly), got, tt.want)
		}
	}
}

// TestStepsBackContains: every day of some years lies in the period
// StepsBack names, for each kind.
func TestStepsBackContains(t *testing.T) {
	for _, in := range []string{"2025-W43", "2025-10", "2025-Q4", "2025", "2025-10-01..2025-10-10"} {
		p, err := Parse(in, ctx)
		if err != nil {
			t.Fatal(err)
		}
		for d := Date(2019, 12, 1); d.Before(Date(2027, 2, 1)); d = d.AddDate(0, 0, 1) {
			if k := p.StepsBack(d); !p.Back(k).Contains(d) {
				t.Fatalf("%s.StepsBack(%s) = %d, but %s does not contain it", in, d.Format(time.DateOnly), k, p.Back(k).ID)
			}
		}
	}
}
