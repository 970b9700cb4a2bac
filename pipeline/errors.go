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

// Error is one problem in the input or config, with where it was found.
type Error struct {
	Pos   Position
	Event string // event id, when the problem belongs to one
	Field string // field path within the event or config, e.g. "participants[2].name"
	Msg   string
}

// Error formats the problem as "file:line:col: event "id": field: message".
// Without a line it reads "file: event[id]: field: message", as SPEC §4 asks.
func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if e.Event != "" {
		// An event without an id is named by its place in the file: "event #3".
		if strings.HasPrefix(e.Event, "#") {
			fmt.Fprintf(&b, "event %s: ", e.Event)
		} else if e.Pos.Line > 0 {
			fmt.Fprintf(&b, "event %q: ", e.Event)
		} else {
			fmt.Fprintf(&b, "event[%s]: ", oneLine(e.Event))
		}
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList collects every problem of a run so that they can be reported
// together, sorted by file and position.
type ErrorList []*Error

// Add appends a problem. Control characters in field and message are
// escaped: the decoder's messages quote raw input, and each problem must
// stay on one line.
func (l *ErrorList) Add(pos Position, event, field, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Event: event, Field: oneLine(field), Msg: oneLine(fmt.Sprintf(format, args...))})
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

// Error prints one problem per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// ErrInvalid marks problems in the input or config (exit code 1).
var ErrInvalid = errors.New("invalid input")

// Is lets errors.Is(list, ErrInvalid) pick out invalid-input failures.
func (l ErrorList) Is(target error) bool { return target == ErrInvalid }
