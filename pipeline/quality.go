package pipeline

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// Data-quality warnings a scheduled run can act on: input that looks
// stale, a period without events, planned events never confirmed. They
// are warnings (errors with --strict), about the report's scope only, and
// come before the renderers, so that the workbook's Diagnostics sheet
// lists them; the manifest and the log list them too.

// ParseStaleAfter reads briefing.stale_after: a number of days ("14d") or
// weeks ("2w"), or "0" for no staleness warning. It returns days.
func ParseStaleAfter(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "0" {
		return 0, nil
	}
	if len(s) >= 2 {
		n, err := strconv.Atoi(s[:len(s)-1])
		unit := map[byte]int{'d': 1, 'w': 7}[s[len(s)-1]]
		if err == nil && unit > 0 && n >= 1 && n*unit <= 3650 && allDigits(s[:len(s)-1]) {
			return n * unit, nil
		}
	}
	return 0, fmt.Errorf("%q is not a number of days or weeks such as \"14d\" or \"2w\" (at most 10 years), or \"0\" for no staleness warning", s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// unconfirmedDays is how far from a planned event's day a held event of
// the same countries confirms it.
const unconfirmedDays = 3

// Covers reports whether e is in the report's scope: one of its pairs is
// shown, and it is dated in the period, the previous period or the
// Upcoming window after it ("all" covers every date).
func (r *Report) Covers(e *Event) bool {
	// The dates first, then the first pair in scope, with no allocation:
	// NewEdition asks it of every loaded event.
	if per := r.Period; per.Kind != period.All {
		d := e.Date
		if !per.Contains(d) && (r.Previous.IsZero() || !r.Previous.Contains(d)) && !(d.After(per.End) && !d.After(r.upcomingEnd)) {
			return false
		}
	}
	return r.hasPair(e)
}

// Quality returns the data-quality warnings of report r, made from ds
// with cfg, on the day of now in briefing.timezone:
//   - input looks stale: the period ends at most stale_after days before
//     today (or later), and the newest held event in scope is older than
//     stale_after;
//   - the period (not "all") has no held event in scope: the warning names
//     the nearest periods of its kind that have some;
//   - each planned event in the report's scope (Covers), dated to the day
//     and before today, with no held event of the same countries within 3
//     days: not confirmed. Report.Unconfirmed, which the note lists, keeps
//     its own rule.
func Quality(cfg *Config, ds *Dataset, r *Report, now time.Time) ErrorList {
	now = now.In(cfg.Location)
	today := period.Date(now.Year(), now.Month(), now.Day())
	per := r.Period
	var warns ErrorList
	// One pass, no allocation per event: the newest held event in scope,
	// the nearest before and after the period, and the planned events to
	// check (few), whose countries are the only ones a held event's need
	// to be compared with.
	var newest, before, after time.Time
	var planned []*Event
	for _, e := range ds.Events {
		switch {
		case e.Held():
			if !r.hasPair(e) {
				continue
			}
			if e.Date.After(newest) {
				newest = e.Date
			}
			if e.Date.Before(per.Start) && e.Date.After(before) {
				before = e.Date
			}
			if e.Date.After(per.End) && (after.IsZero() || e.Date.Before(after)) {
				after = e.Date
			}
		case e.Status == "planned" && e.DatePrecision == "day" && e.Date.Before(today) && r.Covers(e):
			planned = append(planned, e)
		}
	}

	if days, _ := ParseStaleAfter(cfg.Briefing.StaleAfter); days > 0 && per.Kind != period.All && !newest.IsZero() {
		if !per.End.Before(today.AddDate(0, 0, -days)) && newest.Before(today.AddDate(0, 0, -days)) {
			warns.Warn(Position{}, "", "", "input looks stale: the newest held event is %s old (%s), older than briefing.stale_after (%s)",
				age(newest, today), newest.Format("2006-01-02"), strings.TrimSpace(cfg.Briefing.StaleAfter))
		}
	}

	if per.Kind != period.All && r.Totals.Events == 0 {
		msg := fmt.Sprintf("period %s (%s) has no held events", per.ID, per.Label)
		if len(r.Filters) > 0 {
			msg += " in the scope " + strings.Join(r.Filters, ", ")
		}
		var near []string
		if !before.IsZero() {
			near = append(near, nearPeriod(per, before)+" before")
		}
		if !after.IsZero() {
			near = append(near, nearPeriod(per, after)+" after")
		}
		switch len(near) {
		case 0:
			msg += "; nor has any other period"
		default:
			msg += "; the nearest with events: " + strings.Join(near, ", ")
		}
		warns.Warn(Position{}, "", "", "%s", msg)
	}

	if len(planned) > 0 {
		sameCountries := map[string][]time.Time{}
		for _, e := range planned {
			sameCountries[countryKey(e.Countries)] = nil
		}
		for _, e := range ds.Events {
			if !e.Held() || !r.hasPair(e) {
				continue
			}
			k := countryKey(e.Countries)
			if dates, ok := sameCountries[k]; ok {
				sameCountries[k] = append(dates, e.Date)
			}
		}
		for _, e := range planned {
			confirmed := slices.ContainsFunc(sameCountries[countryKey(e.Countries)], func(d time.Time) bool {
				return !d.Before(e.Date.AddDate(0, 0, -unconfirmedDays)) && !d.After(e.Date.AddDate(0, 0, unconfirmedDays))
			})
			if !confirmed {
				warns.Warn(e.Pos, e.ID, "status", "planned for %s, which is past, and not confirmed: no held event of the same countries (%s) within %d days; record it as held or cancelled",
					e.Date.Format("2006-01-02"), strings.Join(e.Countries, ", "), unconfirmedDays)
			}
		}
	}
	warns.Sort()
	return warns
}

// hasPair reports whether one of e's pairs is in the report's scope, as
// len(r.EventPairs(e)) > 0 does, without making the list.
func (r *Report) hasPair(e *Event) bool {
	for i := 0; i < len(e.Countries); i++ {
		for j := i + 1; j < len(e.Countries); j++ {
			if r.scope.has(e.Countries[i], e.Countries[j]) {
				return true
			}
		}
	}
	return false
}

// countryKey is a set of countries as a map key.
func countryKey(codes []string) string {
	c := slices.Clone(codes)
	slices.Sort(c)
	return strings.Join(c, ",")
}

// nearPeriod names the period of per's kind that holds d: "2025-W41";
// for a date range, the date itself.
func nearPeriod(per period.Period, d time.Time) string {
	if per.Kind == period.Range {
		return d.Format("2006-01-02")
	}
	return period.ForDate(per.Kind, d).ID
}

// age says how long before today d was: "20 days", "13 months".
func age(d, today time.Time) string {
	days := int(today.Sub(d).Hours() / 24)
	if days < 60 {
		return fmt.Sprintf("%d days", days)
	}
	months := (today.Year()-d.Year())*12 + int(today.Month()) - int(d.Month())
	if today.Day() < d.Day() {
		months--
	}
	return fmt.Sprintf("%d months", months)
}

// qualityStage adds the data-quality warnings of the report (Quality);
// --strict stops the run here, before anything is written.
type qualityStage struct{}

// QualityStage comes after the report, before the renderers: the
// workbook's Diagnostics sheet lists its warnings with the others, and
// --strict stops before anything is laid out.
var QualityStage Stage = qualityStage{}

func (qualityStage) String() string { return "quality" }
func (qualityStage) Run(c *Context) error {
	c.Diagnostics = append(c.Diagnostics, Quality(c.Config, c.Dataset, c.Report, c.Options.Now)...)
	return c.Strict()
}
