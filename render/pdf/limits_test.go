package pdf

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// limitEvents are n calls of one pair, except an agreement at index 3,
// which ranks first; each has its own summary and source.
func limitEvents(n int) []*pipeline.Event {
	evs := manyEvents(n)
	for i, e := range evs {
		e.Kind = kindOf("call")
		e.Summary = fmt.Sprintf("Summary text number %05d.", i)
	}
	evs[3].Kind = kindOf("agreement")
	return evs
}

func pairOf(tb testing.TB, r *pipeline.Report, key string) *pipeline.PairReport {
	tb.Helper()
	for _, p := range r.Pairs {
		if p.Key == key {
			return p
		}
	}
	tb.Fatalf("no pair %s", key)
	return nil
}

func ids(evs []*pipeline.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func TestPairViewNoLimits(t *testing.T) {
	p := pairOf(t, reportOf(t, "2025-10", limitEvents(35), nil), "AZE-GEO")
	v := newPairView(p, pipeline.PDFConfig{}, pipeline.Kinds())
	if len(v.events) != 35 || len(v.summarised) != 35 || v.withSummary != 35 || len(v.people) != len(p.Participants) {
		t.Errorf("events %d, summarised %d of %d, people %d of %d", len(v.events), len(v.summarised), v.withSummary, len(v.people), len(p.Participants))
	}
	if len(v.sources) != len(p.Sources) {
		t.Errorf("%d sources, want %d", len(v.sources), len(p.Sources))
	}
	for i, c := range v.sources {
		if c.N != p.Sources[i].N {
			t.Errorf("source %d renumbered %d → %d without a limit", i, p.Sources[i].N, c.N)
		}
	}
}

func TestPairViewEventLimit(t *testing.T) {
	evs := limitEvents(35)
	// Event 30 shares event 20's source: it stays listed through 20 if
	// 20 is shown, and is not numbered twice.
	evs[30].Sources = evs[20].Sources
	p := pairOf(t, reportOf(t, "2025-10", evs, nil), "AZE-GEO")
	v := newPairView(p, pipeline.PDFConfig{MaxEvents: 10, MaxSummaries: 4}, pipeline.Kinds())

	if len(v.events) != 10 {
		t.Fatalf("%d events listed, want 10", len(v.events))
	}
	got := ids(v.events)
	if !slices.Contains(got, "e00003") {
		t.Errorf("the agreement is not listed: %v", got)
	}
	want := ids(pipeline.RankKeyDevelopments(p.EventList, 10, pipeline.Kinds()))
	slices.Sort(want)
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if !slices.Equal(sorted, want) {
		t.Errorf("listed %v, want the 10 ranked first %v", sorted, want)
	}
	if !slices.IsSortedFunc(v.events, func(a, b *pipeline.Event) int { return a.Date.Compare(b.Date) }) {
		t.Errorf("events not in date order: %v", got)
	}

	if len(v.summarised) != 4 || v.withSummary != 35 {
		t.Errorf("summarised %d of %d, want 4 of 35", len(v.summarised), v.withSummary)
	}
	for _, e := range v.summarised {
		if !slices.Contains(v.events, e) {
			t.Errorf("summary of %s, which the table does not list", e.ID)
		}
	}

	// Sources: exactly those cited by summarised events, numbered 1..n
	// in order of first citation.
	listed := map[string]bool{}
	for _, e := range v.summarised {
		listed[e.ID] = true
	}
	var n int
	for i, c := range v.sources {
		if c.N != i+1 {
			t.Errorf("source %d numbered %d", i+1, c.N)
		}
		if !slices.ContainsFunc(c.EventIDs, func(id string) bool { return listed[id] }) {
			t.Errorf("source %q cites no summarised event", c.Source.Title)
		}
		n++
	}
	for _, c := range p.Sources {
		cited := slices.ContainsFunc(c.EventIDs, func(id string) bool { return listed[id] })
		kept := slices.ContainsFunc(v.sources, func(k pipeline.Citation) bool { return k.Source == c.Source })
		if cited != kept {
			t.Errorf("source %q: cited by a summarised event %v, kept %v", c.Source.Title, cited, kept)
		}
	}
	for _, e := range v.events {
		m := v.marks[e.ID]
		if m == "" {
			if listed[e.ID] {
				t.Errorf("%s has no citation mark", e.ID)
			}
			continue
		}
		for _, num := range regexp.MustCompile(`\d+`).FindAllString(m, -1) {
			var k int
			fmt.Sscan(num, &k)
			if k < 1 || k > n || !slices.Contains(v.sources[k-1].EventIDs, e.ID) {
				t.Errorf("%s cites %s, which is not its source in the list", e.ID, m)
			}
		}
	}
}

func TestMostInvolved(t *testing.T) {
	people := []pipeline.PairParticipant{
		{Name: "Ana", Events: 1}, {Name: "Boris", Events: 5}, {Name: "Cem", Events: 2},
		{Name: "Dato", Events: 5}, {Name: "Elif", Events: 2}, {Name: "Farid", Events: 3},
	}
	for _, tc := range []struct {
		limit int
		want  []string
	}{
		{0, []string{"Ana", "Boris", "Cem", "Dato", "Elif", "Farid"}},
		{6, []string{"Ana", "Boris", "Cem", "Dato", "Elif", "Farid"}},
		{2, []string{"Boris", "Dato"}},
		{3, []string{"Boris", "Dato", "Farid"}},
		{4, []string{"Boris", "Cem", "Dato", "Farid"}}, // Cem before Elif: ties in name order
		{1, []string{"Boris"}},
	} {
		var got []string
		for _, p := range mostInvolved(people, tc.limit) {
			got = append(got, p.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("limit %d: %v, want %v", tc.limit, got, tc.want)
		}
	}
}

// TestLimitsRendered: past its limits a pair section lists the most
// significant events, the summaries of the most significant and their
// sources, and the people most involved, each with a note; the figures
// still count everything.
func TestLimitsRendered(t *testing.T) {
	needTool(t, "pdftotext")
	evs := limitEvents(35)
	for i, e := range evs {
		e.Participants[0].Name = fmt.Sprintf("Official %d", i%9)
	}
	r := reportOf(t, "2025-10", evs, nil)
	text := flat(strings.Join(pageTexts(t, mustRender(t, r, Options{Limits: pipeline.PDFConfig{MaxEvents: 12, MaxSummaries: 5, MaxParticipants: 4}})), " "))

	titles := map[string]bool{}
	for _, m := range regexp.MustCompile(`Event (\d{5}):`).FindAllStringSubmatch(text, -1) {
		titles[m[1]] = true
	}
	if len(titles) != 12 || !titles["00003"] {
		t.Errorf("%d events shown (agreement 00003 among them: %v), want 12", len(titles), titles["00003"])
	}
	if n := strings.Count(text, "Summary text number"); n != 5 || !strings.Contains(text, "Summary text number 00003.") {
		t.Errorf("%d summaries printed, want 5 with the agreement's", n)
	}
	if n := strings.Count(text, "Agency. Grade B2."); n != 5 {
		t.Errorf("%d sources listed, want the 5 of the summarised events", n)
	}
	officials := map[string]bool{}
	for _, m := range regexp.MustCompile(`Official (\d)`).FindAllStringSubmatch(text, -1) {
		officials[m[1]] = true
	}
	if len(officials) != 4 {
		t.Errorf("%d participants listed, want 4", len(officials))
	}
	for _, note := range []string{
		"The 12 most significant of 35 bilateral events, ranked as key developments are, with the summaries of the 5 most significant; all are in the workbook's Events sheet.",
		"These are the 4 people most involved of 9; every participant is in the workbook's Participants sheet.",
		"The 35 engagements were 34 calls and 1 agreement.",                                                     // the narrative counts every event
		"A pair's section lists at most 12 events, 5 event summaries and 4 participants. Where a pair has more", // the annex
	} {
		if !strings.Contains(text, note) {
			t.Errorf("no %q", note)
		}
	}

	// Within the limits (and with none) everything is listed, with no note.
	for _, o := range []Options{{}, {Limits: pipeline.PDFConfig{MaxEvents: 35, MaxSummaries: 35, MaxParticipants: 9}}} {
		text := flat(strings.Join(pageTexts(t, mustRender(t, r, o)), " "))
		if n := strings.Count(text, "Summary text number"); n != 35 || strings.Contains(text, "most significant of 35") || strings.Contains(text, "most involved") || strings.Contains(text, "lists at most") {
			t.Errorf("limits %+v: %d summaries, a note: %v", o.Limits, n, strings.Contains(text, "most "))
		}
		if n := strings.Count(text, "Agency. Grade B2."); n != 35 {
			t.Errorf("limits %+v: %d sources listed, want 35", o.Limits, n)
		}
	}
}

func TestLimitsText(t *testing.T) {
	for _, tc := range []struct {
		lim  pipeline.PDFConfig
		want string
	}{
		{pipeline.PDFConfig{MaxEvents: 40, MaxSummaries: 10, MaxParticipants: 25}, "40 events, 10 event summaries and 25 participants"},
		{pipeline.PDFConfig{MaxEvents: 1, MaxParticipants: 3}, "1 event and 3 participants"},
		{pipeline.PDFConfig{MaxSummaries: 1}, "1 event summary"},
		{pipeline.PDFConfig{}, ""},
	} {
		if got := limitsText(tc.lim); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.lim, got, tc.want)
		}
	}
}
