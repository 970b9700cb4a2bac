package stages

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/briefing-tool/briefing/internal/outdir"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/render/pdf"
	"github.com/briefing-tool/briefing/render/xlsx"
	"github.com/briefing-tool/briefing/templates"
)

// renderStage renders the briefing note (with --per-pair or
// output.per_pair, one note per pair with events too) and the workbook.
//
// The PDF is laid out first: that finds its warnings (characters the font
// lacks), which the workbook's About sheet lists. Writing out the PDF's
// bytes, most of its time, then runs beside the workbook on the second
// CPU. Each half is logged as a stage of its own, "render pdf" and
// "render xlsx", and fails as one; the artifacts keep their order (PDFs,
// then the workbook), so the outputs are the same as one after the other.
type renderStage struct{}

func (renderStage) String() string { return "render" }

func (renderStage) Run(c *pipeline.Context) error {
	formats := Formats(c)
	var (
		pdfs   []pipeline.Artifact
		pdfErr error
		done   = make(chan struct{})
	)
	if slices.Contains(formats, "pdf") {
		start := time.Now()
		write, err := layoutPDF(c)
		if err != nil {
			return stageDone(c, "render pdf", start, err)
		}
		go func() {
			defer close(done)
			pdfs, pdfErr = write()
			pdfErr = stageDone(c, "render pdf", start, pdfErr)
		}()
	} else {
		close(done)
		c.Log.Debug("skipped", "stage", "render pdf")
	}
	var book []pipeline.Artifact
	var bookWarns []pipeline.Warning
	var bookErr error
	if slices.Contains(formats, "xlsx") {
		start := time.Now()
		book, bookWarns, bookErr = renderXLSX(c)
		bookErr = stageDone(c, "render xlsx", start, bookErr)
	} else {
		c.Log.Debug("skipped", "stage", "render xlsx")
	}
	<-done
	if pdfErr != nil {
		return pdfErr
	}
	if bookErr != nil {
		return bookErr
	}
	// Only now: the PDF's goroutine reads c.Report until it is done.
	c.Warnings = append(c.Warnings, bookWarns...)
	c.Report.Warnings = append(c.Report.Warnings, bookWarns...)
	if err := c.Strict(); err != nil {
		return err
	}
	c.Artifacts = append(append(c.Artifacts, pdfs...), book...)
	return nil
}

// stageDone logs the end of a part of the render stage as pipeline.Run
// logs a stage, and names the part in its error.
func stageDone(c *pipeline.Context, stage string, start time.Time, err error) error {
	ms := float64(time.Since(start).Microseconds()) / 1000
	if err != nil {
		c.Log.Debug("stage failed", "stage", stage, "duration_ms", ms, "error", err.Error())
		return &pipeline.StageError{Stage: stage, Err: err}
	}
	c.Log.Debug("stage done", "stage", stage, "duration_ms", ms)
	return nil
}

// layoutPDF lays out the briefing note, adds its warnings to the run's,
// and returns the function that writes it and the per-pair notes. That
// function touches nothing of c but reading it, so it may run beside the
// workbook.
func layoutPDF(c *pipeline.Context) (func() ([]pipeline.Artifact, error), error) {
	tmpl, err := templateDir(c)
	if err != nil {
		return nil, err
	}
	doc, warns, err := pdf.Layout(c.Report, pdf.Options{Templates: tmpl, Limits: c.Config.PDF})
	if err != nil {
		return nil, templateError(c, err)
	}
	c.Warnings = append(c.Warnings, warns...)
	c.Report.Warnings = append(c.Report.Warnings, warns...)
	if err := c.Strict(); err != nil {
		return nil, err
	}
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
				data, _, err := pdf.Render(c.Report, pdf.Options{Templates: tmpl, Pair: p.Key, Limits: c.Config.PDF})
				if err != nil {
					return nil, templateError(c, err)
				}
				// Pair keys are two letter codes and a hyphen: no
				// collisions, nothing that could leave the directory.
				out = append(out, pipeline.Artifact{Name: stem + "-" + p.Key + ".pdf", Kind: "pdf", Data: data})
			}
		}
		c.Log.Info("rendered", "stage", "render pdf", "files", len(out), "bytes", len(out[0].Data))
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
		errs.Add(pipeline.Position{File: c.Config.Path}, "", "templates.dir", "%s: %v", pipeline.DisplayPath(dir), outdir.UnwrapPath(err))
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
func renderXLSX(c *pipeline.Context) ([]pipeline.Artifact, []pipeline.Warning, error) {
	data, warns, err := xlsx.Render(c.Report, xlsx.Options{})
	if err != nil {
		return nil, nil, err
	}
	c.Log.Info("rendered", "stage", "render xlsx", "bytes", len(data))
	return []pipeline.Artifact{{Name: Stem(c) + ".xlsx", Kind: "xlsx", Data: data}}, warns, nil
}
