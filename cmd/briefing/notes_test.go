package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotesProblems: check, build and summary report a notes file's
// problems at their positions, errors stop the run, and a notes file of
// another period is build's and summary's to ignore but check's to check.
func TestNotesProblems(t *testing.T) {
	dir := example(t)
	writeFile(t, filepath.Join(dir, "notes", "2025-W43.md"),
		"# Bottom line\n\nSee [x](javascript:alert(1)) and [y](event:nope), perhaps.\n")
	writeFile(t, filepath.Join(dir, "notes", "2025-W40.md"), "# Key judgments\n\n- No label.\n")
	errs := []string{
		`notes/2025-W43.md:3:5: link "javascript:alert(1)": the javascript: scheme is not allowed; link to event:<id> or an https: address`,
		`notes/2025-W43.md:3:34: event:nope: no event has this id`,
	}
	perhaps := `notes/2025-W43.md:3:51: "perhaps" is not a term of the ICD 203 likelihood scale`
	w40 := `notes/2025-W40.md:3:1: key judgment without a confidence level`
	for _, tc := range []struct {
		args    []string
		want    []string
		wantNot []string
	}{
		{[]string{"check"}, append([]string{perhaps, w40}, errs...), nil},
		{[]string{"build", "--period", "2025-W43"}, append([]string{perhaps}, errs...), []string{w40}},
		// summary prints warnings only when it succeeds (as for events).
		{[]string{"summary", "--period", "2025-W43"}, errs, []string{w40}},
	} {
		r := runBriefing(t, dir, []string{epoch}, tc.args...)
		if r.code != ExitInvalid {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, r.code, ExitInvalid, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", tc.args, w, r.stderr)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr has %q, a notes file of another period:\n%s", tc.args, w, r.stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "briefing-2025-W43.pdf")); err == nil {
		t.Errorf("build wrote outputs despite the notes file's errors")
	}
}

// TestNotesUnreadable: a notes file that is not UTF-8 or not a regular
// file is an error like any input file.
func TestNotesUnreadable(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string)
		want string
	}{
		{"not utf-8", func(p string) { writeFile(t, p, "# Bottom line\n\nab\xffc\n") },
			`notes/2025-W43.md:3:3: file is not valid UTF-8 (byte 0xFF); save it as UTF-8`},
		{"directory", func(p string) { os.MkdirAll(p, 0o755) },
			`notes/2025-W43.md: cannot read file: not a regular file (a directory); only regular files are read`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := example(t)
			p := filepath.Join(dir, "notes", "2025-W43.md")
			os.Remove(p)
			tc.make(p)
			r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43")
			if r.code != ExitInvalid || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, want %d and %q:\n%s", r.code, ExitInvalid, tc.want, r.stderr)
			}
		})
	}
}

// TestCheckNotesGlyphs: check warns about a character of an assessment
// the font lacks, as build does, and fails on it with --strict.
func TestCheckNotesGlyphs(t *testing.T) {
	dir := example(t)
	writeFile(t, filepath.Join(dir, "notes", "2025-W43.md"), "# Bottom line\n\nTies deepen \U0001F600 fast.\n")
	r := runBriefing(t, dir, nil, "check")
	if r.code != ExitOK || !strings.Contains(r.stderr, "warning: notes/2025-W43.md") || !strings.Contains(r.stderr, "bottom line") {
		t.Errorf("check: exit %d, want 0 with a warning about the bottom line of notes/2025-W43.md:\n%s", r.code, r.stderr)
	}
	if r := runBriefing(t, dir, nil, "check", "--strict"); r.code != ExitInvalid || !strings.Contains(r.stderr, "notes/2025-W43.md") {
		t.Errorf("check --strict: exit %d, want %d naming the notes file:\n%s", r.code, ExitInvalid, r.stderr)
	}
}
