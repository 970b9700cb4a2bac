package stages

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/render/pdf"
	"github.com/briefing-tool/briefing/render/xlsx"
	"github.com/briefing-tool/briefing/templates"
)

// The render stages render the briefing note (with --per-pair or
// output.per_pair, one note per pair with events too) and the workbook,
// each skipped when its format is off.
//
// The PDF is laid out first: that finds its warnings (characters the font
// lacks), which the workbook's Diagnostics sheet lists. Writing out the PDF's
// bytes, most of its time, then runs beside the workbook on the second
// CPU (pipeline.Context.Go), so "render pdf" is logged as done when its
// bytes are, and its duration overlaps "render xlsx". The render stage
// waits for it and puts the artifacts in order (PDFs, then the workbook),
// so the outputs are the same as one after the other.

// rendering carries one build's renderings to the render stage.
type rendering struct {
	pdfs      []pipeline.Artifact // written beside render xlsx
	book      []pipeline.Artifact
	bookWarns pipeline.ErrorList // added to the run's once the PDF is written
}

// renderPDFStage lays the briefing note out, adds its warnings to the
// run's (--strict stops here), then writes its bytes beside the stages
// that follow.
type renderPDFStage struct{ r *rendering }

func (renderPDFStage) String() string { return "render pdf" }

func (renderPDFStage) Skip(c *pipeline.Context) bool { return !slices.Contains(Formats(c), "pdf") }

func (s renderPDFStage) Run(c *pipeline.Context) error {
	write, err := layoutPDF(c)
	if err != nil {
		return err
	}
	c.Go(func() error {
		var err error
		s.r.pdfs, err = write()
		return err
	})
	return nil
}

// renderXLSXStage streams the workbook.
type renderXLSXStage struct{ r *rendering }

func (renderXLSXStage) String() string { return "render xlsx" }

func (renderXLSXStage) Skip(c *pipeline.Context) bool { return !slices.Contains(Formats(c), "xlsx") }

func (s renderXLSXStage) Run(c *pipeline.Context) (err error) {
	s.r.book, s.r.bookWarns, err = renderXLSX(c)
	return err
}

// renderStage waits for the PDF's bytes, adds the workbook's warnings to
// the run's (--strict stops here) and the artifacts in their order.
type renderStage struct{ r *rendering }

func (renderStage) String() string { return "render" }

func (s renderStage) Run(c *pipeline.Context) error {
	if err := c.Wait(); err != nil {
		return err
	}
	// Only now: the PDF's goroutine reads the run's warnings until it is
	// done, and --strict changes them.
	c.Diagnostics = append(c.Diagnostics, s.r.bookWarns...)
	if err := c.Strict(); err != nil {
		return err
	}
	// Logged here, not as each is done, so that the lines come in one
	// order however the two renderings overlap.
	if len(s.r.pdfs) > 0 {
		c.Log.Info("rendered pdf", "stage", "render pdf", "files", len(s.r.pdfs), "bytes", len(s.r.pdfs[0].Data))
	}
	if len(s.r.book) > 0 {
		c.Log.Info("rendered xlsx", "stage", "render xlsx", "bytes", len(s.r.book[0].Data))
	}
	c.Artifacts = append(append(c.Artifacts, s.r.pdfs...), s.r.book...)
	return nil
}

// layoutPDF lays out the briefing note, adds its warnings to the run's,
// and returns the function that writes it and the per-pair notes. That
// function only reads c, so it may run beside the workbook.
func layoutPDF(c *pipeline.Context) (func() ([]pipeline.Artifact, error), error) {
	tmpl, err := templateDir(c)
	if err != nil {
		return nil, err
	}
	doc, warns, err := pdf.Layout(c.Report, pdf.Options{Templates: tmpl, Limits: c.Config.PDF, Warnings: c.Diagnostics.Warnings(), Appendix: c.Appendix()})
	if err != nil {
		return nil, templateError(c, err)
	}
	c.Diagnostics = append(c.Diagnostics, warns...)
	c.PlaceWarnings() // before the per-pair notes copy them
	if err := c.Strict(); err != nil {
		return nil, err
	}
	// The per-pair notes list the run's warnings as the main one's annex
	// would have, with its own.
	shown := c.Diagnostics.Warnings()
	stem := Stem(c)
	perPair := c.Options.PerPair || c.Config.Output.PerPair
	return func() ([]pipeline.Artifact, error) {
		data, err := doc.Bytes()
		if err != nil {
			return nil, err
		}
		out := []pipeline.Artifact{{Name: stem + ".pdf", Kind: "pdf", Data: data}}
		if perPair {
			for _, p := range c.Report.Pairs {
				if p.Events == 0 {
					continue
				}
				data, _, err := pdf.Render(c.Report, pdf.Options{Templates: tmpl, Pair: p.Key, Limits: c.Config.PDF, Warnings: shown, Appendix: c.Appendix()})
				if err != nil {
					return nil, templateError(c, err)
				}
				// Pair keys are two letter codes and a hyphen: no
				// collisions, nothing that could leave the directory.
				out = append(out, pipeline.Artifact{Name: stem + "-" + p.Key + ".pdf", Kind: "pdf", Data: data})
			}
		}
		return out, nil
	}, nil
}

// templateDir is the project's templates directory, when it exists. One
// that exists but cannot be used is an input error, never a silent fall
// back to the defaults.
func templateDir(c *pipeline.Context) (fs.FS, error) {
	dir := c.Config.Resolve(c.Config.Templates.Dir)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		var errs pipeline.ErrorList
		errs.Add(pipeline.Position{File: c.Config.Path}, "", "templates.dir", "%s: %v", pipeline.DisplayPath(dir), pipeline.UnwrapPath(err))
		return nil, errs
	case !st.IsDir():
		var errs pipeline.ErrorList
		errs.Add(pipeline.Position{File: c.Config.Path}, "", "templates.dir", "%s is not a directory", pipeline.DisplayPath(dir))
		return nil, errs
	}
	return os.DirFS(dir), nil
}

// templateError reports a broken project template as invalid input (exit
// 1), naming the file in the project's templates directory and its line,
// or the directory itself when it cannot be listed.
func templateError(c *pipeline.Context, err error) error {
	var te *templates.Error
	if !errors.As(err, &te) || te.Default {
		return err
	}
	file := pipeline.DisplayPath(filepath.Join(c.Config.Resolve(c.Config.Templates.Dir), te.File))
	var errs pipeline.ErrorList
	if te.File == "." {
		errs.Add(pipeline.Position{File: file}, "", "", "%s", te.Msg)
	} else {
		errs.Add(pipeline.Position{File: file, Line: te.Line}, "", "", "template: %s", te.Msg)
	}
	return errs
}

// renderXLSX renders the workbook and returns its warnings (text cut to
// a cell's length), which the caller adds to the run's.
func renderXLSX(c *pipeline.Context) ([]pipeline.Artifact, pipeline.ErrorList, error) {
	data, warns, err := xlsx.Render(c.Report, xlsx.Options{Warnings: c.Diagnostics.Warnings()})
	if err != nil {
		return nil, nil, err
	}
	return []pipeline.Artifact{{Name: Stem(c) + ".xlsx", Kind: "xlsx", Data: data}}, warns, nil
}
