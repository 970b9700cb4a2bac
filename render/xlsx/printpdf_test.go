package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/internal/benchdata"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// TestPrintedPDF prints workbooks as a reader would, with LibreOffice's
// PDF export, and reads every page: each must carry the marking in its
// header or footer. A page without it is a blank page (LibreOffice counts
// pages it then leaves empty: no header, no footer, no cell), which the
// 10,000-event archive's week 2025-W43 printed a dozen of.
func TestPrintedPDF(t *testing.T) {
	soffice := libreOffice(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install -y poppler-utils)")
	}
	week := eventgenReport(t, 10_000, "2025-W43")
	gen := generatedReport(t, 300, 13, "2025")
	for _, tc := range []struct {
		name string
		r    *pipeline.Report
	}{
		{"eventgen-2025-W43", week},
		{"generated-2025", gen},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const marking = "SECRET//REL TO TEST"
			tc.r.Classification = marking
			pages := printPDF(t, soffice, render(t, tc.r, Options{}))
			if len(pages) == 0 {
				t.Fatal("the PDF has no pages")
			}
			var blank []string
			sheet, count := "", map[string]int{}
			for i, p := range pages {
				if !strings.Contains(p, marking) {
					blank = append(blank, fmt.Sprintf("%d (after %s)", i+1, sheet))
					continue
				}
				// The header's left section is the sheet's name.
				sheet = strings.TrimSpace(strings.SplitN(strings.TrimSpace(p), "  ", 2)[0])
				count[sheet]++
			}
			if len(blank) > 0 {
				t.Errorf("%d of %d pages lack the marking (blank): %s", len(blank), len(pages), strings.Join(blank, ", "))
			}
			t.Logf("%d pages: %v", len(pages), count)
		})
	}
}

// eventgenReport is the report of period p over cmd/eventgen's archive of
// n events (the one scripts/bench.sh and the benchmarks use).
func eventgenReport(t *testing.T, n int, p string) *pipeline.Report {
	t.Helper()
	cfg, err := pipeline.LoadConfig(filepath.Join(benchdata.Archive(t, n), "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := pipeline.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pipeline.Normalize(cfg, ds)
	per, err := period.Parse(p, period.Context{})
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
		Period: per, GeneratedAt: time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC), Version: "test",
	})
}

// printPDF has LibreOffice export workbook b to PDF and returns the text
// of each page, as pdftotext reads it.
func printPDF(t *testing.T, soffice string, b []byte) []string {
	t.Helper()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(book, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir, book)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, "pdftotext", "-layout", filepath.Join(dir, "book.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// pdftotext ends every page with a form feed.
	pages := strings.Split(string(bytes.TrimSuffix(out, []byte("\f"))), "\f")
	return pages
}
