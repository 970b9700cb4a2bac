package main

// End-to-end tests of project templates that cannot finish (issue #11,
// point 8): the run stops at the limit, exit 1, naming the file, and the
// outputs of the earlier build stay as they were; check stops the same way.

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplateLimitsBinary runs the real binary on templates that would
// hang or fill memory. The silent endless range runs into the 2 s limit
// itself (the limit is not shortened here: it is the binary's).
func TestTemplateLimitsBinary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, src string
		args            []string
		want            string
	}{
		{"endless range", "pair.tmpl", "{{range 9223372036854775807}}{{end}}", nil,
			"templates/pair.tmpl: template: execution took longer than 2s (an endless range?)"},
		{"endless output", "development.tmpl", "{{range 9223372036854775807}}{{$.Event.Title}}{{end}}", nil,
			"templates/development.tmpl: template: output longer than "},
		{"endless output per pair", "pair.tmpl", "{{range 9223372036854775807}}x{{end}}", []string{"--per-pair"},
			"templates/pair.tmpl: template: output longer than "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := builtExample(t)
			before := snapshot(t, filepath.Join(dir, "output"))
			writeFile(t, filepath.Join(dir, "templates", tt.file), tt.src)
			pos, msg, _ := strings.Cut(tt.want, " ")
			want := []problem{{pos, msg}}
			r := runBriefing(t, dir, []string{epoch}, append([]string{"-q", "build"}, tt.args...)...)
			checkProblems(t, "build", r, ExitInvalid, want)
			sameFiles(t, "output/ after a failed build", before, snapshot(t, filepath.Join(dir, "output")))
			// check executes the templates too, with the same limits.
			checkProblems(t, "check", runBriefing(t, dir, nil, "-q", "check"), ExitInvalid, want)
		})
	}
}
