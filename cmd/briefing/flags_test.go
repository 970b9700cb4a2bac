package main

// End-to-end tests of command-line values that the config would reject, or
// that the outputs cannot hold (issue #11, points 11 and 12): each is a
// usage error (exit 2) that names the flag or variable, and writes nothing.

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsageLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		env    []string
		code   int
		stderr string
	}{
		{"format listed twice", []string{"build", "--format", "pdf,pdf"}, nil, ExitUsage, `--format: "pdf" is listed twice`},
		{"format listed twice, any case", []string{"build", "--format", "xlsx, XLSX"}, nil, ExitUsage, `--format: "xlsx" is listed twice`},
		{"format empty element", []string{"build", "--format", "pdf,"}, nil, ExitUsage, `--format "pdf,": empty format; list pdf, xlsx separated by commas`},
		{"format empty", []string{"build", "--format="}, nil, ExitUsage, `--format "": empty format; list pdf, xlsx separated by commas`},
		{"epoch past 9998", []string{"check"}, []string{"SOURCE_DATE_EPOCH=9223372036854775807"}, ExitUsage,
			`SOURCE_DATE_EPOCH="9223372036854775807": must be a whole number of seconds from 0 (1970-01-01T00:00:00Z) to 253370764799 (9998-12-31T23:59:59Z)`},
		{"epoch first second of 9999", []string{"build"}, []string{"SOURCE_DATE_EPOCH=253370764800"}, ExitUsage, `SOURCE_DATE_EPOCH="253370764800": must be`},
		{"epoch negative", []string{"check"}, []string{"SOURCE_DATE_EPOCH=-1"}, ExitUsage, `SOURCE_DATE_EPOCH="-1": must be`},
		// The bounds themselves are accepted.
		{"epoch last second of 9998", []string{"summary", "--period", "this-week"}, []string{"SOURCE_DATE_EPOCH=253370764799"}, ExitOK, ""},
		{"epoch zero", []string{"summary", "--period", "this-week"}, []string{"SOURCE_DATE_EPOCH=0"}, ExitOK, ""},
		{"format once each", []string{"-q", "build", "--format", "xlsx,pdf", "--out", "out"}, []string{epoch}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := example(t)
			before := snapshot(t, dir)
			r := runBriefing(t, dir, tt.env, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.stderr, r.stderr)
			}
			if tt.code != ExitOK && fmt.Sprint(snapshot(t, dir)) != fmt.Sprint(before) {
				t.Errorf("a failed run changed the project directory")
			}
		})
	}
}

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
