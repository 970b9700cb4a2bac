package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// TestSummaryLimit: a pair with more events than SummaryLimit prints only
// the most significant summaries (agreements first), says so, and the
// events table still lists every event.
func TestSummaryLimit(t *testing.T) {
	needTool(t, "pdftotext")
	evs := manyEvents(SummaryLimit + 15)
	for i, e := range evs {
		e.Kind = "call"
		e.Summary = fmt.Sprintf("Summary text number %05d.", i)
	}
	evs[3].Kind = "agreement" // ranked first though early in the month
	text := flat(strings.Join(pageTexts(t, mustRender(t, reportOf(t, "2025-10", evs, nil), Options{})), " "))

	n := strings.Count(text, "Summary text number")
	if n != SummaryLimit {
		t.Errorf("%d summaries printed, want %d", n, SummaryLimit)
	}
	if !strings.Contains(text, "Summary text number 00003.") {
		t.Error("the agreement's summary is missing")
	}
	want := fmt.Sprintf("The %d most significant of this pair's %d events with a summary", SummaryLimit, len(evs))
	if !strings.Contains(text, want) {
		t.Errorf("no note %q", want)
	}
	for i := range evs {
		if id := fmt.Sprintf("Event %05d:", i); !strings.Contains(text, id) {
			t.Errorf("events table lacks %q", id)
		}
	}

	// At the limit, every summary is printed and there is no note.
	text = flat(strings.Join(pageTexts(t, mustRender(t, reportOf(t, "2025-10", evs[:SummaryLimit], nil), Options{})), " "))
	if n := strings.Count(text, "Summary text number"); n != SummaryLimit || strings.Contains(text, "most significant of this pair") {
		t.Errorf("at the limit: %d summaries, note present: %v", n, strings.Contains(text, "most significant"))
	}
}
