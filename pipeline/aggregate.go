package pipeline

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// KeyDevelopmentsLimit is how many ranked events the report keeps.
const KeyDevelopmentsLimit = 8

// AggregateOptions are the run's choices that shape the report.
type AggregateOptions struct {
	Period      period.Period
	Pairs       []string  // extra pair filters (--pair), validated keys
	GeneratedAt time.Time // already in the configured zone
	Version     string
	// Kinds is the table of kinds the events' Kind index; nil means the
	// built-in one, which Load decodes with. Tests add kinds with it.
	Kinds []KindInfo
}

// pairAcc accumulates one pair in a single pass over the events.
type pairAcc struct {
	r      *PairReport
	people map[string]*personAcc
	areas  map[string]*FocusArea
}

type personAcc struct {
	p      PairParticipant
	key    string
	last   time.Time
	lastID string
}

// Aggregate computes the report from normalized events (SPEC §3).
func Aggregate(cfg *Config, ds *Dataset, opt AggregateOptions) *Report {
	per := opt.Period
	prev, hasPrev := per.Previous()
	var filters []string
	for _, p := range cfg.Pairs.Include {
		if k, err := cfg.ParseScope(p); err == nil {
			filters = append(filters, k)
		}
	}
	sc := newScope(append(filters, opt.Pairs...))
	kinds := opt.Kinds
	if kinds == nil {
		kinds = builtinKinds
	}

	r := &Report{
		Title:          cfg.Briefing.Title,
		Subtitle:       cmp.Or(cfg.Briefing.Subtitle, DefaultSubtitle(per.Kind)),
		Organization:   cfg.Briefing.Organization,
		Classification: cfg.Briefing.Classification,
		GeneratedAt:    opt.GeneratedAt,
		Version:        opt.Version,
		Period:         per,
		ConfigPath:     cfg.RelPath(cfg.Path),
		Inputs:         make([]Input, len(ds.Inputs)),
		KindTable:      kinds,
		Names:          map[string]string{},
	}
	if hasPrev {
		r.Previous = prev
	}
	// Paths in the outputs are relative to the config file's directory, so
	// the same project gives the same bytes wherever it is run from.
	r.files = make(map[string]string, len(ds.Inputs)+1)
	for i, in := range ds.Inputs {
		r.files[in.Path] = cfg.RelPath(in.Path)
		in.Path = r.files[in.Path]
		r.Inputs[i] = in
	}
	if cfg.Path != "" {
		r.configFile = cfg.Path
		r.files[cfg.Path] = r.ConfigPath
	}
	r.Filters, r.scope = sc.keys(), sc

	pairs := map[string]*pairAcc{}
	acc := func(a, b string) *pairAcc {
		key := PairKey(a, b)
		pa := pairs[key]
		if pa == nil {
			if b < a {
				a, b = b, a
			}
			pa = &pairAcc{
				r:      &PairReport{Key: key, A: a, B: b, Kinds: make(KindCounts, len(kinds))},
				people: map[string]*personAcc{},
				areas:  map[string]*FocusArea{},
			}
			pairs[key] = pa
		}
		return pa
	}

	up := newUpcoming(per, opt.GeneratedAt, cfg.PDF.UpcomingWeeks)
	r.upcomingEnd = up.end
	// The trend and "busiest since" count held events per period of the
	// report's kind, by how many periods back they lie (Period.StepsBack);
	// pairs' trends and their latest event before the period are kept by
	// key and attached to the pairs the report lists at the end.
	hasTrend := per.Kind != period.All
	var busy map[int]int
	// Keyed by the codes in order, not PairKey: every pair of every earlier
	// event is looked up, and a string per lookup was most of the cost.
	type codes struct{ a, b string }
	pairTrend := map[codes][]int{}
	before := map[codes]*Event{}
	if hasTrend {
		busy = map[int]int{}
		r.Trend = make([]PeriodCount, TrendPeriods)
		for i := range r.Trend {
			r.Trend[i] = PeriodCount{Period: per.Back(TrendPeriods - 1 - i), Kinds: make(KindCounts, len(kinds))}
		}
	}
	listed := map[*Event]bool{}
	heldIn := map[*Event]bool{}
	for _, e := range ds.Events {
		inPeriod := per.Contains(e.Date)
		inPrev := hasPrev && prev.Contains(e.Date)
		back := per.StepsBack(e.Date) // 0 for all
		inTrend := hasTrend && e.Held() && back >= 0 && back < TrendPeriods
		earlier := hasTrend && e.Held() && back > 0
		anyShown := false
		forEachPair(e.Countries, func(a, b string) {
			if !sc.has(a, b) {
				return
			}
			anyShown = true
			if !e.Held() {
				return
			}
			if inTrend || earlier {
				key := codes{a, b}
				if b < a {
					key = codes{b, a}
				}
				if inTrend {
					t := pairTrend[key]
					if t == nil {
						t = make([]int, TrendPeriods)
						pairTrend[key] = t
					}
					t[TrendPeriods-1-back]++
				}
				if earlier {
					if b := before[key]; b == nil || laterEvent(e, b) {
						before[key] = e
					}
				}
			}
			if inPeriod {
				acc(a, b).add(e)
			} else if inPrev {
				acc(a, b).r.Previous++
			}
		})
		if !anyShown {
			continue
		}
		if e.Held() {
			if inPeriod {
				heldIn[e] = true
				if e.Multilateral() {
					r.Multilateral = append(r.Multilateral, e)
				}
			}
			if inTrend {
				c := &r.Trend[TrendPeriods-1-back]
				c.Events++
				c.Kinds[e.Kind]++
			}
			if hasTrend && back >= 0 {
				busy[back]++
			}
		}
		upcoming := false
		if e.Status == "planned" {
			switch up.classify(e.Date, inPeriod) {
			case planUpcoming:
				upcoming = true
				r.Upcoming = append(r.Upcoming, e)
			case planUnconfirmed:
				r.Unconfirmed = append(r.Unconfirmed, e)
			}
		}
		if (inPeriod || upcoming) && !listed[e] {
			listed[e] = true
			r.Events = append(r.Events, e)
		}
	}
	r.BusiestSince = busiestSince(per, busy)

	countries := map[string]bool{}
	people := map[string]bool{}
	r.byKey = make(map[string]*PairReport, len(pairs))
	for _, key := range slices.Sorted(maps.Keys(pairs)) {
		pa := pairs[key]
		pr := pa.finish(kinds)
		pr.Change = pr.Events - pr.Previous
		r.Pairs = append(r.Pairs, pr)
		r.byKey[pr.Key] = pr
		if pr.Events > 0 {
			r.Totals.Pairs++
			countries[pr.A], countries[pr.B] = true, true
			for _, p := range pa.people {
				people[p.key] = true
			}
		}
	}
	sort.SliceStable(r.Pairs, func(i, j int) bool {
		if r.Pairs[i].Events != r.Pairs[j].Events {
			return r.Pairs[i].Events > r.Pairs[j].Events
		}
		return r.Pairs[i].Key < r.Pairs[j].Key
	})
	r.Totals.Events = len(heldIn)
	r.Totals.Countries = len(countries)
	r.Totals.People = len(people)

	held := make([]*Event, 0, len(heldIn))
	for e := range heldIn {
		held = append(held, e)
	}
	r.KeyDevelopments = RankKeyDevelopments(held, KeyDevelopmentsLimit, kinds)
	r.Multilateral = RankKeyDevelopments(r.Multilateral, len(r.Multilateral), kinds)
	sortByDate(r.Upcoming)
	sortByDate(r.Unconfirmed)
	sortByDate(r.Events)
	for _, pr := range r.Pairs {
		pr.Upcoming = involving(r.Upcoming, pr.A, pr.B)
		pr.PreviousEvent = before[codes{pr.A, pr.B}]
		pr.Trend = pairTrend[codes{pr.A, pr.B}] // a listed pair has events in the period or the previous one
	}

	r.countries = cfg.CountryTable()
	name := func(code string) {
		if _, ok := r.Names[code]; !ok {
			n, _ := r.countries.Name(code)
			r.Names[code] = n
		}
	}
	for _, e := range r.Events {
		for _, c := range e.Countries {
			name(c)
		}
		for _, p := range e.Participants {
			if p.Country != "" {
				name(p.Country)
			}
		}
	}
	for _, pr := range r.Pairs {
		name(pr.A)
		name(pr.B)
		pr.NameA, pr.NameB = r.Names[pr.A], r.Names[pr.B]
	}
	return r
}

