package pdf

import (
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// TestWildcardScope: with the scope "TUR-*" the note shows only pairs with
// Türkiye, named first in headings, and no event of other pairs only.
func TestWildcardScope(t *testing.T) {
	cfg, err := pipeline.LoadConfig("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := pipeline.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pipeline.Normalize(cfg, ds)
	p, err := period.Parse("all", period.Context{Today: period.Date(2025, 10, 27), Latest: pipeline.LatestHeld(ds.Events)})
	if err != nil {
		t.Fatal(err)
	}
	r := pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{Period: p, Pairs: []string{"TUR-*"}, GeneratedAt: generatedAt(cfg.Location), Version: "test"})
	if len(r.Pairs) == 0 {
		t.Fatal("no pair in scope")
	}
	text := flat(strings.Join(pageTexts(t, mustRender(t, r, Options{Limits: cfg.PDF})), " "))
	for _, want := range []string{"Türkiye – Azerbaijan", "Türkiye – Georgia"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q: the wildcard's country reads first", want)
		}
	}
	for _, e := range ds.Events {
		tur := false
		for _, c := range e.Countries {
			tur = tur || c == "TUR"
		}
		if !tur && strings.Contains(text, flat(e.Title)) {
			t.Errorf("event %s, without Türkiye, is in the note", e.ID)
		}
	}
	for _, other := range []string{"Azerbaijan – Georgia", "Georgia – Azerbaijan"} {
		if strings.Contains(text, other) {
			t.Errorf("the pair %q, without Türkiye, is in the note", other)
		}
	}
}
