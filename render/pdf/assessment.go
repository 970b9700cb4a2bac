package pdf

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/briefing-tool/briefing/pipeline"
)

// Confidence labels: a colour per level, strongest darkest, so the level
// reads at a glance without reading the label.
var confidenceColor = map[string]*props.Color{
	"high":     navy,
	"moderate": accent,
	"low":      muted,
}

// assessedPairs are the keys of the pairs the assessment writes about.
func assessedPairs(a *pipeline.Assessment) map[string]bool {
	if a == nil || len(a.Pairs) == 0 {
		return nil
	}
	m := make(map[string]bool, len(a.Pairs))
	for k := range a.Pairs {
		m[k] = true
	}
	return m
}

// usesBoldOblique reports whether the text asks for bold and emphasis at once:
// emphasis in bold (Span.Bold and Span.Italic) or in the bottom line, which
// is set in bold.
func usesBoldOblique(a *pipeline.Assessment) bool {
	if a == nil {
		return false
	}
	both := func(bs []pipeline.Block, bold bool) bool {
		for _, bl := range bs {
			for _, s := range bl.Spans {
				if s.Italic && (s.Bold || bold) {
					return true
				}
			}
		}
		return false
	}
	if both(a.BottomLine, true) {
		return true
	}
	for _, j := range a.Judgments {
		if both(j.Text, false) {
			return true
		}
	}
	for _, bs := range a.Pairs {
		if both(bs, false) {
			return true
		}
	}
	return false
}

// checkAssessment warns about every character of the assessment the font
// lacks, at the part's position when the notes file gives one.
func (g *glyphs) checkAssessment(a *pipeline.Assessment) {
	if a == nil {
		return
	}
	pos := pipeline.Position{File: a.File}
	text := func(bs []pipeline.Block) string {
		var b strings.Builder
		for _, bl := range bs {
			b.WriteString(bl.PlainText())
			b.WriteByte(' ')
		}
		return b.String()
	}
	g.check(pos, "", "bottom line", text(a.BottomLine))
	for _, j := range a.Judgments {
		at := j.Pos
		if at.File == "" {
			at = pos
		}
		g.check(at, "", "key judgment", text(j.Text))
	}
	for _, k := range slices.Sorted(maps.Keys(a.Pairs)) {
		at, ok := a.PairPos[k]
		if !ok {
			at = pos
		}
		g.check(at, "", "assessment of "+k, text(a.Pairs[k]))
	}
}

// bottomLine is the analyst's bottom line, set apart under the title; with
// none, nothing is drawn.
func (b *briefing) bottomLine() {
	if b.a == nil || len(b.a.BottomLine) == 0 {
		return
	}
	l := b.l
	l.space(2)
	l.row([]cell{boxHead("Bottom line")}, rowOpts{fill: fill})
	b.blocks(b.a.BottomLine, bodyBold, pad{top: 1, bottom: 2, left: 3, right: 3}, 0, fill)
}

// boxHead is the heading row of a shaded box on page 1 (the bottom line,
// the changes since the last edition).
func boxHead(text string) cell {
	return cell{text: text, size: grid, st: smallBold.colored(navy), pad: pad{top: 2, left: 3, right: 3}}
}

// judgments are the key judgments, each with its confidence as a coloured
// label at its left, after the bottom line.
func (b *briefing) judgments() {
	if b.a == nil || len(b.a.Judgments) == 0 {
		return
	}
	b.h2("Key judgments", 1, 12)
	for _, j := range b.a.Judgments {
		t := &tag{text: "No confidence stated", color: rule, ink: ink, size: sizeSmall}
		if c := strings.ToLower(j.Confidence); confidenceColor[c] != nil {
			t = &tag{text: strings.ToUpper(c[:1]) + c[1:] + " confidence", color: confidenceColor[c], ink: &props.Color{Red: 255, Green: 255, Blue: 255}, size: sizeSmall}
		}
		t.text = b.g.clean(t.text)
		t.width = b.l.met.width(t.text, t.size, true) + 3
		if len(j.Text) == 0 { // a judgment with no text still shows its label
			b.l.row([]cell{{size: grid, extra: t}}, rowOpts{})
			continue
		}
		for i, bl := range j.Text {
			var runIn *tag
			if i == 0 {
				runIn = t
			}
			b.block(bl, body, pad{top: 0.6, bottom: 1.6}, 0, nil, runIn)
		}
	}
}