// forEachPair calls fn for every unordered pair of distinct countries.
func forEachPair(countries []string, fn func(a, b string)) {
	for i := 0; i < len(countries); i++ {
		for j := i + 1; j < len(countries); j++ {
			fn(countries[i], countries[j])
		}
	}
}

func (pa *pairAcc) add(e *Event) {
	r := pa.r
	r.Events++
	r.Kinds[e.Kind]++
	if e.Multilateral() {
		r.Multilateral++
	}
	if r.First.IsZero() || e.Date.Before(r.First) {
		r.First = e.Date
	}
	if e.Date.After(r.Last) {
		r.Last = e.Date
	}
	r.EventList = append(r.EventList, e)
	for _, p := range e.Participants {
		if p.Country != "" && p.Country != r.A && p.Country != r.B {
			continue
		}
		pp := pa.people[p.key]
		if pp == nil {
			pp = &personAcc{key: p.key}
			pa.people[p.key] = pp
		}
		pp.p.Events++
		// Keep the details of the most recent appearance; on the same day
		// the greater event id wins, so the result does not depend on file order.
		if pp.lastID == "" || e.Date.After(pp.last) || e.Date.Equal(pp.last) && e.ID > pp.lastID {
			n := pp.p.Events
			pp.p = PairParticipant{Name: p.Name, Rank: p.Rank, Role: p.Role, Organization: p.Organization, Country: p.Country, Events: n}
			pp.last, pp.lastID = e.Date, e.ID
		}
	}
	for _, a := range e.FocusAreas {
		fa := pa.areas[a]
		if fa == nil {
			fa = &FocusArea{Name: a, First: e.Date, Last: e.Date}
			pa.areas[a] = fa
		}
		fa.Events++
		if e.Date.Before(fa.First) {
			fa.First = e.Date
		}
		if e.Date.After(fa.Last) {
			fa.Last = e.Date
		}
	}
}

