package main

import (
	"errors"
	"fmt"
	"io"
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
// stderr. It is the only place that does.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "briefing: %s\nRun 'briefing --help' for usage.\n", ue.msg)
		return ExitUsage
	}
	var list pipeline.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e.Error())
		}
		fmt.Fprintf(stderr, "briefing: %s; nothing was written\n", plural(len(list), "problem"))
		return ExitInvalid
	}
	msg := err.Error()
	var se *pipeline.StageError
	if errors.As(err, &se) {
		msg = se.Stage + ": " + se.Err.Error()
	}
	fmt.Fprintf(stderr, "briefing: %s\n", strings.TrimSpace(msg))
	return ExitFailure
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
