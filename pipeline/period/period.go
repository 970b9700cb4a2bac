// Package period parses the --period argument of briefing into a concrete
// reporting period: an ISO 8601 week, a calendar month, quarter or year, an
// inclusive date range, or all dates.
//
// Every period is resolved to fixed dates at parse time, including the
// relative forms (this-week, last-week, latest-week), so that output file
// names built from Period.ID never depend on when a briefing is re-read.
// Dates are civil dates carried as time.Time at 00:00 UTC, which keeps date
// arithmetic free of daylight-saving surprises.
//
// It is not a stable API: it serves the briefing command and changes with
// it, without notice.
package period

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Accepted is the human list of accepted forms used in error messages and --help.
const Accepted = "2025-W43, 2025-10, 2025-Q4, 2025, 2025-10-01..2025-10-31, this-week, last-week, latest-week, all"

// Kind is the shape of a period.
type Kind int

// The kinds of period. All is the zero value so that a zero Period never
// silently restricts anything.
const (
	All Kind = iota
	Week
	Month
	Quarter
	Year
	Range
)

// String returns the lower-case name of k.
func (k Kind) String() string {
	switch k {
	case All:
		return "all"
	case Week:
		return "week"
	case Month:
		return "month"
	case Quarter:
		return "quarter"
	case Year:
		return "year"
	case Range:
		return "range"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Period is a reporting period. Dates are civil dates represented as
// time.Time at 00:00 UTC.
type Period struct {
	Kind  Kind
	ID    string    // used in output file names: "2025-W43", "2025-10", "2025-Q4", "2025", "2025-10-01_2025-10-31", "all"
	Start time.Time // inclusive, 00:00 UTC; zero for All
	End   time.Time // inclusive, 00:00 UTC; zero for All
	Label string    // human label, e.g. "Week 43 · 20–26 October 2025"
}

// Contains reports whether the calendar date of d (its year, month and day
// in its own location) lies in p. All contains everything.
func (p Period) Contains(d time.Time) bool {
	if p.Kind == All {
		return true
	}
	c := civil(d)
	return !c.Before(p.Start) && !c.After(p.End)
}

// Previous returns the period of the same length immediately before p: the
// previous ISO week, month, quarter or year, or for a range the same number
// of days ending the day before p starts. All has no previous period.
//
// Previous does not stop at year 1: the result may lie in year 0 or before,
// which Parse would reject but which is still a well-formed period.
func (p Period) Previous() (Period, bool) {
	switch p.Kind {
	case Week, Month, Quarter, Year:
		// The period containing the day before Start is the previous one,
		// and computing it this way also repairs a hand-built p whose Start
		// is not aligned to its kind.
		return ForDate(p.Kind, p.Start.AddDate(0, 0, -1)), true
	case Range:
		n := p.Days()
		return rangePeriod(p.Start.AddDate(0, 0, -n), p.Start.AddDate(0, 0, -1)), true
	}
	return Period{}, false
}

// Days returns the number of days in p, 0 for All.
func (p Period) Days() int {
	if p.Kind == All {
		return 0
	}
	// Unix seconds rather than End.Sub(Start): a time.Duration saturates at
	// about 292 years, and a range may span almost 10,000.
	return int((p.End.Unix()-p.Start.Unix())/secondsPerDay) + 1
}

// IsZero reports whether p is the zero Period. A parsed "all" is not zero:
// it has the ID "all", which tells "not given" apart from "everything".
func (p Period) IsZero() bool {
	return p.Kind == All && p.ID == "" && p.Label == "" && p.Start.IsZero() && p.End.IsZero()
}

// Context gives what the relative forms need.
type Context struct {
	Today  time.Time // today's civil date in the configured time zone (00:00 UTC)
	Latest time.Time // date of the newest held event; zero when there is none
}

// Error is the error returned by Parse and ISOWeek. Its message names the input,
// what is wrong with it, and the accepted forms, so that the CLI can print it
// as is.
type Error struct {
	Input  string // the value as given, without surrounding spaces
	Reason string // what is wrong, e.g. "2025 has 52 ISO weeks"
}

func (e *Error) Error() string {
	return fmt.Sprintf("invalid period %q: %s; accepted forms: %s", e.Input, e.Reason, Accepted)
}

// Parse parses a --period value. Surrounding spaces are ignored, and the
// letters (W, Q and the words) may be in any case. Years must lie in
// 1..9999 and be written with four digits; weeks, months and days with two.
//
// this-week and last-week resolve against ctx.Today, and latest-week against
// ctx.Latest; when ctx.Latest is zero (no events held) latest-week falls back
// to the week of ctx.Today, so a fresh installation still gets a period.
// The relative forms fail when the date they need is zero rather than
// quietly naming week 0001-W01.
func Parse(s string, ctx Context) (Period, error) {
	in := strings.TrimSpace(s)
	p, reason := parse(in, ctx)
	if reason != "" {
		return Period{}, &Error{Input: in, Reason: reason}
	}
	return p, nil
}

// Validate checks the form of a --period value without resolving it, so
// that a typo is reported before any loading: it fails exactly when Parse
// fails with today's date and the newest event's known, with the same
// *Error. The relative forms are valid without those dates.
func Validate(s string) error {
	in := strings.TrimSpace(s)
	if slices.Contains(words, strings.ToLower(in)) {
		return nil
	}
	_, err := Parse(in, Context{})
	return err
}

var allPeriod = Period{Kind: All, ID: "all", Label: "All dates"}

// words are the accepted non-numeric forms.
var words = []string{"all", "this-week", "last-week", "latest-week"}

// parse does the work of Parse on the trimmed input and returns either a
// period or the reason it is invalid. Reasons quote the input as typed.
func parse(s string, ctx Context) (Period, string) {
	switch strings.ToLower(s) {
	case "":
		return Period{}, "empty period"
	case "all":
		return allPeriod, ""
	case "this-week":
		if ctx.Today.IsZero() {
			return Period{}, "this-week needs today's date, which is not set"
		}
		return ForDate(Week, ctx.Today), ""
	case "last-week":
		if ctx.Today.IsZero() {
			return Period{}, "last-week needs today's date, which is not set"
		}
		p, _ := ForDate(Week, ctx.Today).Previous()
		return p, ""
	case "latest-week":
		d := ctx.Latest
		if d.IsZero() {
			d = ctx.Today
		}
		if d.IsZero() {
			return Period{}, "latest-week needs the newest event's date or today's date, and neither is set"
		}
		return ForDate(Week, d), ""
	}
	if strings.Contains(s, "..") {
		return parseRange(s)
	}
	if !isDigit(s[0]) {
		return Period{}, wordReason(s)
	}

	ys, rest, hasRest := strings.Cut(s, "-")
	y, reason := parseYear(ys)
	if reason != "" {
		return Period{}, reason
	}
	if !hasRest {
		return ForDate(Year, Date(y, time.January, 1)), ""
	}
	switch {
	case rest == "":
		return Period{}, fmt.Sprintf("missing month, week or quarter after %q", ys+"-")
	case rest[0] == 'w' || rest[0] == 'W':
		return parseWeek(y, rest[1:])
	case rest[0] == 'q' || rest[0] == 'Q':
		return parseQuarter(y, rest[1:])
	case strings.Contains(rest, "-"):
		// A lone date: it is not a form, but say how to ask for one day.
		if _, reason := parseDate(s); reason != "" {
			return Period{}, fmt.Sprintf("date %q: %s", s, reason)
		}
		return Period{}, fmt.Sprintf("a single date is not a period, for one day use %s..%s", s, s)
	case allDigits(rest):
		return parseMonth(y, rest)
	}
	return Period{}, fmt.Sprintf("unrecognised %q after the year, want a month (10), week (W43) or quarter (Q4)", rest)
}

func parseYear(s string) (int, string) {
	if len(s) != 4 || !allDigits(s) {
		return 0, fmt.Sprintf("year %q must be four digits", s)
	}
	y, _ := strconv.Atoi(s)
	if y < 1 {
		return 0, fmt.Sprintf("year %d is out of range 1..9999", y)
	}
	return y, ""
}

func parseWeek(y int, num string) (Period, string) {
	switch {
	case num == "":
		return Period{}, `missing week number after "W"`
	case len(num) == 1 && allDigits(num):
		return Period{}, fmt.Sprintf("week %q must be two digits, e.g. %04d-W0%s", num, y, num)
	case len(num) != 2 || !allDigits(num):
		return Period{}, fmt.Sprintf("week %q must be two digits, e.g. %04d-W43", num, y)
	}
	w, _ := strconv.Atoi(num)
	if reason := weekReason(y, w); reason != "" {
		return Period{}, reason
	}
	return weekPeriod(y, w), ""
}

func parseQuarter(y int, num string) (Period, string) {
	if len(num) != 1 || !allDigits(num) {
		return Period{}, fmt.Sprintf("quarter %q must be one of Q1..Q4", "Q"+num)
	}
	q := int(num[0] - '0')
	if q < 1 || q > 4 {
		return Period{}, fmt.Sprintf("quarter Q%d is out of range Q1..Q4", q)
	}
	return ForDate(Quarter, Date(y, time.Month(3*q-2), 1)), ""
}

func parseMonth(y int, num string) (Period, string) {
	if len(num) == 1 {
		return Period{}, fmt.Sprintf("month %q must be two digits, e.g. %04d-0%s", num, y, num)
	}
	if len(num) != 2 {
		return Period{}, fmt.Sprintf("month %q must be two digits", num)
	}
	m, _ := strconv.Atoi(num)
	if m < 1 || m > 12 {
		return Period{}, fmt.Sprintf("month %d is out of range 1..12", m)
	}
	return ForDate(Month, Date(y, time.Month(m), 1)), ""
}

func parseRange(s string) (Period, string) {
	parts := strings.Split(s, "..")
	if len(parts) != 2 {
		return Period{}, `a range needs exactly one ".." between two dates`
	}
	from, to := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	start, reason := parseDate(from)
	if reason != "" {
		return Period{}, fmt.Sprintf("start date %q: %s", from, reason)
	}
	end, reason := parseDate(to)
	if reason != "" {
		return Period{}, fmt.Sprintf("end date %q: %s", to, reason)
	}
	if end.Before(start) {
		return Period{}, fmt.Sprintf("end %s is before start %s", to, from)
	}
	return rangePeriod(start, end), ""
}

// parseDate parses a strict YYYY-MM-DD date and, unlike time.Parse, says
// which part is wrong.
func parseDate(s string) (time.Time, string) {
	f := strings.Split(s, "-")
	if len(f) != 3 || len(f[0]) != 4 || len(f[1]) != 2 || len(f[2]) != 2 ||
		!allDigits(f[0]) || !allDigits(f[1]) || !allDigits(f[2]) {
		return time.Time{}, "want YYYY-MM-DD"
	}
	y, reason := parseYear(f[0])
	if reason != "" {
		return time.Time{}, reason
	}
	m, _ := strconv.Atoi(f[1])
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Sprintf("month %d is out of range 1..12", m)
	}
	d, _ := strconv.Atoi(f[2])
	if n := daysIn(y, time.Month(m)); d < 1 || d > n {
		return time.Time{}, fmt.Sprintf("day %d is out of range 1..%d for %s %d", d, n, time.Month(m), y)
	}
	return Date(y, time.Month(m), d), ""
}

// wordReason explains an input that starts with a letter. It catches the
// likely slips (a missing year, a space instead of a hyphen) before giving up.
func wordReason(s string) string {
	lower := strings.ToLower(s)
	if len(s) > 1 && strings.ContainsRune("wWqQ", rune(s[0])) && allDigits(s[1:]) {
		return fmt.Sprintf("missing the year, write YYYY-%s", strings.ToUpper(s))
	}
	squash := strings.NewReplacer(" ", "", "_", "", "-", "")
	for _, w := range words {
		if squash.Replace(lower) == squash.Replace(w) {
			return fmt.Sprintf("unknown word %q, did you mean %q?", s, w)
		}
	}
	return fmt.Sprintf("unknown word %q", s)
}

// Date returns the civil date y-m-d as a time.Time at 00:00 UTC. Like
// time.Date it normalises out-of-range values (Date(2025, 2, 29) is 1 March).
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ISOWeek returns ISO 8601 week `week` of ISO year `year`. The year must lie
// in 1..9999 and the week in 1..52, or 1..53 in years that have 53 ISO weeks.
//
// It is not called Week because that name is taken by the Kind constant.
func ISOWeek(year, week int) (Period, error) {
	reason := ""
	if year < 1 || year > 9999 {
		reason = fmt.Sprintf("year %d is out of range 1..9999", year)
	} else {
		reason = weekReason(year, week)
	}
	if reason != "" {
		return Period{}, &Error{Input: fmt.Sprintf("%04d-W%02d", year, week), Reason: reason}
	}
	return weekPeriod(year, week), nil
}

func weekReason(year, week int) string {
	if week < 1 {
		return fmt.Sprintf("week %d does not exist, ISO weeks start at 1", week)
	}
	if n := isoWeeks(year); week > n {
		return fmt.Sprintf("%d has %d ISO weeks", year, n)
	}
	return ""
}

// isoWeeks returns 52 or 53. 28 December always falls in the last ISO week
// of its year.
func isoWeeks(year int) int {
	_, w := Date(year, time.December, 28).ISOWeek()
	return w
}

// ForDate returns the week, month, quarter or year containing the calendar
// date of d. For Range it returns the one-day range of d, and for All the
// all period; it panics on an unknown Kind, which is a programming error.
func ForDate(kind Kind, d time.Time) Period {
	d = civil(d)
	y, m := d.Year(), d.Month()
	switch kind {
	case All:
		return allPeriod
	case Week:
		return weekPeriod(d.ISOWeek())
	case Month:
		start := Date(y, m, 1)
		return Period{
			Kind:  Month,
			ID:    fmt.Sprintf("%04d-%02d", y, int(m)),
			Start: start,
			End:   start.AddDate(0, 1, -1),
			Label: fmt.Sprintf("%s %d", m, y),
		}
	case Quarter:
		q := (int(m)-1)/3 + 1
		start := Date(y, time.Month(3*q-2), 1)
		return Period{
			Kind:  Quarter,
			ID:    fmt.Sprintf("%04d-Q%d", y, q),
			Start: start,
			End:   start.AddDate(0, 3, -1),
			Label: fmt.Sprintf("Q%d %d", q, y),
		}
	case Year:
		return Period{
			Kind:  Year,
			ID:    fmt.Sprintf("%04d", y),
			Start: Date(y, time.January, 1),
			End:   Date(y, time.December, 31),
			Label: strconv.Itoa(y),
		}
	case Range:
		return rangePeriod(d, d)
	}
	panic("period.ForDate: unknown kind " + kind.String())
}

// weekPeriod builds ISO week w of ISO year y without validation, so that
// Previous can step into year 0.
func weekPeriod(y, w int) Period {
	// 4 January is always in week 1; its Monday starts the ISO year.
	jan4 := Date(y, time.January, 4)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
	sunday := monday.AddDate(0, 0, 6)
	return Period{
		Kind:  Week,
		ID:    fmt.Sprintf("%04d-W%02d", y, w),
		Start: monday,
		End:   sunday,
		Label: fmt.Sprintf("Week %d · %s", w, FormatRange(monday, sunday)),
	}
}

func rangePeriod(start, end time.Time) Period {
	return Period{
		Kind:  Range,
		ID:    formatDate(start) + "_" + formatDate(end),
		Start: start,
		End:   end,
		Label: FormatRange(start, end),
	}
}

// FormatRange formats the inclusive civil date range start..end the way
// labels do, naming the month and year only once where they are shared:
// "25 October 2025", "1–31 October 2025", "1 October – 15 November 2025",
// "20 December 2025 – 5 January 2026".
func FormatRange(start, end time.Time) string {
	sy, sm, sd := start.Date()
	ey, em, ed := end.Date()
	switch {
	case sy == ey && sm == em && sd == ed:
		return fmt.Sprintf("%d %s %d", sd, sm, sy)
	case sy == ey && sm == em:
		return fmt.Sprintf("%d–%d %s %d", sd, ed, sm, sy)
	case sy == ey:
		return fmt.Sprintf("%d %s – %d %s %d", sd, sm, ed, em, ey)
	}
	return fmt.Sprintf("%d %s %d – %d %s %d", sd, sm, sy, ed, em, ey)
}

const secondsPerDay = 24 * 60 * 60

// civil drops the clock and zone of t, keeping its calendar date.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

func formatDate(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d)
}

