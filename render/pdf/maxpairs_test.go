package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestMaxPairs: one event among many countries has a pair for every two
// of them (all 249 ISO countries: 30,876 pairs, a note of about 93,000
// pages that ran out of memory). MaxPairs bounds the sections and the
// summary's rows; every other pair is one row of the Other pairs table,
// and the summary and annex say so.
func TestMaxPairs(t *testing.T) {
	codes := []string{"ARM", "AZE", "GEO", "TUR", "IRN", "RUS", "UKR", "KAZ", "UZB", "TKM"} // 45 pairs
	busy := &pipeline.Event{ID: "2025-10-21-conference", Date: date(2025, 10, 21), DatePrecision: "day", Kind: kindOf("meeting"), Status: "held",
		Title: "Conference of ten states", Countries: codes}
	// Two more events for AZE-GEO: the busiest pair, ranked first.
	evs := append(caucasusEvents()[:3], busy)
	r := reportOf(t, "2025-W43", evs, nil)
	if len(r.Pairs) < 45 {
		t.Fatalf("%d pairs, want at least 45", len(r.Pairs))
	}
	cases := []struct {
		max      int
		sections int
		notes    []string
	}{
		{0, len(r.Pairs), nil},
		{len(r.Pairs), len(r.Pairs), nil},
		{5, 5, []string{
			fmt.Sprintf("%d other pairs had events in this period or the previous one: see Other pairs.", len(r.Pairs)-5),
			"The 5 most significant country pairs have a section of their own: pairs are ranked by their most significant bilateral event",
		}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint("max=", c.max), func(t *testing.T) {
			b, err := build(r, Options{Limits: pipeline.PDFConfig{MaxPairs: c.max}})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, m := range b.l.marks {
				if m.level == 1 && strings.Contains(m.title, " – ") {
					n++
				}
			}
			if n != c.sections {
				t.Errorf("%d pair sections in the outline, want %d", n, c.sections)
			}
			if c.max > 0 && c.max < len(r.Pairs) && b.s.detailed[0].Key != "AZE-GEO" {
				t.Errorf("first section %s, want the busiest pair AZE-GEO", b.s.detailed[0].Key)
			}
			if got := len(b.s.detailed) + len(b.s.others); got != len(r.Pairs) {
				t.Errorf("%d pairs in sections and rows, want every one of %d", got, len(r.Pairs))
			}
			out, err := (&Doc{b}).Bytes()
			if err != nil {
				t.Fatal(err)
			}
			text := flat(strings.Join(pageTexts(t, out), " "))
			for _, want := range c.notes {
				if !strings.Contains(text, want) {
					t.Errorf("missing %q", want)
				}
			}
			if c.notes == nil && (strings.Contains(text, "other pairs") || strings.Contains(text, "section of their own")) {
				t.Error("a note says pairs were left out, but none were")
			}
			if b.s.totals.Pairs != len(r.Pairs) {
				t.Errorf("key figures count %d pairs, want all %d", b.s.totals.Pairs, len(r.Pairs))
			}
		})
	}
}
