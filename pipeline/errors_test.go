package pipeline

import (
	"errors"
	"strings"
	"testing"
)

// TestErrorList: one list holds errors and warnings; as an error it is its
// errors, sorted, each once; --strict makes its warnings errors.
func TestErrorList(t *testing.T) {
	a := Position{File: "a.toml", Line: 2, Col: 5}
	b := Position{File: "b.toml", Line: 1}
	tests := []struct {
		name   string
		fill   func(l *ErrorList)
		strict bool
		want   []string // Err's lines; nil means Err is nil
	}{
		{"empty", func(l *ErrorList) {}, false, nil},
		{"warnings alone are no error", func(l *ErrorList) {
			l.Warn(a, "e", "focus_areas", "unknown")
		}, false, nil},
		{"errors sorted, warnings left out", func(l *ErrorList) {
			l.Add(b, "", "", "second")
			l.Warn(a, "e", "title", "a warning")
			l.Add(a, "e", "date", "first")
		}, false, []string{`a.toml:2:5: event "e": date: first`, "b.toml:1: second"}},
		{"a repeat is reported once", func(l *ErrorList) {
			l.Add(a, "e", "id", "duplicate")
			l.Add(b, "", "", "other")
			l.Add(a, "e", "id", "duplicate")
		}, false, []string{`a.toml:2:5: event "e": id: duplicate`, "b.toml:1: other"}},
		{"same place, different problems", func(l *ErrorList) {
			l.Add(a, "e", "title", "one")
			l.Add(a, "e", "date", "two")
		}, false, []string{`a.toml:2:5: event "e": date: two`, `a.toml:2:5: event "e": title: one`}},
		{"strict: warnings join the errors", func(l *ErrorList) {
			l.Warn(b, "", "", "a warning")
			l.Add(a, "e", "date", "an error")
		}, true, []string{`a.toml:2:5: event "e": date: an error`, "b.toml:1: a warning"}},
		{"control characters escaped", func(l *ErrorList) {
			l.Warn(a, "", "f\tg", "line\nbreak")
		}, true, []string{`a.toml:2:5: f\tg: line\nbreak`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l ErrorList
			tt.fill(&l)
			if tt.strict {
				l.Strict()
			}
			err := l.Err()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Err() = %q, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Err() = nil, want %q", tt.want)
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("Err():\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
			}
			if !errors.Is(err, ErrInvalid) {
				t.Error("Err() is not ErrInvalid (exit 1)")
			}
		})
	}
}

// TestErrorListWarnings: Warnings keeps the order the stages found them
// in, which is the order they are printed and listed in the outputs.
func TestErrorListWarnings(t *testing.T) {
	var l ErrorList
	l.Warn(Position{File: "b.toml"}, "", "", "first")
	l.Add(Position{File: "a.toml"}, "", "", "an error")
	l.Warn(Position{File: "a.toml"}, "", "", "second")
	var got []string
	for _, w := range l.Warnings() {
		got = append(got, w.Error())
	}
	if want := "b.toml: first|a.toml: second"; strings.Join(got, "|") != want {
		t.Errorf("Warnings() = %q, want %q", got, want)
	}
}
