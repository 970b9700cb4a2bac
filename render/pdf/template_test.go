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
	if strings.Contains(all, "engagements were") {
		t.Error("the default pair.tmpl is still used")
	}
	// development.tmpl was not overridden: its default still applies.
	if !strings.Contains(all, "Georgia and Azerbaijan sign a refreshed intergovernmental defence cooperation agreement in Baku (2023)") {
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

// TestTemplateKindFunctions: kinds are a table, so templates count and
// label them through functions that take an event's .Kind or a kind's
// name, as templates written before the table did.
func TestTemplateKindFunctions(t *testing.T) {
	dir := fstest.MapFS{"pair.tmpl": {Data: []byte(
		`{{with .Pair}}{{.Key}}: {{count .Kinds "meeting"}} {{kind "meeting"}}, {{count .Kinds "agreement"}} {{kind "agreement"}}; latest {{kind .Latest.Kind}} ({{.Latest.Kind}}).{{end}}`)}}
	all := flat(strings.Join(pageTexts(t, mustRender(t, exampleReport(t), Options{Templates: dir})), " "))
	if want := "AZE-GEO: 2 Meeting, 1 Agreement; latest Meeting (meeting)."; !strings.Contains(all, want) {
		t.Errorf("the PDF lacks %q", want)
	}
	dir = fstest.MapFS{"pair.tmpl": {Data: []byte(`{{count .Pair.Kinds "summit"}}`)}}
	_, _, err := Render(exampleReport(t), Options{Templates: dir})
	if err == nil || !strings.Contains(err.Error(), `"summit" is not a kind of event`) {
		t.Errorf("an unknown kind name: %v", err)
	}
}
