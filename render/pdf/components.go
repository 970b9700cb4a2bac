package pdf

import (
	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// probe is an invisible component that keeps the provider maroto measures
// it with. maroto has no accessor for its provider, but layout needs the
// measuring document's to measure rows and text exactly as maroto will.
type probe struct{ provider core.Provider }

func (p *probe) GetHeight(prov core.Provider, _ *entity.Cell) float64 {
	if p.provider == nil {
		p.provider = prov
	}
	return 0
}
func (p *probe) Render(core.Provider, *entity.Cell) {}
func (p *probe) SetConfig(*entity.Config)           {}
func (p *probe) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "probe"})
}

// bar is one bar of a horizontal bar chart: a filled rectangle starting at
// the left of its cell, frac of the cell wide and thick mm high, centred
// vertically. It is drawn as a thick butt-capped line through maroto's
// provider, so it stays a vector shape. maroto's own line component
// centres lines horizontally, which suits rules but not bars.
type bar struct {
	frac  float64 // 0..1
	thick float64 // mm
	color *props.Color
}

func (b *bar) GetHeight(core.Provider, *entity.Cell) float64 { return b.thick }
func (b *bar) SetConfig(*entity.Config)                      {}
func (b *bar) Render(prov core.Provider, cell *entity.Cell) {
	w := cell.Width * b.frac
	if w <= 0 {
		return
	}
	c := entity.Cell{X: cell.X, Y: cell.Y, Width: w, Height: cell.Height}
	prov.AddLine(&c, &props.Line{
		Color: b.color, Style: linestyle.Solid, Thickness: b.thick,
		Orientation: orientation.Horizontal, OffsetPercent: 50, SizePercent: 100,
	})
}
func (b *bar) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "bar", Value: b.frac, Details: map[string]any{"thickness": b.thick, "color": b.color.ToString()}})
}
