package pdf

import (
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestSummariesOnce: no event's summary is printed twice, whatever the
// number of pairs a multilateral event counts for; with the appendix,
// every summary is printed, still once in the body and once in the
// appendix at most.
func TestSummariesOnce(t *testing.T) {
	evs := caucasusEvents()
	for i, e := range evs {
		e.Summary = "Distinct summary sentence " + string(rune('A'+i)) + " of the test."
	}
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	multi := 0
	for _, e := range evs {
		if e.Multilateral() && e.Held() && r.Period.Contains(e.Date) {
			multi++
		}
	}
	if multi == 0 {
		t.Fatal("the test needs a multilateral event in the period")
	}
	for _, appendix := range []bool{false, true} {
		pages := pageTexts(t, mustRender(t, r, Options{Appendix: appendix}))
		body, tail := flat(strings.Join(pages, " ")), ""
		if appendix {
			i := strings.Index(body, "Appendix: every event")
			if i < 0 {
				t.Fatal("no appendix")
			}
			body, tail = body[:i], body[i:]
		}
		for _, e := range evs {
			if !e.Held() || !r.Period.Contains(e.Date) {
				continue
			}
			s := flat(e.Summary)
			if n := strings.Count(body, s); n > 1 {
				t.Errorf("appendix %v: the summary of %s is printed %d times", appendix, e.ID, n)
			}
			if appendix && strings.Count(tail, s) != 1 {
				t.Errorf("the appendix prints the summary of %s %d times, want 1", e.ID, strings.Count(tail, s))
			}
		}
	}
}

// TestBottomLine: the summary has a Bottom line box only when there is
// one, under the title block and above the key figures.
func TestBottomLine(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	page1 := func(o Options) string { return flat(pageTexts(t, mustRender(t, r, o))[0]) }
	if p := page1(Options{}); strings.Contains(p, "Bottom line") {
		t.Error("a Bottom line heading without a bottom line")
	}
	r.Assessment = &pipeline.Assessment{BottomLine: []pipeline.Block{{Spans: []pipeline.Span{{Text: "Defence ties between Azerbaijan and Georgia deepen."}}}}}
	p := page1(Options{})
	i, j, k := strings.Index(p, "Bottom line"), strings.Index(p, "Defence ties between Azerbaijan and Georgia deepen."), strings.Index(p, "Key figures")
	if i < 0 || j < i || k < j {
		t.Errorf("Bottom line at %d, its text at %d, Key figures at %d: %q", i, j, k, p)
	}
}
