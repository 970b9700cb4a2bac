package build

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

// pdfStage renders the briefing note, and with --per-pair or
// output.per_pair one note per pair with events.
type pdfStage struct{}

func (pdfStage) String() string { return "render pdf" }

func (pdfStage) Skip(c *pipeline.Context) bool { return !slices.Contains(Formats(c), "pdf") }

func (pdfStage) Run(c *pipeline.Context) error {
	tmpl, err := templateDir(c)
	if err != nil {
		return err
	}
	stem := Stem(c)
	data, warns, err := pdf.Render(c.Report, pdf.Options{Templates: tmpl})
	if err != nil {
		return templateError(c, err)
	}
	c.Artifacts = append(c.Artifacts, pipeline.Artifact{Name: stem + ".pdf", Kind: "pdf", Data: data})
	c.Warnings = append(c.Warnings, warns...)
	c.Report.Warnings = append(c.Report.Warnings, warns...)
	if c.Options.PerPair || c.Config.Output.PerPair {
		for _, p := range c.Report.Pairs {
			if p.Events == 0 {
				continue
			}
			data, _, err := pdf.Render(c.Report, pdf.Options{Templates: tmpl, Pair: p.Key})
			if err != nil {
				return templateError(c, err)
			}
			// Pair keys are two letter codes and a hyphen: no collisions,
			// nothing that could leave the directory.
			c.Artifacts = append(c.Artifacts, pipeline.Artifact{Name: stem + "-" + p.Key + ".pdf", Kind: "pdf", Data: data})
		}
	}
	c.Log.Info("rendered", "stage", "render pdf", "files", len(c.Artifacts), "bytes", len(data))
	return c.Strict()
}

// templateDir is the project's templates directory, when it exists.
func templateDir(c *pipeline.Context) (fs.FS, error) {
	dir := c.Config.Resolve(c.Config.Templates.Dir)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, &WriteError{Path: dir, Err: unwrapPath(err)}
	case !st.IsDir():
		var errs pipeline.ErrorList
		errs.Add(pipeline.Position{File: c.Config.Path}, "", "templates.dir", "%s is not a directory", pipeline.DisplayPath(dir))
		return nil, errs
	}
	return os.DirFS(dir), nil
}

// templateError reports a broken project template as invalid input (exit
// 1), naming the file in the project's templates directory and its line.
func templateError(c *pipeline.Context, err error) error {
	var te *templates.Error
	if !errors.As(err, &te) || te.Default {
		return err
	}
	file := pipeline.DisplayPath(filepath.Join(c.Config.Resolve(c.Config.Templates.Dir), te.File))
	var errs pipeline.ErrorList
	errs.Add(pipeline.Position{File: file, Line: te.Line}, "", "", "template: %s", te.Msg)
	return errs
}

// xlsxStage renders the workbook.
type xlsxStage struct{}

func (xlsxStage) String() string { return "render xlsx" }

func (xlsxStage) Skip(c *pipeline.Context) bool { return !slices.Contains(Formats(c), "xlsx") }

func (xlsxStage) Run(c *pipeline.Context) error {
	data, err := xlsx.Render(c.Report, xlsx.Options{})
	if err != nil {
		return err
	}
	c.Artifacts = append(c.Artifacts, pipeline.Artifact{Name: Stem(c) + ".xlsx", Kind: "xlsx", Data: data})
	c.Log.Info("rendered", "stage", "render xlsx", "bytes", len(data))
	return nil
}
