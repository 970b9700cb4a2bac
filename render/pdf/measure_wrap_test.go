package pdf

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// countingProvider counts the characters maroto is asked to break into
// lines.
type countingProvider struct {
	core.Provider
	chars int
}

func (p *countingProvider) GetLinesQuantity(s string, tp *props.Text, w float64) int {
	p.chars += len(s)
	return p.Provider.GetLinesQuantity(s, tp, w)
}

// bareLayout is an empty layout with the briefing's fonts and page, a
// 5 mm page header and no footer, measuring through a countingProvider.
func bareLayout(tb testing.TB) (*layout, *countingProvider) {
	tb.Helper()
	b, err := build(reportOf(tb, "2025-W43", caucasusEvents(), nil), Options{})
	if err != nil {
		tb.Fatal(err)
	}
	cfg := b.config()
	l := newLayout(newMaroto(cfg), newMaroto(cfg), b.g)
	if err := l.registerHeader(row.New(5)); err != nil {
		tb.Fatal(err)
	}
	cp := &countingProvider{Provider: l.prov}
	l.prov = cp
	return l, cp
}

// TestSplitMeasuresLinearly lays out texts of many pages (running text, a
// table cell, one unbroken word) and checks that maroto is asked to break
// no more than a few times the text's length into lines. Measuring the
// rest of the text again on every page made a 1 MB title take 23 s and
// 3 MB 157 s (issue #11); this counts the work instead of timing it.
func TestSplitMeasuresLinearly(t *testing.T) {
	words := strings.Fields(longSummary(30000))
	cases := []struct {
		name string
		add  func(l *layout, s string)
		text string
	}{
		{"paragraph", func(l *layout, s string) { l.para(s, body, pad{bottom: 2}, 0, grid) }, strings.Join(words, " ")},
		{"table cell", func(l *layout, s string) {
			l.table(table{name: "Events", cols: []column{{title: "Date", size: 15}, {title: "Event", size: 85}}}, 1,
				func(int) []tableCell { return []tableCell{{text: "1 Oct 2025"}, {text: s, bold: true}} })
		}, strings.Join(words, " ")},
		{"one word", func(l *layout, s string) { l.para(s, bodyBold, pad{}, 0, grid) }, strings.Repeat("x", 200_000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, cp := bareLayout(t)
			c.add(l, c.text)
			if l.err != nil {
				t.Fatal(l.err)
			}
			if l.page < 20 {
				t.Fatalf("%d pages: want a text of many pages", l.page)
			}
			if cp.chars > 4*len(c.text) {
				t.Errorf("maroto measured %d characters for a text of %d on %d pages: %.1f times its length, want at most 4",
					cp.chars, len(c.text), l.page, float64(cp.chars)/float64(len(c.text)))
			}
		})
	}
}

// TestLineStartsMatchMaroto checks the layout's own line breaking against
// maroto's on random texts in every face, size and column width the
// briefing uses, including text that starts at a line start of a longer
// one: the split at page breaks relies on both.
func TestLineStartsMatchMaroto(t *testing.T) {
	l, _ := bareLayout(t)
	vocab := []string{"a", "of", "the", "Azerbaijan", "Sakartvelo", "Həsənov", "ქართული", "İstanbul", "—", "1,529",
		"https://example.org/a/very/long/path", "WWWWWWWW", "iiiiiiiiiiii", "Millî", "Bakı", "x"}
	styles := []style{body, bodyBold, small, smallBold, note, cellText, cellHead, h1, h2}
	rng := rand.New(rand.NewPCG(11, 9))
	for trial := range 3000 {
		st := styles[rng.IntN(len(styles))]
		c := cell{size: 3 + rng.IntN(98), st: st, pad: pad{left: rng.Float64() * 2, right: rng.Float64() * 2}}
		n := 1 + rng.IntN(60)
		words := make([]string, n)
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))]
			if rng.IntN(8) == 0 {
				words[i] = strings.Repeat(words[i], 1+rng.IntN(6))
			}
		}
		width := l.wrapWidth(c)
		p := st.text(0, 0, c.pad.left, c.pad.right)
		starts := l.wr.lineStarts(words, st.weight, st.size, width)
		if got, want := len(starts), l.prov.GetLinesQuantity(strings.Join(words, " "), &p, width); got != want {
			t.Fatalf("trial %d: %d lines, maroto %d (size %.1f, weight %q, width %.3f): %q", trial, got, want, st.size, st.weight, width, words)
		}
		for j, s := range starts {
			rest := l.prov.GetLinesQuantity(strings.Join(words[s:], " "), &p, width)
			if rest != len(starts)-j {
				t.Fatalf("trial %d: the text from line %d wraps into %d lines, want %d", trial, j, rest, len(starts)-j)
			}
		}
	}
}
