package pdf

import (
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

func TestEventDate(t *testing.T) {
	cases := []struct {
		name      string
		date, end time.Time
		precision string
		want      string
		when      string
	}{
		{"day", date(2025, 10, 25), time.Time{}, "day", "25 Oct 2025", "on 25 Oct 2025"},
		{"month", date(2023, 2, 1), time.Time{}, "month", "February 2023", "in February 2023"},
		{"year", date(2023, 1, 1), time.Time{}, "year", "2023", "in 2023"},
		{"days in a month", date(2025, 10, 25), date(2025, 10, 26), "day", "25–26 Oct 2025", "on 25–26 Oct 2025"},
		{"across months", date(2025, 10, 30), date(2025, 11, 2), "day", "30 Oct – 2 Nov 2025", "on 30 Oct – 2 Nov 2025"},
		{"across years", date(2025, 12, 30), date(2026, 1, 2), "day", "30 Dec 2025 – 2 Jan 2026", "on 30 Dec 2025 – 2 Jan 2026"},
		{"end equal to start", date(2025, 10, 25), date(2025, 10, 25), "day", "25 Oct 2025", "on 25 Oct 2025"},
		{"month ignores end", date(2023, 2, 1), date(2023, 2, 20), "month", "February 2023", "in February 2023"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := &pipeline.Event{Date: c.date, EndDate: c.end, DatePrecision: c.precision}
			if got := eventDate(e); got != c.want {
				t.Errorf("eventDate = %q, want %q", got, c.want)
			}
			if got := when(e); got != c.when {
				t.Errorf("when = %q, want %q", got, c.when)
			}
		})
	}
}

func TestWords(t *testing.T) {
	cases := []struct{ got, want string }{
		{change(2), "▲ +2"}, {change(-1), "▼ −1"}, {change(0), "= 0"},
		{list(nil), ""}, {list([]string{"A"}), "A"}, {list([]string{"A", "B"}), "A and B"}, {list([]string{"A", "B", "C"}), "A, B and C"},
		{inline("Border security"), "border security"}, {inline("NATO interoperability"), "NATO interoperability"}, {inline("OSCE"), "OSCE"},
		{kindCounts(pipeline.Kinds(), pipeline.KindCounts{2, 0, 0, 1, 0, 0, 1}), "2 meetings, 1 agreement and 1 other engagement"},
		{kindCounts(pipeline.Kinds(), nil), ""}, {kindLabel(pipeline.Kinds(), kindOf("other")), "Other"},
		{citations([]int{1, 2}), "[1,2]"}, {citations(nil), ""},
		{plural(1, "event", "events"), "1 event"}, {plural(0, "event", "events"), "0 events"},
		{generated(time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC)), "27 October 2025, 09:00 UTC"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs("  First line\nsame paragraph.\n  \n\nSecond\tparagraph.\n\n\n")
	want := []string{"First line same paragraph.", "Second paragraph."}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

// TestPageCountMismatch checks the guard that keeps page numbers honest:
// when the layout's page count and the document's disagree (the running
// headers and repeated table headers would be on the wrong pages),
// writing fails.
func TestPageCountMismatch(t *testing.T) {
	b, err := build(exampleReport(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b.l.page++
	if _, err := (&Doc{b}).Bytes(); err == nil || !strings.Contains(err.Error(), "layout counted") {
		t.Errorf("a page count mismatch was not reported: %v", err)
	}
	b, err = build(exampleReport(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&Doc{b}).Bytes(); err != nil {
		t.Error(err)
	}
}
