package pdf

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestFurnitureTooLong: a title or marking too long for the page header is
// an input error naming the key (exit 1), from Layout and CheckConfig,
// not maroto's "header height is greater than page useful area".
func TestFurnitureTooLong(t *testing.T) {
	cases := []struct {
		name, title, marking string
		want                 []string
	}{
		{"fits", "South Caucasus Security Cooperation", "UNCLASSIFIED", nil},
		{"long title", strings.Repeat("South Caucasus Security Cooperation ", 100), "UNCLASSIFIED",
			[]string{"config: briefing.title: too long for the page header: 100 lines, at most 6 (3599 characters)"}},
		{"one-word title", strings.Repeat("x", 100_000), "UNCLASSIFIED",
			[]string{"config: briefing.title: too long for the page header"}},
		{"long marking", "Title", strings.Repeat("SECRET ", 20),
			[]string{"config: briefing.classification: too long for the page header and footer: 5 lines, at most 2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reportOf(t, "2025-W43", caucasusEvents(), nil)
			r.Title, r.Classification = c.title, c.marking
			_, _, err := Layout(r, Options{})
			cfg := pipeline.DefaultConfig()
			cfg.Briefing.Title, cfg.Briefing.Classification = c.title, c.marking
			checked := CheckConfig(cfg)
			if c.want == nil {
				if err != nil || len(checked) > 0 {
					t.Fatalf("Layout: %v; CheckConfig: %v", err, checked)
				}
				return
			}
			var list pipeline.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Layout: %v (%T), want a pipeline.ErrorList", err, err)
			}
			for _, got := range []pipeline.ErrorList{list, checked} {
				if len(got) != len(c.want) {
					t.Fatalf("got %v, want %q", got, c.want)
				}
				for i, w := range c.want {
					if !strings.HasPrefix(got[i].Error(), w) {
						t.Errorf("got %q, want %q…", got[i].Error(), w)
					}
				}
			}
		})
	}
}
