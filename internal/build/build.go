// Package build assembles a run of briefing: the ordered list of stages
// from loading the events to writing the outputs. Reading Stages tells the
// whole program; each stage lives with the package that does its job.
package build

import (
	"path/filepath"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// Stages returns the stages of `briefing build`, in order.
func Stages() []pipeline.Stage {
	return []pipeline.Stage{
		templatesStage{},
		pipeline.LoadStage,
		pipeline.NormalizeStage,
		pipeline.PeriodStage,
		pipeline.AggregateStage,
		renderStage{},
		manifestStage{},
		writeStage{},
	}
}

// CheckStages returns the stages of `briefing check`: load and validate,
// and check everything the render would (templates, glyphs).
func CheckStages() []pipeline.Stage {
	chk := &checker{}
	return []pipeline.Stage{templatesStage{chk}, pipeline.LoadStage, pipeline.NormalizeStage, checkRenderStage{chk}}
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
