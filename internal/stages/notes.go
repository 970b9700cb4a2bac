package stages

import "github.com/briefing-tool/briefing/pipeline"

// checkNotesStage is `briefing check`'s look at the written assessments.
// Check has no period, so every notes file of [notes] dir is parsed and
// checked against every event: a link to an id no event has is an error,
// while links to events and pairs outside a period are build's to report
// (README "Assessments"); characters the font lacks are warned about as
// build would. Its problems join the run's list; check render,
// the last stage, applies --strict and stops on errors.
type checkNotesStage struct{ check *checker }

func (checkNotesStage) String() string { return "check notes" }

func (s checkNotesStage) Run(c *pipeline.Context) error {
	files, err := pipeline.NotesFiles(c.Config)
	if err != nil {
		c.Diagnostics.Add(pipeline.Position{File: pipeline.DisplayPath(c.Config.Resolve(c.Config.Notes.Dir))}, "", "", "cannot read the notes directory: %v", pipeline.UnwrapPath(err))
		return nil
	}
	known := pipeline.KnownIDs(c.Dataset)
	for _, f := range files {
		a, errs := pipeline.ReadNotes(c.Config, f)
		c.Diagnostics = append(c.Diagnostics, errs...)
		if a != nil {
			c.Diagnostics = append(c.Diagnostics, pipeline.CheckNotes(a, known, nil)...)
			if s.check != nil && s.check.pdf != nil {
				s.check.pdf.Assessment(a)
			}
		}
	}
	if s.check != nil && s.check.pdf != nil {
		c.Diagnostics = append(c.Diagnostics, s.check.pdf.Warnings()...)
	}
	return nil
}
