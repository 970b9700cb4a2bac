package pdf

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// pad is the space around a cell's text, mm.
type pad struct{ top, bottom, left, right float64 }

// cell is one column of a row of text.
type cell struct {
	text string
	size int // grid columns
	st   style
	pad  pad
	// link makes the cell a link to a target of the note (links), uri a
	// link to a web address; anchor makes the top of the cell a target.
	link, uri, anchor string
	// extra is drawn in the cell besides its text: a chart.
	extra core.Component
}

// rowOpts shape how a row of cells behaves at a page break.
type rowOpts struct {
	fill *props.Color // background of the whole row
	// split lets the row break across pages like running text when it does
	// not fit in the space left. Without it the row moves to the next page
	// whole, as table rows do, and is split only when taller than a page.
	split bool
	// onBreak runs after each page break the row causes, before the rest
	// of the row is added: a table repeats its header row there.
	onBreak func()
}

// paragraphBreak separates paragraphs: a blank line, possibly with spaces.
var paragraphBreak = regexp.MustCompile(`\n[ \t\r]*\n`)

// paragraphs splits free text at blank lines. maroto breaks lines only at
// spaces and would draw a line break as a character, so single line
// breaks and runs of white space become one space. Empty paragraphs are
// dropped.
func paragraphs(s string) []string {
	var out []string
	for _, p := range paragraphBreak.Split(s, -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// para adds running text in one column that starts off grid columns from
// the left and is size columns wide, splitting it across pages.
func (l *layout) para(s string, st style, p pad, off, size int) {
	for _, par := range paragraphs(s) {
		cells := []cell{{text: par, size: size, st: st, pad: p}}
		if off > 0 {
			cells = append([]cell{{size: off}}, cells...)
		}
		l.row(cells, rowOpts{split: true})
	}
}

// row adds cells side by side as one or more maroto rows: as many as it
// takes for no row to be taller than the space it is put in.
//
// A text of many pages is wrapped once (wrapper.lineStarts, maroto's own
// line breaking) and cut at line starts, so splitting it costs time in
// proportion to its length. Measuring what is left of it with maroto on
// every page made a 1 MB title take 23 s and 3 MB 157 s.
func (l *layout) row(cells []cell, o rowOpts) {
	for _, c := range cells {
		if c.anchor != "" && l.k != nil {
			l.k.targets[c.anchor] = true
		}
	}
	words := l.words(cells)
	justBroke := false
	var lines []wrapped // nil until the row first fails to fit
	for l.err == nil {
		var h float64
		tall := lines != nil && l.clearlyTooTall(cells, lines)
		if !tall {
			r := l.build(cells, words, o.fill)
			h = l.height(r)
			if l.fits(h) {
				l.add(r)
				return
			}
		}
		if lines == nil {
			lines = l.wrap(cells, words)
		}
		n := make([]int, len(cells)) // lines of each cell that fit here
		most, need := 0, 0
		for i, c := range cells {
			if len(words[i]) == 0 {
				continue
			}
			total := lines[i].count()
			lh, lead := c.st.lineHeight(), c.st.leading
			avail := l.remaining() - c.pad.top - c.pad.bottom - 1e-6
			n[i] = max(int((avail+lead)/(lh+lead)), 0)
			if total-n[i] == 1 && n[i] > 2 {
				n[i]-- // leave no single line alone at the top of the next page
			}
			if n[i] < total {
				most = max(most, n[i])
				need = max(need, total)
			}
		}
		tooTall := tall || h > l.capacity()
		if most < 1 && justBroke {
			l.err = fmt.Errorf("pdf: page %d: %w: not one line fits below the table header", l.page, errRowTooTall)
			return
		}
		splitHere := justBroke || tooTall || (o.split && most >= 2 && need >= 4)
		if !splitHere || most < 1 {
			l.newPage()
			if o.onBreak != nil {
				o.onBreak()
			}
			justBroke = true
			continue
		}
		head := make([][]string, len(cells))
		for i := range cells {
			k := lines[i].take(n[i], len(words[i]))
			head[i], words[i] = words[i][:k], words[i][k:]
		}
		l.add(l.build(cells, head, o.fill))
		if empty(words) {
			return
		}
		cells = noAnchors(cells)
		l.newPage()
		if o.onBreak != nil {
			o.onBreak()
		}
		justBroke = true
	}
}

// wrapped is a cell's text broken into lines: starts[first:] are the
// word indexes, in the whole text, of the lines not yet laid out, and
// base is the index of the first word not yet laid out.
type wrapped struct {
	starts      []int
	first, base int
}

func (w *wrapped) count() int { return len(w.starts) - w.first }

// take lays out the first n of the remaining lines and returns how many of
// the remaining words they hold (all when n covers every line). As with
// maroto, a line always holds at least one word.
func (w *wrapped) take(n, words int) int {
	if n <= 0 || words == 0 {
		return 0
	}
	if w.first+n >= len(w.starts) {
		w.first = len(w.starts)
		w.base += words
		return words
	}
	w.first += n
	k := w.starts[w.first] - w.base
	w.base = w.starts[w.first]
	return k
}

// wrap breaks every cell's words into lines as maroto will.
func (l *layout) wrap(cells []cell, words [][]string) []wrapped {
	out := make([]wrapped, len(cells))
	for i, c := range cells {
		out[i].starts = l.wr.lineStarts(words[i], c.st.weight, c.st.size, l.wrapWidth(c))
	}
	return out
}

// clearlyTooTall reports whether the rest of some cell's text is, with a
// wide margin, taller than an empty page: then the row neither fits nor
// needs measuring with maroto, which would take time in proportion to all
// of the text that is left.
func (l *layout) clearlyTooTall(cells []cell, lines []wrapped) bool {
	for i, c := range cells {
		n := float64(lines[i].count())
		if n == 0 {
			continue
		}
		fh := l.prov.GetFontHeight(&props.Font{Family: family, Style: c.st.weight, Size: c.st.size})
		if n*fh+(n-1)*c.st.leading+c.pad.top+c.pad.bottom > l.capacity()+2*(fh+c.st.leading) {
			return true
		}
	}
	return false
}

// measure returns the height the cells would take as one row.
func (l *layout) measure(cells []cell) float64 {
	return l.height(l.build(cells, l.words(cells), nil))
}

// keep caps a keep-with-next height at half a page: a heading is kept
// with the start of what follows, not with all of a very tall block.
func (l *layout) keep(h float64) float64 { return min(h, l.capacity()/2) }

// words prepares the cells' text for maroto: characters the font lacks
// replaced, words too long for the column broken, split at spaces.
func (l *layout) words(cells []cell) [][]string {
	words := make([][]string, len(cells))
	for i, c := range cells {
		if c.text != "" {
			words[i] = strings.Fields(l.breakLong(l.g.clean(c.text), c.st, l.colWidth(c)))
		}
	}
	return words
}

// noAnchors returns cells without their anchors, for the rest of a row
// split across pages: a target is where the row starts.
func noAnchors(cells []cell) []cell {
	out := make([]cell, len(cells))
	for i, c := range cells {
		c.anchor = ""
		out[i] = c
	}
	return out
}

func empty(words [][]string) bool {
	for _, w := range words {
		if len(w) > 0 {
			return false
		}
	}
	return true
}

// build makes one maroto row from the cells' words.
func (l *layout) build(cells []cell, words [][]string, fill *props.Color) core.Row {
	cols := make([]core.Col, len(cells))
	for i, c := range cells {
		cols[i] = col.New(c.size)
		if c.anchor != "" && l.k != nil {
			cols[i].Add(&anchor{k: l.k, name: c.anchor})
		}
		if len(words[i]) > 0 {
			p := c.st.text(c.pad.top, c.pad.bottom, c.pad.left, c.pad.right)
			if c.uri != "" {
				p.Hyperlink = &c.uri
			}
			cols[i].Add(text.New(strings.Join(words[i], " "), p))
		}
		if c.extra != nil {
			cols[i].Add(c.extra)
		}
		if c.link != "" && l.k != nil {
			cols[i].Add(&linkArea{k: l.k, name: c.link})
		}
	}
	r := row.New().Add(cols...)
	if fill != nil {
		r.WithStyle(&props.Cell{BackgroundColor: fill})
	}
	return r
}

// colWidth is the width the cell's text wraps in, mm.
func (l *layout) colWidth(c cell) float64 {
	return l.cell.Width*float64(c.size)/grid - c.pad.left - c.pad.right
}

// wrapWidth is the width maroto wraps the cell's text in, mm: the same
// as colWidth, computed in maroto's order of operations so that the
// floating-point result is the same.
func (l *layout) wrapWidth(c cell) float64 {
	return l.cell.Width*(float64(c.size)/float64(grid)) - c.pad.left - c.pad.right
}

// breakOpportunity lists characters after which a long token such as a
// URL may be broken.
const breakOpportunity = "/-_.?&=,;:#"

// breakLong splits every word wider than width into pieces that fit, so
// that no text runs past its column: maroto never breaks inside a word.
// Pieces end after a break opportunity when one is at hand.
func (l *layout) breakLong(s string, st style, width float64) string {
	limit := width * 0.97 // headroom for rounding in gofpdf's widths
	if limit <= 0 || l.met.width(s, st.size, st.bold()) <= limit {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if l.met.width(w, st.size, st.bold()) > limit {
			words[i] = strings.Join(l.pieces(w, st, limit), " ")
		}
	}
	return strings.Join(words, " ")
}

func (l *layout) pieces(w string, st style, limit float64) []string {
	var out []string
	rs := []rune(w)
	start, cut := 0, -1
	acc := 0.0
	for i := 0; i < len(rs); i++ {
		cw := l.met.width(string(rs[i]), st.size, st.bold())
		if acc+cw > limit && i > start {
			end := i
			if cut > start {
				end = cut
			}
			out = append(out, string(rs[start:end]))
			start, cut = end, -1
			acc = l.met.width(string(rs[start:i]), st.size, st.bold())
		}
		acc += cw
		if strings.ContainsRune(breakOpportunity, rs[i]) {
			cut = i + 1
		}
	}
	return append(out, string(rs[start:]))
}
