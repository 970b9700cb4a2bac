package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarningPaths runs from the project's parent directory, so that paths
// relative to the working directory ("proj/input/a.toml") differ from
// paths relative to the config file ("input/a.toml"), on a project that
// draws a warning from each producer: normalize (an unknown focus area),
// the PDF (a character the font lacks, in an event and in the config) and
// the workbook (a summary longer than a cell). Every message on stderr,
// warning or --strict error, names the file relative to the working
// directory (README "Error output"); the outputs name it relative to the
// config file, as they name the inputs (README "Outputs").
func TestWarningPaths(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	copyFile(t, "../../config.toml", filepath.Join(root, "proj", "config.toml"))
	editConfig(t, filepath.Join(root, "proj"), "[briefing]\n", "[briefing]\nsubtitle = \"Weekly 東\"\n")
	writeFile(t, filepath.Join(root, "proj", "input", "a.toml"), `[[event]]
id = "2025-10-22-call"
date = 2025-10-22
title = "Ministers speak `+"\U0001F600"+`"
kind = "call"
countries = ["AZE", "GEO"]
focus_areas = ["Quantum diplomacy"]
summary = "`+strings.Repeat("word ", 7000)+`"
`)
	const (
		// Each at its field's value (issue #16, point 12), not at the
		// event's header (line 1).
		at     = `proj/input/a.toml:`
		ev     = ` event "2025-10-22-call": `
		focus  = at + "7:15:" + ev + `focus_areas: "Quantum diplomacy" is not in [focus_areas]`
		glyph  = at + "4:9:" + ev + `title: character U+1F600`
		cut    = at + "8:11:" + ev + `summary: 34999 characters; an Excel cell holds 32767`
		config = `proj/config.toml: briefing.subtitle: character U+6771 "東"`
		warn   = "briefing: warning: "
	)
	tests := []struct {
		name string
		args []string
		code int
		want []string // stderr lines naming a file, in order
	}{
		// Warnings in the order the stages found them.
		{"build", []string{"build"}, ExitOK, []string{warn + focus, warn + config, warn + glyph, warn + cut}},
		// --strict stops at the first stage that warns.
		{"build strict", []string{"build", "--strict"}, ExitInvalid, []string{focus}},
		{"check", []string{"check"}, ExitOK, []string{warn + config, warn + focus, warn + glyph}},
		// Errors sorted by file and position.
		{"check strict", []string{"check", "--strict"}, ExitInvalid, []string{config, glyph, focus}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "proj")
			copyTree(t, filepath.Join(root, "proj"), dir)
			r := runBriefing(t, filepath.Dir(dir), []string{epoch}, append(tt.args, "--config", "proj/config.toml")...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tt.code, r.stderr)
			}
			var got []string
			for _, line := range strings.Split(r.stderr, "\n") {
				if strings.Contains(line, ".toml:") {
					got = append(got, line)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("stderr has %d lines naming a file, want %d:\n%s", len(got), len(tt.want), r.stderr)
			}
			for i := range min(len(got), len(tt.want)) {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("stderr line %d = %q,\nwant it to start with %q", i+1, got[i], tt.want[i])
				}
			}
			if tt.args[0] != "build" || tt.code != ExitOK {
				return
			}
			b, err := os.ReadFile(filepath.Join(dir, "output", "briefing-2025-W43.manifest.json"))
			if err != nil {
				t.Fatal(err)
			}
			var m manifest
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if len(m.Warnings) != len(tt.want) {
				t.Fatalf("manifest lists %d warnings, want %d: %q", len(m.Warnings), len(tt.want), m.Warnings)
			}
			for i, w := range m.Warnings {
				want := strings.TrimPrefix(strings.TrimPrefix(tt.want[i], warn), "proj/")
				if !strings.HasPrefix(w, want) {
					t.Errorf("manifest warning %d = %q,\nwant it to start with %q (relative to the config file)", i+1, w, want)
				}
			}
		})
	}
}

// TestWarningPathsJSON: with --log-format json, a --strict error names its
// file relative to the working directory too, in "file" and in "msg".
func TestWarningPathsJSON(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	copyFile(t, "../../config.toml", filepath.Join(root, "proj", "config.toml"))
	writeFile(t, filepath.Join(root, "proj", "input", "a.toml"), "[[event]]\nid = \"2025-10-22-call\"\ndate = 2025-10-22\ntitle = \"Ministers speak \U0001F600\"\nkind = \"call\"\ncountries = [\"AZE\", \"GEO\"]\nfocus_areas = [\"Quantum diplomacy\"]\n")
	r := runBriefing(t, root, nil, "--log-format", "json", "check", "--strict", "--config", "proj/config.toml")
	if r.code != ExitInvalid {
		t.Fatalf("exit %d, want %d\n%s", r.code, ExitInvalid, r.stderr)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		var obj struct{ Msg, File string }
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		if obj.File == "" {
			continue
		}
		n++
		if obj.File != "proj/input/a.toml" || !strings.HasPrefix(obj.Msg, "proj/input/a.toml:") {
			t.Errorf("file %q, msg %q; want both to name proj/input/a.toml", obj.File, obj.Msg)
		}
	}
	if n != 2 {
		t.Errorf("%d problems with a file, want 2 (focus area, glyph):\n%s", n, r.stderr)
	}
}
