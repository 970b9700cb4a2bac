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
)

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr, os.Getenv))
}

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	defer func() {
		// A panic is a bug; show one line, not a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "briefing: internal error: %v; please report it\n", r)
			code = ExitFailure
		}
	}()
	app := newApp(stdout, stderr, getenv)
	return exitCode(app.Run(args), stderr)
}
