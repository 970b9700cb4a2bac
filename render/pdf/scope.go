package pdf

import (
	"fmt"

	"github.com/briefing-tool/briefing/pipeline"
)

// scope is the part of a report one PDF shows, and in what depth: the
// whole report, or one pair for a per-pair briefing.
type scope struct {
	// detailed pairs get a section of their own and a row of the
	// summary's table: the [pdf] max_pairs most significant
	// (Report.RankedPairs).
	detailed []*pipeline.PairReport
	// others are the rest of the pairs with events now or in the previous
	// period, one row each, at most [pdf] max_pair_rows of allOthers.
	others    []*pipeline.PairReport
	allOthers int
	// multilateral lists the held events with three or more countries,
	// most significant first, each shown once in their own section.
	multilateral []*pipeline.Event
	devs         []*pipeline.Event
	upcoming     []*pipeline.Event
	unconfirmed  []*pipeline.Event
	totals       pipeline.Totals
	only         *pipeline.PairReport // set for a per-pair briefing

	limits pipeline.PDFConfig
	kinds  []pipeline.KindInfo // the report's, for ranking within the limits
	views  map[*pipeline.PairReport]*pairView
}

// assessed are the keys of the pairs the analyst wrote about: each gets a
// section, events or not, and the other pairs the sections left by
// limits.MaxPairs, so that max(MaxPairs, len(assessed)) pairs are detailed.
func newScope(r *pipeline.Report, pair string, limits pipeline.PDFConfig, assessed map[string]bool) (*scope, error) {
	s := &scope{limits: limits, kinds: r.Kinds(), views: map[*pipeline.PairReport]*pairView{}}
	if pair == "" {
		detailed := map[*pipeline.PairReport]bool{}
		ranked := r.RankedPairs()
		room := limits.MaxPairs // sections left for pairs without an assessment
		for _, p := range ranked {
			if assessed[p.Key] {
				room--
			}
		}
		for _, p := range ranked {
			if assessed[p.Key] || p.Events > 0 && (limits.MaxPairs <= 0 || room > 0) {
				if !assessed[p.Key] {
					room--
				}
				s.detailed = append(s.detailed, p)
				detailed[p] = true
			}
		}
		// The other pairs are listed as r.Pairs is sorted, busiest first:
		// a table to scan, not a ranking.
		for _, p := range r.Pairs {
			if !detailed[p] && (p.Events > 0 || p.Quiet()) {
				s.allOthers++
				if limits.MaxPairRows <= 0 || len(s.others) < limits.MaxPairRows {
					s.others = append(s.others, p)
				}
			}
		}
		s.devs, s.upcoming, s.totals = r.KeyDevelopments, r.Upcoming, r.Totals
		s.multilateral, s.unconfirmed = r.Multilateral, r.Unconfirmed
		return s, nil
	}
	p, err := r.Pair(pair)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	s.only = p
	s.detailed = []*pipeline.PairReport{p} // the note is about it, events or not
	s.devs, s.upcoming, s.totals = p.KeyDevelopments, p.Upcoming, p.Totals()
	s.multilateral = involving(r.Multilateral, p)
	s.unconfirmed = involving(r.Unconfirmed, p)
	return s, nil
}

// involving keeps the events of both of p's countries, in order.
func involving(events []*pipeline.Event, p *pipeline.PairReport) []*pipeline.Event {
	var out []*pipeline.Event
	for _, e := range events {
		a, b := false, false
		for _, c := range e.Countries {
			a, b = a || c == p.A, b || c == p.B
		}
		if a && b {
			out = append(out, e)
		}
	}
	return out
}

// view is what p's section lists.
func (s *scope) view(p *pipeline.PairReport) *pairView {
	v, ok := s.views[p]
	if !ok {
		v = newPairView(p, s.limits, s.kinds)
		s.views[p] = v
	}
	return v
}

// cut reports whether a limit left anything out of a section laid out so
// far.
func (s *scope) cut() bool {
	for _, v := range s.views {
		if len(v.events) < v.bilateralN || len(v.summarised) < v.withSummary || len(v.people) < len(v.p.Participants) {
			return true
		}
	}
	return false
}

// events lists every event the scope shows, once, in a stable order.
func (s *scope) events() []*pipeline.Event {
	seen := map[*pipeline.Event]bool{}
	var out []*pipeline.Event
	add := func(es []*pipeline.Event) {
		for _, e := range es {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	for _, p := range s.detailed {
		add(s.view(p).events)
	}
	add(s.devs)
	add(s.multilateral)
	add(s.upcoming)
	add(s.unconfirmed)
	return out
}