func daysIn(y int, m time.Month) int {
	return Date(y, m+1, 0).Day()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// allDigits reports whether s is non-empty and ASCII digits only; unlike
// strconv.Atoi it rejects signs, so "2025-+1" is not month 1.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// Back returns the k-th period before p: p itself for 0, Previous for 1,
// and so on; for a range, the range of the same length k lengths earlier.
// All has no periods before it and returns itself.
func (p Period) Back(k int) Period {
	switch p.Kind {
	case Week:
		return ForDate(Week, p.Start.AddDate(0, 0, -7*k))
	case Month:
		return ForDate(Month, p.Start.AddDate(0, -k, 0))
	case Quarter:
		return ForDate(Quarter, p.Start.AddDate(0, -3*k, 0))
	case Year:
		return ForDate(Year, p.Start.AddDate(-k, 0, 0))
	case Range:
		n := p.Days()
		return rangePeriod(p.Start.AddDate(0, 0, -k*n), p.End.AddDate(0, 0, -k*n))
	}
	return p
}

// StepsBack is the k for which p.Back(k) contains the calendar date of d:
// 0 when p does, 1 for the previous period, negative after p; 0 for All.
// It is arithmetic on the date, so that counting a year's events per week
// costs no period per event.
func (p Period) StepsBack(d time.Time) int {
	d = civil(d)
	switch p.Kind {
	case Month:
		return months(p.Start) - months(d)
	case Quarter:
		return floorDiv(months(p.Start), 3) - floorDiv(months(d), 3)
	case Year:
		return p.Start.Year() - d.Year()
	case Week, Range:
		// Weeks are ranges of 7 days starting on p's Monday.
		n := int64(p.Days())
		return int(floorDiv64((p.Start.Unix()-d.Unix())/secondsPerDay+n-1, n))
	}
	return 0
}

// months counts the months from year 0 to d's month.
func months(d time.Time) int { return d.Year()*12 + int(d.Month()) - 1 }

// floorDiv divides rounding down, so that year 0 and before count alike.
func floorDiv(a, b int) int { return int(floorDiv64(int64(a), int64(b))) }

func floorDiv64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
