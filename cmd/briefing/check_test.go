package main

// End-to-end tests of `briefing check` seeing everything `build` would
// reject (issue #11, point 10): glyphs the PDF font lacks in any event or
// config string, templates that do not parse or fail on the data, and a
// templates directory that cannot be used; all of it in one run, and
// `build` reporting template errors with the events'.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	kars      = `input/example.toml:21:9: event "2023-02-kars-trilateral-defence-ministers": ` // the title's value
	noGlyph   = `is not in the PDF font (DejaVu Sans); the briefing shows � in its place`
	titleFace = `config.toml: briefing.title: character U+1F600 "😀" ` + noGlyph
	karsCJK   = kars + `title: character U+4E2D "中" ` + noGlyph
)

// spoilGlyphs puts an emoji in the config's title and a CJK character in
// an event of 2023, outside the default period (latest-week, 2025-W43).
func spoilGlyphs(t *testing.T, dir string) {
	editConfig(t, dir, `title = "South Caucasus Security Cooperation"`, `title = "South Caucasus 😀 Security Cooperation"`)
	editFile(t, filepath.Join(dir, "input", "example.toml"), `title = "Trilateral meeting`, `title = "中 Trilateral meeting`)
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	writeFile(t, path, strings.Replace(string(b), old, new, 1))
}

// TestCheckStrictGlyphs: a character the font lacks, anywhere a note can
// show it, fails `check --strict` as it fails `build --strict` for a
// period that shows it; without --strict both are warnings.
func TestCheckStrictGlyphs(t *testing.T) {
	t.Parallel()
	dir := example(t)
	spoilGlyphs(t, dir)

	r := runBriefing(t, dir, nil, "-q", "check", "--strict")
	checkProblems(t, "check", r, ExitInvalid, []problem{
		{"config.toml:", `briefing.title: character U+1F600 "😀" ` + noGlyph},
		{"input/example.toml:21:9:", `event "2023-02-kars-trilateral-defence-ministers": title: character U+4E2D "中" ` + noGlyph},
	})

	// 2023-02: the Kars meeting's month, without the planned 2023-05
	// invitation that the quality stage, before the renderers, would stop on.
	r = runBriefing(t, dir, []string{epoch}, "-q", "build", "--strict", "--period", "2023-02", "--out", "out")
	if r.code != ExitInvalid || !strings.Contains(r.stderr, titleFace) || !strings.Contains(r.stderr, karsCJK) {
		t.Errorf("build --strict --period 2023-02: exit %d, want %d and both problems:\n%s", r.code, ExitInvalid, r.stderr)
	}

	r = runBriefing(t, dir, nil, "check")
	if r.code != ExitOK || !strings.Contains(r.stderr, "briefing: warning: "+titleFace) || !strings.Contains(r.stderr, "briefing: warning: "+karsCJK) {
		t.Errorf("check: exit %d, want 0 and both warnings:\n%s", r.code, r.stderr)
	}
}

// TestCheckReportsAllAtOnce: an invalid event, a template that does not
// parse and a missing glyph in one project: one run of check lists all
// three (the glyph as a warning, or an error under --strict), and build
// lists the template error with the event's.
func TestCheckReportsAllAtOnce(t *testing.T) {
	t.Parallel()
	dir := example(t)
	spoilGlyphs(t, dir)
	writeFile(t, filepath.Join(dir, "templates", "pair.tmpl"), "{{/* broken */}}\n{{if}}\n")
	writeFile(t, filepath.Join(dir, "input", "bad.toml"), ev("kind = \"summit\""))
	eventErr := problem{"input/bad.toml:5:8:", badID + `kind: "summit" is not one of`}
	tmplErr := problem{"templates/pair.tmpl:2:", "template: missing value for if"}

	r := runBriefing(t, dir, nil, "check")
	if !strings.HasPrefix(r.stderr, "briefing: warning: "+titleFace+"\n") {
		t.Errorf("check: the glyph warning is missing:\n%s", r.stderr)
	}
	r.stderr = strings.TrimPrefix(r.stderr, "briefing: warning: "+titleFace+"\n")
	checkProblems(t, "check", r, ExitInvalid, []problem{eventErr, tmplErr})

	r = runBriefing(t, dir, nil, "check", "--strict")
	checkProblems(t, "check", r, ExitInvalid, []problem{
		{"config.toml:", `briefing.title: character U+1F600 "😀" ` + noGlyph}, eventErr, tmplErr,
	})

	r = runBriefing(t, dir, []string{epoch}, "-q", "build")
	checkProblems(t, "build", r, ExitInvalid, []problem{eventErr, tmplErr})
}

// TestCheckRunsTemplates: a template that parses but fails on the data
// (here only in the branch taken when there is a previous period, as in a
// weekly build) fails check, which executes it on the first pairs.
func TestCheckRunsTemplates(t *testing.T) {
	t.Parallel()
	dir := example(t)
	writeFile(t, filepath.Join(dir, "templates", "pair.tmpl"), "{{.Pair.Key}}\n{{if .HasPrevious}}{{.Previous.NoSuchField}}{{end}}\n")
	want := []problem{{"templates/pair.tmpl:2:", `template: executing "pair.tmpl" at <.Previous.NoSuchField>: can't evaluate field NoSuchField`}}
	checkProblems(t, "check", runBriefing(t, dir, nil, "-q", "check"), ExitInvalid, want)
	checkProblems(t, "build", runBriefing(t, dir, []string{epoch}, "-q", "build"), ExitInvalid, want)
}

// TestTemplatesDirUnusable: a templates directory that cannot be read is
// an input error from check and build alike, never a silent fall back to
// the embedded defaults.
func TestTemplatesDirUnusable(t *testing.T) {
	t.Parallel()
	root := os.Geteuid() == 0
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		skip  string
		want  problem
	}{
		{"directory without permissions", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "templates", "pair.tmpl"), "custom")
			chmod(t, filepath.Join(dir, "templates"), 0)
		}, skipIf(root, "root reads any directory"), problem{"templates:", "cannot read the directory: permission denied"}},
		{"file without permissions", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "templates", "pair.tmpl"), "custom")
			chmod(t, filepath.Join(dir, "templates", "pair.tmpl"), 0)
		}, skipIf(root, "root reads any file"), problem{"templates/pair.tmpl:", "template: cannot read: permission denied"}},
		{"a template that is a directory", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "templates", "pair.tmpl"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "", problem{"templates/pair.tmpl:", "template: cannot read: is a directory"}},
		{"templates is a file", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "templates"), "not a directory")
		}, "", problem{"config.toml:", "templates.dir: templates is not a directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			dir := example(t)
			tt.setup(t, dir)
			for _, cmd := range []string{"check", "build"} {
				r := runBriefing(t, dir, []string{epoch}, "-q", cmd)
				checkProblems(t, cmd, r, ExitInvalid, []problem{tt.want})
			}
			if _, err := os.Stat(filepath.Join(dir, "output")); err == nil {
				t.Error("build wrote output/")
			}
		})
	}
}
