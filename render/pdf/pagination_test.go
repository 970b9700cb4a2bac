package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
)

// randomEvents builds n events of a seeded random mix: a dozen countries
// (so many pairs, bilateral and multilateral), every kind, held, planned
// and cancelled, and text of random length in every field, from a title of
// two words to summaries of several paragraphs. scale stretches the text.
func randomEvents(rng *rand.Rand, n int, scale float64) []*pipeline.Event {
	countries := []string{"AZE", "GEO", "ARM", "TUR", "RUS", "IRN", "KAZ", "GBR", "FRA", "USA", "UKR", "GRC"}
	vocab := strings.Fields(`defence cooperation ministry border security joint exercise
		delegation talks agreement memorandum regional stability training staff
		logistics maritime air force navy intelligence cyber procurement industry
		Tbilisi Baku Yerevan Ankara Şəki İstanbul თბილისი Kars Gyumri the of and in
		on with for a an to discussed signed reviewed implementation development
		peacekeeping de-mining humanitarian medical veterinary hydrographic`)
	words := func(lo, hi int) string {
		k := lo + rng.IntN(int(float64(hi-lo)*scale)+1)
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	maybe := func(p float64, s func() string) string {
		if rng.Float64() < p {
			return s()
		}
		return ""
	}
	start := date(2025, 1, 1)
	evs := make([]*pipeline.Event, n)
	for i := range evs {
		status := "held"
		d := start.AddDate(0, 0, rng.IntN(300))
		switch r := rng.IntN(20); {
		case r == 0:
			status = "cancelled"
		case r < 3:
			status, d = "planned", date(2025, 10, 28).AddDate(0, 0, rng.IntN(60))
		}
		k := 2
		if rng.IntN(5) == 0 {
			k += 1 + rng.IntN(3)
		}
		perm := rng.Perm(len(countries))[:k]
		cs := make([]string, k)
		for j, p := range perm {
			cs[j] = countries[p]
		}
		e := &pipeline.Event{
			ID: fmt.Sprintf("ev-%05d", i), Date: d, DatePrecision: "day", Status: status,
			Kind:       pipeline.Kind(rng.IntN(len(pipeline.Kinds()))),
			Title:      words(2, 25),
			Countries:  cs,
			Host:       cs[rng.IntN(len(cs))],
			Location:   maybe(0.8, func() string { return words(1, 4) }),
			FocusAreas: []string{fmt.Sprintf("Area %d", rng.IntN(15))},
		}
		if rng.IntN(4) == 0 {
			e.EndDate = d.AddDate(0, 0, 1+rng.IntN(3))
		}
		var paras []string
		for range rng.IntN(4) {
			paras = append(paras, words(5, 120))
		}
		e.Summary = strings.Join(paras, "\n\n")
		for range rng.IntN(4) {
			e.Outcomes = append(e.Outcomes, words(3, 30))
		}
		for range rng.IntN(5) {
			e.Participants = append(e.Participants, pipeline.Participant{
				Name: "Person " + strconv.Itoa(rng.IntN(200)) + maybe(0.3, func() string { return " " + words(1, 3) }),
				Rank: maybe(0.3, func() string { return words(1, 3) }),
				Role: words(1, 6), Organization: words(1, 10),
				Country: cs[rng.IntN(len(cs))],
			})
		}
		for range rng.IntN(4) {
			e.Sources = append(e.Sources, pipeline.Source{
				Title: words(2, 15), Publisher: words(1, 5),
				URL:         maybe(0.7, func() string { return "https://news.example.org/2025/" + strings.ReplaceAll(words(2, 8), " ", "-") }),
				Published:   d.AddDate(0, 0, rng.IntN(3)),
				Reliability: string(rune('A' + rng.IntN(6))), Credibility: rng.IntN(7),
			})
		}
		evs[i] = e
	}
	return evs
}

// randomSize draws the number of events and the text scale (0.2–1.2) of
// the random report for seed. The number is log-uniform in 1–400, 67 on
// average: most reports are small and quick, a few run to hundreds of
// pages.
func randomSize(seed uint64) (int, float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	return int(math.Exp(rng.Float64() * math.Log(400))), 0.2 + rng.Float64()
}

// randomReport is the briefing for 2025 of randomEvents.
func randomReport(tb testing.TB, seed uint64, n int, scale float64) *pipeline.Report {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	return reportOf(tb, "2025", randomEvents(rng, n, scale), nil)
}

var pageLabelRe = regexp.MustCompile(`Page (\d+) of (\d+)`)

// checkPages renders r, checks with pdfinfo that the PDF has the pages
// the layout counted, and that page i of the file carries the footer
// "Page i of n": a page that gofpdf started on its own, outside maroto's
// pagination, has none, and the pages after it are out of step. It returns
// the text of each page.
func checkPages(t *testing.T, r *pipeline.Report, o Options) []string {
	t.Helper()
	b, err := build(r, o)
	if err != nil {
		t.Fatal(err)
	}
	out, err := (&Doc{b}).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	file := writeTemp(t, out)
	info := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(run(t, "pdfinfo", file))
	if info == nil || info[1] != strconv.Itoa(b.l.page) {
		t.Fatalf("pdfinfo: %v pages, the layout counted %d", info, b.l.page)
	}
	pages := pageTexts(t, out)
	if len(pages) != b.l.page {
		t.Fatalf("pdftotext finds %d pages, the layout counted %d", len(pages), b.l.page)
	}
	for i, p := range pages {
		m := pageLabelRe.FindStringSubmatch(p)
		if m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(pages)) {
			t.Fatalf("page %d of %d is labelled %q", i+1, len(pages), m)
		}
	}
	return pages
}

