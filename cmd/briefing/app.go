package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing/internal/logx"
	"github.com/briefing-tool/briefing/internal/progress"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = ""

// toolVersion is the version the outputs record (manifest, About sheet).
func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// longVersion is what --version prints: the version, then the VCS
// revision, its time and whether the tree had changes, as the Go
// toolchain recorded them in the binary (go build in a clone does; with
// -buildvcs=false, or outside a clone, there is none to print).
func longVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(toolVersion(), bi)
}

func formatVersion(v string, bi *debug.BuildInfo) string {
	var rev, at string
	modified := false
	if bi != nil {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if rev == "" {
		return v + " (no VCS revision recorded)"
	}
	details := []string{"revision " + rev}
	if at != "" {
		details = append(details, at)
	}
	if modified {
		details = append(details, "modified")
	}
	return v + " (" + strings.Join(details, ", ") + ")"
}

// logFormatKey is where Before records --log-format in the app's Metadata,
// for the messages of a failed run (exitCode).
const logFormatKey = "log-format"

// Where the app's Metadata keeps what the final record reports (run):
// the global flags (resolveGlobals), the command that ran and the paths
// of the outputs it wrote.
const (
	logOptionsKey = "log-options"
	commandKey    = "command"
	outputsKey    = "outputs"
)

func newApp(stdout, stderr io.Writer, getenv func(string) string) *cli.App {
	configFlag := &cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: ./config.toml if present)"}
	strictFlag := &cli.BoolFlag{Name: "strict", Usage: "treat warnings (unknown focus areas, missing glyphs) as errors"}
	periodFlag := &cli.StringFlag{Name: "period", Aliases: []string{"p"}, Usage: "reporting `PERIOD`: " + period.Accepted + " (default: briefing.period)"}
	pairFlag := &cli.StringSliceFlag{Name: "pair", Usage: "only this country `PAIR`, e.g. GEO-AZE (either order), or GEO-* for every pair with GEO (repeatable)"}

	app := &cli.App{
		Name:    "briefing",
		Usage:   "weekly PDF briefings and Excel workbooks of diplomatic and security events, per country pair",
		Version: longVersion(),
		// Completion (briefing completion bash|zsh) asks the binary itself.
		EnableBashCompletion: true,
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true,
		Metadata:             map[string]any{},
		Suggest:              true,
		Flags:                globalFlags(),
		Before:               resolveGlobals,
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usagef("%v%s", err, flagSuggestion(c, err))
		},
		ExitErrHandler: func(*cli.Context, error) {}, // exit codes are decided in exitCode
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				var names []string
				for _, cmd := range c.App.Commands {
					names = append(names, cmd.Name)
				}
				name, hint := c.Args().First(), ""
				if s := pipeline.Closest(c.Args().First(), names); len(s) > 0 {
					hint = " (did you mean " + pipeline.OrList(s) + "?)"
				}
				return usagef("unknown command %q%s; commands: %s", name, hint, strings.Join(names, ", "))
			}
			cli.ShowAppHelp(c)
			return usagef("no command given")
		},
		Commands: []*cli.Command{
			{
				Name:      "build",
				Usage:     "load, validate and aggregate the events, then write the PDF and workbook",
				ArgsUsage: " ",
				Flags: []cli.Flag{configFlag, periodFlag, pairFlag,
					&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "output `DIR` (default: output.dir)"},
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "comma-separated `FORMATS`: pdf, xlsx (default: output.formats)"},
					&cli.BoolFlag{Name: "per-pair", Usage: "also write one PDF per pair"},
					&cli.BoolFlag{Name: "appendix", Usage: "add every event of the period to the PDF (default: pdf.appendix)"},
					&cli.StringFlag{Name: "previous", Usage: "compare with this earlier build's manifest `FILE`, or none (default: the output dir's manifest of this period, else of the previous one)"},
					strictFlag,
				},
				Action: func(c *cli.Context) error { return cmdBuild(c, getenv) },
			},
			{
				Name:      "check",
				Usage:     "report everything build would reject (config, events, templates, glyphs); writes nothing",
				ArgsUsage: " ",
				Flags:     []cli.Flag{configFlag, strictFlag},
				Action:    func(c *cli.Context) error { return cmdCheck(c, getenv) },
			},
			{
				Name:      "summary",
				Usage:     "print the per-pair numbers of a period as a table or JSON; writes nothing",
				ArgsUsage: " ",
				Flags:     []cli.Flag{configFlag, periodFlag, pairFlag, strictFlag, &cli.BoolFlag{Name: "json", Usage: "print JSON"}},
				Action:    func(c *cli.Context) error { return cmdSummary(c, getenv) },
			},
			completionCommand(),
			{
				Name:      "init",
				Usage:     "scaffold a project: config.toml, input/example.toml, notes/, templates/, .gitignore",
				ArgsUsage: "[DIR]",
				Flags:     []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite the files init writes (and no others) where they exist"}},
				Action:    cmdInit,
			},
			importCommand(),
			serveCommand(configFlag, periodFlag, pairFlag, getenv),
			diffCommand(),
		},
	}
	// Every command, present and future, takes the global flags after its
	// name too (`briefing build --verbose`), as cobra-style tools do.
	for _, cmd := range app.Commands {
		if ex := examples[cmd.Name]; ex != "" {
			cmd.CustomHelpTemplate = cli.CommandHelpTemplate + "EXAMPLES:\n" + ex
		}
		withGlobals(cmd, cmd.Name, app.OnUsageError)
	}
	return app
}

