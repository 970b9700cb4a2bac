package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestTextEveryPage checks what must be on every page of the briefing:
// the classification marking at top and bottom, and "Page N of M".
func TestTextEveryPage(t *testing.T) {
	cases := []struct {
		name string
		r    *pipeline.Report
	}{
		{"example all", exampleReport(t)},
		{"example week 43", exampleReportFor(t, "2025-W43")},
		{"empty period", exampleReportFor(t, "2024-W10")},
		{"caucasus fixture", reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf, _ := render(t, c.r, Options{})
			pages := pageTexts(t, pdf)
			if len(pages) < 2 {
				t.Fatalf("got %d pages, want a briefing with at least a summary and an annex", len(pages))
			}
			for i, p := range pages {
				if n := strings.Count(p, c.r.Classification); n < 2 {
					t.Errorf("page %d: classification %q appears %d times, want at top and bottom", i+1, c.r.Classification, n)
				}
				if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
					t.Errorf("page %d: %q missing", i+1, want)
				}
			}
		})
	}
}

// TestTextContent checks headings, names with diacritics and Georgian
// script in the extracted text of a hand-built report.
func TestTextContent(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	pdf, warns := render(t, r, Options{})
	if len(warns) > 0 {
		t.Errorf("unexpected warnings: %v", warns)
	}
	pages := pageTexts(t, pdf)
	all := flat(strings.Join(pages, " "))
	for _, want := range []string{
		"South Caucasus Security Cooperation", "Weekly briefing", "Week 43 · 20–26 October 2025", "Regional Analysis Unit",
		"Generated 27 October 2025, 09:00 UTC",
		"Key figures", "Key developments", "Country pairs at a glance", "Upcoming", "Annex: method and data notes",
		"Zakir Həsənov", "Şəki", "ğ, ı, ə", "İstanbul", "Yaşar Güler (General (retd.), Minister of National Defence, Türkiye)",
		"საქართველო", "ირაკლი ჩიქოვანი", "თბილისი",
		"Planned visit of the Georgian minister to Bakı", "14 Nov 2025",
		"22–23 Oct 2025", "Grade B2", "[1,2]",
		// the default pair narrative
		"The first engagements between Azerbaijan and Georgia on record. The 3 engagements were 1 meeting, 1 agreement and 1 statement.",
		"Next: Planned visit of the Georgian minister to Bakı, on 14 Nov 2025.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q missing from the PDF", want)
		}
	}
	// Each pair section has a heading naming both countries and its key.
	for _, p := range r.Pairs {
		if p.Events == 0 {
			continue
		}
		found := false
		for _, page := range pages {
			if strings.Contains(flat(page), p.NameA+" – "+p.NameB+" "+p.Key) {
				found = true
			}
		}
		if !found {
			t.Errorf("no heading naming %s and %s", p.NameA, p.NameB)
		}
	}
}

// TestTextMonthAndYearDates checks that dates are shown as precisely as
// they are known.
func TestTextMonthAndYearDates(t *testing.T) {
	all := flat(strings.Join(pageTexts(t, mustRender(t, exampleReport(t), Options{})), " "))
	for _, want := range []string{"February 2023", "2024", "October 2025", "25 Oct 2025"} {
		if !strings.Contains(all, want) {
			t.Errorf("date %q missing", want)
		}
	}
	if strings.Contains(all, "1 Feb 2023") || strings.Contains(all, "1 Jan 2023") {
		t.Error("a month or year date is shown as a day")
	}
}

// TestTextEmptyPeriod checks that a period without events still says so.
func TestTextEmptyPeriod(t *testing.T) {
	all := flat(strings.Join(pageTexts(t, mustRender(t, exampleReportFor(t, "2024-W10"), Options{})), " "))
	for _, want := range []string{"No events in this period", "Week 10 · 4–10 March 2024", "Annex: method and data notes"} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q missing", want)
		}
	}
}

// TestTextWentQuiet checks that the pairs with events only in the previous
// period are named under Other pairs, with their previous number.
func TestTextWentQuiet(t *testing.T) {
	evs := caucasusEvents()
	evs[1].Date, evs[1].EndDate = date(2025, 10, 15), date(2025, 10, 15) // the trilateral moves to week 42
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	all := flat(strings.Join(pageTexts(t, mustRender(t, r, Options{})), " "))
	for _, want := range []string{"Other pairs", "Azerbaijan – Georgia", "2 pairs had no events this week after some the week before (their number in brackets): Azerbaijan–Türkiye (1); Georgia–Türkiye (1)."} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q missing", want)
		}
	}
}

// TestTextPerPair checks a briefing for one pair: its section, and no
// other pair's.
func TestTextPerPair(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	for _, pair := range []string{"TUR-GEO", "geo-tur"} {
		all := flat(strings.Join(pageTexts(t, mustRender(t, r, Options{Pair: pair})), " "))
		if !strings.Contains(all, "Georgia – Türkiye") || !strings.Contains(all, "GEO-TUR") {
			t.Errorf("%s: the pair's section is missing", pair)
		}
		if strings.Contains(all, "Azerbaijan – Georgia") || strings.Contains(all, "Country pairs at a glance") {
			t.Errorf("%s: another pair is shown", pair)
		}
	}
	if _, _, err := Render(r, Options{Pair: "GEO"}); err == nil {
		t.Error("a malformed pair was accepted")
	}
	// A pair without any events still gets an honest briefing.
	all := flat(strings.Join(pageTexts(t, mustRender(t, r, Options{Pair: "ARM-GEO"})), " "))
	if !strings.Contains(all, "Armenia – Georgia") || !strings.Contains(all, "No events in this period") {
		t.Errorf("briefing for a pair without events: %q", all)
	}
}

func mustRender(tb testing.TB, r *pipeline.Report, o Options) []byte {
	tb.Helper()
	b, _ := render(tb, r, o)
	return b
}
