package pdf

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Page geometry in mm (A4 portrait). The grid has 100 columns so that
// column sizes read as percentages of the text width.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 10.0
	marginBottom = 13.0
	grid         = 100
	textWidth    = pageWidth - marginLeft - marginRight
)

// A restrained palette: near-black text, one dark blue for structure, one
// mid blue for data marks, greys for everything secondary.
var (
	ink    = &props.Color{Red: 33, Green: 37, Blue: 41}
	navy   = &props.Color{Red: 24, Green: 52, Blue: 89}
	accent = &props.Color{Red: 72, Green: 112, Blue: 156}
	muted  = &props.Color{Red: 104, Green: 112, Blue: 122}
	rule   = &props.Color{Red: 196, Green: 203, Blue: 212}
	fill   = &props.Color{Red: 237, Green: 241, Blue: 246}
	zebra  = &props.Color{Red: 247, Green: 248, Blue: 250}
	track  = &props.Color{Red: 226, Green: 231, Blue: 238}
)

// Type sizes in pt.
const (
	sizeTitle    = 22.0
	sizeSubtitle = 13.0
	sizeH1       = 16.0
	sizeH2       = 10.5
	sizeBody     = 9.5
	sizeTable    = 8.0
	sizeSmall    = 7.5
	sizeFigure   = 20.0
)

// style is one text style of the briefing.
type style struct {
	size    float64
	weight  fontstyle.Type
	color   *props.Color
	align   align.Type
	leading float64 // extra space between wrapped lines, mm
}

var (
	body      = style{size: sizeBody, color: ink, leading: 1.5}
	bodyBold  = style{size: sizeBody, weight: fontstyle.Bold, color: ink, leading: 1.5}
	small     = style{size: sizeSmall, color: muted, leading: 0.9}
	smallBold = style{size: sizeSmall, weight: fontstyle.Bold, color: muted, leading: 0.9}
	note      = style{size: sizeSmall + 0.5, weight: fontstyle.Italic, color: muted, leading: 1}
	cellText  = style{size: sizeTable, color: ink, leading: 0.8}
	cellHead  = style{size: sizeSmall, weight: fontstyle.Bold, color: navy, leading: 0.6}
	h1        = style{size: sizeH1, weight: fontstyle.Bold, color: navy, leading: 1.5}
	h2        = style{size: sizeH2, weight: fontstyle.Bold, color: navy, leading: 1}
	h3        = style{size: 8.8, weight: fontstyle.Bold, color: navy, leading: 0.8}
	// summaryText sets event summaries, the bulk of a note's text.
	summaryText = style{size: 8.8, color: ink, leading: 1.2}
)

// text returns maroto text properties for s with the given padding.
func (s style) text(top, bottom, left, right float64) props.Text {
	a := s.align
	if a == "" {
		a = align.Left
	}
	return props.Text{
		Family: family, Style: s.weight, Size: s.size, Color: s.color, Align: a,
		Top: top, Bottom: bottom, Left: left, Right: right,
		VerticalPadding: s.leading,
	}
}

func (s style) with(a align.Type) style         { s.align = a; return s }
func (s style) colored(c *props.Color) style    { s.color = c; return s }
func (s style) weighted(w fontstyle.Type) style { s.weight = w; return s }
func (s style) sized(pt float64) style          { s.size = pt; return s }

// bold reports whether s uses the bold face, for measuring.
func (s style) bold() bool { return s.weight == fontstyle.Bold || s.weight == fontstyle.BoldItalic }

// lineHeight is the height maroto gives one line of s, in mm.
func (s style) lineHeight() float64 { return s.size * 25.4 / 72 }
