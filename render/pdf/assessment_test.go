package pdf

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

func para(spans ...pipeline.Span) pipeline.Block { return pipeline.Block{Spans: spans} }
func plain(s string) pipeline.Span               { return pipeline.Span{Text: s} }

// fullAssessment has every part of a notes file, for caucasusEvents in
// 2025-W43: a bottom line with a link to an event, judgments of each
// level, and a pair's text with a list, emphasis and a web link.
func fullAssessment() *pipeline.Assessment {
	return &pipeline.Assessment{
		BottomLine: []pipeline.Block{para(plain("Azerbaijan and Georgia are "), pipeline.Span{Text: "deepening", Bold: true}, plain(" defence ties; the "),
			pipeline.Span{Text: "Şəki meeting", Link: "event:2025-10-21-sheki-meeting"}, plain(" set up a joint working group."))},
		Judgments: []pipeline.Judgment{
			{Confidence: "High", Text: []pipeline.Block{para(plain("The two ministries will meet again before the end of the year, as planned for Bakı."))}},
			{Confidence: "moderate", Text: []pipeline.Block{para(plain("Türkiye's "), pipeline.Span{Text: "trilateral", Italic: true}, plain(" framework is likely to absorb the bilateral agenda on defence industry."))}},
			{Confidence: "Low", Text: []pipeline.Block{para(plain("A joint staff exercise is unlikely before spring."))}},
		},
		Pairs: map[string][]pipeline.Block{
			"AZE-GEO": {
				para(plain("The week's contacts were routine in form but "), pipeline.Span{Text: "not", Italic: true}, plain(" in "), pipeline.Span{Text: "substance", Bold: true, Italic: true}, plain(":")),
				{Kind: pipeline.Bullet, Spans: []pipeline.Span{plain("a working group on border security ("), pipeline.Span{Text: "ministry statement", Link: "https://mod.gov.az/az/news/1"}, plain(");")}},
				{Kind: pipeline.Numbered, N: 1, Spans: []pipeline.Span{plain("a proposal for a joint exercise.")}},
			},
		},
	}
}

