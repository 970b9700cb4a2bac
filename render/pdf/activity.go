package pdf

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/core"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// activityHeight is the height of the activity chart's bars, mm.
const activityHeight = 24.0

// activity is a picture of the last periods (Report.Trend): held events
// per period, stacked by kind. By kind rather than by the top pairs: each
// event is counted once, so a bar is the period's total (by pair, a
// multilateral event would be stacked once per pair), and the kinds are a
// short fixed list, coloured alike from one note to the next.
func (b *briefing) activity() {
	tr := b.r.Trend
	if len(tr) == 0 || b.s.only != nil {
		return
	}
	l := b.l
	kinds := b.r.Kinds()
	order := kindOrder(kinds) // heaviest first: drawn at the bottom
	used := make([]bool, len(kinds))
	stacks := make([][]int, len(tr))
	top := 0
	for i, pc := range tr {
		stacks[i] = make([]int, len(order))
		for j, k := range order {
			n := pc.Kinds.Of(pipeline.Kind(k))
			stacks[i][j] = n
			used[k] = used[k] || n > 0
		}
		top = max(top, pc.Events)
	}
	noun := periodNoun(b.r.Period.Kind)
	b.h2("Activity: events per "+noun+", by kind", 1, activityHeight+11)
	// Each bar has per grid columns, so that the labels below line up.
	n := len(tr)
	const axis = 6 // room for a year's total: "20851"
	per := (grid - axis) / n
	size := per * n
	axisText := small.with(align.Right)
	chart := row.New(activityHeight).Add(
		col.New(axis).Add(
			text.New(strconv.Itoa(top), axisText.text(0, 0, 0, 1.5)),
			text.New("0", axisText.text(activityHeight-small.lineHeight(), 0, 0, 1.5)),
		),
		col.New(size).Add(&stackChart{stacks: stacks, height: activityHeight, gap: 2}),
		col.New(grid-axis-size),
	)
	l.add(chart)
	l.add(row.New(0.6).Add(col.New(axis), col.New(size).Add(&bar{frac: 1, thick: 0.3, color: muted}), col.New(grid-axis-size)))
	labels := []cell{{size: axis}}
	for i, pc := range tr {
		st := small.with(align.Center)
		if i == n-1 {
			st = smallBold.with(align.Center).colored(navy)
		}
		labels = append(labels, cell{text: shortPeriod(pc.Period), size: per, st: st, pad: pad{top: 0.6, bottom: 0.4}})
	}
	if rest := grid - axis - size; rest > 0 {
		labels = append(labels, cell{size: rest})
	}
	l.row(labels, rowOpts{})
	b.legend(kinds, order, used)
}

// legend names the kinds drawn, with their colours.
func (b *briefing) legend(kinds []pipeline.KindInfo, order []int, used []bool) {
	var cols []core.Col
	width := 0
	for j, k := range order {
		if !used[k] {
			continue
		}
		name := kinds[k].Label
		if name == "" {
			name = kinds[k].Name
		}
		w := 12
		cols = append(cols, col.New(w).Add(&swatch{c: kindColor(j)}, text.New(b.g.clean(name), small.colored(ink).text(0.6, 0, 3.6, 0))))
		width += w
	}
	if len(cols) == 0 || width > grid {
		return
	}
	b.l.add(row.New(5).Add(cols...))
}

// kindOrder is the kinds' indexes by weight, heaviest first.
func kindOrder(kinds []pipeline.KindInfo) []int {
	idx := make([]int, len(kinds))
	for i := range idx {
		idx[i] = i
	}
	for i := 1; i < len(idx); i++ { // insertion sort: stable, and a handful of kinds
		for j := i; j > 0 && kinds[idx[j]].Weight > kinds[idx[j-1]].Weight; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}

// shortPeriod labels a period under a chart's bar: "W43", "Oct 2025",
// "Q3 2025", "2025", or a range's first day.
func shortPeriod(p period.Period) string {
	switch p.Kind {
	case period.Week:
		_, w := p.Start.ISOWeek()
		return "W" + strconv.Itoa(w)
	case period.Month:
		return p.Start.Format("Jan 06")
	case period.Quarter:
		return "Q" + strconv.Itoa((int(p.Start.Month())-1)/3+1) + " " + p.Start.Format("2006")
	case period.Year:
		return p.Start.Format("2006")
	}
	return p.Start.Format("2 Jan")
}