// withGlobals gives cmd and its subcommands (`import csv`) the global
// flags, the app's usage errors (exit 2) and the name of the top-level
// command the run's final record names.
func withGlobals(cmd *cli.Command, name string, onUsage cli.OnUsageErrorFunc) {
	cmd.OnUsageError = onUsage
	cmd.Flags = append(slices.Clip(cmd.Flags), globalFlags()...)
	cmd.Before = func(c *cli.Context) error {
		c.App.Metadata[commandKey] = name
		return resolveGlobals(c)
	}
	for _, sub := range cmd.Subcommands {
		withGlobals(sub, name, onUsage)
	}
}

// flagSuggestion is " (did you mean --verbose?)" for an unknown flag
// close to one the command (or, before any command, the app) takes.
func flagSuggestion(c *cli.Context, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return ""
	}
	name = strings.TrimPrefix(name, "-")
	flags := c.App.Flags
	if c.Command != nil && len(c.Command.Flags) > 0 {
		flags = c.Command.Flags
	}
	var known []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) > 1 { // any two letters are "close" to a one-letter alias
				known = append(known, n)
			}
		}
	}
	s := pipeline.Closest(name, known)
	if len(s) == 0 {
		return ""
	}
	return " (did you mean --" + strings.Join(s, " or --") + "?)"
}

// globalFlags are the flags every command takes, before or after its
// name. Each call makes new flags: urfave/cli keeps state in them.
func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only", Category: "global"},
		&cli.BoolFlag{Name: "verbose", Usage: "print each stage with its duration (DEBUG records in JSON logs)", Category: "global"},
		&cli.StringFlag{Name: "log-format", Value: "text", Usage: "log `FORMAT`: text or json", Category: "global"},
	}
}

// resolveGlobals reads the global flags from every level of the command
// line, the command's over the app's, checks them, and keeps them in the
// app's Metadata for newContext and for the messages of a failed run
// (exitCode). It is the Before of the app and of every command, so a bad
// value is a usage error wherever it was given.
func resolveGlobals(c *cli.Context) error {
	o := logx.Options{Format: "text"}
	lineage := c.Lineage()
	for i := len(lineage) - 1; i >= 0; i-- { // from the app down
		lc := lineage[i]
		for _, name := range lc.LocalFlagNames() {
			switch name {
			case "quiet", "q":
				o.Quiet = lc.Bool("quiet")
			case "verbose":
				o.Verbose = lc.Bool("verbose")
			case "log-format":
				o.Format = lc.String("log-format")
			}
		}
	}
	if o.Format != "text" && o.Format != "json" {
		return usagef("--log-format %q: must be text or json", o.Format)
	}
	if o.Quiet && o.Verbose {
		return usagef("--quiet and --verbose cannot be used together")
	}
	c.App.Metadata[logFormatKey] = o.Format
	c.App.Metadata[logOptionsKey] = o
	return nil
}

// logOptions are the run's global flags, once resolveGlobals has read them.
func logOptions(c *cli.Context) logx.Options {
	if o, ok := c.App.Metadata[logOptionsKey].(logx.Options); ok {
		return o
	}
	return logx.Options{Format: "text"}
}

