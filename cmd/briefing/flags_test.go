package main

// --format and output.formats agree (issue #11, point 12); the flag's
// other usage errors are cases of TestExitCodes.

import (
	"path/filepath"
	"strings"
	"testing"
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
