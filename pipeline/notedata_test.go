package pipeline

import (
	"reflect"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// TestUpcomingWindow: what a planned event is for each kind of period.
// Q3 2025 ends on 30 September; 4 weeks later is 28 October.
func TestUpcomingWindow(t *testing.T) {
	ctx := period.Context{Today: d("2025-11-26"), Latest: d("2025-10-24")}
	q3, _ := period.Parse("2025-Q3", ctx)
	w48, _ := period.Parse("this-week", ctx) // 24–30 November 2025
	all, _ := period.Parse("all", ctx)
	gen := time.Date(2025, 11, 26, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		per      period.Period
		gen      time.Time
		weeks    int
		date     string
		inPeriod bool
		want     planned
	}{
		{"past quarter: inside it, not confirmed", q3, gen, 4, "2025-09-15", true, planUnconfirmed},
		{"past quarter: first day after", q3, gen, 4, "2025-10-01", false, planUpcoming},
		{"past quarter: last day of the window", q3, gen, 4, "2025-10-28", false, planUpcoming},
		{"past quarter: after the window", q3, gen, 4, "2025-10-29", false, planNone},
		{"past quarter: before it", q3, gen, 4, "2025-06-30", false, planNone},
		{"past quarter: 0 weeks", q3, gen, 0, "2025-10-01", false, planNone},
		{"past quarter: 0 weeks, inside it", q3, gen, 0, "2025-09-15", true, planUnconfirmed},
		{"past quarter: 13 weeks", q3, gen, 13, "2025-12-30", false, planUpcoming},
		{"current week: day already past", w48, gen, 4, "2025-11-25", true, planUnconfirmed},
		{"current week: today", w48, gen, 4, "2025-11-26", true, planUpcoming},
		{"current week: later this week", w48, gen, 4, "2025-11-29", true, planUpcoming},
		{"no generation day: inside the period", w48, time.Time{}, 4, "2025-11-29", true, planUnconfirmed},
		{"all: past", all, gen, 4, "2025-11-25", true, planUnconfirmed},
		{"all: today", all, gen, 4, "2025-11-26", true, planUpcoming},
		{"all: years ahead, no window", all, gen, 4, "2030-01-01", true, planUpcoming},
		{"all: 0 weeks", all, gen, 0, "2030-01-01", true, planNone},
		{"all: no generation day", all, time.Time{}, 4, "2000-01-01", true, planUpcoming},
	}
	for _, tt := range tests {
		if got := newUpcoming(tt.per, tt.gen, tt.weeks).classify(d(tt.date), tt.inPeriod); got != tt.want {
			t.Errorf("%s: classify(%s) = %d, want %d", tt.name, tt.date, got, tt.want)
		}
	}
}

// TestUpcomingPastQuarter: a quarter's note lists as upcoming only planned
// events after its end, and its own planned events as not confirmed; the
// Events sheet lists the period's events and the upcoming ones.
func TestUpcomingPastQuarter(t *testing.T) {
	evs := []*Event{
		ev("held", "2025-08-01", "meeting", []string{"AZE", "GEO"}),
		ev("inside", "2025-09-15", "visit", []string{"AZE", "GEO"}, status("planned")),
		ev("soon", "2025-10-10", "visit", []string{"AZE", "GEO"}, status("planned")),
		ev("later", "2025-11-20", "visit", []string{"AZE", "GEO"}, status("planned")),
	}
	cfg := testConfig(t)
	ds := &Dataset{Events: evs}
	q3, _ := period.Parse("2025-Q3", period.Context{})
	r := Aggregate(cfg, ds, AggregateOptions{Period: q3, GeneratedAt: time.Date(2025, 11, 26, 9, 0, 0, 0, time.UTC)})
	for _, c := range []struct {
		name string
		got  []*Event
		want []string
	}{
		{"Upcoming", r.Upcoming, []string{"soon"}},
		{"Unconfirmed", r.Unconfirmed, []string{"inside"}},
		{"Events", r.Events, []string{"held", "inside", "soon"}},
		{"AZE-GEO Upcoming", r.Pairs[0].Upcoming, []string{"soon"}},
	} {
		if got := ids(c.got); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTrend: twelve weeks ending with 2025-W43 (20–26 October), counted
// once per held event in scope, per kind and per pair.
func TestTrend(t *testing.T) {
	evs := []*Event{
		ev("w43-a", "2025-10-20", "meeting", []string{"AZE", "GEO"}),
		ev("w43-tri", "2025-10-26", "agreement", []string{"AZE", "GEO", "TUR"}),
		ev("w42", "2025-10-19", "call", []string{"AZE", "GEO"}),
		ev("w32", "2025-08-04", "visit", []string{"ARM", "GEO"}), // first week of the trend
		ev("w31", "2025-08-03", "visit", []string{"AZE", "GEO"}), // just before it
		ev("w44", "2025-10-27", "visit", []string{"AZE", "GEO"}), // after the period
		ev("w40-plan", "2025-09-30", "visit", []string{"AZE", "GEO"}, status("planned")),
		ev("w40-usa", "2025-10-01", "meeting", []string{"USA", "IND"}), // out of scope
	}
	r := aggregate(t, testConfig(t), "2025-W43", evs, "GEO-*")
	if len(r.Trend) != TrendPeriods {
		t.Fatalf("%d trend periods, want %d", len(r.Trend), TrendPeriods)
	}
	if first, last := r.Trend[0].Period.ID, r.Trend[11].Period.ID; first != "2025-W32" || last != "2025-W43" {
		t.Errorf("trend from %s to %s, want 2025-W32 to 2025-W43", first, last)
	}
	var got []int
	for _, c := range r.Trend {
		got = append(got, c.Events)
	}
	want := []int{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trend = %v, want %v", got, want)
	}
	if k := r.Trend[11].Kinds; k.Of(kindOf("meeting")) != 1 || k.Of(kindOf("agreement")) != 1 || k.Of(kindOf("call")) != 0 {
		t.Errorf("W43 kinds = %v, want a meeting and an agreement", k)
	}
	for _, c := range []struct {
		key  string
		want []int
	}{
		{"AZE-GEO", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2}},
		{"GEO-TUR", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}},
	} {
		p := pair(r, c.key)
		if p == nil {
			t.Fatalf("no pair %s", c.key)
		}
		if !reflect.DeepEqual(p.Trend, c.want) {
			t.Errorf("%s trend = %v, want %v", c.key, p.Trend, c.want)
		}
		if p.Trend[11] != p.Events || p.Trend[10] != p.Previous {
			t.Errorf("%s trend ends %v, but events %d, previous %d", c.key, p.Trend[10:], p.Events, p.Previous)
		}
	}
	if pair(r, "AZE-TUR") != nil {
		t.Error("AZE-TUR is listed, but GEO-* leaves it out")
	}
	all := aggregate(t, testConfig(t), "all", evs)
	if all.Trend != nil || all.Pairs[0].Trend != nil {
		t.Errorf("all has a trend: %v", all.Trend)
	}
}

// TestPreviousEvent: the pair's latest held event before the period,
// whatever the files' order.
func TestPreviousEvent(t *testing.T) {
	evs := []*Event{
		ev("now", "2025-10-22", "meeting", []string{"AZE", "GEO"}),
		ev("march-b", "2025-03-03", "call", []string{"AZE", "GEO"}),
		ev("march-a", "2025-03-03", "call", []string{"GEO", "AZE"}),
		ev("jan", "2025-01-10", "call", []string{"AZE", "GEO"}),
		ev("plan", "2025-06-01", "visit", []string{"AZE", "GEO"}, status("planned")),
		ev("tri", "2025-10-21", "meeting", []string{"AZE", "ARM", "TUR"}),
		ev("arm-old", "2024-12-01", "meeting", []string{"ARM", "TUR", "IRN"}),
	}
	tests := []struct{ key, want string }{
		{"AZE-GEO", "march-b"}, // same day: the greater id
		{"ARM-TUR", "arm-old"}, // through a multilateral event
		{"ARM-AZE", ""},
	}
	for _, order := range [][]*Event{evs, reversed(evs)} {
		r := aggregate(t, testConfig(t), "2025-W43", order)
		for _, tt := range tests {
			p := pair(r, tt.key)
			got := ""
			if p.PreviousEvent != nil {
				got = p.PreviousEvent.ID
			}
			if got != tt.want {
				t.Errorf("%s: PreviousEvent = %q, want %q", tt.key, got, tt.want)
			}
		}
	}
}

func reversed(evs []*Event) []*Event {
	out := make([]*Event, len(evs))
	for i, e := range evs {
		out[len(evs)-1-i] = e
	}
	return out
}

func TestBusiestSince(t *testing.T) {
	per, _ := period.Parse("2025-W43", period.Context{})
	tests := []struct {
		name string
		busy map[int]int
		want string // period ID, "" for nil
	}{
		{"no events", map[int]int{1: 3}, ""},
		{"previous week as busy", map[int]int{0: 3, 1: 3, 2: 5}, ""},
		{"busiest since week 38", map[int]int{0: 3, 1: 2, 2: 1, 5: 3, 9: 7}, "2025-W38"},
		{"more than ever", map[int]int{0: 9, 1: 2, 40: 8}, ""},
		{"ties count", map[int]int{0: 2, 1: 1, 3: 2}, "2025-W40"},
	}
	for _, tt := range tests {
		got := ""
		if p := busiestSince(per, tt.busy); p != nil {
			got = p.ID
		}
		if got != tt.want {
			t.Errorf("%s: busiestSince = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Through Aggregate: 2 events in W43, 1 in W42, 2 in W40.
	evs := []*Event{
		ev("a", "2025-10-20", "meeting", []string{"AZE", "GEO"}),
		ev("b", "2025-10-21", "meeting", []string{"AZE", "TUR"}),
		ev("c", "2025-10-13", "meeting", []string{"AZE", "GEO"}),
		ev("d", "2025-09-29", "meeting", []string{"AZE", "GEO"}),
		ev("e", "2025-10-01", "meeting", []string{"AZE", "GEO"}),
	}
	r := aggregate(t, testConfig(t), "2025-W43", evs)
	if r.BusiestSince == nil || r.BusiestSince.ID != "2025-W40" {
		t.Errorf("BusiestSince = %v, want 2025-W40", r.BusiestSince)
	}
	// Out of scope, b does not count: W43 has 1 event, as W42.
	if r := aggregate(t, testConfig(t), "2025-W43", evs, "AZE-GEO"); r.BusiestSince != nil {
		t.Errorf("with AZE-GEO only, BusiestSince = %v, want nil", r.BusiestSince.ID)
	}
}

// TestMultilateral: each multilateral event of the period once, the most
// significant first, in scope.
func TestMultilateral(t *testing.T) {
	evs := []*Event{
		ev("bi", "2025-10-20", "agreement", []string{"AZE", "GEO"}),
		ev("tri-meet", "2025-10-21", "meeting", []string{"AZE", "GEO", "TUR"}),
		ev("quad-meet", "2025-10-22", "meeting", []string{"AZE", "GEO", "TUR", "ARM"}),
		ev("tri-agree", "2025-10-23", "agreement", []string{"ARM", "IRN", "TUR"}),
		ev("tri-old", "2025-10-13", "agreement", []string{"AZE", "GEO", "TUR"}),
		ev("tri-plan", "2025-10-24", "meeting", []string{"AZE", "GEO", "TUR"}, status("planned")),
	}
	for _, tt := range []struct {
		scope []string
		want  []string
	}{
		{nil, []string{"tri-agree", "quad-meet", "tri-meet"}},
		{[]string{"GEO-*"}, []string{"quad-meet", "tri-meet"}},
		{[]string{"ARM-IRN"}, []string{"tri-agree"}},
	} {
		r := aggregate(t, testConfig(t), "2025-W43", evs, tt.scope...)
		if got := ids(r.Multilateral); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("scope %v: Multilateral = %v, want %v", tt.scope, got, tt.want)
		}
	}
}

// TestRankedPairs: the pairs' order for the detailed sections.
func TestRankedPairs(t *testing.T) {
	evs := []*Event{
		// AZE-GEO: many meetings.
		ev("m1", "2025-10-20", "meeting", []string{"AZE", "GEO"}),
		ev("m2", "2025-10-21", "meeting", []string{"AZE", "GEO"}),
		ev("m3", "2025-10-22", "meeting", []string{"AZE", "GEO"}),
		// ARM-GEO: one agreement beats them.
		ev("agr", "2025-10-23", "agreement", []string{"ARM", "GEO"}),
		// ARM-TUR, ARM-IRN, IRN-TUR: only a multilateral agreement, after
		// every pair with a bilateral event.
		ev("tri", "2025-10-24", "agreement", []string{"ARM", "TUR", "IRN"}),
		// AZE-TUR: a meeting, as AZE-GEO's best, but fewer events.
		ev("m4", "2025-10-25", "meeting", []string{"AZE", "TUR"}),
		// GEO-TUR: a call, lighter than a meeting, more events than AZE-TUR.
		ev("c1", "2025-10-20", "call", []string{"GEO", "TUR"}),
		ev("c2", "2025-10-21", "call", []string{"GEO", "TUR"}),
		// AZE-RUS went quiet.
		ev("old", "2025-10-14", "call", []string{"AZE", "RUS"}),
	}
	r := aggregate(t, testConfig(t), "2025-W43", evs)
	var got []string
	for _, p := range r.RankedPairs() {
		got = append(got, p.Key)
	}
	want := []string{"ARM-GEO", "AZE-GEO", "AZE-TUR", "GEO-TUR", "ARM-IRN", "ARM-TUR", "IRN-TUR", "AZE-RUS"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RankedPairs = %v\nwant %v", got, want)
	}
	// Pairs with a written assessment first, in the same order; even one
	// that went quiet.
	r.Assessment = &Assessment{Pairs: map[string][]Block{"AZE-RUS": nil, "GEO-TUR": nil, "ARM-TUR": nil}}
	got = got[:0]
	for _, p := range r.RankedPairs() {
		got = append(got, p.Key)
	}
	want = []string{"GEO-TUR", "ARM-TUR", "AZE-RUS", "ARM-GEO", "AZE-GEO", "AZE-TUR", "ARM-IRN", "IRN-TUR"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RankedPairs with assessed pairs = %v\nwant %v", got, want)
	}
}

func TestParseScope(t *testing.T) {
	cfg := testConfig(t)
	tests := []struct{ in, want, err string }{
		{"GEO-AZE", "AZE-GEO", ""},
		{"geo-*", "GEO-*", ""},
		{" * - geo ", "GEO-*", ""},
		{"*-*", "", `"*-*" names no country; write GEO-* for every pair with GEO`},
		{"XYZ-*", "", `pair "XYZ-*": "XYZ" is not an ISO 3166-1 alpha-3 code or a code from [countries] in the config`},
		{"GEO", "", `"GEO" is not a pair like GEO-AZE or GEO-* (every pair with GEO)`},
		{"GEO-GEO", "", `pair "GEO-GEO" names the same country twice`},
	}
	for _, tt := range tests {
		got, err := cfg.ParseScope(tt.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.err {
			t.Errorf("ParseScope(%q) = %q, %q; want %q, %q", tt.in, got, msg, tt.want, tt.err)
		}
	}
}

// TestScope: a wildcard keeps every pair with its country, and nothing
// else, in the report's lists.
func TestScope(t *testing.T) {
	evs := []*Event{
		ev("tri", "2025-10-20", "meeting", []string{"AZE", "GEO", "TUR"}),
		ev("usa", "2025-10-21", "agreement", []string{"IND", "USA"}),
		ev("usa-plan", "2025-10-29", "visit", []string{"IND", "USA"}, status("planned")),
		ev("geo-plan", "2025-10-29", "visit", []string{"GEO", "ARM"}, status("planned")),
	}
	cfg := testConfig(t)
	cfg.Pairs.Include = []string{"*-GEO"}
	r := aggregate(t, cfg, "2025-W43", evs, "AZE-TUR")
	var keys []string
	for _, p := range r.Pairs {
		keys = append(keys, p.Key)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"Filters", r.Filters, []string{"AZE-TUR", "GEO-*"}},
		{"Pairs", keys, []string{"AZE-GEO", "AZE-TUR", "GEO-TUR"}},
		{"Events", ids(r.Events), []string{"tri", "geo-plan"}},
		{"KeyDevelopments", ids(r.KeyDevelopments), []string{"tri"}},
		{"Upcoming", ids(r.Upcoming), []string{"geo-plan"}},
		{"Totals", r.Totals, Totals{Events: 1, Pairs: 3, Countries: 3}},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestPairTitle(t *testing.T) {
	cfg := testConfig(t)
	cfg.Countries = map[string]string{"TUR": "Türkiye"}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	evs := []*Event{
		ev("a", "2025-10-20", "meeting", []string{"AZE", "GEO", "TUR", "ARM"}),
	}
	tests := []struct {
		scope         []string
		pair          string
		first, second string
	}{
		{nil, "AZE-GEO", "Azerbaijan", "Georgia"},
		{nil, "AZE-TUR", "Azerbaijan", "Türkiye"},
		{[]string{"GEO-*"}, "AZE-GEO", "Georgia", "Azerbaijan"},
		{[]string{"GEO-*"}, "GEO-TUR", "Georgia", "Türkiye"},
		{[]string{"TUR-*"}, "ARM-TUR", "Türkiye", "Armenia"},
		{[]string{"TUR-*", "ARM-*"}, "ARM-TUR", "Armenia", "Türkiye"}, // both named: alphabetical
		{[]string{"TUR-*", "AZE-GEO"}, "AZE-GEO", "Azerbaijan", "Georgia"},
	}
	for _, tt := range tests {
		r := aggregate(t, cfg, "2025-W43", evs, tt.scope...)
		p, err := r.Pair(tt.pair)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := r.PairTitle(p); a != tt.first || b != tt.second {
			t.Errorf("scope %v: PairTitle(%s) = %q, %q; want %q, %q", tt.scope, tt.pair, a, b, tt.first, tt.second)
		}
	}
}

// TestSubtitle: the default subtitle follows the period; a configured one wins.
func TestSubtitle(t *testing.T) {
	tests := []struct{ config, period, want string }{
		{"", "2025-W43", "Weekly briefing"},
		{"", "2025-10", "Monthly briefing"},
		{"", "2025-Q4", "Quarterly briefing"},
		{"", "2025", "Annual briefing"},
		{"", "2025-10-01..2025-10-10", "Briefing"},
		{"", "all", "Briefing"},
		{"Weekly note", "2025-Q4", "Weekly note"},
	}
	for _, tt := range tests {
		cfg := testConfig(t)
		cfg.Briefing.Subtitle = tt.config
		if got := aggregate(t, cfg, tt.period, nil).Subtitle; got != tt.want {
			t.Errorf("subtitle %q, period %s: %q, want %q", tt.config, tt.period, got, tt.want)
		}
	}
}
