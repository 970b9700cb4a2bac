package pdf

import (
	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// Charts are vector shapes drawn through maroto's provider: every filled
// rectangle is a butt-capped line as thick as the rectangle is high
// (fillRect), so no raster image is embedded. Their geometry is worked
// out by plain functions (miniBarRects, stackRects), tested on given
// series; the components only draw it.

// rect is a rectangle in mm, relative to the cell it is drawn in; y grows
// downwards, as on the page.
type rect struct{ x, y, w, h float64 }

// fillRect draws r, offset by the cell's position, in color c.
func fillRect(prov core.Provider, cell *entity.Cell, r rect, c *props.Color) {
	if r.w <= 0 || r.h <= 0 {
		return
	}
	prov.AddLine(&entity.Cell{X: cell.X + r.x, Y: cell.Y + r.y, Width: r.w, Height: r.h}, &props.Line{
		Color: c, Style: linestyle.Solid, Thickness: r.h,
		Orientation: orientation.Horizontal, OffsetPercent: 50, SizePercent: 100,
	})
}

// zeroMark is the height of the mark a period without events gets, so
// that a gap reads as "none" rather than as missing data.
const zeroMark = 0.25

// miniBarRects lays series out as bars side by side in w × h mm, scaled to
// the largest value (or to top, when it is larger: bars of several pairs
// then compare), with gap mm between bars. A zero gets a thin mark on the
// baseline.
func miniBarRects(series []int, top int, w, h, gap float64) []rect {
	n := len(series)
	if n == 0 || w <= 0 || h <= 0 {
		return nil
	}
	for _, v := range series {
		top = max(top, v)
	}
	bw := (w - gap*float64(n-1)) / float64(n)
	out := make([]rect, n)
	for i, v := range series {
		bh := zeroMark
		if top > 0 && v > 0 {
			bh = max(h*float64(v)/float64(top), zeroMark)
		}
		out[i] = rect{x: float64(i) * (bw + gap), y: h - bh, w: bw, h: bh}
	}
	return out
}

// stackRects lays out one stacked bar per period: stacks[i][k] is period
// i's count of kind k, drawn bottom up in kind order. Bars share a scale,
// the largest total filling h.
func stackRects(stacks [][]int, w, h, gap float64) [][]rect {
	n := len(stacks)
	if n == 0 || w <= 0 || h <= 0 {
		return nil
	}
	top := 0
	for _, s := range stacks {
		t := 0
		for _, v := range s {
			t += v
		}
		top = max(top, t)
	}
	bw := (w - gap*float64(n-1)) / float64(n)
	out := make([][]rect, n)
	for i, s := range stacks {
		y := h
		for _, v := range s {
			bh := 0.0
			if top > 0 {
				bh = h * float64(v) / float64(top)
			}
			y -= bh
			out[i] = append(out[i], rect{x: float64(i) * (bw + gap), y: y, w: bw, h: bh})
		}
	}
	return out
}

// miniBars is a small bar chart of a series (a pair's events in the last
// periods), the last bar, this period, in the darker colour.
type miniBars struct {
	series []int
	top    int     // scale shared with other rows; 0: the series' own
	height float64 // mm, centred in the cell unless dy is set
	width  float64 // mm, from the cell's left; 0: the cell's width
	dx, dy float64 // offset from the cell's left and top, mm
}

func (m *miniBars) GetHeight(core.Provider, *entity.Cell) float64 { return m.dy + m.height }
func (m *miniBars) SetConfig(*entity.Config)                      {}
func (m *miniBars) Render(prov core.Provider, cell *entity.Cell) {
	w := m.width
	if w <= 0 || w > cell.Width-m.dx {
		w = cell.Width - m.dx
	}
	at := *cell
	at.X += m.dx
	if m.dy > 0 {
		at.Y += m.dy
	} else {
		at.Y += (cell.Height - m.height) / 2
	}
	rs := miniBarRects(m.series, m.top, w, m.height, 0.4)
	for i, r := range rs {
		c := track
		if m.series[i] > 0 {
			c = rule
		}
		if i == len(rs)-1 {
			c = accent
		}
		fillRect(prov, &at, r, c)
	}
}
func (m *miniBars) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "minibars", Details: map[string]any{"series": m.series, "top": m.top}})
}

// kindColors colour the kinds of the activity chart, heaviest first: dark
// to light, so that the order reads in black and white too.
var kindColors = []*props.Color{
	navy,
	accent,
	{Red: 118, Green: 153, Blue: 191},
	{Red: 160, Green: 186, Blue: 214},
	{Red: 96, Green: 140, Blue: 120},
	{Red: 150, Green: 180, Blue: 160},
	{Red: 150, Green: 156, Blue: 166},
	{Red: 196, Green: 200, Blue: 208},
}

func kindColor(i int) *props.Color { return kindColors[i%len(kindColors)] }

// stackChart is the activity chart's bars: one per period, stacked by
// kind, in the colours of the kinds' order in stacks.
type stackChart struct {
	stacks [][]int
	height float64
	gap    float64 // between bars, mm
}

func (s *stackChart) GetHeight(core.Provider, *entity.Cell) float64 { return s.height }
func (s *stackChart) SetConfig(*entity.Config)                      {}
func (s *stackChart) Render(prov core.Provider, cell *entity.Cell) {
	for _, bar := range stackRects(s.stacks, cell.Width, s.height, s.gap) {
		for k, r := range bar {
			fillRect(prov, cell, r, kindColor(k))
		}
	}
}
func (s *stackChart) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "stackchart", Details: map[string]any{"stacks": s.stacks}})
}

// swatch is a small square of colour, for a chart's legend.
type swatch struct{ c *props.Color }

func (s *swatch) GetHeight(core.Provider, *entity.Cell) float64 { return 0 }
func (s *swatch) SetConfig(*entity.Config)                      {}
func (s *swatch) Render(prov core.Provider, cell *entity.Cell) {
	const side = 2.4
	fillRect(prov, cell, rect{x: 0, y: (cell.Height - side) / 2, w: side, h: side}, s.c)
}
func (s *swatch) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "swatch", Value: s.c.ToString()})
}
