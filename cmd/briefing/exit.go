package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// Exit codes (SPEC §4).
const (
	ExitOK      = 0 // success, warnings allowed unless --strict
	ExitInvalid = 1 // invalid input or config; every problem is listed
	ExitUsage   = 2 // bad flags, arguments or period
	ExitFailure = 3 // rendering or writing failed; earlier outputs untouched
)

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exitCode turns an error into the process's exit code and its message on
// stderr; run calls it for every outcome, so it is the only place that
// does. With format "json" every message is one JSON object per line, like
// the rest of the log, so that a machine reading the log can parse every
// line of a failed run too; the text of each message ("msg") is the same
// as the text line's. command is the command that ran, "" if none did.
func exitCode(err error, stderr io.Writer, format, command string) int {
	if err == nil {
		return ExitOK
	}
	out := errorOutput{w: stderr}
	if format == "json" {
		out.log = slog.New(slog.NewJSONHandler(stderr, nil))
	}
	if errors.As(err, new(errDiffer)) {
		return ExitInvalid // diff found changes: exit 1, like diff(1); they are its output
	}
	var ue *usageError
	if errors.As(err, &ue) {
		out.print(ue.msg, "exit_code", ExitUsage)
		if out.log == nil {
			fmt.Fprintln(stderr, "Run 'briefing --help' for usage.")
		}
		return ExitUsage
	}
	var me *pipeline.ManifestError
	if errors.As(err, &me) { // --previous, diff: a manifest that cannot be compared with
		msg := me.Error()
		if command == "build" {
			msg += "; nothing was written"
		}
		out.print(msg, "exit_code", ExitUsage)
		return ExitUsage
	}
	var list pipeline.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			out.problem(e)
		}
		msg := plural(len(list), "problem")
		if command == "build" { // the only one that writes outputs
			msg += "; nothing was written"
		}
		out.print(msg, "problems", len(list), "exit_code", ExitInvalid)
		return ExitInvalid
	}
	msg := strings.TrimSpace(err.Error())
	attrs := []any{"exit_code", ExitFailure}
	var se *pipeline.StageError
	if errors.As(err, &se) {
		msg = se.Stage + ": " + strings.TrimSpace(se.Err.Error())
		attrs = append([]any{"stage", se.Stage}, attrs...)
	}
	out.print(msg, attrs...)
	return ExitFailure
}

// errorOutput prints the messages of a failed run: "briefing: msg" lines,
// or JSON objects at level ERROR when log is set.
type errorOutput struct {
	w   io.Writer
	log *slog.Logger
}

func (o errorOutput) print(msg string, attrs ...any) {
	if o.log != nil {
		o.log.Error(msg, attrs...)
		return
	}
	fmt.Fprintf(o.w, "briefing: %s\n", msg)
}

// problem prints one problem of the input or config: its line as text, or
// the same line with its parts as fields.
func (o errorOutput) problem(e *pipeline.Diagnostic) {
	if o.log == nil {
		fmt.Fprintln(o.w, e.Error())
		return
	}
	var attrs []any
	for _, a := range []struct {
		key string
		val any
		set bool
	}{
		{"file", e.Pos.File, e.Pos.File != ""},
		{"line", e.Pos.Line, e.Pos.Line > 0},
		{"col", e.Pos.Col, e.Pos.Col > 0},
		{"event", e.Event, e.Event != ""},
		{"field", e.Field, e.Field != ""},
	} {
		if a.set {
			attrs = append(attrs, a.key, a.val)
		}
	}
	o.log.Error(e.Error(), append(attrs, "problem", e.Msg)...)
}

// plural writes "1 event", "2 events"; irregular words pass their plural.
func plural(n int, word string, many ...string) string {
	if n == 1 {
		return "1 " + word
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, word)
}
