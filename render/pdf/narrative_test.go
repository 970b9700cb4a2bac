package pdf

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/templates"
)

// TestTemplateLimits: a template that never ends, or writes without end,
// stops at a limit with an error naming the file, instead of hanging the
// run or filling memory. The time limit is shortened for the test. The
// endless ranges print "" so that their goroutines end at the limit (see
// exec) instead of spinning through the package's other tests; the
// binary's test (TestTemplateLimitsBinary) runs the silent one.
func TestTemplateLimits(t *testing.T) {
	defer func(d time.Duration) { execTimeout = d }(execTimeout)
	execTimeout = 100 * time.Millisecond
	cases := []struct {
		name, file, src string
		want            string
	}{
		{"endless range", "pair.tmpl", `{{range 9223372036854775807}}{{""}}{{end}}`, "pair.tmpl: execution took longer than 100ms (an endless range?)"},
		{"endless output", "development.tmpl", "{{range 9223372036854775807}}{{$.Event.Title}}{{end}}", "development.tmpl: output longer than "},
		{"nested template", "pair.tmpl", `{{define "spin"}}{{range 9223372036854775807}}{{""}}{{end}}{{end}}{{template "spin"}}`, "pair.tmpl: execution took longer than 100ms"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := fstest.MapFS{c.file: {Data: []byte(c.src)}}
			start := time.Now()
			_, _, err := Render(exampleReport(t), Options{Templates: dir})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %q, want it to start with %q", err, c.want)
			}
			var te *templates.Error
			if !errors.As(err, &te) || te.File != c.file || te.Default {
				t.Errorf("error %#v does not name the override %s", err, c.file)
			}
			// Not a timing assertion: a hang would never get here; this
			// only says how long the stop took.
			t.Logf("stopped after %v", time.Since(start).Round(time.Millisecond))
		})
	}
}

// TestLimitedWriter: the writer keeps at most max bytes and fails the
// write that would pass them, so that text/template stops there.
func TestLimitedWriter(t *testing.T) {
	w := &limitedWriter{max: 5}
	if n, err := w.Write([]byte("abc")); n != 3 || err != nil {
		t.Fatalf("first write: %d, %v", n, err)
	}
	if _, err := w.Write([]byte("def")); !errors.Is(err, errOutputLimit) {
		t.Fatalf("write past the limit: %v", err)
	}
	if w.b.String() != "abc" {
		t.Errorf("kept %q", w.b.String())
	}
	w.stop.Store(true)
	if _, err := w.Write(nil); !errors.Is(err, errAbandoned) {
		t.Errorf("write after stop: %v", err)
	}
}

// TestTemplateOutputBudget: the output limit grows with the text a
// template is given, so that a 1 MB title (laid out in linear time) is
// printed, not taken for a runaway template; a loop still stops.
func TestTemplateOutputBudget(t *testing.T) {
	n, err := newNarrative(exampleReport(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &pipeline.Event{ID: "long", Title: strings.Repeat("x", 1<<20), Kind: kindOf("meeting"), Status: "held", Countries: []string{"AZE", "GEO"}}
	paras, err := n.exec(developmentTemplate, DevelopmentData{N: 1, Event: e, Countries: []string{"Azerbaijan", "Georgia"}})
	if err != nil {
		t.Fatalf("the default template with a 1 MB title: %v", err)
	}
	if !strings.Contains(strings.Join(paras, ""), e.Title) {
		t.Errorf("the title is not in the development line")
	}
	if got, want := outputBudget(DevelopmentData{Event: e}), execMaxOut+4<<20; got != want {
		t.Errorf("budget %d, want %d", got, want)
	}
	if got := outputBudget(PairData{}); got != execMaxOut {
		t.Errorf("budget with no events %d, want %d", got, execMaxOut)
	}
}
