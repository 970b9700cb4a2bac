package pdf

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

// TestQPDFCheck runs qpdf's structural check, which also follows the
// incremental update that carries the outline.
func TestQPDFCheck(t *testing.T) {
	for name, pdf := range map[string][]byte{
		"example":  mustRender(t, exampleReport(t), Options{}),
		"caucasus": mustRender(t, reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"}), Options{}),
		"empty":    mustRender(t, exampleReportFor(t, "2024-W10"), Options{}),
	} {
		t.Run(name, func(t *testing.T) {
			out := run(t, "qpdf", "--check", writeTemp(t, pdf))
			if !strings.Contains(out, "No syntax or stream encoding errors found") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

// TestFontsEmbedded checks with pdffonts that every font is embedded and
// has a Unicode map (so text can be searched and copied).
func TestFontsEmbedded(t *testing.T) {
	pdf := mustRender(t, reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"}), Options{})
	out := run(t, "pdffonts", writeTemp(t, pdf))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... emb sub uni object ID: emb, sub and uni are the 5th to 3rd fields from the end.
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded or without a Unicode map: %s", l)
		}
		if !strings.Contains(f[0], "dejavusans") {
			t.Errorf("unexpected font %s", f[0])
		}
	}
}

// TestReproducible renders the same report twice, and concurrently, and
// expects the same bytes every time.
func TestReproducible(t *testing.T) {
	r := exampleReport(t)
	first := mustRender(t, r, Options{})
	if second := mustRender(t, r, Options{}); !bytes.Equal(first, second) {
		t.Fatal("two renders of the same report differ")
	}
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, _, err := Render(r, Options{})
			if err != nil {
				t.Error(err)
			}
			outs[i] = b
		}()
	}
	wg.Wait()
	for i, b := range outs {
		if !bytes.Equal(first, b) {
			t.Errorf("concurrent render %d differs", i)
		}
	}
	for _, clock := range []string{"CreationDate", "ModDate"} {
		if !bytes.Contains(first, []byte("/"+clock+" (D:20251027050000)")) {
			t.Errorf("%s is not the report's generation time (09:00 in Tbilisi = 05:00 UTC)", clock)
		}
	}
}

// TestOutline checks the bookmarks with qpdf: an entry per section and
// per pair, each pointing at the page where its heading is.
func TestOutline(t *testing.T) {
	r := reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"})
	pdf := mustRender(t, r, Options{})
	path := writeTemp(t, pdf)
	var doc struct {
		Outlines []outlineJSON `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]outlineJSON, string)
	walk = func(os []outlineJSON, indent string) {
		for _, o := range os {
			got = append(got, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(doc.Outlines, "")
	want := []string{
		"Summary", "  Key figures", "  Key developments", "  Country pairs at a glance", "  Activity: events per week, by kind",
		"Country pairs", "  Azerbaijan – Georgia", "  Azerbaijan – Türkiye", "  Georgia – Türkiye",
		"Multilateral events", "Upcoming",
		"Annex: method and data notes", "  Method", "  Source grading", "  Data notes",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Each pair's bookmark leads to the page that starts with its heading.
	pages := pageTexts(t, pdf)
	var check func([]outlineJSON)
	check = func(os []outlineJSON) {
		for _, o := range os {
			if strings.Contains(o.Title, " – ") {
				if o.DestPageposfrom1 < 1 || o.DestPageposfrom1 > len(pages) || !strings.Contains(flat(pages[o.DestPageposfrom1-1]), o.Title) {
					t.Errorf("bookmark %q points at page %d, which does not show it", o.Title, o.DestPageposfrom1)
				}
			}
			check(o.Kids)
		}
	}
	check(doc.Outlines)
}

type outlineJSON struct {
	Title            string        `json:"title"`
	DestPageposfrom1 int           `json:"destpageposfrom1"`
	Kids             []outlineJSON `json:"kids"`
}
