package pipeline

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Position is a place in an input file. Lines and columns are 1-based, as
// editors count them; columns count bytes, as go/scanner does. Zero means
// unknown.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats the position as "file:line:col", leaving out what is unknown.
func (p Position) String() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Severity says whether a diagnostic stops the run.
type Severity int

const (
	// Error is a problem in the input or config: the run stops (exit 1)
	// after reporting every one.
	Error Severity = iota
	// Warning is reported and the run goes on (an unknown focus area, a
	// character the PDF font lacks), unless --strict makes it an error.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem of a run, with where it was found. Every
// stage reports its problems as diagnostics, and Pos.File is always as
// loaded (relative to the working directory); outputs show it relative to
// the config file (Report.Shown).
type Diagnostic struct {
	Pos      Position
	Event    string // event id, when the problem belongs to one
	Field    string // field path within the event or config, e.g. "participants[2].name"
	Msg      string
	Severity Severity

	// about, when set, is every event the diagnostic is about (an unknown
	// focus area names its first event but counts them all), so that a
	// build's --strict can tell whether it concerns the report (Covers).
	about *[]*Event
}

// Error formats the problem as "file:line:col: event "id": field: message",
// whatever its severity (the log's level says that). Without a line it
// reads "file: event[id]: field: message", as SPEC §4 asks.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Event != "" {
		// An event without an id is named by its place in the file: "event #3".
		if strings.HasPrefix(d.Event, "#") {
			fmt.Fprintf(&b, "event %s: ", d.Event)
		} else if d.Pos.Line > 0 {
			fmt.Fprintf(&b, "event %q: ", d.Event)
		} else {
			fmt.Fprintf(&b, "event[%s]: ", oneLine(d.Event))
		}
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// ErrorList collects the diagnostics of a run, errors and warnings, so that
// they can be reported together, sorted by file and position (the
// go/scanner shape). As an error it stands for its errors (Err).
type ErrorList []*Diagnostic

// Add appends an error. Control characters in field and message are
// escaped: the decoder's messages quote raw input, and each problem must
// stay on one line.
func (l *ErrorList) Add(pos Position, event, field, format string, args ...any) {
	l.add(Error, pos, event, field, format, args...)
}

// Warn appends a warning, escaped as Add does.
func (l *ErrorList) Warn(pos Position, event, field, format string, args ...any) {
	l.add(Warning, pos, event, field, format, args...)
}

func (l *ErrorList) add(sev Severity, pos Position, event, field, format string, args ...any) {
	*l = append(*l, &Diagnostic{Pos: pos, Event: event, Field: oneLine(field), Msg: oneLine(fmt.Sprintf(format, args...)), Severity: sev})
}

// oneLine escapes control characters as Go does in quoted strings ("\n").
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Sort orders the list by file, line, column, then message, so output is
// stable whatever order the checks ran in.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Error() < b.Error()
	})
}

// RemoveMultiples sorts the list and removes every diagnostic that repeats
// an earlier one (same place, event, field, message and severity), so that
// a problem found by two checks is reported once.
func (l *ErrorList) RemoveMultiples() {
	l.Sort()
	out := (*l)[:0]
	for i, d := range *l {
		if i == 0 || *d != *out[len(out)-1] {
			out = append(out, d)
		}
	}
	clear((*l)[len(out):])
	*l = out
}

// Warnings returns the list's warnings, in the list's order.
func (l ErrorList) Warnings() ErrorList { return l.of(Warning) }

func (l ErrorList) of(sev Severity) ErrorList {
	var out ErrorList
	for _, d := range l {
		if d.Severity == sev {
			out = append(out, d)
		}
	}
	return out
}

// Strict makes every warning of the list an error, as --strict asks.
func (l ErrorList) Strict() {
	for _, d := range l {
		d.Severity = Error
	}
}

// Error prints one diagnostic per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list's errors, sorted and each once (RemoveMultiples),
// as an error, or nil when it has none: warnings alone do not fail a run.
func (l ErrorList) Err() error {
	errs := l.of(Error)
	if len(errs) == 0 {
		return nil
	}
	errs.RemoveMultiples()
	return errs
}

// ErrInvalid marks problems in the input or config (exit code 1).
var ErrInvalid = errors.New("invalid input")

// Is lets errors.Is(list, ErrInvalid) pick out invalid-input failures.
func (l ErrorList) Is(target error) bool { return target == ErrInvalid }
