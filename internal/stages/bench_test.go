package stages

// Benchmarks of the output stages (issue #7): render PDF, render XLSX,
// manifest and write, for the workloads of scripts/bench.sh (latest-week,
// a full year, all), plus the whole build in one process. By default they
// use a small archive of 2,000 events so that
//
//	go test -run '^$' -bench . -benchtime=1x ./...
//
// stays fast in CI; BRIEFING_BENCH_LARGE=1 adds the 10,000 and 100,000
// event archives. Archives are generated once by cmd/eventgen into
// $BENCH_DIR (default $TMPDIR/briefing-bench), shared with
// pipeline/bench_test.go and scripts/bench.sh.

import (
	"fmt"
	"github.com/briefing-tool/briefing/internal/benchdata"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/internal/outdir"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/country"
)

// benchNow is the fixed "now" of every benchmark run (SOURCE_DATE_EPOCH).
var benchNow = time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC)

func benchSizes() []int {
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		return []int{2_000, 10_000, 100_000}
	}
	return []int{2_000}
}

// benchWorkloads are the periods of the workloads (W1/W2: latest-week, W3:
// a full year, W4: all, workbook only).
var benchWorkloads = []struct {
	name, period string
	formats      []string
}{
	{"latest-week", "latest-week", []string{"pdf", "xlsx"}},
	{"year-2024", "2024", []string{"pdf", "xlsx"}},
	{"all", "all", []string{"xlsx"}},
}

// benchContext is a run of the archive of n events up to the report, as
// `briefing build --period period --format formats --out <temp>` has it
// before rendering.
func benchContext(b *testing.B, n int, period string, formats []string) *pipeline.Context {
	b.Helper()
	cfg, err := pipeline.LoadConfig(filepath.Join(benchdata.Archive(b, n), "config.toml"))
	if err != nil {
		b.Fatal(err)
	}
	c := &pipeline.Context{
		Context: b.Context(),
		Options: pipeline.Options{Period: period, Formats: formats, OutDir: b.TempDir(), Now: benchNow, Version: "bench"},
		Config:  cfg,
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if err := pipeline.Run(c, Summary()); err != nil {
		b.Fatal(err)
	}
	return c
}

// benchStages runs stages per iteration on a context restored to its
// state before them: the render stages append artifacts and warnings.
func benchStages(b *testing.B, c *pipeline.Context, stages []pipeline.Stage) {
	b.Helper()
	artifacts, diags := c.Artifacts, c.Diagnostics
	b.ReportAllocs()
	var size int
	for b.Loop() {
		c.Artifacts, c.Diagnostics = artifacts, diags
		if err := pipeline.Run(c, stages); err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, a := range c.Artifacts[len(artifacts):] {
			size += len(a.Data)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB/out")
}

func eachWorkload(b *testing.B, fn func(b *testing.B, n int, period string, formats []string)) {
	for _, n := range benchSizes() {
		for _, w := range benchWorkloads {
			b.Run(fmt.Sprintf("events=%d/period=%s", n, w.name), func(b *testing.B) { fn(b, n, w.period, w.formats) })
		}
	}
}

// BenchmarkRenderPDF is the PDF briefing note of each workload's report.
func BenchmarkRenderPDF(b *testing.B) {
	eachWorkload(b, func(b *testing.B, n int, period string, _ []string) {
		c := benchContext(b, n, period, []string{"pdf"})
		benchStages(b, c, renderStages()) // formats: pdf only
	})
}

// BenchmarkRenderXLSX is the workbook of each workload's report.
func BenchmarkRenderXLSX(b *testing.B) {
	eachWorkload(b, func(b *testing.B, n int, period string, _ []string) {
		c := benchContext(b, n, period, []string{"xlsx"})
		benchStages(b, c, renderStages()) // formats: xlsx only
	})
}

// BenchmarkWrite is the manifest and the write stage (temporary files,
// fsync, renames) of each workload's outputs.
func BenchmarkWrite(b *testing.B) {
	eachWorkload(b, func(b *testing.B, n int, period string, formats []string) {
		c := benchContext(b, n, period, formats)
		if err := pipeline.Run(c, renderStages()); err != nil {
			b.Fatal(err)
		}
		artifacts := c.Artifacts
		b.ReportAllocs()
		for b.Loop() {
			c.Artifacts = artifacts
			if err := (manifestStage{}).Run(c); err != nil {
				b.Fatal(err)
			}
			if err := outdir.Write.Run(c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBuild is `briefing build` of each workload in one process, every
// stage from loading the archive to writing the outputs.
func BenchmarkBuild(b *testing.B) {
	eachWorkload(b, func(b *testing.B, n int, period string, formats []string) {
		benchBuild(b, filepath.Join(benchdata.Archive(b, n), "config.toml"), period, formats)
	})
}

// BenchmarkBuildAllCountries is `briefing build --period latest-week` of
// the 10,000-event archive (2,000 without BRIEFING_BENCH_LARGE) plus one
// event among all 249 ISO countries: 30,876 pairs, which ran out of memory
// writing a PDF of about 93,000 pages before the note was bounded to
// [pdf] max_pairs sections (issue #11). scripts/bench.sh's W6 is the
// same workload through the binary, with peak RSS.
func BenchmarkBuildAllCountries(b *testing.B) {
	n := 2_000
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		n = 10_000
	}
	c := benchBuild(b, filepath.Join(allCountriesArchive(b, n), "config.toml"), "latest-week", []string{"pdf", "xlsx"})
	if c.Report.Totals.Pairs < 30_876 {
		b.Fatalf("%d pairs, want every pair of 249 countries", c.Report.Totals.Pairs)
	}
}

// benchBuild runs every stage of `briefing build` of the project at
// config once per iteration, into a temporary output directory, and
// returns the last run's context.
func benchBuild(b *testing.B, config, period string, formats []string) *pipeline.Context {
	cfg, err := pipeline.LoadConfig(config)
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	b.ReportAllocs()
	var c *pipeline.Context
	for b.Loop() {
		c = &pipeline.Context{
			Context: b.Context(),
			Options: pipeline.Options{Period: period, Formats: formats, OutDir: out, Now: benchNow, Version: "bench"},
			Config:  cfg,
			Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		}
		if err := pipeline.Run(c, Build()); err != nil {
			b.Fatal(err)
		}
	}
	return c
}

// allCountriesArchive is the archive of n events plus one event, in its
// latest week, among every ISO country.
func allCountriesArchive(b *testing.B, n int) string {
	var codes []string
	for _, c := range country.New(nil).Codes() {
		if c != "IGO" && c != "NGO" && c != "EUR" && c != "UNO" { // PLOVER's non-state codes
			codes = append(codes, strconv.Quote(c))
		}
	}
	if len(codes) != 249 {
		b.Fatalf("%d ISO codes, want 249", len(codes))
	}
	return benchdata.WithFile(b, n, "all-countries.toml", fmt.Sprintf(
		"[[event]]\nid = \"2025-10-21-all-countries\"\ndate = 2025-10-21\ntitle = \"Conference of all states\"\nkind = \"meeting\"\ncountries = [%s]\n",
		strings.Join(codes, ", ")))
}
