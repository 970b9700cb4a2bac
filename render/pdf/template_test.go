package pdf

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-tool/briefing/templates"
)

// TestTemplateOverride replaces the default pair narrative and checks
// that the override, not the default, is in the PDF.
func TestTemplateOverride(t *testing.T) {
	dir := fstest.MapFS{
		"pair.tmpl":  {Data: []byte(`Custom narrative for {{.Pair.NameA}} and {{.Pair.NameB}}: {{plural .Pair.Events "event" "events"}}.`)},
		"notes.txt":  {Data: []byte("not a template")},
		"extra.tmpl": {Data: []byte(`{{define "unused"}}kept{{end}}`)},
	}
	all := flat(strings.Join(pageTexts(t, mustRender(t, exampleReport(t), Options{Templates: dir})), " "))
	if !strings.Contains(all, "Custom narrative for Azerbaijan and Georgia: 5 events.") {
		t.Error("the override pair.tmpl is not used")
	}
	if strings.Contains(all, "recorded engagements") {
		t.Error("the default pair.tmpl is still used")
	}
	// development.tmpl was not overridden: its default still applies.
	if !strings.Contains(all, "Agreement · 2023 · Baku · Georgia and Azerbaijan") {
		t.Error("the default development.tmpl is not used")
	}
}

// TestTemplateErrors checks that a broken override names its file and
// line, at parse time and at execution time.
func TestTemplateErrors(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            string
	}{
		{"parse", "pair.tmpl", "line one\n{{if .Pair}}\nunclosed", "pair.tmpl:3: unexpected EOF"},
		{"unknown function", "development.tmpl", "\n\n{{shout .Event.Title}}", `development.tmpl:3: function "shout" not defined`},
		{"execution", "pair.tmpl", "ok\n{{.Pair.Nonexistent}}", "pair.tmpl:2:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := fstest.MapFS{c.file: {Data: []byte(c.src)}}
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
		})
	}
}
