package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLongSummary renders an event whose summary is 5,000 words long:
// longer than several pages, so it must be split into rows that each fit.
func TestLongSummary(t *testing.T) {
	evs := caucasusEvents()
	evs[0].Summary = longSummary(5000)
	evs[0].Title = strings.Repeat("A very long title that wraps over several lines ", 12)
	evs[0].Participants[0].Role = strings.Repeat("Minister of Long Names and Longer Departments ", 8)
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	pdf := mustRender(t, r, Options{})
	save(t, "long-summary.pdf", pdf)
	checkInsidePages(t, pdf)

	// Every word of the summary is there once, in order.
	all := strings.Join(pageTexts(t, pdf), " ")
	words := regexp.MustCompile(`word(\d+)`).FindAllStringSubmatch(all, -1)
	if len(words) != 5000 {
		t.Fatalf("found %d summary words, want 5000", len(words))
	}
	for i, w := range words {
		if n, _ := strconv.Atoi(w[1]); n != i {
			t.Fatalf("summary word %d is word%d: text lost or reordered at a page break", i, n)
		}
	}
}

// TestLongTable renders a pair with 2,000 events and no limits: its list
// of events runs over many pages, each under the running header naming
// the pair, and every event is in it once.
func TestLongTable(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 2,000 events")
	}
	r := reportOf(t, "2025-10", manyEvents(2000), nil)
	pdf := mustRender(t, r, Options{})
	save(t, "2000-events.pdf", pdf)
	pages := pageTexts(t, pdf)
	if len(pages) < 50 {
		t.Fatalf("%d pages for 2,000 events", len(pages))
	}
	checkInsidePages(t, pdf)

	count := map[string]int{}
	row := regexp.MustCompile(`Event (\d{5}): working-level`)
	continued := 0
	for i, p := range pages {
		rows := row.FindAllStringSubmatch(p, -1)
		if len(rows) == 0 || i == 0 {
			continue // page 1: the key developments
		}
		if !strings.Contains(p, "Azerbaijan – Georgia (continued)") && !strings.Contains(p, "AZE-GEO") {
			t.Errorf("page %d lists the pair's events without naming the pair", i+1)
		}
		continued++
		for _, m := range rows {
			count[m[1]]++
		}
	}
	if continued < 10 {
		t.Errorf("the events run over %d pages", continued)
	}
	if len(count) != 2000 {
		t.Errorf("%d distinct events listed, want 2000", len(count))
	}
}

var (
	pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// checkInsidePages fails when any word lies outside the page, runs into
// the left or right margin (maroto does not clip: a word wider than its
// column would run on) or comes within 5 mm of the top or bottom edge,
// using pdftotext -bbox.
func checkInsidePages(t *testing.T, pdf []byte) {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", writeTemp(t, pdf), "-")
	const pt = 72 / 25.4
	const slack = 0.5 // pt: glyph bounding boxes overhang a little
	const edge = 5.0  // mm kept clear at top and bottom, more than printers need
	parts := pageRe.FindAllStringSubmatchIndex(out, -1)
	if len(parts) == 0 {
		t.Fatal("pdftotext -bbox found no pages")
	}
	for i, p := range parts {
		end := len(out)
		if i+1 < len(parts) {
			end = parts[i+1][0]
		}
		w, _ := strconv.ParseFloat(out[p[2]:p[3]], 64)
		h, _ := strconv.ParseFloat(out[p[4]:p[5]], 64)
		for _, m := range wordRe.FindAllStringSubmatch(out[p[1]:end], -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			y0, _ := strconv.ParseFloat(m[2], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			y1, _ := strconv.ParseFloat(m[4], 64)
			switch {
			case y0 < 0 || y1 > h || x0 < 0 || x1 > w:
				t.Errorf("page %d: %q lies outside the page", i+1, m[5])
			case x0 < marginLeft*pt-slack || x1 > (pageWidth-marginRight)*pt+slack:
				t.Errorf("page %d: %q runs into the side margin (x %.1f–%.1f pt)", i+1, m[5], x0, x1)
			case y0 < edge*pt || y1 > h-edge*pt:
				t.Errorf("page %d: %q is within %g mm of the top or bottom edge", i+1, m[5], edge)
			}
		}
	}
}

// TestLongWordsBroken checks that a token wider than its column (a URL
// without spaces) is broken rather than left to overflow.
func TestLongWordsBroken(t *testing.T) {
	evs := caucasusEvents()
	evs[0].Location = strings.Repeat("Qazaxıstanşəhəri", 6)
	evs[0].Participants[0].Name = strings.Repeat("Həsənov", 10)
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	r.Title = "Joint Regional Security and Defence Cooperation Monitoring Report for the South Caucasus and the Black Sea"
	r.Organization = "Directorate-General for Regional Analysis, Strategic Assessment and Long-Range Planning"
	r.Classification = "RESTRICTED//REL TO AZE, GEO, TUR"
	pdf := mustRender(t, r, Options{})
	save(t, "long-words.pdf", pdf)
	checkInsidePages(t, pdf)
	for i, p := range pageTexts(t, pdf) {
		if n := strings.Count(flat(p), "RESTRICTED//REL TO AZE, GEO, TUR"); n < 2 {
			t.Errorf("page %d: the full marking appears %d times", i+1, n)
		}
	}
}

// TestTallTableRow gives an event a title so long that its row is taller
// than a page: the row must be split across pages, under the running
// header naming the pair, and no word lost.
func TestTallTableRow(t *testing.T) {
	evs := caucasusEvents()
	words := make([]string, 900)
	for i := range words {
		words[i] = "tw" + strconv.Itoa(i)
	}
	evs[0].Title = strings.Join(words, " ")
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	pdf := mustRender(t, r, Options{})
	save(t, "tall-row.pdf", pdf)
	checkInsidePages(t, pdf)
	all := strings.Join(pageTexts(t, pdf), " ")
	// The title is shown twice: key developments and the pair's events,
	// where its summary is.
	for _, w := range []string{"tw0", "tw450", "tw899"} {
		if n := len(regexp.MustCompile(`\b`+w+`\b`).FindAllString(all, -1)); n != 2 {
			t.Errorf("%s appears %d times, want 2", w, n)
		}
	}
	if !strings.Contains(all, "Azerbaijan – Georgia (continued)") {
		t.Error("the split row does not continue under a running header naming its pair")
	}
}
