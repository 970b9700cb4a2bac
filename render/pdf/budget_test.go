package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/internal/benchdata"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// TestPageBudgets renders generated archives with their default config
// and counts the pages of the main body: those before the page the annex
// starts on, or up to it when other content shares that page (issue #13:
// a week of about 100 events and 60 pairs in at most 10 pages, a quarter
// in at most 24, a year of the 100,000-event archive in at most 40; that
// archive, 143 MB, is generated only with BRIEFING_BENCH_LARGE set, as for
// the benchmarks).
func TestPageBudgets(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and renders archives of 26,000 and 10,000 events")
	}
	needTool(t, "pdftotext")
	// 26,000 events over 5 years: about 100 a week. Of the weeks 2025-W01
	// to W43, six had a main body of 10 pages (W18 and W24 the busiest of
	// them), the others 7 to 9.
	budgets(t, benchdata.Archive(t, 26_000), []budget{
		{"2025-W18", 10},
		{"2025-W24", 10},
		{"2025-W43", 10},
		{"2025-Q3", 24},
		{"2025-Q2", 24},
		// The year budget is for the 100,000-event archive (below);
		// this archive's year has the same pairs and a quarter of the
		// events, and the note's length follows the pairs and the [pdf]
		// limits, not the events.
		{"2024", 40},
	})
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		// 20,851 events and 209 pairs in 2024.
		budgets(t, benchdata.Archive(t, 100_000), []budget{{"2024", 40}})
	}
	// 10,000 events over 2 years: about 100 a week too, with more pairs
	// and more multilateral events in a week. Of its weeks 2025-W01 to
	// W43, six had a main body of 10 pages (these four among them; W43 has
	// the most events), the others 7 to 9.
	budgets(t, benchdata.ArchiveYears(t, 10_000, 2), []budget{
		{"2025-W05", 10},
		{"2025-W37", 10},
		{"2025-W41", 10},
		{"2025-W43", 10},
		{"2025-Q2", 24},
	})
}

// budget is the most pages of main body a period's note may have.
type budget struct {
	spec  string
	pages int
}

// budgets renders the archive's note of each period with the archive's
// config and holds its main body to the budget.
func budgets(t *testing.T, dir string, bs []budget) {
	t.Helper()
	cfg, err := pipeline.LoadConfig(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := pipeline.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pipeline.Normalize(cfg, ds)
	for _, c := range bs {
		p, err := period.Parse(c.spec, period.Context{Today: period.Date(2025, 10, 27), Latest: pipeline.LatestHeld(ds.Events)})
		if err != nil {
			t.Fatal(err)
		}
		r := pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{Period: p, GeneratedAt: generatedAt(cfg.Location), Version: "test"})
		pages := pageTexts(t, mustRender(t, r, Options{Limits: cfg.PDF}))
		body := mainBody(t, pages)
		t.Logf("%s %s: %d events, %d pairs: %d pages, main body %d", filepath.Base(dir), c.spec, r.Totals.Events, r.Totals.Pairs, len(pages), body)
		if body > c.pages {
			t.Errorf("%s %s: main body of %d pages, budget %d", filepath.Base(dir), c.spec, body, c.pages)
		}
		if c.spec == "2025-Q2" {
			checkUpcomingAfter(t, flat(strings.Join(pages, " ")))
		}
	}
}

// checkUpcomingAfter: in the note of the past quarter 2025-Q2 Upcoming
// lists planned events of the weeks after its end, none of its own days;
// those are under Not confirmed.
func checkUpcomingAfter(t *testing.T, text string) {
	t.Helper()
	start := strings.Index(text, "Upcoming Planned events dated in the 4 weeks after this period")
	end := strings.Index(text, "Not confirmed Planned events dated in this period")
	if start < 0 || end < start {
		t.Fatalf("no Upcoming followed by Not confirmed (%d, %d)", start, end)
	}
	upcoming, unconfirmed := text[start:end], text[end:]
	inQuarter := regexp.MustCompile(`\b\d{1,2}(–\d{1,2})? (Apr|May|Jun) 2025\b`)
	if m := inQuarter.FindString(upcoming); m != "" {
		t.Errorf("Upcoming lists an event of the quarter itself: %q", m)
	}
	if !regexp.MustCompile(`\b\d{1,2} Jul 2025\b`).MatchString(upcoming) {
		t.Error("Upcoming lists no event of the weeks after the quarter")
	}
	if !inQuarter.MatchString(unconfirmed) {
		t.Error("Not confirmed lists no event of the quarter")
	}
}

// mainBody counts the pages before the annex, the annex's first page
// included when the body ends on it.
func mainBody(t *testing.T, pages []string) int {
	t.Helper()
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		for j, line := range lines {
			if strings.TrimSpace(line) != "Annex: method and data notes" {
				continue
			}
			// The page header is 1 to 3 lines of text (title, marking,
			// period); anything more before the heading is body content.
			before := 0
			for _, l := range lines[:j] {
				if strings.TrimSpace(l) != "" {
					before++
				}
			}
			if before > 3 {
				return i + 1
			}
			return i
		}
	}
	t.Fatal("no annex")
	return 0
}
