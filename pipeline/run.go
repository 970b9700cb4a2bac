package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// Options are the command line's choices for one run, applied on top of
// the config (flags last).
type Options struct {
	ConfigPath string
	Period     string   // --period; "" = briefing.period
	OutDir     string   // --out; "" = output.dir
	Formats    []string // --format; nil = output.formats
	PerPair    bool     // --per-pair
	Appendix   bool     // --appendix; Context.Appendix joins pdf.appendix
	Strict     bool     // --strict: warnings are errors
	// Previous is --previous: an earlier build's manifest to compare
	// with, "none" for no comparison, "" to look in the output directory.
	Previous string
	// StrictScope limits --strict to the warnings about the report's
	// scope and the run's own config and files (build and summary; check
	// applies --strict to every warning).
	StrictScope bool
	Now         time.Time
	Version     string
}

// Context is shared by the stages of a run: the config and each stage's
// product. Stages keep nothing of a run anywhere else (ARCHITECTURE.md
// lists the package-level state there is).
type Context struct {
	context.Context
	Options Options
	Config  *Config
	Log     *slog.Logger
	// Progress, when set, shows how far a long stage has got; stages call
	// it with their name, work done and total.
	Progress func(stage string, done, total int)
	// LoadCache, when set, keeps the decoded input files between runs
	// (briefing serve's rebuilds).
	LoadCache *DecodeCache

	// Diagnostics are the run's problems, errors and warnings, each stage's
	// added as it finds them, with paths relative to the working
	// directory. The config's errors are here before the run starts; the
	// load stage reports them together with the events' so that one run
	// lists every problem.
	Diagnostics ErrorList

	Dataset   *Dataset
	Period    period.Period
	PairKeys  []string // validated --pair keys
	Report    *Report
	Artifacts []Artifact // rendered outputs, in the order they were made

	// bg is the work stages leave running beside the next ones (Go).
	bg errgroup.Group
	// The running stage, its start, and whether it left work in bg (then
	// that work logs the stage's end).
	stage   string
	start   time.Time
	pending bool
	// unplaced are the warnings PlaceWarnings looked for and did not find
	// (the file changed, or the field is not written), so that it does
	// not read their files again after every stage.
	unplaced map[*Diagnostic]bool
}

// Appendix reports whether the PDF lists every event of the period at its
// end: build --appendix or [pdf] appendix = true.
func (c *Context) Appendix() bool {
	return c.Options.Appendix || c.Config != nil && c.Config.PDF.Appendix
}

// Artifact is one rendered output file, not yet written.
type Artifact struct {
	Name string // file name inside the output directory
	Kind string // "pdf", "xlsx", "manifest"
	Data []byte
}

// Stage is one step of a run. String is a short lowercase title for logs.
type Stage interface {
	String() string
	Run(*Context) error
}

// Skipper is a stage that may be turned off for a run: Run skips it when
// Skip returns true (render pdf without the pdf format, for one).
type Skipper interface {
	Skip(*Context) bool
}

