package main

// --format and output.formats agree (issue #11, point 12); the flag's
// other usage errors are cases of TestExitCodes.

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestFormatsConfigAndFlagAgree: the same list is rejected the same way in
// output.formats and in --format.
func TestFormatsConfigAndFlagAgree(t *testing.T) {
	t.Parallel()
	dir := example(t)
	editConfig(t, dir, `formats = ["pdf", "xlsx"]`, `formats = ["pdf", "pdf"]`)
	r := runBriefing(t, dir, nil, "build")
	want := filepath.Join("config.toml") + `:17:11: output.formats: "pdf" is listed twice`
	if r.code != ExitInvalid || !strings.Contains(r.stderr, want) {
		t.Errorf("config: exit %d, want %d and %q:\n%s", r.code, ExitInvalid, want, r.stderr)
	}
	dir = example(t)
	r = runBriefing(t, dir, nil, "build", "--format", "pdf,pdf")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `--format: "pdf" is listed twice`) {
		t.Errorf("--format: exit %d, want %d:\n%s", r.code, ExitUsage, r.stderr)
	}
}

// TestBuildFlags: build's --appendix and --pair reach the run's options,
// and --appendix joins [pdf] appendix.
func TestBuildFlags(t *testing.T) {
	t.Parallel()
	dir := example(t)
	withAppendix := example(t)
	editConfig(t, withAppendix, "appendix = false\n", "appendix = true\n")
	tests := []struct {
		name     string
		dir      string
		args     []string
		appendix bool // Options.Appendix, the flag
		either   bool // Context.Appendix, flag or config
		pairs    []string
		err      string
	}{
		{"defaults", dir, nil, false, false, nil, ""},
		{"--appendix", dir, []string{"--appendix"}, true, true, nil, ""},
		{"pdf.appendix", withAppendix, nil, false, true, nil, ""},
		{"--appendix=false keeps pdf.appendix", withAppendix, []string{"--appendix=false"}, false, true, nil, ""},
		{"--pair wildcards", dir, []string{"--pair", "geo-*", "--pair", "*-ARM", "--pair", "TUR-AZE"}, false, false, []string{"GEO-*", "ARM-*", "AZE-TUR"}, ""},
		{"--pair unknown wildcard", dir, []string{"--pair", "XYZ-*"}, false, false, nil, `--pair: pair "XYZ-*": "XYZ" is not an ISO 3166-1 alpha-3 code`},
		{"--pair no country", dir, []string{"--pair", "*-*"}, false, false, nil, `--pair: "*-*" names no country`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ctx *pipeline.Context
			var stdout, stderr bytes.Buffer
			app := newApp(&stdout, &stderr, func(string) string { return "" })
			for _, c := range app.Commands {
				if c.Name == "build" {
					c.Action = func(c *cli.Context) (err error) {
						ctx, err = buildContext(c, func(string) string { return "" })
						return err
					}
				}
			}
			args := append([]string{"briefing", "build", "--config", filepath.Join(tt.dir, "config.toml")}, tt.args...)
			err := app.Run(args)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ctx.Options.Appendix != tt.appendix || ctx.Appendix() != tt.either {
				t.Errorf("Options.Appendix = %v, Appendix() = %v; want %v, %v", ctx.Options.Appendix, ctx.Appendix(), tt.appendix, tt.either)
			}
			if !slices.Equal(ctx.PairKeys, tt.pairs) {
				t.Errorf("PairKeys = %q, want %q", ctx.PairKeys, tt.pairs)
			}
		})
	}
}
