package pipeline

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// The facts a briefing note states beyond the period's counts (issue #13):
// trends, the scope of pairs, the upcoming window, the ranking of pairs,
// what happened before. Aggregate computes them in its one pass; the
// renderers only lay them out.

// TrendPeriods is how many periods a trend covers, the report's included.
const TrendPeriods = 12

// PeriodCount is one period of Report.Trend: its held events, counted once
// each as the Summary's total counts them, and per kind.
type PeriodCount struct {
	Period period.Period
	Events int
	Kinds  KindCounts
}

// scope is the pairs a report shows: every pair when it names none, else
// the pairs named and every pair with a country of a wildcard ("GEO-*").
type scope struct {
	pairs     map[string]bool
	countries map[string]bool // of the wildcards
}

// newScope reads keys as Config.ParseScope returns them.
func newScope(keys []string) *scope {
	s := &scope{pairs: map[string]bool{}, countries: map[string]bool{}}
	for _, k := range keys {
		if c, ok := strings.CutSuffix(k, "-*"); ok {
			s.countries[c] = true
		} else {
			s.pairs[k] = true
		}
	}
	return s
}

// has reports whether the pair of a and b is in the scope.
func (s *scope) has(a, b string) bool {
	if s == nil || len(s.pairs) == 0 && len(s.countries) == 0 {
		return true
	}
	return s.countries[a] || s.countries[b] || s.pairs[PairKey(a, b)]
}

// keys returns the scope as Report.Filters lists it: pair keys and
// wildcards, sorted.
func (s *scope) keys() []string {
	keys := slices.Collect(maps.Keys(s.pairs))
	for c := range s.countries {
		keys = append(keys, c+"-*")
	}
	slices.Sort(keys)
	return keys
}

// planned is where a planned event goes: the upcoming list, the events
// not confirmed, or neither.
type planned int

const (
	planNone planned = iota
	planUpcoming
	planUnconfirmed
)

// upcomingRule is the rule of Report.Upcoming and Report.Unconfirmed for
// one report.
type upcomingRule struct {
	all       bool
	periodEnd time.Time
	end       time.Time // the window's last day
	today     time.Time // the generation day; zero when unknown
	none      bool      // [pdf] upcoming_weeks = 0
}

func newUpcoming(per period.Period, generated time.Time, weeks int) upcomingRule {
	u := upcomingRule{all: per.Kind == period.All, periodEnd: per.End, none: weeks == 0}
	u.end = per.End.AddDate(0, 0, 7*weeks)
	if !generated.IsZero() {
		u.today = period.Date(generated.Year(), generated.Month(), generated.Day())
	}
	return u
}

// classify places a planned event dated d. For a period, upcoming means
// dated after its end and within the window, so that a past quarter does
// not list its own events as upcoming; a planned event dated in the period
// was not recorded as held, so it is not confirmed, unless its day has not
// come yet on the generation day (a note on the current week): then it is
// still upcoming. For "all", which has no end, upcoming means not yet past
// on the generation day (any day when that is unknown), and planned events
// already past are not confirmed. 0 weeks lists no upcoming events.
func (u upcomingRule) classify(d time.Time, inPeriod bool) planned {
	var ahead bool // not yet past
	switch {
	case u.all:
		ahead = u.today.IsZero() || !d.Before(u.today)
	case inPeriod:
		ahead = !u.today.IsZero() && !d.Before(u.today)
	case d.After(u.periodEnd) && !d.After(u.end):
		ahead = true
	default:
		return planNone // before the period, or past the window
	}
	switch {
	case !ahead:
		return planUnconfirmed
	case u.none:
		return planNone
	}
	return planUpcoming
}

// laterEvent reports whether a comes after b: later date, then greater id,
// so that "the latest" does not depend on file order.
func laterEvent(a, b *Event) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	return a.ID > b.ID
}

// busiestSince returns the most recent earlier period with at least as
// many held events as per (busy counts them by StepsBack), when at least
// one period between them had fewer: "the busiest week since week 12".
// It returns nil when per had no events, when the previous period had as
// many (nothing to remark), and when no earlier period had as many.
func busiestSince(per period.Period, busy map[int]int) *period.Period {
	n := busy[0]
	if n == 0 {
		return nil
	}
	k := -1
	for back, c := range busy {
		if back > 0 && c >= n && (k < 0 || back < k) {
			k = back
		}
	}
	if k < 2 {
		return nil
	}
	p := per.Back(k)
	return &p
}

// assessed reports whether the assessment has text on p.
func (r *Report) assessed(p *PairReport) bool {
	if r.Assessment == nil {
		return false
	}
	_, ok := r.Assessment.Pairs[p.Key]
	return ok
}

// RankedPairs returns the report's pairs, the most significant first, for
// the note's detailed sections: pairs with held events in the period
// before those without; then by the significance of the pair's most
// significant bilateral event under the key-developments rule (an
// agreement first, then the kind's weight), since its multilateral events
// are shown once each in their own section; a pair whose events are all
// multilateral after those with bilateral ones; then more events first,
// then by key. The pairs without events keep Pairs' order. Pairs with a
// written assessment (Assessment.Pairs) come before all others, in that
// same order among themselves: a pair the analyst wrote about always gets
// a detailed section, whatever [pdf] max_pairs says.
func (r *Report) RankedPairs() []*PairReport {
	kinds := r.Kinds()
	agreement := slices.IndexFunc(kinds, func(k KindInfo) bool { return k.Name == "agreement" })
	type ranked struct {
		p            *PairReport
		tier, weight int // of the best bilateral event; tier 3 when none
	}
	rs := make([]ranked, len(r.Pairs))
	for i, p := range r.Pairs {
		x := ranked{p: p, tier: 3}
		for _, e := range p.EventList {
			if e.Multilateral() {
				continue
			}
			t, w := 2, kinds[e.Kind].Weight
			if int(e.Kind) == agreement {
				t = 0
			}
			if t < x.tier || t == x.tier && w > x.weight {
				x.tier, x.weight = t, w
			}
		}
		rs[i] = x
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if aw, bw := r.assessed(a.p), r.assessed(b.p); aw != bw {
			return aw
		}
		if (a.p.Events > 0) != (b.p.Events > 0) {
			return a.p.Events > 0
		}
		if a.p.Events == 0 {
			return false // keep Pairs' order
		}
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		if a.p.Events != b.p.Events {
			return a.p.Events > b.p.Events
		}
		return a.p.Key < b.p.Key
	})
	out := make([]*PairReport, len(rs))
	for i, x := range rs {
		out[i] = x.p
	}
	return out
}

// PairTitle returns p's two display names in the order a heading shows
// them: when the scope names one of its countries by a wildcard ("GEO-*"),
// that country first; otherwise in alphabetical order of the names.
func (r *Report) PairTitle(p *PairReport) (first, second string) {
	a, b := r.CountryName(p.A), r.CountryName(p.B)
	wa, wb := r.scope.wildcard(p.A), r.scope.wildcard(p.B)
	switch {
	case wb && !wa:
		return b, a
	case wa && !wb:
		return a, b
	case b < a:
		return b, a
	}
	return a, b
}

// wildcard reports whether the scope names code by a wildcard.
func (s *scope) wildcard(code string) bool { return s != nil && s.countries[code] }
