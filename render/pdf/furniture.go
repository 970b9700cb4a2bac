package pdf

import (
	"strings"

	"github.com/briefing-tool/briefing/pipeline"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// footerHeight is the footer row; its text sits just below it, on the
// baseline maroto uses for the page number.
const footerHeight = 6.0

// furniture registers what every page carries: the classification marking
// at top and bottom, a running title, the period and the page number.
func (b *briefing) furniture() error {
	r := b.r
	marking := markingStyle
	// The header row has an automatic height, so that a long title or
	// marking wraps.
	lower := marking.lineHeight() - small.lineHeight() // puts the smaller text on the marking's baseline
	headerCols := []core.Col{
		col.New(titleCol).Add(text.New(b.fit(r.Title, small, titleCol, false), small.text(lower, 2, 0, 0))),
		col.New(markingCol).Add(text.New(b.fit(r.Classification, marking, markingCol, false), marking.text(0, 2, markingPad, markingPad))),
		col.New(30).Add(&runningHead{
			def: b.fit(r.Period.Label, small, 30, false), at: b.l.runningAt, p: small.with(align.Right).text(lower, 2, 0, 0),
			fit: func(s string) string { return b.fit(s, small, 30, true) },
		}),
	}
	head := row.New().Add(headerCols...).WithStyle(&props.Cell{BorderType: border.Bottom, BorderColor: rule, BorderThickness: 0.2})
	if err := b.l.registerHeader(head, row.New(5)); err != nil {
		return err
	}
	// The footer row holds a rule; its text sits just below the row, in
	// the bottom margin, on the baseline maroto gives the page number
	// (Top = the row's height, less the difference in font height). The
	// running organization name is cut to one line, which keeps it inside
	// the margin; the marking is never cut.
	ruleLine := func() core.Component {
		return line.New(props.Line{Color: rule, Thickness: 0.2, OffsetPercent: 70, SizePercent: 100})
	}
	below := func(st style) props.Text {
		return st.text(footerHeight-(st.lineHeight()-small.lineHeight()), 0, 0, 0)
	}
	foot := row.New(footerHeight).Add(
		col.New(30).Add(ruleLine(), text.New(b.fit(r.Organization, small, 30, true), below(small))),
		col.New(40).Add(ruleLine(), text.New(b.fit(r.Classification, marking, 40, false), below(marking))),
		col.New(30).Add(ruleLine()),
	)
	return b.l.registerFooter(foot)
}

// The running title and the classification marking wrap in the page
// header (the marking in the footer too) and are never cut, so their
// length is bounded: a header of dozens of lines leaves no page for the
// content (maroto fails once it is taller than the page), and a marking
// of more than two lines runs off the bottom of the page.
const (
	titleCol        = 30 // grid columns of the running title
	markingCol      = 40 // grid columns of the classification marking
	markingPad      = 2.0
	maxTitleLines   = 6
	maxMarkingLines = 2
)

var markingStyle = smallBold.colored(ink).sized(8.5).with(align.Center)

// CheckConfig reports the config values the briefing note cannot lay out,
// as config errors naming the key and where it was written: a title or
// classification marking too long for the page header or footer. build
// checks the same before laying anything out; CheckConfig lets a caller
// (build, check) report it with the key's position.
func CheckConfig(cfg *pipeline.Config) pipeline.ErrorList {
	if cfg == nil {
		return nil
	}
	return checkFurniture(cfg.Briefing.Title, cfg.Briefing.Classification, func(key string) pipeline.Position {
		return cfg.KeyPos("briefing", key)
	})
}

// checkFurniture measures the running title and the marking as the header
// and footer lay them out.
func checkFurniture(title, marking string, pos func(key string) pipeline.Position) pipeline.ErrorList {
	met, err := newMetrics()
	if err != nil {
		return nil // the layout reports a font that cannot be read
	}
	l := &layout{met: met, wr: newWrapper(), g: newGlyphs(met)}
	l.cell.Width = textWidth
	var errs pipeline.ErrorList
	for _, x := range []struct {
		key, value string
		st         style
		col        int
		pad        float64
		max        int
		where      string
	}{
		{"title", title, small, titleCol, 0, maxTitleLines, "page header"},
		{"classification", marking, markingStyle, markingCol, markingPad, maxMarkingLines, "page header and footer"},
	} {
		c := cell{size: x.col, st: x.st, pad: pad{left: x.pad, right: x.pad}}
		words := strings.Fields(l.furnitureText(x.value, x.st, x.col))
		if n := len(l.wr.lineStarts(words, x.st.weight, x.st.size, l.wrapWidth(c))); n > x.max {
			errs.Add(pos(x.key), "", "briefing."+x.key, "too long for the %s: %d lines, at most %d (%d characters)",
				x.where, n, x.max, len([]rune(strings.Join(strings.Fields(x.value), " "))))
		}
	}
	return errs
}

// fit prepares a running header or footer text for a column of size grid
// columns: characters the font lacks replaced, words too wide broken, and
// with cut, shortened to one line with an ellipsis.
func (b *briefing) fit(s string, st style, size int, cut bool) string {
	width := textWidth * float64(size) / grid
	s = b.l.furnitureText(s, st, size)
	if !cut || b.l.met.width(s, st.size, st.bold()) <= width*0.97 {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && b.l.met.width(string(rs)+"…", st.size, st.bold()) > width*0.97 {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}

// furnitureText is s as a running header or footer shows it: characters
// the font lacks replaced, white space collapsed, words too wide broken.
func (l *layout) furnitureText(s string, st style, size int) string {
	width := textWidth * float64(size) / grid
	return l.breakLong(l.g.clean(strings.Join(strings.Fields(s), " ")), st, width)
}

// runningHead is the right-hand text of the page header: the period, or
// on the pages a pair's section continues on, the pair. Pages are drawn
// in order, once each, so it counts them. Its height is the period's: the
// pair's name is cut to one line.
type runningHead struct {
	def  string
	at   map[int]string // page → section continued there; filled by layout
	p    props.Text
	fit  func(string) string
	page int
}

func (h *runningHead) GetHeight(prov core.Provider, cell *entity.Cell) float64 {
	return text.New(h.def, h.p).GetHeight(prov, cell)
}
func (h *runningHead) SetConfig(*entity.Config) {}
func (h *runningHead) Render(prov core.Provider, cell *entity.Cell) {
	h.page++
	s := h.def
	if name, ok := h.at[h.page]; ok {
		s = h.fit(name + " (continued)")
	}
	text.New(s, h.p).Render(prov, cell)
}
func (h *runningHead) GetStructure() *node.Node[core.Structure] {
	return text.New(h.def, h.p).GetStructure()
}
