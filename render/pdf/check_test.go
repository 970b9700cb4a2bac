package pdf

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestChecker: the checker sees every event of the report it is given,
// warns once about a config string checked before and after the events
// are loaded, and executes pair.tmpl with a previous period even when the
// report's period has none.
func TestChecker(t *testing.T) {
	evs := caucasusEvents()
	evs[0].Title = "Meeting in 北京"
	r := reportOf(t, "all", evs, map[string]string{"TUR": "Türkiye"})
	r.Title = "Briefing 東"

	c, err := NewChecker(fstest.MapFS{"pair.tmpl": {Data: []byte("{{if .HasPrevious}}{{.Previous.ID}} {{.Nope}}{{end}}")}})
	if err != nil {
		t.Fatal(err)
	}
	c.Config(&pipeline.Config{Briefing: pipeline.BriefingConfig{Title: r.Title}})
	if w := c.Warnings(); len(w) != 1 || !strings.Contains(w[0].Error(), `config: briefing.title: character U+6771 "東"`) {
		t.Errorf("config warnings:\n%s", warningLines(w))
	}
	err = c.Report(r)
	if err == nil || !strings.Contains(err.Error(), `pair.tmpl:1: executing "pair.tmpl" at <.Nope>`) {
		t.Errorf("error %v, want pair.tmpl's, from the previous-period branch", err)
	}
	w := c.Warnings()
	if len(w) != 2 || !strings.Contains(warningLines(w), `title: character U+5317 "北"`) || strings.Contains(warningLines(w), "東") {
		t.Errorf("report warnings (the event's two characters, not the title again):\n%s", warningLines(w))
	}
}
