// Command briefing turns curated records of diplomatic and security events
// into a PDF briefing note and an Excel workbook, aggregated per country
// pair. This package maps flags to options and errors to exit codes; the
// work is done by package pipeline and the stages in internal/build.
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
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	app := newApp(stdout, stderr, getenv)
	defer func() {
		// A panic is a bug; show one line, not a stack trace.
		if r := recover(); r != nil {
			code = exitCodeFormat(fmt.Errorf("internal error: %v; please report it", r), stderr, logFormat(app))
		}
	}()
	err := app.Run(args)
	return exitCodeFormat(err, stderr, logFormat(app))
}

// logFormat is the --log-format of the run, once the global flags have been
// parsed and checked; "text" before that.
func logFormat(app *cli.App) string {
	if f, ok := app.Metadata[logFormatKey].(string); ok {
		return f
	}
	return "text"
}