// Run runs stages in order, logging each with its duration, and stops at
// the first error, wrapped with the stage's name. Work a stage left
// running (Go) is waited for before Run returns, so nothing of a run
// outlives it.
func Run(ctx *Context, stages []Stage) (err error) {
	defer func() {
		if werr := ctx.Wait(); err == nil {
			err = werr
		}
	}()
	for _, s := range stages {
		if sk, ok := s.(Skipper); ok && sk.Skip(ctx) {
			ctx.Log.Debug("skipped", "stage", s.String())
			continue
		}
		ctx.stage, ctx.start, ctx.pending = s.String(), time.Now(), false
		err := s.Run(ctx)
		ctx.PlaceWarnings()
		if err != nil || !ctx.pending {
			ctx.logStage(s.String(), ctx.start, err)
		}
		if err != nil {
			return &StageError{Stage: s.String(), Err: err}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// Go runs f beside the stages that follow, as the rest of the running
// stage: the stage is logged as done, with its duration, when f returns,
// and f's error is named after it. A later stage that needs what f makes
// calls Wait. Go is the last thing a stage's Run does.
func (c *Context) Go(f func() error) {
	stage, start := c.stage, c.start
	c.pending = true
	c.bg.Go(func() error {
		err := f()
		c.logStage(stage, start, err)
		if err != nil {
			return &StageError{Stage: stage, Err: err}
		}
		return nil
	})
}

// Wait waits for the work the stages left running (Go) and returns its
// first error.
func (c *Context) Wait() error { return c.bg.Wait() }

// logStage logs the end of a stage with its duration.
func (c *Context) logStage(stage string, start time.Time, err error) {
	ms := float64(time.Since(start).Microseconds()) / 1000
	if err != nil {
		c.Log.Debug("stage failed", "stage", stage, "duration_ms", ms, "error", err.Error())
		return
	}
	c.Log.Debug("stage done", "stage", stage, "duration_ms", ms)
}

// StageError is a failure of one stage.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return fmt.Sprintf("%s: %v", e.Stage, e.Err) }
func (e *StageError) Unwrap() error { return e.Err }

// The domain stages, in order. Rendering and writing live with the
// renderers, so that this package never imports them.
var (
	LoadStage      Stage = loadStage{}
	NormalizeStage Stage = normalizeStage{}
	PeriodStage    Stage = periodStage{}
	AggregateStage Stage = aggregateStage{}
)

type loadStage struct{}

func (loadStage) String() string { return "load" }
func (loadStage) Run(c *Context) error {
	o := LoadOptions{Cache: c.LoadCache}
	if c.Progress != nil {
		o.Progress = func(done, total int) { c.Progress("load", done, total) }
	}
	ds, err := LoadWithOptions(c.Config, o)
	// The events' problems join the config's, so one run lists them all.
	if list, ok := err.(ErrorList); ok {
		c.Diagnostics = append(c.Diagnostics, list...)
	}
	if err := c.Diagnostics.Err(); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	c.Dataset = ds
	c.Log.Info("loaded", "stage", "load", "files", len(ds.Inputs), "events", len(ds.Events))
	return nil
}

type normalizeStage struct{}

func (normalizeStage) String() string { return "normalize" }
func (normalizeStage) Run(c *Context) error {
	c.Diagnostics = append(c.Diagnostics, Normalize(c.Config, c.Dataset)...)
	return c.Strict()
}

// Strict makes the run's warnings errors under --strict, and returns the
// run's errors, if any (ErrorList.Err). Stages call it after adding
// warnings. With Options.StrictScope it makes errors only of the warnings
// about the report's scope (InScope), which needs the report: before
// aggregate it leaves them for a later call, and aggregate makes one.
func (c *Context) Strict() error {
	if !c.Options.Strict {
		return nil
	}
	c.PlaceWarnings() // the errors they become say where, as warnings do
	if !c.Options.StrictScope {
		c.Diagnostics.Strict()
		return c.Diagnostics.Err()
	}
	if c.Report == nil {
		return c.Diagnostics.Err()
	}
	byID := map[string]*Event{}
	for _, e := range c.Dataset.Events {
		byID[e.ID] = e
	}
	for _, d := range c.Diagnostics {
		if d.Severity == Warning && c.Report.InScope(d, byID) {
			d.Severity = Error
		}
	}
	return c.Diagnostics.Err()
}

// InScope reports whether diagnostic d concerns report r: it is about the
// run itself (no event: the config, a template, a file, the quality of
// the input), or about an event r covers (Covers); byID finds events by
// id. An event it cannot find counts as in scope.
func (r *Report) InScope(d *Diagnostic, byID map[string]*Event) bool {
	if d.about != nil {
		return slices.ContainsFunc(*d.about, r.Covers)
	}
	if d.Event == "" {
		return true
	}
	e, ok := byID[d.Event]
	return !ok || r.Covers(e)
}

type periodStage struct{}

func (periodStage) String() string { return "period" }
func (periodStage) Run(c *Context) error {
	spec := c.Options.Period
	if spec == "" {
		spec = c.Config.Briefing.Period
	}
	now := c.Options.Now.In(c.Config.Location)
	p, err := period.Parse(spec, period.Context{
		Today:  period.Date(now.Year(), now.Month(), now.Day()),
		Latest: LatestHeld(c.Dataset.Events),
	})
	if err != nil {
		return err
	}
	c.Period = p
	return nil
}

type aggregateStage struct{}

func (aggregateStage) String() string { return "aggregate" }
func (aggregateStage) Run(c *Context) error {
	c.Report = Aggregate(c.Config, c.Dataset, AggregateOptions{
		Period:      c.Period,
		Pairs:       c.PairKeys,
		GeneratedAt: c.Options.Now.In(c.Config.Location),
		Version:     c.Options.Version,
	})
	c.Log.Info("aggregated", "stage", "aggregate", "period", c.Period.ID, "events", c.Report.Totals.Events, "pairs", len(c.Report.Pairs))
	// The earlier stages' warnings about the report, now that it exists.
	return c.Strict()
}
