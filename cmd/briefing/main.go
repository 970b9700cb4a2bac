// Command briefing turns curated records of diplomatic and security events
// into a PDF briefing note and an Excel workbook, aggregated per country
// pair. This package maps flags to options and errors to exit codes; the
// work is done by package pipeline and the stage lists in internal/stages.
package main

import (
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // time zones resolve the same on every machine, even without tzdata

	"github.com/urfave/cli/v2"
)

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr, os.Getenv))
}

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	app := newApp(stdout, stderr, getenv)
	return guard(func(err error) int { return exitCode(err, stderr, logFormat(app)) }, func() int {
		return exitCode(app.Run(args), stderr, logFormat(app))
	})
}

// guard runs fn and turns a panic, which is a bug, into one message and
// exit code 3 instead of a stack trace in front of the user.
func guard(report func(error) int, fn func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			code = report(fmt.Errorf("internal error: %v; please report it", r))
		}
	}()
	return fn()
}

// logFormat is the --log-format of the run, once the global flags have been
// parsed and checked; "text" before that.
func logFormat(app *cli.App) string {
	if f, ok := app.Metadata[logFormatKey].(string); ok {
		return f
	}
	return "text"
}
