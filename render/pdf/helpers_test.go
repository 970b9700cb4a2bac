package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// generatedAt is the fixed generation time of every test report.
func generatedAt(loc *time.Location) time.Time { return time.Date(2025, 10, 27, 9, 0, 0, 0, loc) }

// exampleReport aggregates the shipped example input over all dates.
func exampleReport(tb testing.TB) *pipeline.Report {
	tb.Helper()
	return exampleReportFor(tb, "all")
}

func exampleReportFor(tb testing.TB, spec string) *pipeline.Report {
	tb.Helper()
	return exampleReportAt(tb, "../../config.toml", spec)
}

// exampleReportAt aggregates the example input read through the config at
// path over the period spec.
func exampleReportAt(tb testing.TB, path, spec string) *pipeline.Report {
	tb.Helper()
	cfg, err := pipeline.LoadConfig(path)
	if err != nil {
		tb.Fatal(err)
	}
	ds, err := pipeline.Load(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	pipeline.Normalize(cfg, ds)
	p, err := period.Parse(spec, period.Context{Today: period.Date(2025, 10, 27), Latest: pipeline.LatestHeld(ds.Events)})
	if err != nil {
		tb.Fatal(err)
	}
	return pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
		Period: p, GeneratedAt: generatedAt(cfg.Location), Version: "test",
	})
}

// reportOf aggregates hand-built events with the default configuration
// plus extra country names.
func reportOf(tb testing.TB, spec string, evs []*pipeline.Event, countries map[string]string) *pipeline.Report {
	tb.Helper()
	cfg := pipeline.DefaultConfig()
	cfg.Countries = countries
	if err := cfg.Validate(); err != nil {
		tb.Fatal(err)
	}
	ds := &pipeline.Dataset{Events: evs}
	pipeline.Normalize(cfg, ds)
	p, err := period.Parse(spec, period.Context{Today: period.Date(2025, 10, 27), Latest: pipeline.LatestHeld(evs)})
	if err != nil {
		tb.Fatal(err)
	}
	return pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
		Period: p, GeneratedAt: generatedAt(cfg.Location), Version: "test",
	})
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// caucasusEvents is a hand-built fixture with Azerbaijani, Turkish and
// Georgian names, places and script.
func caucasusEvents() []*pipeline.Event {
	src := pipeline.Source{Title: "Səfər haqqında məlumat", Publisher: "Azərbaycan Respublikası Müdafiə Nazirliyi", URL: "https://mod.gov.az/az/news/very-long-path-segment-that-keeps-going-and-going-without-any-break-at-all-1234567890", Published: date(2025, 10, 21), Reliability: "B", Credibility: 2}
	geo := pipeline.Source{Title: "საქართველოს თავდაცვის სამინისტრო", Publisher: "mod.gov.ge", Published: date(2025, 10, 22), Reliability: "C"}
	return []*pipeline.Event{
		{
			ID: "2025-10-21-sheki-meeting", Date: date(2025, 10, 21), DatePrecision: "day", Kind: kindOf("meeting"), Status: "held",
			Title: "Zakir Həsənov meets Georgian counterpart in Şəki", Countries: []string{"AZE", "GEO"}, Host: "AZE", Location: "Şəki",
			FocusAreas: []string{"Border security", "Defence planning"},
			Summary:    "Ministers met in Şəki (ğ, ı, ə).\n\nThe Georgian side — საქართველო — proposed a joint staff exercise.",
			Outcomes:   []string{"Joint working group on border security"},
			Participants: []pipeline.Participant{
				{Name: "Zakir Həsənov", Role: "Minister of Defence", Organization: "Müdafiə Nazirliyi", Country: "AZE"},
				{Name: "ირაკლი ჩიქოვანი", Role: "Minister of Defence", Organization: "საქართველოს თავდაცვის სამინისტრო", Country: "GEO"},
			},
			Sources: []pipeline.Source{src, geo},
		},
		{
			ID: "2025-10-22-istanbul-trilateral", Date: date(2025, 10, 22), EndDate: date(2025, 10, 23), DatePrecision: "day", Kind: kindOf("agreement"), Status: "held",
			Title: "Trilateral memorandum signed in İstanbul", Countries: []string{"TUR", "AZE", "GEO"}, Host: "TUR", Location: "İstanbul",
			FocusAreas: []string{"Defence industry"},
			Summary:    "Türkiye, Azerbaijan and Georgia signed a memorandum on defence industry cooperation in İstanbul; the Turkish minister Yaşar Güler hosted.",
			Participants: []pipeline.Participant{
				{Name: "Yaşar Güler", Rank: "General (retd.)", Role: "Minister of National Defence", Organization: "Millî Savunma Bakanlığı", Country: "TUR"},
				{Name: "Zakir Həsənov", Role: "Minister of Defence", Organization: "Müdafiə Nazirliyi", Country: "AZE"},
			},
			Sources: []pipeline.Source{src},
		},
		{
			ID: "2025-10-24-tbilisi-statement", Date: date(2025, 10, 24), DatePrecision: "day", Kind: kindOf("statement"), Status: "held",
			Title: "Joint statement on regional stability issued in თბილისი", Countries: []string{"GEO", "AZE"}, Location: "თბილისი",
			FocusAreas: []string{"Regional stability"},
		},
		{
			ID: "2025-11-baku-visit", Date: date(2025, 11, 14), DatePrecision: "day", Kind: kindOf("visit"), Status: "planned",
			Title: "Planned visit of the Georgian minister to Bakı", Countries: []string{"GEO", "AZE"}, Location: "Bakı",
		},
	}
}

