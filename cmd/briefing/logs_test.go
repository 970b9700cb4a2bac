package main

// Logs a scheduler can read (issue #16, point 7).

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// lastRecord is the final JSON record of a run's stderr.
func lastRecord(t *testing.T, stderr string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rec); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, stderr)
	}
	return rec
}

func TestFinalRecord(t *testing.T) {
	t.Parallel()
	dir := example(t)
	r := runRaw(t, dir, []string{epoch}, "--log-format", "json", "build")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, `"level":"DEBUG"`) {
		t.Errorf("DEBUG records without --verbose:\n%s", r.stderr)
	}
	rec := lastRecord(t, r.stderr)
	want := []any{"output/briefing-2025-W43.pdf", "output/briefing-2025-W43.xlsx", "output/briefing-2025-W43.manifest.json"}
	if rec["msg"] != "done" || rec["level"] != "INFO" || rec["exit_code"] != 0.0 || !slices.Equal(rec["outputs"].([]any), want) {
		t.Errorf("final record %v, want done, exit_code 0, outputs %v", rec, want)
	}
	if d, ok := rec["duration_ms"].(float64); !ok || d <= 0 {
		t.Errorf("duration_ms = %v", rec["duration_ms"])
	}
	if n := strings.Count(r.stderr, `"msg":"done"`); n != 1 {
		t.Errorf("%d done records", n)
	}

	r = runRaw(t, dir, []string{epoch}, "--log-format", "json", "build", "--verbose")
	if !strings.Contains(r.stderr, `"level":"DEBUG","msg":"stage done","stage":"load"`) {
		t.Errorf("no DEBUG records with --verbose:\n%s", r.stderr)
	}

	// A failed run: input errors, a usage error, a check that finds problems.
	editConfig(t, dir, `formats = ["pdf", "xlsx"]`, `formats = ["pdf", "pdf"]`)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"--log-format", "json", "build"}, ExitInvalid},
		{[]string{"check", "--log-format", "json"}, ExitInvalid},
		{[]string{"--log-format", "json", "buidl"}, ExitUsage},
		{[]string{"build", "--log-format", "json", "--bogus"}, ExitUsage}, // before the global flags are read
	} {
		r := runRaw(t, dir, []string{epoch}, tc.args...)
		rec := lastRecord(t, r.stderr)
		if r.code != tc.code || rec["msg"] != "failed" || rec["level"] != "ERROR" || rec["exit_code"] != float64(tc.code) || len(rec["outputs"].([]any)) != 0 {
			t.Errorf("%q: exit %d, final record %v; want failed with exit_code %d", tc.args, r.code, rec, tc.code)
		}
	}
}

// TestLogLines: the text lines name the output they mean, in a fixed
// order; check's closing line on problems does not claim it wrote nothing
// (it never writes); the last line is the final record.
func TestLogLines(t *testing.T) {
	t.Parallel()
	dir := example(t)
	for range 3 { // the PDF's bytes are written beside the workbook: its line must still come first
		r := runRaw(t, dir, []string{epoch}, "build")
		pdf, xlsx := strings.Index(r.stderr, "briefing: rendered pdf files=1 bytes="), strings.Index(r.stderr, "briefing: rendered xlsx bytes=")
		if pdf < 0 || xlsx < pdf {
			t.Fatalf("want rendered pdf, then rendered xlsx:\n%s", r.stderr)
		}
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		last := lines[len(lines)-1]
		if !strings.HasPrefix(last, "briefing: done exit_code=0 duration_ms=") || !strings.HasSuffix(last, "outputs=[output/briefing-2025-W43.pdf output/briefing-2025-W43.xlsx output/briefing-2025-W43.manifest.json]") {
			t.Errorf("last line %q", last)
		}
	}
	editConfig(t, dir, `formats = ["pdf", "xlsx"]`, `formats = ["pdf", "pdf"]`)
	r := runRaw(t, dir, nil, "check")
	if !strings.Contains(r.stderr, "briefing: 1 problem\n") || strings.Contains(r.stderr, "nothing was written") {
		t.Errorf("check's closing line:\n%s", r.stderr)
	}
	r = runRaw(t, dir, nil, "build")
	if !strings.Contains(r.stderr, "briefing: 1 problem; nothing was written\n") {
		t.Errorf("build's closing line:\n%s", r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "briefing: error: failed exit_code=1 duration_ms=") {
		t.Errorf("last line %q", last)
	}
	// --quiet keeps the failure, not the success.
	if r := runRaw(t, example(t), []string{epoch}, "build", "-q"); r.stderr != "" {
		t.Errorf("--quiet build printed %q", r.stderr)
	}
}
