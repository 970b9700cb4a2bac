package stages

import (
	"errors"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
	"github.com/briefing-tool/briefing/render/pdf"
)

// templatesStage reads and parses the project's templates before the
// events are loaded, and hands their problems (and an unreadable
// templates directory, and config text too long for the page) to the load
// stage with the config's, so that one
// run lists them with the events' problems. With check set, it also
// checks the config's strings against the PDF font, for `briefing check`,
// which would otherwise only see them once the events are valid. (Check
// runs its stages without --strict and applies it to all the warnings at
// the end, so that a warning does not hide what later stages find.)
type templatesStage struct {
	check *checker // nil for build
}

// checker carries `briefing check`'s render checks from templatesStage
// to checkRenderStage.
type checker struct{ pdf *pdf.Checker }

func (templatesStage) String() string { return "templates" }

func (s templatesStage) Run(c *pipeline.Context) error {
	dir, err := templateDir(c)
	if err == nil {
		err = templateError(c, pdf.ParseTemplates(dir))
	}
	var list pipeline.ErrorList
	if errors.As(err, &list) {
		c.Diagnostics = append(c.Diagnostics, list...)
	} else if err != nil {
		return err
	}
	// A title or marking too long for the page is a config error with the
	// key's position; Layout would only see it after the events load.
	c.Diagnostics = append(c.Diagnostics, pdf.CheckConfig(c.Config)...)
	if s.check == nil {
		return nil
	}
	if s.check.pdf, err = pdf.NewChecker(dir); err != nil {
		return err
	}
	s.check.pdf.Config(c.Config)
	c.Diagnostics = append(c.Diagnostics, s.check.pdf.Warnings()...)
	return nil
}

// checkRenderStage is `briefing check`'s stand-in for rendering: it
// aggregates every event (the period "all"), checks every string the
// briefing could show against the PDF font, and executes the templates
// on the first pairs and the key developments, with a render's limits.
type checkRenderStage struct{ check *checker }

func (checkRenderStage) String() string { return "check render" }

func (s checkRenderStage) Run(c *pipeline.Context) error {
	all, err := period.Parse("all", period.Context{})
	if err != nil {
		return err
	}
	r := pipeline.Aggregate(c.Config, c.Dataset, pipeline.AggregateOptions{
		Period:      all,
		GeneratedAt: c.Options.Now.In(c.Config.Location),
		Version:     c.Options.Version,
	})
	err = s.check.pdf.Report(r)
	c.Diagnostics = append(c.Diagnostics, s.check.pdf.Warnings()...)
	if err := templateError(c, err); err != nil {
		// A broken template joins the run's list, where --strict adds the
		// warnings to it.
		var list pipeline.ErrorList
		if !errors.As(err, &list) {
			return err
		}
		c.Diagnostics = append(c.Diagnostics, list...)
	}
	if err := c.Strict(); err != nil {
		return err
	}
	return c.Diagnostics.Err()
}
