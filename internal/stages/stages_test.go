package stages

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

func names(list []pipeline.Stage) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.String())
	}
	return out
}

// TestStageLists: the stage lists are what ARCHITECTURE.md says, names in
// order: its "- `command`: a, b, c" lines and the stage column of the
// build table.
func TestStageLists(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string][]string{}
	var table []string
	inTable := false
	for _, line := range strings.Split(string(doc), "\n") {
		if cmd, list, ok := strings.Cut(line, "`: "); ok && strings.HasPrefix(cmd, "- `") {
			documented[strings.TrimPrefix(cmd, "- `")] = strings.Split(list, ", ")
		}
		if strings.HasPrefix(line, "## ") {
			inTable = strings.HasPrefix(line, "## Stages of `briefing build`")
		}
		if cells := strings.Split(line, "|"); inTable && len(cells) > 3 && cells[1] != " # " && !strings.HasPrefix(cells[1], "---") {
			table = append(table, strings.TrimSpace(cells[2]))
		}
	}
	for _, tc := range []struct {
		cmd  string
		list []pipeline.Stage
	}{
		{"build", Build()},
		{"check", Check()},
		{"summary", Summary()},
		{"serve", Preview()},
	} {
		if got, want := names(tc.list), documented[tc.cmd]; !slices.Equal(got, want) {
			t.Errorf("%s: stages %q, ARCHITECTURE.md says %q", tc.cmd, got, want)
		}
	}
	if got := names(Build()); !slices.Equal(got, table) {
		t.Errorf("build: stages %q, ARCHITECTURE.md's table says %q", got, table)
	}
}

// TestRenderSkipped: a render stage whose format is off is skipped (it
// logs no duration and makes nothing: --format xlsx never logs render
// pdf), and each stage that runs logs its duration once, the PDF's when
// its bytes are written.
func TestRenderSkipped(t *testing.T) {
	for _, tc := range []struct {
		formats      []string
		ran, skipped []string
		kinds        []string // of the artifacts, in order (renderContext sets per_pair)
	}{
		{[]string{"xlsx"}, []string{"render xlsx", "render"}, []string{"render pdf"}, []string{"xlsx"}},
		{[]string{"pdf"}, []string{"render pdf", "render"}, []string{"render xlsx"}, []string{"pdf", "pdf", "pdf", "pdf"}},
		{[]string{"pdf", "xlsx"}, []string{"render pdf", "render xlsx", "render"}, nil, []string{"pdf", "pdf", "pdf", "pdf", "xlsx"}},
	} {
		c := renderContext(t, tc.formats, false)
		var log bytes.Buffer
		c.Log = slog.New(slog.NewJSONHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
		if err := pipeline.Run(c, renderStages()); err != nil {
			t.Fatal(err)
		}
		done := map[string]int{}
		var skipped []string
		for _, line := range strings.Split(strings.TrimSpace(log.String()), "\n") {
			var obj map[string]any
			if err := json.Unmarshal([]byte(line), &obj); err != nil {
				t.Fatal(err)
			}
			stage, _ := obj["stage"].(string)
			if _, ok := obj["duration_ms"]; ok {
				done[stage]++
			}
			if obj["msg"] == "skipped" {
				skipped = append(skipped, stage)
			}
		}
		for _, s := range tc.ran {
			if done[s] != 1 {
				t.Errorf("--format %v: %q logged its duration %d times, want once", tc.formats, s, done[s])
			}
		}
		for _, s := range tc.skipped {
			if done[s] != 0 {
				t.Errorf("--format %v: %q ran", tc.formats, s)
			}
		}
		if !slices.Equal(skipped, tc.skipped) {
			t.Errorf("--format %v: skipped %q, want %q", tc.formats, skipped, tc.skipped)
		}
		var kinds []string
		for _, a := range c.Artifacts {
			kinds = append(kinds, a.Kind)
		}
		if !slices.Equal(kinds, tc.kinds) {
			t.Errorf("--format %v: artifacts %v, want %v", tc.formats, kinds, tc.kinds)
		}
	}
}

func TestPairsName(t *testing.T) {
	for _, tt := range []struct {
		keys []string
		want string
	}{
		{nil, "all"},
		{[]string{"AZE-TUR"}, "AZE-TUR"},
		{[]string{"GEO-*", "AZE-TUR"}, "AZE-TUR_GEO-ALL"},
		{[]string{"AZE-TUR", "AZE-TUR"}, "AZE-TUR"},
	} {
		if got := PairsName(tt.keys); got != tt.want {
			t.Errorf("PairsName(%q) = %q, want %q", tt.keys, got, tt.want)
		}
	}
}
