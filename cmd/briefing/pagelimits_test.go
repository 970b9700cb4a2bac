package main

// Inputs the outputs cannot hold as they are (issue #11): a config title or
// classification marking too long for the page header, and text longer
// than an Excel cell.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildFurnitureTooLong: a title or marking too long for the page
// header failed with exit 3 and maroto's "header height is greater than
// page useful area"; it is a config error naming the key and its place.
func TestBuildFurnitureTooLong(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("South Caucasus Security Cooperation ", 100)
	tests := []struct {
		name, old, new string
		code           int
		want           []problem
	}{
		{"title", `title = "South Caucasus Security Cooperation"`, `title = "` + long + `"`, ExitInvalid,
			[]problem{{"config.toml:5:9:", "briefing.title: too long for the page header: 100 lines, at most 6 (3599 characters)"}}},
		{"classification", `classification = "UNCLASSIFIED"`, `classification = "` + strings.Repeat("UNCLASSIFIED ", 30) + `"`, ExitInvalid,
			[]problem{{"config.toml:8:18:", "briefing.classification: too long for the page header and footer: 15 lines, at most 2"}}},
		{"both", `title = "South Caucasus Security Cooperation"`, `title = "` + long + `"` + "\n" + `classification = "` + strings.Repeat("UNCLASSIFIED ", 30) + `"`, ExitInvalid,
			[]problem{{"config.toml:5:9:", "briefing.title: too long"}, {"config.toml:6:18:", "briefing.classification: too long"}}},
		// Six lines of title and two of marking fit.
		{"at the limits", `title = "South Caucasus Security Cooperation"`, `title = "` + long[:180] + `"` + "\n" +
			`classification = "SECRET//NOFORN//REL TO USA, GBR, CAN, AUS, NZL, EXERCISE ONLY"`, ExitOK, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := builtExample(t)
			out := filepath.Join(dir, "output")
			before := snapshot(t, out)
			if tt.name == "both" || tt.name == "at the limits" {
				editConfig(t, dir, `classification = "UNCLASSIFIED"`+"\n", "")
			}
			editConfig(t, dir, tt.old, tt.new)
			r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, "-q", "build")
			if tt.code == ExitOK {
				if r.code != ExitOK {
					t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
				}
				return
			}
			checkProblems(t, "build", r, tt.code, tt.want)
			sameFiles(t, "output/ after a failed build", before, snapshot(t, out))
			checkProblems(t, "check", runBriefing(t, dir, nil, "-q", "check"), tt.code, tt.want)
		})
	}
}

// TestBuildCellTooLong: excelize cut a text longer than an Excel cell
// (32,767 characters) silently; it is a warning naming the event and
// field, on stderr, in the manifest and the Diagnostics sheet, and an error
// under --strict.
func TestBuildCellTooLong(t *testing.T) {
	t.Parallel()
	dir := builtExample(t)
	writeFile(t, filepath.Join(dir, "input/long.toml"), ev(`summary = "`+strings.Repeat("word ", 8000)+`"`))
	want := `input/long.toml:7:11: event "2025-10-22-bad-input": summary: 39999 characters; an Excel cell holds 32767, so the workbook has only the first 32767`
	env := []string{"SOURCE_DATE_EPOCH=1761642000"}
	r := runBriefing(t, dir, env, "build", "--period", "2025-W43")
	if r.code != ExitOK {
		t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks the warning %q:\n%s", want, r.stderr)
	}
	m, err := os.ReadFile(filepath.Join(dir, "output", w43Manifest))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(m), strings.ReplaceAll(want, `"`, `\"`)) {
		t.Errorf("the manifest lacks the warning:\n%s", m)
	}
	r = runBriefing(t, dir, env, "-q", "build", "--period", "2025-W43", "--strict")
	checkProblems(t, "build", r, ExitInvalid, []problem{{"input/long.toml:7:11:", `event "2025-10-22-bad-input": summary: 39999 characters`}})
}

// TestBuildMaxPairs: [pdf] max_pairs reaches the note. The example's `all`
// has three pairs (those of the Kars trilateral); with max_pairs = 2 the
// summary points to the other pair's row and the annex names the rule, and
// `check` reports a negative value with build's message.
func TestBuildMaxPairs(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := builtExample(t)
	editConfig(t, dir, "max_pairs = 6\n", "max_pairs = 2\n")
	r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, "-q", "build", "--period", "all", "--format", "pdf")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "output", "briefing-all.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{
		"1 other pair had events in this period or the previous one: see Other pairs.",
		"The 2 most significant country pairs have a section of their own",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}

	editConfig(t, dir, "max_pairs = 2\n", "max_pairs = -1\n")
	for _, cmd := range []string{"check", "build"} {
		r := runBriefing(t, dir, nil, "-q", cmd)
		checkProblems(t, cmd, r, ExitInvalid, []problem{{"config.toml:63:13:", "pdf.max_pairs: must be 0 (no limit) or more, not -1"}})
	}
}
