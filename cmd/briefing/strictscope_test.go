package main

// Warnings scoped to the build for build --strict (issue #16, point 11).

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStrictScope: an unknown focus area on an event the week's report
// does not cover is a warning that build --strict lets through (and lists
// in the manifest); check --strict fails on it. On an event the report
// covers, even one that is not the first with that area, it fails the
// build.
func TestStrictScope(t *testing.T) {
	t.Parallel()
	const warn = `input/example.toml:26:15: event "2023-02-kars-trilateral-defence-ministers": focus_areas: "Quantum diplomacy" is not in [focus_areas]`
	dir := example(t)
	addUnknownFocusArea(t, dir) // on the 2023 Kars meeting only
	r := runBriefing(t, dir, []string{epoch}, "build", "--strict", "--period", "2025-W43")
	if r.code != ExitOK || !strings.Contains(r.stderr, "briefing: warning: "+warn) {
		t.Errorf("build --strict, the event outside the report: exit %d\n%s", r.code, r.stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "output", "briefing-2025-W43.manifest.json")); err != nil || !strings.Contains(string(b), "Quantum diplomacy") {
		t.Errorf("the manifest does not list the warning (%v)", err)
	}
	if r := runBriefing(t, dir, []string{epoch}, "summary", "--strict", "--period", "2025-W43"); r.code != ExitOK {
		t.Errorf("summary --strict: exit %d\n%s", r.code, r.stderr)
	}
	// The previous period and the Upcoming window are the report's too.
	for _, per := range []string{"2023-02", "2023-03", "2023-01"} {
		if r := runBriefing(t, dir, []string{epoch}, "-q", "build", "--strict", "--period", per); r.code != ExitInvalid || !strings.Contains(r.stderr, warn) {
			t.Errorf("build --strict --period %s: exit %d\n%s", per, r.code, r.stderr)
		}
	}
	if r := runBriefing(t, dir, []string{epoch}, "-q", "check", "--strict"); r.code != ExitInvalid || !strings.Contains(r.stderr, warn) {
		t.Errorf("check --strict: exit %d\n%s", r.code, r.stderr)
	}

	// The same area on the week's event too: the warning names the first
	// event, but concerns the week's as well.
	path := filepath.Join(dir, "input", "example.toml")
	b, _ := os.ReadFile(path)
	i := strings.Index(string(b), `id = "2025-10-25-tbilisi-security-services"`)
	j := i + strings.Index(string(b[i:]), "focus_areas = [")
	writeFile(t, path, string(b[:j])+`focus_areas = ["Quantum diplomacy", `+string(b[j+len("focus_areas = ["):]))
	r = runBriefing(t, dir, []string{epoch}, "-q", "build", "--strict", "--period", "2025-W43")
	if r.code != ExitInvalid || !strings.Contains(r.stderr, warn+"; kept as written (2 events)") {
		t.Errorf("build --strict, the area on the week's event too: exit %d\n%s", r.code, r.stderr)
	}
}
