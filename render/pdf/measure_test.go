package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"regexp"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/phpdave11/gofpdf"
)

// TestPageOneHoldsNoMeasurements renders a report with many events and
// checks that page 1's content stream selects fonts no more often than
// the busiest other page. The layout measures every row and line with a
// separate maroto document; measured through the document's own gofpdf,
// every font selection of every measurement was written into page 1 (for
// this report 14,885 Tf against 716 on the busiest other page).
func TestPageOneHoldsNoMeasurements(t *testing.T) {
	b, err := build(reportOf(t, "2025-10", manyEvents(600), nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := b.l.m.Generate()
	if err != nil {
		t.Fatal(err)
	}
	tf := pageFontSelections(t, doc.GetBytes())
	if len(tf) < 10 {
		t.Fatalf("want a report of at least 10 pages, got %d", len(tf))
	}
	busiest := 0
	for _, n := range tf[1:] {
		busiest = max(busiest, n)
	}
	if tf[0] > 2*busiest || tf[0] > 1000 {
		t.Errorf("page 1 selects a font %d times, the busiest other page %d: measurements leak into the document", tf[0], busiest)
	}
}

var (
	contentsRe = regexp.MustCompile(`/Contents (\d+) 0 R`)
	tfRe       = regexp.MustCompile(` Tf\b`)
)

// pageFontSelections returns, page by page, how many Tf operators the
// page's (Flate-compressed) content stream holds. doc is gofpdf's output:
// its page objects in page order, each with one /Contents object.
func pageFontSelections(tb testing.TB, doc []byte) []int {
	tb.Helper()
	var counts []int
	for i, page := range pageObject.FindAllSubmatch(doc, -1) {
		m := contentsRe.FindSubmatch(page[2])
		if m == nil {
			tb.Fatalf("page %d has no single /Contents stream", i+1)
		}
		start := bytes.Index(doc, []byte("\n"+string(m[1])+" 0 obj\n"))
		if start < 0 {
			tb.Fatalf("page %d: no content object %s", i+1, m[1])
		}
		obj := doc[start:]
		obj = obj[:bytes.Index(obj, []byte("endobj"))]
		n := string(m[1])
		start = bytes.Index(obj, []byte("stream"))
		end := bytes.LastIndex(obj, []byte("endstream"))
		if start < 0 || end < start || !bytes.Contains(obj[:start], []byte("/FlateDecode")) {
			tb.Fatalf("page %d: content object %s is not a Flate stream", i+1, n)
		}
		data := bytes.TrimLeft(obj[start+len("stream"):end], "\r\n")
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			tb.Fatalf("page %d: %v", i+1, err)
		}
		content, err := io.ReadAll(zr)
		if err != nil && err != io.ErrUnexpectedEOF {
			tb.Fatalf("page %d: %v", i+1, err)
		}
		counts = append(counts, len(tfRe.FindAllIndex(content, -1)))
	}
	return counts
}

// TestWidthMatchesGofpdf checks that metrics.width, with its per-face
// caches, measures regular and bold text exactly as gofpdf does: the
// layout breaks long words with it, so a face mixed up (bold measured with
// the regular face) moves line breaks.
func TestWidthMatchesGofpdf(t *testing.T) {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", dejavusans.TTF)
	f.AddUTF8FontFromBytes(family, "B", dejavusansbold.TTF)
	if err := f.Error(); err != nil {
		t.Fatal(err)
	}
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	var samples []string
	for r := rune(0x20); r < 0x7f; r++ {
		samples = append(samples, string(r))
	}
	samples = append(samples,
		"The quick brown fox jumps over the lazy dog 0123456789",
		"WWW.EXAMPLE.ORG/a-long_path?with=query&and#fragment",
		"Türkiye – Azərbaycan — Sakartvelo, Ərəb, Şəki, Ğ, ı, «é»",
		"ii", "MW", "…",
	)
	differ := false
	// Measure each face in turn, twice: the first pass fills the caches,
	// the second reads them, and bold follows regular so that a cache
	// shared between the faces would show.
	for pass := range 2 {
		for _, bold := range []bool{false, true} {
			style := ""
			if bold {
				style = "B"
			}
			for _, size := range []float64{sizeBody, 7.5, 14} {
				f.SetFont(family, style, size)
				for _, s := range samples {
					got, want := m.width(s, size, bold), f.GetStringWidth(s)
					if math.Abs(got-want) > 1e-9 {
						t.Errorf("pass %d, bold=%v, %.1f pt: width(%q) = %.9f mm, gofpdf %.9f mm", pass, bold, size, s, got, want)
					}
				}
			}
		}
	}
	for _, s := range samples {
		if m.width(s, sizeBody, false) != m.width(s, sizeBody, true) {
			differ = true
		}
	}
	if !differ {
		t.Error("bold and regular measure the same for every sample: the test does not tell the faces apart")
	}
}
