// Package stages lists the stages of each command of briefing, in order:
// reading Build, Check and Summary tells the whole program. Each stage
// lives with the package that does its job (pipeline: load to aggregate;
// outdir: everything that touches the output directory); the render,
// manifest and check stages, which join the domain to the renderers, live
// here.
package stages

import (
	"slices"
	"strings"

	"github.com/briefing-tool/briefing/internal/outdir"
	"github.com/briefing-tool/briefing/pipeline"
)

// Each list is made per run: the render and check stages share what
// they make through a value of the list.

// input is the head every command shares: the events read and resolved.
func input() []pipeline.Stage {
	return []pipeline.Stage{
		pipeline.LoadStage,      // read, decode and validate every input file; with the config's problems
		pipeline.NormalizeStage, // people and focus areas by their canonical names; warnings
	}
}

// report is the head of build and summary: the events read, then the
// report of the period.
func report() []pipeline.Stage {
	return append(input(),
		pipeline.PeriodStage,    // resolve --period (relative forms: today, the newest event)
		pipeline.AggregateStage, // one pass over the events: the Report
		pipeline.NotesStage,     // the period's written assessment, if any, checked against the report
	)
}

// Summary returns the stages of `briefing summary`: everything up to the
// report, and its data-quality warnings.
func Summary() []pipeline.Stage {
	return append(report(),
		pipeline.QualityStage, // stale input, an empty period, planned events never confirmed; --strict
	)
}

// Build returns the stages of `briefing build`, in order.
func Build() []pipeline.Stage {
	r, prev := new(rendering), new(previousEdition)
	stages := []pipeline.Stage{
		outdir.Recover,      // repair a commit a killed run left, before anything else
		templatesStage{},    // parse the templates; their problems join the config's
		previousStage{prev}, // read --previous FILE, a manifest (exit 2 when it is not one)
	}
	stages = append(stages, report()...)
	return append(stages,
		pipeline.QualityStage, // stale input, an empty period, planned events never confirmed; --strict
		compareStage{prev},    // the edition's digests; compare with --previous or the output dir's manifest
		renderPDFStage{r},     // lay the note out, then write its bytes beside the next stage (pdf only)
		renderXLSXStage{r},    // stream the workbook, which lists every warning so far (xlsx only)
		renderStage{r},        // wait for the PDF; the workbook's warnings, --strict, the artifacts in order
		manifestStage{},       // what the run read and wrote, with SHA-256s
		outdir.Write,          // lock output/, write temporaries, commit the set through a journal
	)
}

// Preview returns the stages of each rebuild of `briefing serve`: build's
// up to the rendered artifacts, which stay in memory. Without recover and
// write, a preview never writes to output/ nor takes its lock; compare
// only reads the published edition there, so the preview shows the
// "Since the last edition" box the next build will print.
func Preview() []pipeline.Stage {
	r := new(rendering)
	stages := append([]pipeline.Stage{
		templatesStage{}, // parse the templates; their problems join the config's
	}, report()...)
	return append(stages,
		pipeline.QualityStage,              // stale input, an empty period, planned events never confirmed
		compareStage{new(previousEdition)}, // the output dir's edition of this period (read only), compared
		renderPDFStage{r},                  // lay the note out, then write its bytes beside the next stage
		renderXLSXStage{r},                 // stream the workbook, which lists every warning so far
		renderStage{r},                     // wait for the PDF; the workbook's warnings; the artifacts in order
	)
}

// Check returns the stages of `briefing check`: everything build would
// reject, and nothing written.
func Check() []pipeline.Stage {
	chk := new(checker)
	stages := []pipeline.Stage{
		outdir.Report,       // warn of an interrupted commit in output/, without touching it
		templatesStage{chk}, // parse the templates; check the config's text against the font
	}
	stages = append(stages, input()...)
	return append(stages,
		checkNotesStage{chk},  // every notes file, checked against every event and the font
		checkRenderStage{chk}, // every event as the period "all", checked as a render would; --strict
	)
}

// Formats is --format, else output.formats.
func Formats(c *pipeline.Context) []string {
	if len(c.Options.Formats) > 0 {
		return c.Options.Formats
	}
	return c.Config.Output.Formats
}

// Stem is the output file stem: output.name with {period} and {pairs}
// filled in. A build filtered with --pair never takes the unfiltered
// build's names: without {pairs} in output.name, "-pairs-{pairs}" is
// added ("briefing-2025-W45-pairs-AZE-TUR"). The "pairs-" keeps the name
// apart from a per-pair note's, "<stem>-AZE-TUR.pdf", which the write
// stage would otherwise take for a stale output of the unfiltered build.
func Stem(c *pipeline.Context) string { return stemFor(c, c.Period.ID) }

// stemFor is the stem of c's build for the period with that id.
func stemFor(c *pipeline.Context, periodID string) string {
	name := c.Config.Output.Name
	if len(c.PairKeys) > 0 && !strings.Contains(name, "{pairs}") {
		name += "-pairs-{pairs}"
	}
	return strings.NewReplacer("{period}", periodID, "{pairs}", PairsName(c.PairKeys)).Replace(name)
}

// PairsName is {pairs}: the --pair keys, sorted, each once, joined by "_",
// with a wildcard's "*" written "ALL" ("AZE-TUR_GEO-ALL"); "all" without
// --pair. Keys are codes, "-" and "*": the name stays a plain file name.
func PairsName(keys []string) string {
	if len(keys) == 0 {
		return "all"
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = strings.ReplaceAll(k, "*", "ALL")
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), "_")
}
