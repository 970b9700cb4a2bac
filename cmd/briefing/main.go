// Command briefing turns curated records of diplomatic and security events
// into a PDF briefing note and an Excel workbook, aggregated per country
// pair. This package maps flags to options and errors to exit codes; the
// work is done by package pipeline and the stage lists in internal/stages.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // time zones resolve the same on every machine, even without tzdata

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing/internal/logx"
)

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr, os.Getenv))
}

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	start := time.Now()
	app := newApp(stdout, stderr, getenv)
	// A flag error stops the parse before the command's global flags are
	// read (resolveGlobals); its message still follows --log-format json.
	app.Metadata[argsLogFormatKey] = lastLogFormat(args)
	code := guard(func(err error) int { return exitCode(err, stderr, logFormat(app), command(app)) }, func() int {
		return exitCode(app.Run(args), stderr, logFormat(app), command(app))
	})
	finalRecord(app, stderr, code, start)
	return code
}

// finalRecord ends every run with one record, "done" or "failed", with
// its exit code, duration and the outputs it wrote, so that a scheduler
// reads the result from the last line. --help, --version and completion,
// which run nothing, end without it; --quiet keeps only "failed".
func finalRecord(app *cli.App, stderr io.Writer, code int, start time.Time) {
	if code == ExitOK && (command(app) == "" || command(app) == "completion") {
		return // a script sourced at every shell's start must print nothing else
	}
	o, _ := app.Metadata[logOptionsKey].(logx.Options) // zero before they were read
	o.Format = logFormat(app)
	outputs, _ := app.Metadata[outputsKey].([]string)
	if outputs == nil || code != ExitOK {
		outputs = []string{} // a failed run writes nothing
	}
	log := logx.New(stderr, o)
	attrs := []any{"exit_code", code, "duration_ms", float64(time.Since(start).Microseconds()) / 1000, "outputs", outputs}
	if code == ExitOK || code == ExitInvalid && command(app) == "diff" { // diff's 1: the editions differ
		log.Info("done", attrs...)
		return
	}
	log.Error("failed", attrs...)
}

// lastLogFormat is the value of the last --log-format in args, or "".
func lastLogFormat(args []string) string {
	f := ""
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--log-format="); ok {
			f = v
		} else if a == "--log-format" && i+1 < len(args) {
			f = args[i+1]
		}
	}
	return f
}

// command is the name of the command that ran, "" before one did.
func command(app *cli.App) string {
	name, _ := app.Metadata[commandKey].(string)
	return name
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

// logFormat is the --log-format of the run: as the command's global flags
// were read and checked, or, when no command got that far (a flag it
// does not know), the last one on the command line if it is text or
// json; else the app's, or "text".
func logFormat(app *cli.App) string {
	if f := app.Metadata[argsLogFormatKey]; command(app) == "" && (f == "json" || f == "text") {
		return f.(string)
	}
	if f, ok := app.Metadata[logFormatKey].(string); ok {
		return f
	}
	return "text"
}

// argsLogFormatKey is where run keeps the last --log-format of the
// command line, unchecked.
const argsLogFormatKey = "args-log-format"
