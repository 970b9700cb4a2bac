package templates

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
)

func TestLoadDefaults(t *testing.T) {
	tmpl, err := Load(nil, stubFuncs())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pair.tmpl", "development.tmpl"} {
		if tmpl.Lookup(name) == nil {
			t.Errorf("default %s is missing", name)
		}
	}
	// The defaults call the renderer's functions: without them they fail,
	// naming the embedded file.
	_, err = Load(nil, nil)
	var te *Error
	if !errors.As(err, &te) || !te.Default {
		t.Errorf("error %v does not name an embedded default", err)
	}
}

func TestLoadOverride(t *testing.T) {
	dir := fstest.MapFS{
		"pair.tmpl":     {Data: []byte("override {{upper .}}")},
		"helper.tmpl":   {Data: []byte(`{{define "h"}}helper{{end}}`)},
		"ignored.txt":   {Data: []byte("{{")},
		"sub/deep.tmpl": {Data: []byte("{{")}, // only the top of the directory is read
	}
	tmpl, err := Load(dir, stubFuncs())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "pair.tmpl", "x"); err != nil {
		t.Fatal(err)
	}
	if b.String() != "override x" {
		t.Errorf("pair.tmpl = %q, want the override", b.String())
	}
	if tmpl.Lookup("h") == nil || tmpl.Lookup("development.tmpl") == nil {
		t.Error("an added template or an untouched default is missing")
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want string
	}{
		{"unclosed action", "a\nb\n{{.X", "pair.tmpl:3: unclosed action"},
		{"unknown function", "{{nope}}", `pair.tmpl:1: function "nope" not defined`},
		{"unexpected end", "{{if .}}\n", "pair.tmpl:2: unexpected EOF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"pair.tmpl": {Data: []byte(c.src)}}, stubFuncs())
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("error %v is not a *templates.Error", err)
			}
			if got := err.Error(); got[:min(len(got), len(c.want))] != c.want {
				t.Errorf("error %q, want prefix %q", got, c.want)
			}
			if te.File != "pair.tmpl" || te.Default {
				t.Errorf("error names %q (default %v)", te.File, te.Default)
			}
		})
	}
}

// stubFuncs stands in for the renderer's functions, which the defaults call.
func stubFuncs() template.FuncMap {
	f := template.FuncMap{}
	for _, name := range []string{"date", "when", "day", "plural", "kinds", "kind", "list", "areas", "leading", "country", "abs", "lower"} {
		f[name] = func(...any) string { return "" }
	}
	f["upper"] = func(s string) string { return s }
	return f
}

// unreadable is a directory that cannot be listed, as a templates/ with
// mode 000 is for anyone but root.
// Only Open is implemented, so that fs.ReadDir and fs.Glob must open ".".
type unreadable struct{ files fstest.MapFS }

func (u unreadable) Open(name string) (fs.File, error) {
	if name == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.files.Open(name)
}

// TestLoadUnreadable: a directory that cannot be listed, or a *.tmpl
// entry that cannot be read, is an error naming it, never a silent fall
// back to the defaults.
func TestLoadUnreadable(t *testing.T) {
	cases := []struct {
		name string
		dir  fs.FS
		want string
	}{
		{"directory", unreadable{fstest.MapFS{"pair.tmpl": {Data: []byte("x")}}}, ".: cannot read the directory: permission denied"},
		{"entry is a directory", fstest.MapFS{"pair.tmpl/x": {Data: []byte("x")}}, "pair.tmpl: cannot read: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(c.dir, stubFuncs())
			var te *Error
			if !errors.As(err, &te) || te.Default {
				t.Fatalf("error %v does not name the project directory", err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %q, want prefix %q", err, c.want)
			}
		})
	}
}
