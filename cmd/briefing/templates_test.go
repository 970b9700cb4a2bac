package main

// End-to-end tests of project templates that cannot finish (issue #11,
// point 8): the run stops at the limit, exit 1, naming the file, and the
// outputs of the earlier build stay as they were.

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
			"templates/development.tmpl: template: output longer than 64 KiB (an endless range?)"},
		{"endless output per pair", "pair.tmpl", "{{range 9223372036854775807}}x{{end}}", []string{"--per-pair"},
			"templates/pair.tmpl: template: output longer than 64 KiB (an endless range?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := builtExample(t)
			before := snapshot(t, filepath.Join(dir, "output"))
			writeFile(t, filepath.Join(dir, "templates", tt.file), tt.src)
			r := runBriefing(t, dir, []string{epoch}, append([]string{"-q", "build"}, tt.args...)...)
			checkProblems(t, "build", r, ExitInvalid, []problem{{strings.SplitN(tt.want, " ", 2)[0], strings.SplitN(tt.want, " ", 2)[1]}})
			sameFiles(t, "output/ after a failed build", before, snapshot(t, filepath.Join(dir, "output")))
		})
	}
}
