// Package stages lists the stages of each command of briefing, in order:
// reading Build, Check and Summary tells the whole program. Each stage
// lives with the package that does its job (pipeline: load to aggregate;
// outdir: everything that touches the output directory); the render,
// manifest and check stages, which join the domain to the renderers, live
// here.
package stages

import (
	"strings"

	"github.com/briefing-tool/briefing/internal/outdir"
	"github.com/briefing-tool/briefing/pipeline"
)

// Stages returns the stages of `briefing build`, in order.
func Stages() []pipeline.Stage {
	return []pipeline.Stage{
		outdir.Recover,   // repair a commit a killed run left, before anything else
		templatesStage{}, // parse templates; their problems join the config's
		pipeline.LoadStage,
		pipeline.NormalizeStage,
		pipeline.PeriodStage,
		pipeline.AggregateStage,
		renderStage{},
		manifestStage{},
		outdir.Write,
	}
}

// CheckStages returns the stages of `briefing check`: report an
// interrupted commit in the output directory (check writes nothing), load
// and validate, and check everything the render would (templates, glyphs,
// config text that does not fit the page).
func CheckStages() []pipeline.Stage {
	chk := &checker{}
	return []pipeline.Stage{outdir.Report, templatesStage{chk}, pipeline.LoadStage, pipeline.NormalizeStage, checkRenderStage{chk}}
}

// SummaryStages returns the stages of `briefing summary`: everything up to
// the report.
func SummaryStages() []pipeline.Stage {
	return []pipeline.Stage{pipeline.LoadStage, pipeline.NormalizeStage, pipeline.PeriodStage, pipeline.AggregateStage}
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
