package main

// Filtered builds never overwrite the full build (issue #16, point 6).

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFilteredBuildNames(t *testing.T) {
	t.Parallel()
	dir := example(t)
	out := filepath.Join(dir, "output")
	build := func(args ...string) {
		t.Helper()
		r := runBriefing(t, dir, []string{epoch}, append([]string{"-q", "build", "--period", "all"}, args...)...)
		if r.code != ExitOK {
			t.Fatalf("build %q: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	build("--per-pair")
	full := snapshot(t, out)
	fullNames := listDir(t, out)
	if !slices.Contains(fullNames, "briefing-all-AZE-TUR.pdf") {
		t.Fatalf("the unfiltered build with --per-pair wrote %q", fullNames)
	}

	// Either order and any case give one name; the full build is untouched.
	build("--pair", "tur-aze")
	want := append(slices.Clone(fullNames), "briefing-all-pairs-AZE-TUR.manifest.json", "briefing-all-pairs-AZE-TUR.pdf", "briefing-all-pairs-AZE-TUR.xlsx")
	slices.Sort(want)
	if got := listDir(t, out); !slices.Equal(got, want) {
		t.Errorf("after build --pair tur-aze:\n got %q\nwant %q", got, want)
	}
	for path, content := range full {
		if b, err := os.ReadFile(path); err != nil || string(b) != content {
			t.Errorf("the filtered build changed %s", path)
		}
	}
	// Nor does the full build take the filtered one's files for its own
	// stale outputs.
	build("--per-pair")
	if got := listDir(t, out); !slices.Equal(got, want) {
		t.Errorf("after the full build again:\n got %q\nwant %q", got, want)
	}

	// Several pairs, a wildcard: sorted, "*" as ALL.
	build("--pair", "*-geo", "--pair", "TUR-AZE", "--format", "xlsx")
	if _, err := os.Stat(filepath.Join(out, "briefing-all-pairs-AZE-TUR_GEO-ALL.xlsx")); err != nil {
		t.Errorf("several pairs: %v; have %q", err, listDir(t, out))
	}

	// {pairs} in output.name: "all" without --pair, no suffix added.
	editConfig(t, dir, `name = "briefing-{period}"`, `name = "b-{pairs}-{period}"`)
	build("--format", "xlsx")
	build("--format", "xlsx", "--pair", "GEO-AZE")
	for _, n := range []string{"b-all-all.xlsx", "b-AZE-GEO-all.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, n)); err != nil {
			t.Errorf("{pairs}: %v; have %q", err, listDir(t, out))
		}
	}
	// The manifest names the filtered outputs.
	b, err := os.ReadFile(filepath.Join(out, "briefing-all-pairs-AZE-TUR.manifest.json"))
	if err != nil || !strings.Contains(string(b), `"briefing-all-pairs-AZE-TUR.pdf"`) {
		t.Errorf("manifest of the filtered build (%v):\n%s", err, b)
	}
}
