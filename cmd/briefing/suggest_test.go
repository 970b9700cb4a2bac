package main

// "Did you mean" for commands, flags, config keys and country codes
// (issue #16, point 2).

import (
	"strings"
	"testing"
)

func TestDidYouMean(t *testing.T) {
	t.Parallel()
	dir := example(t)
	misspelt := example(t)
	editConfig(t, misspelt, `name = "briefing-{period}"`, `nmae = "briefing-{period}"`)
	tests := []struct {
		dir  string
		args []string
		code int
		want string
	}{
		{dir, []string{"buidl"}, ExitUsage, `unknown command "buidl" (did you mean "build"?); commands: build, check, summary, completion, init`},
		{dir, []string{"sumary"}, ExitUsage, `unknown command "sumary" (did you mean "summary"?)`},
		{dir, []string{"publish"}, ExitUsage, `unknown command "publish"; commands: build, check, summary, completion, init`},
		{dir, []string{"build", "--verbos"}, ExitUsage, `flag provided but not defined: -verbos (did you mean --verbose?)`},
		{dir, []string{"build", "--per-par"}, ExitUsage, `flag provided but not defined: -per-par (did you mean --per-pair?)`},
		{dir, []string{"--quite", "check"}, ExitUsage, `flag provided but not defined: -quite (did you mean --quiet?)`},
		{dir, []string{"summary", "--jsno"}, ExitUsage, `flag provided but not defined: -jsno (did you mean --json?)`},
		{dir, []string{"build", "--colour"}, ExitUsage, "flag provided but not defined: -colour\n"},
		{misspelt, []string{"check"}, ExitInvalid, `config.toml:18:8: output.nmae: unknown key (did you mean "output.name"?)`},
		// Every code at the smallest distance, not the first in the alphabet.
		{dir, []string{"summary", "--pair", "ARN-TUR"}, ExitUsage, `"ARN" is not an ISO 3166-1 alpha-3 code (did you mean "ARE", "ARG", "ARM", "BRN" or "IRN"?)`},
		{dir, []string{"summary", "--pair", "GOE-TUR"}, ExitUsage, `"GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`},
	}
	for _, tt := range tests {
		r := runBriefing(t, tt.dir, nil, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("briefing %s: exit %d, want %d and %q:\n%s", strings.Join(tt.args, " "), r.code, tt.code, tt.want, r.stderr)
		}
	}
}
