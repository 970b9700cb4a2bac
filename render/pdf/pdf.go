// Package pdf renders a pipeline.Report as the PDF briefing note (SPEC
// §5): A4 pages with the classification marking at top and bottom; a
// summary page (key figures, key developments one line each, the detailed
// pairs at a glance, each linking to where it is detailed); a section for
// each of the most significant pairs ([pdf] max_pairs); the other pairs
// one row each; each multilateral event once; upcoming events; and an
// annex on method and data notes; with a PDF outline. Fonts are embedded
// (DejaVu Sans) and checked against every string shown.
//
// The package turns a Report into bytes and nothing else: it never touches
// the file system, and it knows nothing of other renderers.
//
// It is not a stable API: it serves the briefing command and changes with
// it, without notice.
package pdf

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/briefing-tool/briefing/pipeline"
)

// Options are the choices of one render.
type Options struct {
	// Templates holds narrative templates (*.tmpl) that replace the
	// embedded defaults file by file, as templates.Load merges them: the
	// project's templates directory, or a set that is already merged. nil
	// means the embedded defaults.
	Templates fs.FS
	// Pair, when set ("AZE-GEO", either order), renders a briefing for
	// this one pair only, for per-pair output.
	Pair string
	// Limits bound the rows of each pair section and the pairs that get
	// one (config [pdf]); zero values mean no limit.
	Limits pipeline.PDFConfig
	// Warnings are the run's warnings so far, which the annex's data notes
	// read with the render's own.
	Warnings pipeline.ErrorList
	// Appendix adds a last section listing every event of the period
	// once, with summaries and sources ([pdf] appendix, build --appendix).
	Appendix bool
}

// Render returns the PDF briefing for r and the warnings found while
// rendering (characters the font lacks, naming event and field). The
// annex lists o.Warnings and these; the caller adds these to the run's.
// The same report always gives the same bytes: every date written into the
// file is r.GeneratedAt.
func Render(r *pipeline.Report, o Options) ([]byte, pipeline.ErrorList, error) {
	d, warns, err := Layout(r, o)
	if err != nil {
		return nil, nil, err
	}
	out, err := d.Bytes()
	if err != nil {
		return nil, nil, err
	}
	return out, warns, nil
}

// Doc is a briefing laid out, ready to be written.
type Doc struct{ b *briefing }

// Layout does the first half of Render: it lays the briefing out and finds
// every warning. The second half, Bytes, is most of the time and needs
// nothing else of the caller's, so it can run beside other work.
func Layout(r *pipeline.Report, o Options) (*Doc, pipeline.ErrorList, error) {
	b, err := build(r, o)
	if err != nil {
		return nil, nil, err
	}
	return &Doc{b}, b.g.warns, nil
}

// Bytes generates the PDF file. It may be called once.
func (d *Doc) Bytes() ([]byte, error) {
	if d.b == nil {
		return nil, errors.New("pdf: document already written")
	}
	b := d.b
	d.b = nil // let the laid-out document go as soon as its bytes exist
	doc, err := b.l.m.Generate()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	// The layout counts pages to repeat table headers and name the pair
	// in running headers; if gofpdf broke pages elsewhere, those would be
	// wrong.
	if n := b.l.k.pages(); n != b.l.page {
		return nil, fmt.Errorf("pdf: layout counted %d pages but the document has %d", b.l.page, n)
	}
	return doc.GetBytes(), nil
}

// briefing is one render in progress.
type briefing struct {
	r *pipeline.Report
	s *scope
	l *layout
	g *glyphs
	n *narrative
	// warns are the run's warnings so far (Options.Warnings).
	warns pipeline.ErrorList
	// a is the analyst's written assessment (Report.Assessment), nil for
	// none: its bottom line and key judgments open the summary, and each
	// pair it writes about gets a section, whatever Limits.MaxPairs says,
	// that opens with its text.
	a *pipeline.Assessment
	// full adds the appendix (Options.Appendix).
	full bool
	// figHeight, when set, makes figures boxes this high and their type
	// smaller.
	figHeight float64
}

// build lays the whole briefing out in a maroto document, ready to
// generate. Tests read its structure.
func build(r *pipeline.Report, o Options) (*briefing, error) {
	if r == nil {
		return nil, errors.New("pdf: no report to render")
	}
	s, err := newScope(r, o.Pair, o.Limits, assessedPairs(r.Assessment))
	if err != nil {
		return nil, err
	}
	n, err := newNarrative(r, o.Templates)
	if err != nil {
		return nil, err
	}
	met, err := newMetrics()
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	if errs := checkFurniture(r.Title, r.Classification, func(string) pipeline.Position {
		return r.ConfigPos()
	}); len(errs) > 0 {
		return nil, errs
	}
	b := &briefing{r: r, s: s, g: newGlyphs(met), n: n, warns: o.Warnings, full: o.Appendix, a: r.Assessment}
	b.check()
	cfg := b.config()
	b.l = newLayout(newMaroto(cfg), newMaroto(cfg), b.g)
	if err := b.furniture(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	steps := []func() error{b.cover, b.pairSections, b.multilateralEvents, b.upcoming, b.annex, b.appendix}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
		if b.l.err != nil {
			return nil, b.l.err
		}
	}
	return b, nil
}

// check warns about every character of the shown data that the font
// lacks, before anything is drawn, so the annex can list the warnings.
func (b *briefing) check() {
	b.g.checkConfig(b.r.ConfigPos(), [4]string{b.r.Title, b.r.Subtitle, b.r.Organization, b.r.Classification}, b.r.Names)
	for _, e := range b.s.events() {
		b.g.checkEvent(e)
	}
	b.g.checkAssessment(b.a)
}