// pairAssessment is the analyst's text at the top of p's section.
func (b *briefing) pairAssessment(key string) {
	if b.a == nil || len(b.a.Pairs[key]) == 0 {
		return
	}
	b.l.space(1)
	b.blocks(b.a.Pairs[key], body, pad{top: 1, bottom: 1.6, left: 3, right: 3}, 0, fill)
	b.l.space(2)
}

// blocks lays out running text off grid columns from the left.
func (b *briefing) blocks(bs []pipeline.Block, st style, p pad, off int, bg *props.Color) {
	for _, bl := range bs {
		b.block(bl, st, p, off, bg, nil)
	}
}

// block lays out one paragraph or list item: list items are indented,
// their bullet or number hanging in the indent. runIn, when set, is a
// label that the first line starts with.
func (b *briefing) block(bl pipeline.Block, st style, p pad, off int, bg *props.Color, runIn *tag) {
	const indent = 4
	mark := ""
	switch bl.Kind {
	case pipeline.Bullet:
		mark = "•"
	case pipeline.Numbered:
		mark = strconv.Itoa(bl.N) + "."
	}
	var prefix core.Component
	if mark != "" {
		prefix = &marker{text: mark, st: st, top: p.top}
		off += indent
	}
	b.l.rich(b.runs(bl.Spans, st), st, p, off, bg, prefix, runIn)
}

// runs turns spans into pieces of text in their faces, with their links.
func (b *briefing) runs(spans []pipeline.Span, st style) []piece {
	var out []piece
	space := false
	for _, s := range spans {
		face := st.weight
		switch {
		case s.Bold && s.Italic, s.Italic && face == fontstyle.Bold:
			face = fontstyle.BoldItalic
		case s.Bold:
			face = fontstyle.Bold
		case s.Italic:
			face = fontstyle.Italic
		}
		var target, uri string
		if id, ok := strings.CutPrefix(s.Link, "event:"); ok {
			target = b.eventLink(id)
		} else if s.Link != "" {
			uri = s.Link
		}
		parts := strings.Split(b.g.clean(s.Text), " ")
		for i, w := range parts {
			if i > 0 {
				space = true
			}
			if w == "" {
				continue
			}
			out = append(out, piece{text: w, face: face, target: target, uri: uri, space: space && len(out) > 0})
			space = false
		}
	}
	return out
}

// eventLink names where the note shows the event id, "" when it does not.
func (b *briefing) eventLink(id string) string {
	if e := b.r.NoteEvent(id); e != nil {
		return b.detailOf(e)
	}
	return ""
}

// piece is a word, or the part of a word in one style: pieces without a
// space between them stay on one line.
type piece struct {
	text   string
	face   fontstyle.Type
	target string // a target of the note (links)
	uri    string
	space  bool // a space comes before it
}

// textRun is text drawn in one go: pieces of a line with the same style.
type textRun struct {
	text        string
	face        fontstyle.Type
	target, uri string
	x, w        float64 // from the start of the line, mm
	space       bool    // a space separates it from the run before
}

