package pipeline

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// ev builds a held event; opts adjust it.
func ev(id, date, kind string, countries []string, opts ...func(*Event)) *Event {
	e := &Event{ID: id, Date: d(date), Kind: kindOf(kind), Status: "held", Countries: countries, Title: id, DatePrecision: "day"}
	for _, o := range opts {
		o(e)
	}
	return e
}

func status(s string) func(*Event) { return func(e *Event) { e.Status = s } }
func people(ps ...Participant) func(*Event) {
	return func(e *Event) { e.Participants = append(e.Participants, ps...) }
}
func areas(as ...string) func(*Event)   { return func(e *Event) { e.FocusAreas = as } }
func sources(ss ...Source) func(*Event) { return func(e *Event) { e.Sources = ss } }

func testConfig(t testing.TB) *Config {
	t.Helper()
	cfg := DefaultConfig()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func aggregate(t testing.TB, cfg *Config, spec string, evs []*Event, pairs ...string) *Report {
	t.Helper()
	ds := &Dataset{Events: evs}
	Normalize(cfg, ds)
	p, err := period.Parse(spec, period.Context{Today: d("2025-10-27"), Latest: LatestHeld(evs)})
	if err != nil {
		t.Fatal(err)
	}
	return Aggregate(cfg, ds, AggregateOptions{Period: p, Pairs: pairs})
}

func pair(r *Report, key string) *PairReport {
	for _, p := range r.Pairs {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// The fixture: week 2025-W43 is 20–26 October; the previous week is 13–19.
func fixture() []*Event {
	return []*Event{
		ev("tri", "2025-10-20", "meeting", []string{"TUR", "AZE", "GEO"}, // first day of the week
			people(
				Participant{Name: "Zakir Hasanov", Country: "AZE"},
				Participant{Name: "Yaşar Güler", Country: "TUR"},
				Participant{Name: "Irakli Chikovani", Country: "GEO"},
				Participant{Name: "Interpreter"}, // no country: counts for every pair
			),
			areas("Joint exercises", "Border security"),
			sources(Source{Title: "A", URL: "https://a.example/1"})),
		ev("bi", "2025-10-26", "agreement", []string{"GEO", "AZE"}, // last day of the week
			people(Participant{Name: "zakir  hasanov", Country: "AZE"}, Participant{Name: "Irakli Chikovani", Country: "GEO"}),
			areas("Border security"),
			sources(Source{Title: "A", URL: "https://a.example/1"}, Source{Title: "B"})),
		ev("planned", "2025-10-22", "visit", []string{"GEO", "AZE"}, status("planned")),
		ev("cancelled", "2025-10-23", "visit", []string{"GEO", "AZE"}, status("cancelled")),
		ev("before", "2025-10-19", "call", []string{"AZE", "GEO"}),  // previous week
		ev("before2", "2025-10-13", "call", []string{"ARM", "GEO"}), // previous week only
		ev("after", "2025-10-27", "call", []string{"AZE", "GEO"}),   // next week
		ev("future", "2025-11-10", "visit", []string{"AZE", "GEO"}, status("planned")),
		ev("old-plan", "2025-10-01", "visit", []string{"AZE", "GEO"}, status("planned")),
	}
}

func TestAggregateWeek(t *testing.T) {
	r := aggregate(t, testConfig(t), "2025-W43", fixture())

	var keys []string
	for _, p := range r.Pairs {
		keys = append(keys, p.Key)
	}
	// AZE-GEO has 2 events; the trilateral's other pairs 1; ARM-GEO went quiet.
	if want := []string{"AZE-GEO", "AZE-TUR", "GEO-TUR", "ARM-GEO"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("pairs = %v, want %v", keys, want)
	}
	ag := pair(r, "AZE-GEO")
	// Counts in table order: meeting, visit, call, agreement, exercise, statement, other.
	if want := (KindCounts{1, 0, 0, 1, 0, 0, 0}); ag.Events != 2 || !reflect.DeepEqual(ag.Kinds, want) {
		t.Errorf("AZE-GEO counts: events %d kinds %v; want 2 events, kinds %v (planned and cancelled not counted)", ag.Events, ag.Kinds, want)
	}
	if ag.Multilateral != 1 {
		t.Errorf("AZE-GEO multilateral = %d, want 1", ag.Multilateral)
	}
	if !ag.First.Equal(d("2025-10-20")) || !ag.Last.Equal(d("2025-10-26")) {
		t.Errorf("AZE-GEO first/last = %v/%v, want the period's boundaries", ag.First, ag.Last)
	}
	if ag.Previous != 1 || ag.Change != 1 {
		t.Errorf("AZE-GEO previous/change = %d/%+d, want 1/+1", ag.Previous, ag.Change)
	}
	var names []string
	for _, p := range ag.Participants {
		names = append(names, p.Name)
	}
	// Yaşar Güler (TUR) is excluded from AZE-GEO; the interpreter without a
	// country is included; "zakir  hasanov" is the same person.
	if want := []string{"Interpreter", "Irakli Chikovani", "Zakir Hasanov"}; !reflect.DeepEqual(names, want) {
		t.Errorf("AZE-GEO participants = %q, want %q", names, want)
	}
	if want := []FocusArea{
		{Name: "Border security", Events: 2, First: d("2025-10-20"), Last: d("2025-10-26")},
		{Name: "Joint exercises", Events: 1, First: d("2025-10-20"), Last: d("2025-10-20")},
	}; !reflect.DeepEqual(ag.FocusAreas, want) {
		t.Errorf("AZE-GEO focus areas = %+v, want %+v", ag.FocusAreas, want)
	}
	if len(ag.Sources) != 2 || ag.Sources[0].N != 1 || !reflect.DeepEqual(ag.Sources[0].EventIDs, []string{"tri", "bi"}) || ag.Sources[1].N != 2 {
		t.Errorf("AZE-GEO sources = %+v, want [1] cited by tri and bi, [2] by bi", ag.Sources)
	}
	if len(ag.Sources) == 2 && !reflect.DeepEqual(ag.Sources[1].EventIDs, []string{"bi"}) {
		t.Errorf("source [2] cited by %v, want bi only", ag.Sources[1].EventIDs)
	}

	at := pair(r, "AZE-TUR")
	names = nil
	for _, p := range at.Participants {
		names = append(names, p.Name)
	}
	if want := []string{"Interpreter", "Yaşar Güler", "Zakir Hasanov"}; !reflect.DeepEqual(names, want) {
		t.Errorf("AZE-TUR participants = %q, want %q (Georgian excluded)", names, want)
	}
	if at.Events != 1 || at.Multilateral != 1 || at.Previous != 0 || at.Change != 1 {
		t.Errorf("AZE-TUR = %d events, %d multilateral, %d previous, %+d change; want 1, 1, 0, +1", at.Events, at.Multilateral, at.Previous, at.Change)
	}

	quiet := pair(r, "ARM-GEO")
	if quiet.Events != 0 || quiet.Previous != 1 || quiet.Change != -1 || !quiet.First.IsZero() {
		t.Errorf("ARM-GEO = %+v, want 0 events, 1 previous, change -1, no dates", quiet)
	}

	if want := (Totals{Events: 2, Pairs: 3, Countries: 3, People: 4}); r.Totals != want {
		t.Errorf("totals = %+v, want %+v", r.Totals, want)
	}
	ids := func(es []*Event) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	if got, want := ids(r.Upcoming), []string{"future"}; !reflect.DeepEqual(got, want) {
		t.Errorf("upcoming = %v, want %v (planned events in the 4 weeks after the period's end)", got, want)
	}
	if got, want := ids(r.Unconfirmed), []string{"planned"}; !reflect.DeepEqual(got, want) {
		t.Errorf("unconfirmed = %v, want %v (planned events dated in the period)", got, want)
	}
	if got, want := ids(r.Events), []string{"tri", "planned", "cancelled", "bi", "future"}; !reflect.DeepEqual(got, want) {
		t.Errorf("events sheet = %v, want %v", got, want)
	}
	if got, want := ids(r.KeyDevelopments), []string{"bi", "tri"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key developments = %v, want %v (agreement first)", got, want)
	}
	if r.Names["TUR"] != "Turkey" || r.Names["AZE"] != "Azerbaijan" {
		t.Errorf("names = %v", r.Names)
	}
}

func TestAggregatePairFilter(t *testing.T) {
	cfg := testConfig(t)
	all := aggregate(t, cfg, "2025-W43", fixture())
	for _, key := range []string{"AZE-GEO", "AZE-TUR", "ARM-GEO"} {
		t.Run(key, func(t *testing.T) {
			one := aggregate(t, cfg, "2025-W43", fixture(), key)
			if len(one.Pairs) != 1 || one.Pairs[0].Key != key {
				t.Fatalf("filtered pairs = %v, want only %s", one.Pairs, key)
			}
			if !reflect.DeepEqual(one.Pairs[0], pair(all, key)) {
				t.Errorf("filtered row differs from the unfiltered one:\n got %+v\nwant %+v", one.Pairs[0], pair(all, key))
			}
			if !reflect.DeepEqual(one.Filters, []string{key}) {
				t.Errorf("filters = %v", one.Filters)
			}
		})
	}
	// pairs.include accepts either order.
	cfg.Pairs.Include = []string{"tur-aze"}
	r := aggregate(t, cfg, "2025-W43", fixture())
	if len(r.Pairs) != 1 || r.Pairs[0].Key != "AZE-TUR" {
		t.Errorf("pairs.include = [tur-aze] gave %v", r.Pairs)
	}
}

func TestAggregateAllPeriod(t *testing.T) {
	r := aggregate(t, testConfig(t), "all", fixture())
	if !r.Previous.IsZero() {
		t.Errorf("all has no previous period, got %+v", r.Previous)
	}
	ag := pair(r, "AZE-GEO")
	// tri, bi, before, after: held; planned/cancelled/future/old-plan are not.
	if ag.Events != 4 || ag.Previous != 0 || ag.Change != 4 {
		t.Errorf("AZE-GEO over all = %d events, %d previous, %+d; want 4, 0, +4", ag.Events, ag.Previous, ag.Change)
	}
	if len(r.Upcoming) != 3 {
		t.Errorf("upcoming over all = %d, want every planned event (3)", len(r.Upcoming))
	}

	// Generated on 22 October: over "all", planned events from that day on
	// are upcoming; the one of 1 October has passed.
	ds := &Dataset{Events: fixture()}
	cfg := testConfig(t)
	Normalize(cfg, ds)
	all, _ := period.Parse("all", period.Context{})
	r = Aggregate(cfg, ds, AggregateOptions{Period: all, GeneratedAt: time.Date(2025, 10, 22, 23, 0, 0, 0, time.UTC)})
	var ids []string
	for _, e := range r.Upcoming {
		ids = append(ids, e.ID)
	}
	if want := []string{"planned", "future"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("upcoming over all on 22 October = %v, want %v", ids, want)
	}
}

func TestRankKeyDevelopments(t *testing.T) {
	evs := []*Event{
		ev("call", "2025-10-25", "call", []string{"AZE", "GEO"}),
		ev("meet-new", "2025-10-24", "meeting", []string{"AZE", "GEO"}),
		ev("meet-old", "2025-10-21", "meeting", []string{"AZE", "GEO"}),
		ev("tri-meet", "2025-10-20", "meeting", []string{"AZE", "GEO", "TUR"}),
		ev("exercise", "2025-10-20", "exercise", []string{"AZE", "GEO"}),
		ev("agree-old", "2025-10-20", "agreement", []string{"AZE", "GEO"}),
		ev("agree-new", "2025-10-22", "agreement", []string{"AZE", "GEO"}),
		ev("stmt", "2025-10-26", "statement", []string{"AZE", "GEO"}),
	}
	var got []string
	for _, e := range RankKeyDevelopments(evs, 10, builtinKinds) {
		got = append(got, e.ID)
	}
	want := []string{"agree-new", "agree-old", "tri-meet", "exercise", "meet-new", "meet-old", "call", "stmt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranking = %v, want %v", got, want)
	}
	if n := len(RankKeyDevelopments(evs, 3, builtinKinds)); n != 3 {
		t.Errorf("limit 3 gave %d", n)
	}
}

// randomEvents generates a seeded archive for the property tests.
func randomEvents(rng *rand.Rand, n int) []*Event {
	codes := []string{"AZE", "GEO", "TUR", "ARM", "IRN", "RUS", "UKR"}
	evs := make([]*Event, n)
	start := d("2025-09-01")
	for i := range evs {
		k := 2 + rng.Intn(3)
		perm := rng.Perm(len(codes))[:k]
		var cs []string
		for _, j := range perm {
			cs = append(cs, codes[j])
		}
		st := []string{"held", "held", "held", "held", "planned", "cancelled"}[rng.Intn(6)]
		e := ev(fmt.Sprintf("e%04d", i), start.AddDate(0, 0, rng.Intn(90)).Format(time.DateOnly), kindNames[rng.Intn(len(kindNames))], cs, status(st))
		for j := 0; j < rng.Intn(4); j++ {
			c := ""
			if rng.Intn(3) > 0 {
				c = cs[rng.Intn(len(cs))]
			}
			e.Participants = append(e.Participants, Participant{Name: fmt.Sprintf("Person %d", rng.Intn(30)), Country: c})
		}
		e.FocusAreas = []string{[]string{"Border security", "Energy", "Cybersecurity"}[rng.Intn(3)]}
		evs[i] = e
	}
	return evs
}

func TestAggregateProperties(t *testing.T) {
	cfg := testConfig(t)
	for seed := int64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewSource(seed))
		evs := randomEvents(rng, 300)
		r := aggregate(t, cfg, "2025-10", evs)

		// Σ Events over pairs = Σ C(n,2) over held in-period events.
		want, sum := 0, 0
		for _, e := range evs {
			if e.Held() && r.Period.Contains(e.Date) {
				n := len(e.Countries)
				want += n * (n - 1) / 2
			}
		}
		for _, p := range r.Pairs {
			sum += p.Events
		}
		if sum != want {
			t.Fatalf("seed %d: Σ pair events = %d, want Σ C(n,2) = %d", seed, sum, want)
		}

		// Filtering by one pair gives that pair's row unchanged.
		if len(r.Pairs) > 0 {
			p := r.Pairs[rng.Intn(len(r.Pairs))]
			one := aggregate(t, cfg, "2025-10", evs, p.Key)
			if len(one.Pairs) != 1 || !reflect.DeepEqual(one.Pairs[0], p) {
				t.Fatalf("seed %d: filtered %s row differs", seed, p.Key)
			}
		}

		// The order of the input does not matter.
		shuffled := append([]*Event(nil), evs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		r2 := aggregate(t, cfg, "2025-10", shuffled)
		if !reflect.DeepEqual(r.Pairs, r2.Pairs) || r.Totals != r2.Totals ||
			!reflect.DeepEqual(r.KeyDevelopments, r2.KeyDevelopments) || !reflect.DeepEqual(r.Events, r2.Events) {
			t.Fatalf("seed %d: report depends on input order", seed)
		}
	}
}

// kindOf returns the kind of that name; the tests name only real kinds.
func kindOf(name string) Kind {
	k, ok := KindNamed(name)
	if !ok {
		panic("no kind " + name)
	}
	return k
}
