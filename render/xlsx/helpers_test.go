package xlsx

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// exampleReport builds the report of the shipped example over all time.
func exampleReport(tb testing.TB) *pipeline.Report {
	tb.Helper()
	cfg, err := pipeline.LoadConfig("../../config.toml")
	if err != nil {
		tb.Fatal(err)
	}
	ds, err := pipeline.Load(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	pipeline.Normalize(cfg, ds)
	p, err := period.Parse("all", period.Context{})
	if err != nil {
		tb.Fatal(err)
	}
	return pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
		Period:      p,
		GeneratedAt: time.Date(2025, 10, 27, 9, 0, 0, 0, cfg.Location),
		Version:     "test",
	})
}

// archive generates n events from seed: random kinds, statuses, dates in
// 2024–2025, two to four countries, participants and sources.
func archive(n int, seed int64) []*pipeline.Event {
	rng := rand.New(rand.NewSource(seed))
	countries := []string{"AZE", "GEO", "TUR", "ARM", "IRN", "RUS", "UKR", "KAZ"}
	areas := []string{"Intelligence sharing", "Defence planning", "Border security", "Joint exercises", "Cybersecurity"}
	people := []string{"Ali Naghiyev", "Zakir Hasanov", "Juansher Burchuladze", "Yaşar Güler", "Irakli Chikovani", "Suren Papikyan"}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	evs := make([]*pipeline.Event, n)
	for i := range evs {
		perm := rng.Perm(len(countries))[:2+rng.Intn(3)]
		var cs []string
		for _, j := range perm {
			cs = append(cs, countries[j])
		}
		e := &pipeline.Event{
			ID:            fmt.Sprintf("ev-%06d", i),
			Date:          start.AddDate(0, 0, rng.Intn(730)),
			DatePrecision: "day",
			Title:         fmt.Sprintf("Event %d between %v", i, cs),
			Kind:          pipeline.Kind(rng.Intn(len(pipeline.Kinds()))),
			Status:        pipeline.Statuses[[]int{0, 0, 0, 0, 1, 2}[rng.Intn(6)]],
			Countries:     cs,
			Host:          cs[0],
			Location:      "City " + cs[0],
			FocusAreas:    []string{areas[rng.Intn(len(areas))], areas[rng.Intn(len(areas))]},
			Summary:       "A generated event.\n\nSecond paragraph.",
		}
		for range rng.Intn(4) {
			e.Participants = append(e.Participants, pipeline.Participant{
				Name:    people[rng.Intn(len(people))],
				Role:    "Minister",
				Country: cs[rng.Intn(len(cs))],
			})
		}
		for k := range 1 + rng.Intn(2) {
			e.Sources = append(e.Sources, pipeline.Source{
				Title:       fmt.Sprintf("Report %d/%d", i, k),
				Publisher:   "Agency",
				URL:         fmt.Sprintf("https://example.org/news/%d/%d", i, k),
				Published:   e.Date.AddDate(0, 0, 1),
				Reliability: "B",
				Credibility: 1 + rng.Intn(6),
			})
		}
		evs[i] = e
	}
	return evs
}

// generatedReport aggregates a generated archive over period p.
func generatedReport(tb testing.TB, n int, seed int64, p string, pairs ...string) *pipeline.Report {
	tb.Helper()
	cfg := pipeline.DefaultConfig()
	if err := cfg.Validate(); err != nil {
		tb.Fatal(err)
	}
	ds := &pipeline.Dataset{Events: archive(n, seed)}
	pipeline.Normalize(cfg, ds)
	per, err := period.Parse(p, period.Context{})
	if err != nil {
		tb.Fatal(err)
	}
	return pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
		Period:      per,
		GeneratedAt: time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC),
		Version:     "test",
		Pairs:       pairs,
	})
}

// render renders r and fails the test on error.
func render(tb testing.TB, r *pipeline.Report, o Options) []byte {
	tb.Helper()
	b, _, err := Render(r, o)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// open reads a rendered workbook back with excelize.
func open(tb testing.TB, b []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// lineDiff lists the lines that differ between want and got, at most 20.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(w), len(g)) && n < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n   got %s\n", i+1, wl, gl)
			n++
		}
	}
	return b.String()
}

// kindOf returns the kind of that name; the tests name only real kinds.
func kindOf(name string) pipeline.Kind {
	k, ok := pipeline.KindNamed(name)
	if !ok {
		panic("no kind " + name)
	}
	return k
}
