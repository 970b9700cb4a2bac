package pdf

import (
	"fmt"

	"github.com/briefing-tool/briefing/pipeline"
)

// scope is the part of a report one PDF shows: the whole report, or one
// pair for a per-pair briefing.
type scope struct {
	pairs    []*pipeline.PairReport // sections: pairs with events in the period
	quiet    []*pipeline.PairReport // no events now, some in the previous period
	overview []*pipeline.PairReport // rows of the "at a glance" table
	devs     []*pipeline.Event
	upcoming []*pipeline.Event
	totals   pipeline.Totals
	only     *pipeline.PairReport // set for a per-pair briefing

	limits pipeline.PDFConfig
	kinds  []pipeline.KindInfo // the report's, for ranking within the limits
	views  map[*pipeline.PairReport]*pairView

	// maxPairs bounds pairs, quiet and overview; the counts before the cut
	// are kept for the notes saying so.
	maxPairs                        int
	allPairs, allQuiet, allOverview int
	omittedEvents                   int // events of the pairs left without a section
}

func newScope(r *pipeline.Report, pair string, limits pipeline.PDFConfig) (*scope, error) {
	maxPairs := limits.MaxPairRows // until the redesign (#13) lands: the bound of issue #11
	s := &scope{limits: limits, kinds: r.Kinds(), views: map[*pipeline.PairReport]*pairView{}, maxPairs: maxPairs}
	if pair == "" {
		for _, p := range r.Pairs {
			switch {
			case p.Events > 0:
				s.pairs = append(s.pairs, p)
			case p.Quiet():
				s.quiet = append(s.quiet, p)
			default:
				continue
			}
			s.overview = append(s.overview, p)
		}
		s.devs, s.upcoming, s.totals = r.KeyDevelopments, r.Upcoming, r.Totals
		s.allPairs, s.allQuiet, s.allOverview = len(s.pairs), len(s.quiet), len(s.overview)
		if maxPairs > 0 {
			// r.Pairs is ranked by events, so each list keeps its busiest.
			for _, p := range s.pairs[min(maxPairs, len(s.pairs)):] {
				s.omittedEvents += p.Events
			}
			s.pairs = s.pairs[:min(maxPairs, len(s.pairs))]
			s.quiet = s.quiet[:min(maxPairs, len(s.quiet))]
			s.overview = s.overview[:min(maxPairs, len(s.overview))]
		}
		return s, nil
	}
	p, err := r.Pair(pair)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	s.only = p
	if p.Events > 0 {
		s.pairs = []*pipeline.PairReport{p}
	} else if p.Quiet() {
		s.quiet = []*pipeline.PairReport{p}
	}
	s.devs, s.upcoming, s.totals = p.KeyDevelopments, p.Upcoming, p.Totals()
	return s, nil
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

// pairsCut reports whether Limits.MaxPairRows left pairs out of a list.
func (s *scope) pairsCut() bool {
	return len(s.pairs) < s.allPairs || len(s.quiet) < s.allQuiet || len(s.overview) < s.allOverview
}

// cut reports whether a limit left anything out of a section laid out so
// far.
func (s *scope) cut() bool {
	for _, v := range s.views {
		if len(v.events) < len(v.p.EventList) || len(v.summarised) < v.withSummary || len(v.people) < len(v.p.Participants) {
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
	for _, p := range s.pairs {
		add(s.view(p).events)
	}
	add(s.devs)
	add(s.upcoming)
	return out
}
