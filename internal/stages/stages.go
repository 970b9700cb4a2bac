// Package stages assembles a run of briefing: the ordered list of stages
// from loading the events to writing the outputs. Reading Stages tells the
// whole program; each stage lives with the package that does its job.
package stages

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// Stages returns the stages of `briefing build`, in order.
func Stages() []pipeline.Stage {
	return []pipeline.Stage{
		recoverStage{},   // repair a commit a killed run left, before anything else
		templatesStage{}, // parse templates; their problems join the config's
		pipeline.LoadStage,
		pipeline.NormalizeStage,
		pipeline.PeriodStage,
		pipeline.AggregateStage,
		renderStage{},
		manifestStage{},
		writeStage{},
	}
}

// CheckStages returns the stages of `briefing check`: report an
// interrupted commit in the output directory (check writes nothing), load
// and validate, and check everything the render would (templates, glyphs,
// config text that does not fit the page).
func CheckStages() []pipeline.Stage {
	chk := &checker{}
	return []pipeline.Stage{journalReport{}, templatesStage{chk}, pipeline.LoadStage, pipeline.NormalizeStage, checkRenderStage{chk}}
}

// recoverStage repairs a commit a killed run left in the output directory
// (journal.go), and clears its temporaries, before the build does anything
// else: output/ holds one complete set from the moment a build starts,
// even one that then fails on its input. The write stage checks again
// under its own lock. A directory with nothing to repair is not touched.
type recoverStage struct{}

func (recoverStage) String() string { return "recover" }

func (recoverStage) Run(c *pipeline.Context) error {
	if c.Config == nil && c.Options.OutDir == "" {
		return nil
	}
	dir := OutputDir(c)
	entries, err := os.ReadDir(dir)
	if err != nil || !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return leftover(e.Name()) }) {
		return nil // the write stage reports an unusable directory
	}
	unlock, err := lockDir(dir)
	if errors.Is(err, ErrLocked) {
		return nil // the run holding it repairs it first
	}
	if err != nil {
		return err
	}
	defer unlock()
	if err := recoverJournal(c, dir, fsOps{}); err != nil {
		return err
	}
	removeStale(dir)
	return nil
}

// journalReport is check's view of an interrupted commit: a warning, and
// nothing changed (check writes nothing).
type journalReport struct{}

func (journalReport) String() string { return "journal" }

func (journalReport) Run(c *pipeline.Context) error {
	if c.Config == nil {
		return nil
	}
	if msg := JournalStatus(OutputDir(c)); msg != "" {
		c.Log.Warn(msg)
	}
	return nil
}

// SummaryStages returns the stages of `briefing summary`: everything up to
// the report.
func SummaryStages() []pipeline.Stage {
	return []pipeline.Stage{pipeline.LoadStage, pipeline.NormalizeStage, pipeline.PeriodStage, pipeline.AggregateStage}
}

// OutputDir is --out, else output.dir relative to the config file.
func OutputDir(c *pipeline.Context) string {
	if c.Options.OutDir != "" {
		abs, err := filepath.Abs(c.Options.OutDir)
		if err == nil {
			return abs
		}
		return c.Options.OutDir
	}
	return c.Config.Resolve(c.Config.Output.Dir)
}

// Formats is --format, else output.formats.
func Formats(c *pipeline.Context) []string {
	if len(c.Options.Formats) > 0 {
		return c.Options.Formats
	}
	return c.Config.Output.Formats
}

// Stem is the output file stem with {period} filled in.
func Stem(c *pipeline.Context) string {
	return strings.ReplaceAll(c.Config.Output.Name, "{period}", c.Period.ID)
}
