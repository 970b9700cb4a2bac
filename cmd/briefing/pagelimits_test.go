package main

// Inputs the outputs cannot hold as they are (issue #11): a config title or
// classification marking too long for the page header, and text longer
// than an Excel cell.

import (
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
		})
	}
}