// TestAssessmentPage1: the bottom line and the key judgments are on page
// 1, in that order, above the key figures, each judgment after its
// confidence label; the pair's text opens its section.
func TestAssessmentPage1(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	pdf := mustRender(t, assessed(r, fullAssessment()), Options{})
	save(t, "assessment.pdf", pdf)
	pages := pageTexts(t, pdf)
	// Page 1 in the order it is drawn (-raw): poppler's reading order
	// moved the confidence labels after the judgments when a key figure's
	// text got shorter.
	p := flat(run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", writeTemp(t, pdf), "-"))
	order := []string{
		"Bottom line", "Azerbaijan and Georgia are deepening defence ties; the Şəki meeting set up a joint working group.",
		"Key judgments",
		"High confidence", "The two ministries will meet again",
		"Moderate confidence", "Türkiye's trilateral framework is likely",
		"Low confidence", "A joint staff exercise is unlikely before spring.",
		"Key figures",
	}
	at := 0
	for _, s := range order {
		i := strings.Index(p[at:], s)
		if i < 0 {
			t.Fatalf("page 1 lacks %q after position %d: %q", s, at, p)
		}
		at += i + len(s)
	}
	var section string
	for _, pg := range pages[1:] {
		if strings.Contains(pg, "AZE-GEO") {
			section = flat(pg)
			break
		}
	}
	h, a, f := strings.Index(section, "AZE-GEO"), strings.Index(section, "routine in form but not in substance: • a working group on border security (ministry statement); 1. a proposal"), strings.Index(section, "events held")
	if h < 0 || a < h || f < a {
		t.Errorf("pair heading at %d, its assessment at %d, its figures at %d: %q", h, a, f, section)
	}
}

// TestAssessmentLinks: an event: link is an internal link to the page
// that shows the event, a web link a URI annotation.
func TestAssessmentLinks(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	with := mustRender(t, assessed(r, fullAssessment()), Options{})
	without := mustRender(t, r, Options{})
	d1, u1 := pageLinks(t, with)
	d0, _ := pageLinks(t, without)
	if len(d1[0]) != len(d0[0])+1 {
		t.Fatalf("page 1 has %d internal links with the assessment, %d without: want one more", len(d1[0]), len(d0[0]))
	}
	texts := pageTexts(t, with)
	found := false
	for _, d := range d1[0] {
		if strings.Contains(flat(texts[d]), "Zakir Həsənov meets Georgian counterpart in Şəki") && d > 0 {
			found = true
		}
	}
	if !found {
		t.Error("no link on page 1 leads to the page that shows the Şəki meeting")
	}
	var all []string
	for _, u := range u1 {
		all = append(all, u...)
	}
	if !strings.Contains(strings.Join(all, "\n"), "https://mod.gov.az/az/news/1\n") && !strings.HasSuffix(strings.Join(all, "\n"), "https://mod.gov.az/az/news/1") {
		t.Errorf("the web link is not a URI annotation; links: %q", all)
	}
}

// TestAssessedPairsDetailed: a pair with a written assessment has a
// section whatever max_pairs says, beside the max_pairs others.
func TestAssessedPairsDetailed(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	ranked := r.RankedPairs()
	if len(ranked) < 3 {
		t.Fatalf("the test needs three pairs, the report has %d", len(ranked))
	}
	second, last := ranked[1].Key, ranked[2].Key
	known := map[string]bool{}
	for _, p := range ranked {
		known[p.Key] = true
	}
	cases := []struct {
		max      int
		assessed []string
		want     int
	}{
		{1, nil, 1},
		{1, []string{last}, 1},
		{2, []string{last}, 2},
		{0, []string{last}, 3}, // no limit: every pair
		{1, []string{second, last}, 2},
		{1, []string{"ARM-AZE"}, 1}, // not a pair of the report: takes no section
		{2, []string{"ARM-AZE", last}, 2},
	}
	for _, c := range cases {
		a := &pipeline.Assessment{Pairs: map[string][]pipeline.Block{}}
		for _, k := range c.assessed {
			a.Pairs[k] = []pipeline.Block{para(plain("Text."))}
		}
		s, err := newScope(r, "", pipeline.PDFConfig{MaxPairs: c.max}, assessedPairs(a))
		if err != nil {
			t.Fatal(err)
		}
		in := map[string]bool{}
		for _, p := range s.detailed {
			in[p.Key] = true
		}
		for _, k := range c.assessed {
			if known[k] && !in[k] {
				t.Errorf("max %d, assessed %v: %s has no section", c.max, c.assessed, k)
			}
		}
		if len(s.detailed) != c.want {
			t.Errorf("max %d, assessed %v: %d sections, want %d", c.max, c.assessed, len(s.detailed), c.want)
		}
	}
}

// TestAssessmentGolden compares the maroto document of a note with every
// part of an assessment with testdata/assessment.structure.json (refresh
// with go test ./render/pdf -run TestAssessmentGolden -update, and review
// the diff): where each part goes, how its lines break, and each run's
// style and link.
func TestAssessmentGolden(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	b, err := build(assessed(r, fullAssessment()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareStructure(t, b, filepath.Join("testdata", "assessment.structure.json"))
}

// TestAssessmentGlyphs: a character of the assessment the font lacks is
// warned about, naming the part, and drawn as the replacement mark.
func TestAssessmentGlyphs(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	a := &pipeline.Assessment{File: "notes/2025-W43.md", BottomLine: []pipeline.Block{para(plain("Ties deepen \U0001F600 fast."))}}
	pdf, warns := render(t, assessed(r, a), Options{})
	if len(warns) != 1 || !strings.Contains(warns[0].Error(), "notes/2025-W43.md") || !strings.Contains(warns[0].Error(), "bottom line") {
		t.Errorf("warnings %v, want one about the bottom line of notes/2025-W43.md", warns)
	}
	if p := flat(pageTexts(t, pdf)[0]); !strings.Contains(p, "Ties deepen \uFFFD fast.") {
		t.Errorf("page 1 does not show the replacement mark: %q", p)
	}
}

// TestAssessmentLong: a pair's text of several pages breaks across pages
// between lines, every word printed once, and the pages the layout counts
// are the document's (Bytes checks).
func TestAssessmentLong(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	var bs []pipeline.Block
	for i, p := range paragraphs(longSummary(3000)) {
		kind := pipeline.Paragraph
		if i%3 == 1 {
			kind = pipeline.Bullet
		}
		bs = append(bs, pipeline.Block{Kind: kind, Spans: []pipeline.Span{plain(p[:20]), {Text: p[20:40], Bold: true}, plain(p[40:])}})
	}
	pdf := mustRender(t, assessed(r, &pipeline.Assessment{Pairs: map[string][]pipeline.Block{"AZE-GEO": bs}}), Options{})
	save(t, "assessment-long.pdf", pdf)
	pages := pageTexts(t, pdf)
	if len(pages) < 8 {
		t.Fatalf("%d pages: the text does not run over several", len(pages))
	}
	text := flat(strings.Join(pages, " "))
	for _, w := range []string{"word0 ", "word1499 ", "word2999 "} {
		if n := strings.Count(text, w); n != 1 {
			t.Errorf("%q printed %d times", w, n)
		}
	}
}

// TestBoldOblique: the bold oblique face is embedded only in a note whose
// assessment uses it, so that other notes keep their bytes.
func TestBoldOblique(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	cases := []struct {
		name string
		a    *pipeline.Assessment
		want bool
	}{
		{"none", nil, false},
		{"oblique", &pipeline.Assessment{Judgments: []pipeline.Judgment{{Confidence: "High", Text: []pipeline.Block{para(pipeline.Span{Text: "x", Italic: true})}}}}, false},
		{"bold and oblique", &pipeline.Assessment{Pairs: map[string][]pipeline.Block{"AZE-GEO": {para(pipeline.Span{Text: "x", Italic: true, Bold: true})}}}, true},
		{"oblique in the bold bottom line", &pipeline.Assessment{BottomLine: []pipeline.Block{para(pipeline.Span{Text: "x", Italic: true})}}, true},
	}
	for _, c := range cases {
		pdf := mustRender(t, assessed(r, c.a), Options{})
		if got := bytes.Contains(pdf, []byte("/BaseFont /utf8dejavusansBI")); got != c.want {
			t.Errorf("%s: bold oblique embedded %v, want %v", c.name, got, c.want)
		}
	}
}

// assessed is a copy of r with the assessment a.
func assessed(r *pipeline.Report, a *pipeline.Assessment) *pipeline.Report {
	c := *r
	c.Assessment = a
	return &c
}
