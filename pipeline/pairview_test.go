package pipeline

import (
	"reflect"
	"testing"
)

func ids(es []*Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// TestPairViews checks what Report.Pair gives for each shape of pair in
// the week 2025-W43 of fixture(), plus a planned Armenian–Azerbaijani
// visit: a pair with upcoming events only, which Pairs does not list.
func TestPairViews(t *testing.T) {
	cfg := testConfig(t)
	// IRN has no event: its name can only come from the config's table.
	cfg.Countries = map[string]string{"TUR": "Türkiye", "IRN": "Islamic Republic of Iran"}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	evs := append(fixture(), ev("arm-plan", "2025-10-29", "visit", []string{"ARM", "AZE"}, status("planned")))
	r := aggregate(t, cfg, "2025-W43", evs)

	type view struct {
		Key, A, B, NameA, NameB  string
		Events, Previous, Change int
		Quiet                    bool
		Totals                   Totals
		KeyDevelopments          []string
		Upcoming                 []string
		Latest                   string
		Listed                   bool // the same *PairReport as in r.Pairs
	}
	tests := []struct {
		name, pair string
		want       view
	}{
		{"busy pair with upcoming events", "AZE-GEO", view{
			Key: "AZE-GEO", A: "AZE", B: "GEO", NameA: "Azerbaijan", NameB: "Georgia",
			Events: 2, Previous: 1, Change: 1,
			Totals:          Totals{Events: 2, Pairs: 1, Countries: 2, People: 3},
			KeyDevelopments: []string{"bi", "tri"}, // the agreement first, as the report ranks
			Upcoming:        []string{"future"},    // "planned" is dated in the period: not confirmed
			Latest:          "bi", Listed: true,
		}},
		{"either order, any case", " geo - aze ", view{
			Key: "AZE-GEO", A: "AZE", B: "GEO", NameA: "Azerbaijan", NameB: "Georgia",
			Events: 2, Previous: 1, Change: 1,
			Totals:          Totals{Events: 2, Pairs: 1, Countries: 2, People: 3},
			KeyDevelopments: []string{"bi", "tri"},
			Upcoming:        []string{"future"}, // "planned" is dated in the period: not confirmed
			Latest:          "bi", Listed: true,
		}},
		{"pair of a trilateral only", "TUR-AZE", view{
			Key: "AZE-TUR", A: "AZE", B: "TUR", NameA: "Azerbaijan", NameB: "Türkiye",
			Events: 1, Previous: 0, Change: 1,
			Totals:          Totals{Events: 1, Pairs: 1, Countries: 2, People: 3},
			KeyDevelopments: []string{"tri"},
			Latest:          "tri", Listed: true,
		}},
		{"quiet pair", "GEO-ARM", view{
			Key: "ARM-GEO", A: "ARM", B: "GEO", NameA: "Armenia", NameB: "Georgia",
			Events: 0, Previous: 1, Change: -1, Quiet: true, Listed: true,
		}},
		{"upcoming events only", "AZE-ARM", view{
			Key: "ARM-AZE", A: "ARM", B: "AZE", NameA: "Armenia", NameB: "Azerbaijan",
			Upcoming: []string{"arm-plan"},
		}},
		{"no events at all, named by the config", "IRN-AZE", view{
			Key: "AZE-IRN", A: "AZE", B: "IRN", NameA: "Azerbaijan", NameB: "Islamic Republic of Iran",
		}},
		{"a code no table knows", "AZE-ZZZ", view{
			Key: "AZE-ZZZ", A: "AZE", B: "ZZZ", NameA: "Azerbaijan", NameB: "ZZZ",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := r.Pair(tt.pair)
			if err != nil {
				t.Fatal(err)
			}
			got := view{
				Key: p.Key, A: p.A, B: p.B, NameA: p.NameA, NameB: p.NameB,
				Events: p.Events, Previous: p.Previous, Change: p.Change,
				Quiet: p.Quiet(), Totals: p.Totals(),
				KeyDevelopments: ids(p.KeyDevelopments), Upcoming: ids(p.Upcoming),
				Listed: pair(r, p.Key) == p,
			}
			if e := p.Latest(); e != nil {
				got.Latest = e.ID
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Pair(%q)\n got %+v\nwant %+v", tt.pair, got, tt.want)
			}
		})
	}

	for _, bad := range []string{"", "GEO", "GEO-", "-GEO", "geo-GEO", "AZE GEO"} {
		if p, err := r.Pair(bad); err == nil {
			t.Errorf("Pair(%q) = %s, want an error", bad, p.Key)
		}
	}
}

// TestPairPrevious checks the previous-period figures of the views: a
// month against the month before, and "all", which has no previous period.
func TestPairPrevious(t *testing.T) {
	evs := []*Event{
		ev("sep1", "2025-09-03", "call", []string{"AZE", "GEO"}),
		ev("sep2", "2025-09-20", "meeting", []string{"AZE", "GEO", "TUR"}),
		ev("sep3", "2025-09-28", "visit", []string{"ARM", "GEO"}),
		ev("oct1", "2025-10-02", "visit", []string{"AZE", "GEO"}),
		ev("oct2", "2025-10-15", "statement", []string{"AZE", "TUR"}),
		ev("oct3", "2025-10-16", "call", []string{"AZE", "TUR"}),
	}
	type figures struct{ Events, Previous, Change int }
	tests := []struct {
		period string
		want   map[string]figures
	}{
		{"2025-10", map[string]figures{
			"AZE-GEO": {1, 2, -1},
			"AZE-TUR": {2, 1, 1},
			"GEO-TUR": {0, 1, -1},
			"ARM-GEO": {0, 1, -1},
		}},
		{"all", map[string]figures{
			"AZE-GEO": {3, 0, 3},
			"AZE-TUR": {3, 0, 3},
			"GEO-TUR": {1, 0, 1},
			"ARM-GEO": {1, 0, 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			r := aggregate(t, testConfig(t), tt.period, evs)
			got := map[string]figures{}
			for key := range tt.want {
				p, err := r.Pair(key)
				if err != nil {
					t.Fatal(err)
				}
				got[key] = figures{p.Events, p.Previous, p.Change}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("figures = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPairOthers(t *testing.T) {
	r := aggregate(t, testConfig(t), "2025-W43", fixture())
	tri := fixture()[0] // TUR, AZE, GEO in that order
	tests := []struct {
		pair string
		want []string
	}{
		{"AZE-GEO", []string{"TUR"}},
		{"AZE-TUR", []string{"GEO"}},
		{"GEO-TUR", []string{"AZE"}},
		{"ARM-GEO", []string{"TUR", "AZE"}}, // in the order written
	}
	for _, tt := range tests {
		p, err := r.Pair(tt.pair)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Others(tri); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Others = %v, want %v", tt.pair, got, tt.want)
		}
	}
	if got, want := r.CountryNames(tri.Countries), []string{"Turkey", "Azerbaijan", "Georgia"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CountryNames = %q, want %q", got, want)
	}
}

func TestEventPairs(t *testing.T) {
	tri := ev("tri", "2025-10-20", "meeting", []string{"TUR", "AZE", "GEO"})
	bi := ev("bi", "2025-10-26", "agreement", []string{"GEO", "AZE"})
	tests := []struct {
		filters []string
		event   *Event
		want    []string
	}{
		{nil, tri, []string{"AZE-GEO", "AZE-TUR", "GEO-TUR"}},
		{nil, bi, []string{"AZE-GEO"}},
		{[]string{"AZE-TUR"}, tri, []string{"AZE-TUR"}},
		{[]string{"AZE-GEO", "GEO-TUR"}, tri, []string{"AZE-GEO", "GEO-TUR"}},
		{[]string{"AZE-TUR"}, bi, nil},
		{[]string{"TUR-*"}, tri, []string{"AZE-TUR", "GEO-TUR"}},
		{[]string{"TUR-*"}, bi, nil},
		{[]string{"TUR-*", "AZE-GEO"}, bi, []string{"AZE-GEO"}},
		{[]string{"GEO-*", "TUR-*"}, tri, []string{"AZE-GEO", "AZE-TUR", "GEO-TUR"}},
	}
	for _, tt := range tests {
		r := &Report{Filters: tt.filters, scope: newScope(tt.filters)}
		if got := r.EventPairs(tt.event); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("filters %v: EventPairs(%s) = %v, want %v", tt.filters, tt.event.ID, got, tt.want)
		}
	}
}