// newContext loads the config and applies the flags common to all commands.
func newContext(c *cli.Context, getenv func(string) string) (*pipeline.Context, error) {
	if c.Args().Present() {
		return nil, usagef("%s takes no arguments, got %q", c.Command.Name, c.Args().First())
	}
	now, err := runTime(getenv)
	if err != nil {
		return nil, err
	}
	opt := pipeline.Options{
		ConfigPath: c.String("config"),
		Strict:     c.Bool("strict"),
		// build --strict (and summary's) fails on the warnings about its report
		// only; check --strict on every warning.
		StrictScope: c.Command.Name == "build" || c.Command.Name == "summary",
		Now:         now,
		Version:     toolVersion(),
	}
	if c.IsSet("period") {
		opt.Period = c.String("period")
		// Check the form now, so a typo is a usage error before any loading.
		if err := period.Validate(opt.Period); err != nil {
			return nil, &usageError{msg: "--period: " + err.Error()}
		}
	}
	cfg, err := pipeline.LoadConfig(opt.ConfigPath)
	var cfgErrs pipeline.ErrorList
	if err != nil {
		// With a config that decoded, still load the events, so that one
		// run reports every problem; an unreadable config stops here.
		if cfg == nil || !errors.As(err, &cfgErrs) {
			return nil, err
		}
	}
	lo := logOptions(c)
	ctx := &pipeline.Context{
		Context:     context.Background(),
		Options:     opt,
		Config:      cfg,
		Diagnostics: cfgErrs,
		Log:         logx.New(c.App.ErrWriter, lo),
	}
	if !lo.Quiet && lo.Format == "text" && progress.Enabled(c.App.ErrWriter, getenv) {
		ctx.Progress = progress.Bars(c.App.ErrWriter, getenv("NO_COLOR") != "")
	}
	if len(cfgErrs) > 0 {
		return ctx, nil // --pair needs a valid country table; load reports first
	}
	for _, p := range c.StringSlice("pair") {
		key, err := cfg.ParseScope(p)
		if err != nil {
			return nil, usagef("--pair: %v", err)
		}
		ctx.PairKeys = append(ctx.PairKeys, key)
	}
	return ctx, nil
}

// maxEpoch is the last second SOURCE_DATE_EPOCH may name,
// 9998-12-31T23:59:59Z: in any time zone (up to UTC+14) that day is still
// in 9998 or the first of 9999, so today's week, its period id and every
// date the outputs derive from it keep four-digit years (RFC 3339, Excel).
const maxEpoch = 253370764799

// runTime is now, or the instant SOURCE_DATE_EPOCH names, so that builds
// can be reproduced byte for byte.
func runTime(getenv func(string) string) (time.Time, error) {
	s := strings.TrimSpace(getenv("SOURCE_DATE_EPOCH"))
	if s == "" {
		return time.Now(), nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > maxEpoch {
		return time.Time{}, usagef("SOURCE_DATE_EPOCH=%q: must be a whole number of seconds from 0 (%s) to %d (%s)",
			s, time.Unix(0, 0).UTC().Format(time.RFC3339), maxEpoch, time.Unix(maxEpoch, 0).UTC().Format(time.RFC3339))
	}
	return time.Unix(n, 0).UTC(), nil
}

// warn prints the run's warnings, one per line, as people and grep expect.
// Under --strict a failed run has none left: they are its errors.
func warn(ctx *pipeline.Context) {
	for _, w := range ctx.Diagnostics.Warnings() {
		ctx.Log.Warn(w.Error())
	}
}

func cmdCheck(c *cli.Context, getenv func(string) string) error {
	ctx, err := newContext(c, getenv)
	if err != nil {
		return err
	}
	// Every stage runs without --strict, so that a warning (which --strict
	// makes an error) does not stop the stages after it: one run shows
	// everything. Then the warnings are printed, or under --strict join
	// the run's input errors, which are in the same list.
	strict := ctx.Options.Strict
	ctx.Options.Strict = false
	err = pipeline.Run(ctx, checkStages())
	var list pipeline.ErrorList
	if strict && (err == nil || errors.As(err, &list)) {
		ctx.Options.Strict = true
		if err := ctx.Strict(); err != nil {
			return err
		}
	}
	warn(ctx)
	if err != nil {
		return err
	}
	ctx.Log.Info(fmt.Sprintf("ok: %s in %s", plural(len(ctx.Dataset.Events), "event"), plural(len(ctx.Dataset.Inputs), "file")))
	return nil
}
