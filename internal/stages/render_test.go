package stages

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/render/pdf"
	"github.com/briefing-tool/briefing/render/xlsx"
)

// glyphEvent has a title the PDF font cannot show, so the PDF's layout
// warns about it.
const glyphEvent = `
[[event]]
id = "2025-10-24-tokyo-call"
date = 2025-10-24
title = "Call on the 東京 talks"
kind = "call"
countries = ["AZE", "GEO"]
`

// renderStages is the render part of Build: render pdf, render xlsx and
// render, which joins them.
func renderStages() []pipeline.Stage {
	var out []pipeline.Stage
	for _, s := range Build() {
		if strings.HasPrefix(s.String(), "render") {
			out = append(out, s)
		}
	}
	return out
}

// renderContext is the shipped example plus glyphEvent, loaded and
// aggregated for --period all, ready to render.
func renderContext(t *testing.T, formats []string, strict bool) *pipeline.Context {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"config.toml", "input/example.toml"} {
		src, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "input", "glyph.toml"), []byte(glyphEvent), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := pipeline.LoadConfig(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Output.PerPair = true
	c := &pipeline.Context{
		Context: t.Context(),
		Options: pipeline.Options{Period: "all", Formats: formats, Strict: strict, OutDir: t.TempDir(), Now: time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC), Version: "test"},
		Config:  cfg,
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if err := pipeline.Run(c, report()); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRenderStage: the PDF's bytes are written beside the workbook, yet
// the outputs are those of rendering one after the other: the same bytes,
// in the same order, and the workbook's Diagnostics sheet lists the
// warnings the PDF's layout found.
func TestRenderStage(t *testing.T) {
	c := renderContext(t, []string{"pdf", "xlsx"}, false)
	if err := pipeline.Run(c, renderStages()); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range c.Artifacts {
		names = append(names, a.Name)
	}
	want := []string{"briefing-all.pdf", "briefing-all-AZE-GEO.pdf", "briefing-all-AZE-TUR.pdf", "briefing-all-GEO-TUR.pdf", "briefing-all.xlsx"}
	if !slices.Equal(names, want) {
		t.Fatalf("artifacts %v, want %v", names, want)
	}

	// One after the other, by hand, on a fresh report.
	seq := renderContext(t, []string{"pdf", "xlsx"}, false)
	main, warns, err := pdf.Render(seq.Report, pdf.Options{Limits: seq.Config.PDF, Warnings: seq.Diagnostics.Warnings()})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) == 0 || !strings.Contains(warns[0].Error(), "東") {
		t.Fatalf("no glyph warning from the PDF: %v", warns)
	}
	seq.Diagnostics = append(seq.Diagnostics, warns...)
	seq.PlaceWarnings() // as the stage does before the per-pair notes
	pair, _, err := pdf.Render(seq.Report, pdf.Options{Pair: "AZE-GEO", Limits: seq.Config.PDF, Warnings: seq.Diagnostics.Warnings()})
	if err != nil {
		t.Fatal(err)
	}
	book, _, err := xlsx.Render(seq.Report, xlsx.Options{Warnings: seq.Diagnostics.Warnings()})
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range map[int][]byte{0: main, 1: pair, 4: book} {
		if !bytes.Equal(c.Artifacts[i].Data, b) {
			t.Errorf("%s differs from rendering one after the other", names[i])
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(c.Artifacts[4].Data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Diagnostics")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, r := range rows {
		found = found || slices.ContainsFunc(r, func(s string) bool { return strings.Contains(s, "東") })
	}
	if !found {
		t.Errorf("the Diagnostics sheet does not list the PDF's glyph warning:\n%v", rows)
	}
}

// TestRenderStageStrict: under --strict the PDF's warning fails the stage,
// named "render pdf", and nothing is rendered.
func TestRenderStageStrict(t *testing.T) {
	c := renderContext(t, []string{"pdf", "xlsx"}, true)
	err := pipeline.Run(c, renderStages())
	se, ok := err.(*pipeline.StageError)
	if !ok || se.Stage != "render pdf" || !strings.Contains(err.Error(), "東") {
		t.Fatalf("error %v, want a render pdf failure naming the character", err)
	}
	if len(c.Artifacts) != 0 {
		t.Errorf("%d artifacts after a failure", len(c.Artifacts))
	}
}