// wrapRich breaks pieces into lines width mm wide, greedily, measuring
// with gofpdf's widths as maroto does. A word wider than the line gets a
// line of its own.
func (l *layout) wrapRich(ps []piece, size, width, indent float64) [][]textRun {
	var lines [][]textRun
	var line []textRun
	x := indent
	wordEnd := func(i int) int {
		j := i + 1
		for j < len(ps) && !ps[j].space {
			j++
		}
		return j
	}
	wid := func(p piece, s string) float64 {
		return float64(l.wr.symbols(p.face, s)) * l.wr.unit(p.face, size) / 1000
	}
	for i := 0; i < len(ps); {
		j := wordEnd(i)
		w, gap := 0.0, 0.0
		if len(line) > 0 || len(lines) == 0 && indent > 0 {
			gap = wid(ps[i], " ")
		}
		for _, p := range ps[i:j] {
			w += wid(p, p.text)
		}
		if (len(line) > 0 || len(lines) == 0 && indent > 0) && x+gap+w > width {
			lines, line, x, gap = append(lines, line), nil, 0, 0
		}
		x += gap
		for k, p := range ps[i:j] {
			pw := wid(p, p.text)
			if n := len(line); n > 0 && line[n-1].face == p.face && line[n-1].target == p.target && line[n-1].uri == p.uri {
				sep := ""
				if k == 0 {
					sep = " "
				}
				line[n-1].text += sep + p.text
				line[n-1].w = x + pw - line[n-1].x
			} else {
				line = append(line, textRun{text: p.text, face: p.face, target: p.target, uri: p.uri, x: x, w: pw, space: k == 0 && len(line) > 0})
			}
			x += pw
		}
		i = j
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// rich adds running text in mixed styles, off grid columns from the left,
// splitting it across pages between lines. maroto's text component sets a
// whole text in one style, so the text is broken into lines here and each
// run drawn by itself (richText). prefix is drawn in the off columns left
// of the first line, runIn at the start of the first line.
func (l *layout) rich(ps []piece, st style, p pad, off int, bg *props.Color, prefix core.Component, runIn *tag) {
	width := l.cell.Width*float64(grid-off)/grid - p.left - p.right
	indent := 0.0
	if runIn != nil {
		indent = runIn.width
	}
	lines := l.wrapRich(ps, st.size, width, indent)
	lh := st.lineHeight()
	for len(lines) > 0 && l.err == nil {
		n := len(lines)
		h := func(n int) float64 { return float64(n)*lh + float64(n-1)*st.leading + p.top + p.bottom }
		if !l.fits(h(n)) {
			n = int((l.remaining() - p.top - p.bottom + st.leading + 1e-9) / (lh + st.leading))
			if n < 2 && !l.atTop() {
				l.newPage()
				continue
			}
			n = max(n, 1)
		}
		t := &richText{k: l.k, lines: lines[:n], st: st, pad: p, runIn: runIn}
		cols := []core.Col{}
		if off > 0 {
			c := col.New(off)
			if prefix != nil {
				c.Add(prefix)
			}
			cols = append(cols, c)
		}
		cols = append(cols, col.New(grid-off).Add(t))
		r := row.New().Add(cols...)
		if bg != nil {
			r.WithStyle(&props.Cell{BackgroundColor: bg})
		}
		l.add(r)
		lines, prefix, runIn = lines[n:], nil, nil
		if len(lines) > 0 {
			l.newPage()
		}
	}
}

// richText draws lines of runs laid out by wrapRich, each run with
// maroto's own text drawing (so its font and colour state stays right),
// internal links with gofpdf's.
type richText struct {
	k     *links
	lines [][]textRun
	st    style
	pad   pad
	runIn *tag // drawn at the start of the first line
}

func (t *richText) GetHeight(core.Provider, *entity.Cell) float64 {
	n := float64(len(t.lines))
	return n*t.st.lineHeight() + (n-1)*t.st.leading + t.pad.top + t.pad.bottom
}
func (t *richText) SetConfig(*entity.Config) {}
func (t *richText) Render(prov core.Provider, cell *entity.Cell) {
	fh := t.st.lineHeight()
	if t.runIn != nil {
		// The label's baseline is the line's; its box reaches a little
		// above the capitals and below the baseline.
		c := *cell
		c.X += t.pad.left
		c.Y += t.pad.top + tagRaise
		t.runIn.baseline = fh - tagRaise
		t.runIn.Render(prov, &c)
	}
	for i, line := range t.lines {
		y := cell.Y + t.pad.top + float64(i)*(fh+t.st.leading)
		for _, r := range line {
			st := t.st.weighted(r.face)
			if r.target != "" && t.k.targets[r.target] {
				st = st.colored(accent)
			}
			p := st.text(0, 0, 0, 0)
			if r.uri != "" {
				p.Hyperlink = &r.uri
			}
			c := entity.Cell{X: cell.X + t.pad.left + r.x, Y: y, Width: r.w + 1, Height: fh}
			prov.AddText(r.text, &c, &p)
			if r.target != "" && t.k.targets[r.target] {
				if doc, id, ok := t.k.id(prov, r.target); ok {
					left, top, _, _ := doc.GetMargins()
					doc.Link(left+c.X, top+y, r.w, fh+t.st.leading/2, id)
				}
			}
		}
	}
}

// GetStructure shows the lines as they are broken, each run marked with
// its style: **bold**, *oblique*, [text](link target or address).
func (t *richText) GetStructure() *node.Node[core.Structure] {
	lines := make([]string, len(t.lines))
	for i, line := range t.lines {
		var b strings.Builder
		for j, r := range line {
			if j > 0 && r.space {
				b.WriteByte(' ')
			}
			s := r.text
			switch r.face {
			case fontstyle.Bold:
				s = "**" + s + "**"
			case fontstyle.Italic:
				s = "*" + s + "*"
			case fontstyle.BoldItalic:
				s = "***" + s + "***"
			}
			if to := r.target + r.uri; to != "" {
				s = "[" + s + "](" + to + ")"
			}
			b.WriteString(s)
		}
		lines[i] = b.String()
	}
	d := map[string]any{"size": t.st.size}
	if t.runIn != nil {
		d["label"] = t.runIn.text
	}
	return node.New(core.Structure{Type: "richtext", Value: strings.Join(lines, "\n"), Details: d})
}

// tag is a small filled label, a confidence level.
type tag struct {
	text       string
	color, ink *props.Color
	size       float64
	width      float64 // mm
	baseline   float64 // from the top of the box, mm; 0: near its bottom
}

const (
	tagHeight = 3.9  // mm
	tagRaise  = 0.15 // mm from the top of the line to the top of the box
)

func (t *tag) GetHeight(core.Provider, *entity.Cell) float64 { return tagHeight + 1 }
func (t *tag) SetConfig(*entity.Config)                      {}
func (t *tag) Render(prov core.Provider, cell *entity.Cell) {
	c := entity.Cell{X: cell.X, Y: cell.Y, Width: min(t.width, cell.Width), Height: tagHeight}
	// A thick butt-capped line is a filled rectangle (see bar).
	prov.AddLine(&c, &props.Line{Color: t.color, Style: linestyle.Solid, Thickness: tagHeight, Orientation: orientation.Horizontal, OffsetPercent: 50, SizePercent: 100})
	st := style{size: t.size, weight: fontstyle.Bold, color: t.ink, align: align.Center}
	top := tagHeight - 0.7 - st.lineHeight()
	if t.baseline > 0 {
		top = t.baseline - st.lineHeight()
	}
	p := st.text(top, 0, 0, 0)
	prov.AddText(t.text, &c, &p)
}
func (t *tag) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "tag", Value: t.text})
}

// marker is a list item's bullet or number, hanging left of its text.
type marker struct {
	text string
	st   style
	top  float64
}

func (m *marker) GetHeight(core.Provider, *entity.Cell) float64 { return 0 }
func (m *marker) SetConfig(*entity.Config)                      {}
func (m *marker) Render(prov core.Provider, cell *entity.Cell) {
	p := m.st.with(align.Right).text(m.top, 0, 0, 1.5)
	c := *cell
	prov.AddText(m.text, &c, &p)
}
func (m *marker) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "marker", Value: m.text})
}