// finish orders the pair's lists, ranks its key developments by the
// table of kinds, and numbers its sources.
func (pa *pairAcc) finish(kinds []KindInfo) *PairReport {
	r := pa.r
	sortByDate(r.EventList)
	r.KeyDevelopments = RankKeyDevelopments(r.EventList, KeyDevelopmentsLimit, kinds)
	for _, p := range pa.people {
		r.Participants = append(r.Participants, p.p)
	}
	sort.Slice(r.Participants, func(i, j int) bool {
		a, b := r.Participants[i], r.Participants[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Country < b.Country
	})
	for _, a := range pa.areas {
		r.FocusAreas = append(r.FocusAreas, *a)
	}
	sort.Slice(r.FocusAreas, func(i, j int) bool {
		a, b := r.FocusAreas[i], r.FocusAreas[j]
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		return a.Name < b.Name
	})
	// A source cited by several events of the pair with the same grade gets
	// one number.
	byKey := map[citeKey]int{}
	for _, e := range r.EventList {
		for _, s := range e.Sources {
			// The same report graded differently for different claims stays
			// two citations, so each grade is shown with what it grades.
			k := citeKey{s.URL, s.Grade()}
			if k.source == "" {
				k.source = s.Title + "\x00" + s.Publisher
			}
			if i, ok := byKey[k]; ok {
				c := &r.Sources[i]
				if c.EventIDs[len(c.EventIDs)-1] != e.ID {
					c.EventIDs = append(c.EventIDs, e.ID)
				}
				continue
			}
			byKey[k] = len(r.Sources)
			r.Sources = append(r.Sources, Citation{N: len(r.Sources) + 1, EventIDs: []string{e.ID}, Source: s})
		}
	}
	return r
}

// citeKey identifies a citation of a pair: its source (the URL, else title
// and publisher) and its grade.
type citeKey struct{ source, grade string }

func sortByDate(events []*Event) {
	sort.Slice(events, func(i, j int) bool {
		if !events[i].Date.Equal(events[j].Date) {
			return events[i].Date.Before(events[j].Date)
		}
		return events[i].ID < events[j].ID
	})
}

// RankKeyDevelopments orders held events for the key developments list:
// agreements first, then multilateral events, then by kind weight (see
// builtinKinds), then by number of countries, then newest first, then id.
// At most limit events are returned. kinds is the table the events' Kind
// index (Report.Kinds).
func RankKeyDevelopments(events []*Event, limit int, kinds []KindInfo) []*Event {
	agreement := slices.IndexFunc(kinds, func(k KindInfo) bool { return k.Name == "agreement" })
	tier := func(e *Event) int {
		switch {
		case int(e.Kind) == agreement:
			return 0
		case e.Multilateral():
			return 1
		}
		return 2
	}
	if len(events) == 0 {
		return nil
	}
	type ranked struct {
		e            *Event
		tier, weight int
	}
	before := func(a, b ranked) bool {
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		if len(a.e.Countries) != len(b.e.Countries) {
			return len(a.e.Countries) > len(b.e.Countries)
		}
		if !a.e.Date.Equal(b.e.Date) {
			return a.e.Date.After(b.e.Date)
		}
		return a.e.ID < b.e.ID
	}
	if limit >= len(events) {
		// All of them (Report.Multilateral): one sort.
		all := make([]ranked, len(events))
		for i, e := range events {
			all[i] = ranked{e, tier(e), kinds[e.Kind].Weight}
		}
		sort.Slice(all, func(i, j int) bool { return before(all[i], all[j]) })
		out := make([]*Event, len(all))
		for i, x := range all {
			out[i] = x.e
		}
		return out
	}
	// The order is total (ids are unique), so keeping the best limit events
	// in one pass gives what sorting all of them and cutting would: a year
	// has tens of thousands of events, and the list keeps 8.
	top := make([]ranked, 0, min(limit, len(events))+1)
	for _, e := range events {
		x := ranked{e, tier(e), kinds[e.Kind].Weight}
		if len(top) == limit && (limit == 0 || !before(x, top[len(top)-1])) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return before(x, top[i]) })
		top = append(top, ranked{})
		copy(top[i+1:], top[i:])
		top[i] = x
		if len(top) > limit {
			top = top[:limit]
		}
	}
	out := make([]*Event, len(top))
	for i, x := range top {
		out[i] = x.e
	}
	return out
}

// LatestHeld returns the date of the newest held event, for latest-week.
func LatestHeld(events []*Event) time.Time {
	var t time.Time
	for _, e := range events {
		if e.Held() && e.Date.After(t) {
			t = e.Date
		}
	}
	return t
}
