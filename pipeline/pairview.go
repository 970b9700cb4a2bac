package pipeline

import (
	"fmt"
	"slices"
	"strings"
)

// The per-pair views of a report. Aggregate fills each PairReport in its
// one pass; these helpers answer the questions the renderers ask of a pair
// or of the report's country names, so that each rule lives here once.

// Pair returns the pair s names ("AZE-GEO", either order, any case). A pair
// the report does not list is valid, and only syntax is checked: it had no
// held events in the period or the previous one (or the filters left it
// out), and the view returned says so, with the pair's display names and
// the report's upcoming events that involve both countries.
func (r *Report) Pair(s string) (*PairReport, error) {
	a, b, ok := splitPair(s)
	if !ok || a == b {
		return nil, fmt.Errorf("%q is not a pair of two country codes like AZE-GEO", s)
	}
	key := PairKey(a, b)
	if r.byKey != nil {
		if p := r.byKey[key]; p != nil {
			return p, nil
		}
	} else if i := slices.IndexFunc(r.Pairs, func(p *PairReport) bool { return p.Key == key }); i >= 0 {
		return r.Pairs[i], nil
	}
	if b < a {
		a, b = b, a
	}
	return &PairReport{
		Key: key, A: a, B: b, NameA: r.CountryName(a), NameB: r.CountryName(b),
		Upcoming: involving(r.Upcoming, a, b),
	}, nil
}

// splitPair splits "geo - aze" into upper-case codes in the order written;
// ok is false unless there are two non-empty ones.
func splitPair(s string) (a, b string, ok bool) {
	a, b, ok = strings.Cut(strings.TrimSpace(s), "-")
	a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
	return a, b, ok && a != "" && b != ""
}

// involving returns the events of events whose countries include both a
// and b, in the order given.
func involving(events []*Event, a, b string) []*Event {
	var out []*Event
	for _, e := range events {
		if slices.Contains(e.Countries, a) && slices.Contains(e.Countries, b) {
			out = append(out, e)
		}
	}
	return out
}

// Quiet reports whether the pair went quiet: no held events in the period,
// some in the previous one.
func (p *PairReport) Quiet() bool { return p.Events == 0 && p.Previous > 0 }

// Latest returns the pair's most recent held event in the period, nil when
// it has none.
func (p *PairReport) Latest() *Event {
	if n := len(p.EventList); n > 0 {
		return p.EventList[n-1]
	}
	return nil
}

// Totals are the key figures of a briefing on this pair alone, as
// Report.Totals counts them: all zero for a pair without held events.
func (p *PairReport) Totals() Totals {
	if p.Events == 0 {
		return Totals{}
	}
	return Totals{Events: p.Events, Pairs: 1, Countries: 2, People: len(p.Participants)}
}

// Others returns the codes of e's countries other than the pair's two, in
// the order written: who else took part in a multilateral event.
func (p *PairReport) Others(e *Event) []string {
	var out []string
	for _, c := range e.Countries {
		if c != p.A && c != p.B {
			out = append(out, c)
		}
	}
	return out
}

// CountryNames returns the display names of codes, in their order.
func (r *Report) CountryNames(codes []string) []string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = r.CountryName(c)
	}
	return names
}

// EventPairs returns the keys of e's pairs that the report shows (every
// pair unless r.Filters scopes them), sorted.
func (r *Report) EventPairs(e *Event) []string {
	var keys []string
	forEachPair(e.Countries, func(a, b string) {
		if r.scope.has(a, b) {
			keys = append(keys, PairKey(a, b))
		}
	})
	slices.Sort(keys)
	return keys
}
