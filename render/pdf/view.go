package pdf

import (
	"slices"
	"sort"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// pairView is what one pair section lists, within the limits of
// Options.Limits (config [pdf]): its bilateral events (past max_events the
// most significant, ranked as key developments are), the summaries of
// the most significant of them, the people most involved, and the sources
// the summarised events cite. Its multilateral events are described once, in
// their own section: the pair's lists them by title and date, the most
// significant first. Figures, narrative and chart still count every
// event; the workbook lists them all.
type pairView struct {
	p            *pipeline.PairReport
	events       []*pipeline.Event          // listed bilateral events, by date then id
	bilateralN   int                        // the pair's bilateral events
	summarised   []*pipeline.Event          // event summaries, by date then id
	multilateral []*pipeline.Event          // the pair's multilateral events, most significant first
	withSummary  int                        // bilateral events with a summary or outcomes
	people       []pipeline.PairParticipant // participants, by name
	sources      []pipeline.Citation        // cited by a summarised event, numbered afresh
	marks        map[string]string          // event id → "[1,3]"
}

func newPairView(p *pipeline.PairReport, lim pipeline.PDFConfig, kinds []pipeline.KindInfo) *pairView {
	v := &pairView{p: p}
	var bi, multi []*pipeline.Event
	for _, e := range p.EventList {
		if bilateral(e) {
			bi = append(bi, e)
			if hasSummary(e) {
				v.withSummary++
			}
		} else {
			multi = append(multi, e)
		}
	}
	v.bilateralN = len(bi)
	v.events = mostSignificant(bi, lim.MaxEvents, kinds)
	v.multilateral = pipeline.RankKeyDevelopments(multi, len(multi), kinds)
	// Summaries are of listed events only, so that every summary has its
	// line in the list and its sources in the list of sources.
	var with []*pipeline.Event
	for _, e := range v.events {
		if hasSummary(e) {
			with = append(with, e)
		}
	}
	v.summarised = mostSignificant(with, lim.MaxSummaries, kinds)
	v.people = mostInvolved(p.Participants, lim.MaxParticipants)

	// Sources are those of the summarised events: a note cites what it
	// says; the workbook has every event's sources. Keep the order of
	// first citation; number without gaps.
	v.sources = p.Sources
	if len(v.summarised) < len(p.EventList) {
		listed := make(map[string]bool, len(v.summarised))
		for _, e := range v.summarised {
			listed[e.ID] = true
		}
		v.sources = nil
		for _, c := range p.Sources {
			if slices.ContainsFunc(c.EventIDs, func(id string) bool { return listed[id] }) {
				c.N = len(v.sources) + 1
				c.EventIDs = slices.DeleteFunc(slices.Clone(c.EventIDs), func(id string) bool { return !listed[id] })
				v.sources = append(v.sources, c)
			}
		}
	}
	v.marks = citationMarks(v.sources)
	return v
}

// bilateral reports whether e is an event of two countries only.
func bilateral(e *pipeline.Event) bool { return !e.Multilateral() }

func hasSummary(e *pipeline.Event) bool {
	return strings.TrimSpace(e.Summary) != "" || len(e.Outcomes) > 0
}

// mostSignificant keeps the limit most significant of events (all of them
// when limit is 0 or not reached), in date then id order.
func mostSignificant(events []*pipeline.Event, limit int, kinds []pipeline.KindInfo) []*pipeline.Event {
	if limit <= 0 || len(events) <= limit {
		return events
	}
	top := pipeline.RankKeyDevelopments(events, limit, kinds)
	sort.SliceStable(top, func(i, j int) bool {
		if !top[i].Date.Equal(top[j].Date) {
			return top[i].Date.Before(top[j].Date)
		}
		return top[i].ID < top[j].ID
	})
	return top
}

// mostInvolved keeps the limit people with the most events (ties in name
// order), listed by name as the whole list is.
func mostInvolved(people []pipeline.PairParticipant, limit int) []pipeline.PairParticipant {
	if limit <= 0 || len(people) <= limit {
		return people
	}
	idx := make([]int, len(people))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return people[idx[a]].Events > people[idx[b]].Events })
	idx = idx[:limit]
	sort.Ints(idx)
	out := make([]pipeline.PairParticipant, len(idx))
	for i, j := range idx {
		out[i] = people[j]
	}
	return out
}

// citationMarks returns the citation mark of each event the sources cite,
// "[1,3]", for all events at once: looking through every source of a pair
// for one event at a time is quadratic over a year's events of a busy pair.
func citationMarks(sources []pipeline.Citation) map[string]string {
	nums := map[string][]int{}
	for _, c := range sources {
		for _, id := range c.EventIDs {
			if ns := nums[id]; len(ns) == 0 || ns[len(ns)-1] != c.N {
				nums[id] = append(ns, c.N)
			}
		}
	}
	marks := make(map[string]string, len(nums))
	for id, ns := range nums {
		marks[id] = citations(ns)
	}
	return marks
}