// manyEvents builds n held events for one pair in October 2025.
func manyEvents(n int) []*pipeline.Event {
	evs := make([]*pipeline.Event, n)
	for i := range evs {
		evs[i] = &pipeline.Event{
			ID: fmt.Sprintf("e%05d", i), Date: date(2025, 10, 1+i%31), DatePrecision: "day", Kind: pipeline.Kind(i % len(pipeline.Kinds())), Status: "held",
			Title:      fmt.Sprintf("Event %05d: working-level consultations on border management in Tbilisi", i),
			Countries:  []string{"AZE", "GEO"},
			Location:   "Tbilisi",
			FocusAreas: []string{fmt.Sprintf("Area %d", i%12), "Border security"},
			Summary:    fmt.Sprintf("Delegations met for round %d of consultations.", i),
			Participants: []pipeline.Participant{
				{Name: fmt.Sprintf("Official %d", i%150), Role: "Head of delegation", Organization: "Ministry", Country: "AZE"},
			},
			Sources: []pipeline.Source{{Title: fmt.Sprintf("Report %d", i%40), Publisher: "Agency", Reliability: "B", Credibility: 2}},
		}
	}
	return evs
}

// longSummary is a summary of about n words in paragraphs of 250 words.
func longSummary(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%250 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		fmt.Fprintf(&b, "word%d", i)
	}
	return b.String()
}

// render renders r and fails the test on error.
func render(tb testing.TB, r *pipeline.Report, o Options) ([]byte, pipeline.ErrorList) {
	tb.Helper()
	out, warns, err := Render(r, o)
	if err != nil {
		tb.Fatal(err)
	}
	return out, warns
}

// save writes the PDF under $BRIEFING_PDF_OUT for a person to look at.
func save(tb testing.TB, name string, b []byte) {
	tb.Helper()
	dir := os.Getenv("BRIEFING_PDF_OUT")
	if dir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

func testingShortOrNoOut() bool { return os.Getenv("BRIEFING_PDF_OUT") == "" }

// kindOf returns the kind of that name; the tests name only real kinds.
func kindOf(name string) pipeline.Kind {
	k, ok := pipeline.KindNamed(name)
	if !ok {
		panic("no kind " + name)
	}
	return k
}
