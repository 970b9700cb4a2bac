package main

// One broken event does not hide the rest of its file (issue #16,
// point 12).

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSyntaxErrorHidesNothing: a file with a TOML syntax error in its
// first and last events still reports the problems of the events
// between, in one run, each at its position.
func TestSyntaxErrorHidesNothing(t *testing.T) {
	t.Parallel()
	dir := example(t)
	copyFile(t, "testdata/recover.toml", filepath.Join(dir, "input", "bad.toml"))
	want := []problem{
		{"input/bad.toml:3:8:", `TOML syntax: invalid datetime: "2025-10-32"`},
		{"input/bad.toml:12:8:", `event "2025-10-21-b": kind: "summit" is not one of meeting, visit, call, agreement, exercise, statement, other`},
		{"input/bad.toml:15:", `event #3: id: required field is missing`},
		{"input/bad.toml:19:13:", `event #3: countries: "GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`},
		{"input/bad.toml:24:13:", `TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'u' instead`},
	}
	for _, cmd := range []string{"check", "build"} {
		r := runBriefing(t, dir, []string{epoch}, "-q", cmd)
		checkProblems(t, cmd, r, ExitInvalid, want)
	}
	// An error between tables (a key the [[event]] array redefines) is not
	// any one table's: it stands alone, as before.
	writeFile(t, filepath.Join(dir, "input", "bad.toml"), "event = 1\n\n[[event]]\nid = \"x\"\n")
	r := runBriefing(t, dir, []string{epoch}, "-q", "check")
	if r.code != ExitInvalid || strings.Count(r.stderr, "\n") != 2 || !strings.Contains(r.stderr, "input/bad.toml:3:") {
		t.Errorf("error between tables: exit %d\n%s", r.code, r.stderr)
	}
}
