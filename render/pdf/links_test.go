package pdf

import (
	"regexp"
	"strings"
	"testing"
)

var (
	pageObject = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n<</Type /Page\n(.*?)endobj`)
	internal   = regexp.MustCompile(`/Dest \[(\d+) 0 R /XYZ`)
	uriLink    = regexp.MustCompile(`/URI \(([^)]*)\)`)
)

// pageLinks reads the link annotations of each page, in page order:
// gofpdf writes page objects in order, uncompressed, with their /Annots
// inline. dests holds the page index (from 0) each internal link leads to.
func pageLinks(t *testing.T, pdf []byte) (dests [][]int, uris [][]string) {
	t.Helper()
	pages := pageObject.FindAllSubmatch(pdf, -1)
	index := map[string]int{}
	for i, p := range pages {
		index[string(p[1])] = i
	}
	for _, p := range pages {
		var d []int
		for _, m := range internal.FindAllSubmatch(p[2], -1) {
			i, ok := index[string(m[1])]
			if !ok {
				t.Fatalf("a link leads to object %s, which is not a page", m[1])
			}
			d = append(d, i)
		}
		var u []string
		for _, m := range uriLink.FindAllSubmatch(p[2], -1) {
			u = append(u, string(m[1]))
		}
		dests, uris = append(dests, d), append(uris, u)
	}
	return dests, uris
}

// TestLinks: every row of the summary's pairs table and every key
// development links to the page that details it, and sources link to
// their addresses.
func TestLinks(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	pdf := mustRender(t, r, Options{})
	dests, uris := pageLinks(t, pdf)
	texts := pageTexts(t, pdf)
	if len(dests) != len(texts) {
		t.Fatalf("%d page objects, %d pages of text", len(dests), len(texts))
	}
	// Each row of the pairs table is a link (one per cell): every detailed
	// pair's heading is on a page some link of page 1 leads to.
	for _, p := range r.Pairs {
		if p.Events == 0 {
			continue
		}
		heading := p.NameA + " – " + p.NameB + " " + p.Key
		found := false
		for _, d := range dests[0] {
			if strings.Contains(flat(texts[d]), heading) {
				found = true
			}
		}
		if !found {
			t.Errorf("no link on page 1 leads to the section of %s", p.Key)
		}
	}
	detailed := 0
	for _, p := range r.Pairs {
		if p.Events > 0 {
			detailed++
		}
	}
	if n, want := len(dests[0]), len(r.KeyDevelopments)+detailed; n < want {
		t.Errorf("page 1 has %d internal links, want at least %d (key developments and pairs)", n, want)
	}
	var all []string
	for _, u := range uris {
		all = append(all, u...)
	}
	if !strings.Contains(strings.Join(all, "\n"), "https://mod.gov.az/az/news/very-long-path-segment") {
		t.Errorf("no source links to its address; links: %q", all)
	}
}