// tableHeads are the first column title of each table: pdftotext reads it
// right after the continuation caption.
var tableHeads = map[string]string{
	"Country pairs":             "Country pair",
	"Other pairs":               "Country pair",
	"Other multilateral events": "Date",
	"Upcoming":                  "Date",
	"Not confirmed":             "Date",
}

var continuedRe = regexp.MustCompile(`(Country pairs|Other pairs|Other multilateral events|Upcoming|Not confirmed) \(continued\)`)

// checkContinuations checks that every page a table runs onto starts it
// again with its header row, and returns how many such pages there are.
func checkContinuations(t *testing.T, pages []string) int {
	t.Helper()
	n := 0
	for i, p := range pages {
		f := flat(p)
		for _, m := range continuedRe.FindAllStringSubmatch(f, -1) {
			n++
			if head := tableHeads[m[1]]; !strings.Contains(f, m[0]+" "+head) {
				t.Errorf("page %d: %q is not followed by the header row %q", i+1, m[0], head)
			}
		}
	}
	return n
}

// TestFooterOnBottomMargin fills a page with rows of round heights (5.5,
// 7.1 mm...) that add up to exactly 268 mm in maroto's arithmetic, so that
// the spacer maroto puts above the footer is 0 and has no decimals to
// truncate, while gofpdf's cursor, which sums the same rows from the top
// margin, ends an ulp past 278 mm. Before footerRow, the footer set off a
// page break of its own there and the PDF had a page more than maroto.
func TestFooterOnBottomMargin(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	b, err := build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := b.l
	l.newPage()
	// top is gofpdf's cursor below the page header: the same rows as in
	// l.used, added to the top margin. The rows are searched for a page
	// where maroto's sum is exactly 268 mm and gofpdf's cursor ends past
	// 278 mm, so that the footer's cells would cross the bottom margin.
	top := marginTop
	for _, h := range l.headerRows {
		top += l.height(h)
	}
	content := l.cell.Height - l.footerH // 268 mm
	var rows []float64
	for seed := uint64(0); rows == nil && seed < 1000; seed++ {
		rng := rand.New(rand.NewPCG(seed, 2))
		used, y := l.used, top
		var hs []float64
		for {
			h := float64(10+rng.IntN(90)) / 10
			if used+h > content-10 {
				break
			}
			used += h
			y += h
			hs = append(hs, h)
		}
		last := content - used
		if used+last == content && y+last+l.footerH > pageHeight-marginBottom {
			rows = append(hs, last)
		}
	}
	if rows == nil {
		t.Fatal("found no rows that end a page on the bottom margin in maroto's sums and past it in gofpdf's")
	}
	page := l.page
	for _, h := range rows {
		l.add(row.New(h))
	}
	if l.page != page || l.used != content {
		t.Fatalf("the rows fill %v mm of page %d, want %v mm of page %d", l.used, l.page, content, page)
	}
	l.para("A paragraph on the next page.", body, pad{}, 0, grid)
	if l.page != page+1 {
		t.Fatalf("the paragraph is on page %d, want %d", l.page, page+1)
	}
	doc, err := l.m.Generate()
	if err != nil {
		t.Fatal(err)
	}
	out := doc.GetBytes()
	pages := pageTexts(t, out)
	for i, p := range pages {
		if m := pageLabelRe.FindStringSubmatch(p); m == nil || m[1] != strconv.Itoa(i+1) {
			t.Errorf("page %d is labelled %q", i+1, m)
		}
	}
	if !strings.Contains(pages[len(pages)-1], "A paragraph on the next page.") {
		t.Error("the last page does not hold the last paragraph")
	}
}

// TestLargeReportPagination renders a report shaped like the briefings
// that failed with "layout counted N pages but the document has N+1":
// many country pairs, long lists and summaries, over a hundred pages with
// the appendix, and the per-pair briefings of the same report. Every page
// must be a page of maroto's, and every table continuation must repeat
// its header.
func TestLargeReportPagination(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 137-page briefing and a briefing per pair")
	}
	// Before the note's redesign (#13) this report was 137 pages in
	// maroto's pagination and 138 in the PDF before footerRow; it is now
	// rendered with its appendix, and four times the events.
	r := randomReport(t, 8, 320, 1.5)
	pages := checkPages(t, r, Options{Appendix: true, Limits: pipeline.PDFConfig{MaxPairs: 2, MaxMultilateral: 1}})
	if len(pages) < 100 {
		t.Fatalf("%d pages: the report is meant to be large", len(pages))
	}
	if n := checkContinuations(t, pages); n < 3 {
		t.Errorf("%d table continuation pages: the report is meant to have long tables", n)
	}
	for _, p := range r.Pairs {
		if p.Events == 0 {
			continue
		}
		if _, _, err := Render(r, Options{Pair: p.Key}); err != nil {
			t.Errorf("%s: %v", p.Key, err)
		}
	}
}

// TestPaginationProperty renders random reports of many sizes and checks
// that every page the layout computed is a page of the PDF: Render fails
// when the counts differ. maroto fills each page to the exact bottom
// margin, so this is where any difference between the layout, maroto and
// gofpdf shows first.
func TestPaginationProperty(t *testing.T) {
	seeds := 50
	if testing.Short() {
		seeds = 8
	}
	for seed := range uint64(seeds) {
		n, scale := randomSize(seed)
		t.Run(fmt.Sprintf("seed%d-%devents", seed, n), func(t *testing.T) {
			t.Parallel()
			r := randomReport(t, seed, n, scale)
			if _, _, err := Render(r, Options{}); err != nil {
				t.Fatalf("%d events, text scale %.2f: %v", n, scale, err)
			}
		})
	}
}
