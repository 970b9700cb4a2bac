package pdf

import (
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// column is a column of a table.
type column struct {
	title string
	size  int // grid columns
	align align.Type
}

// table is a table whose header row is repeated on every page it runs
// onto, under a "(continued)" caption.
type table struct {
	name    string // "Events", for the continuation caption
	cols    []column
	compact bool // less padding, for long lists of short rows
	small   bool // smaller type, for tables of many narrow columns
	// link names the target each row links to, "" for none; nil: no links.
	link func(i int) string
}

// tableCell is one value of a table row; bold for the row's key value.
type tableCell struct {
	text string
	bold bool
	bars []int // drawn as mini bars instead of text
	// anchor makes the row a link target (links).
	anchor string
}

var cellPad = pad{top: 1.3, bottom: 1.3, left: 1.2, right: 1.2}

// table adds the table. rowAt returns one row at a time, so that a long
// table is never held twice in memory.
func (l *layout) table(t table, n int, rowAt func(i int) []tableCell) {
	if n == 0 {
		return
	}
	head := l.headerRow(t)
	l.need(l.tableStart(t, rowAt(0)))
	l.add(head)
	again := func() {
		l.add(l.caption(t.name + " (continued)"))
		l.add(l.headerRow(t))
	}
	for i := range n {
		var fill *props.Color
		if i%2 == 1 {
			fill = zebra
		}
		cells := l.cells(t, rowAt(i))
		if t.link != nil {
			if to := t.link(i); to != "" {
				for j := range cells {
					cells[j].link = to
				}
			}
		}
		l.row(cells, rowOpts{fill: fill, onBreak: again})
	}
}

// tableStart is the height of the table's header row and first row: the
// least that must fit on a page for the table to start there, so that a
// header row is never left alone at the bottom of a page.
func (l *layout) tableStart(t table, first []tableCell) float64 {
	return l.height(l.headerRow(t)) + l.keep(l.measure(l.cells(t, first)))
}

func (l *layout) cells(t table, vals []tableCell) []cell {
	cells := make([]cell, len(t.cols))
	for i, c := range t.cols {
		st := cellText.with(c.align)
		if t.small {
			st = st.sized(7)
		}
		if i < len(vals) {
			cells[i].text = vals[i].text
			if vals[i].bold {
				st = st.weighted(fontstyle.Bold)
			}
			cells[i].anchor = vals[i].anchor
			if vals[i].bars != nil {
				cells[i].extra = &miniBars{series: vals[i].bars, height: 3.6, dx: 1.2, width: 24}
			}
		}
		cells[i].size, cells[i].st, cells[i].pad = c.size, st, cellPad
		if t.compact {
			cells[i].pad.top, cells[i].pad.bottom = 0.7, 0.7
		}
	}
	return cells
}

func (l *layout) headerRow(t table) core.Row {
	cells := make([]cell, len(t.cols))
	words := make([][]string, len(t.cols))
	for i, c := range t.cols {
		cells[i] = cell{size: c.size, st: cellHead.with(c.align), pad: pad{top: 1.6, bottom: 1.4, left: 1.2, right: 1.2}}
		words[i] = strings.Fields(l.g.clean(c.title))
	}
	r := l.build(cells, words, nil)
	return r.WithStyle(&props.Cell{BackgroundColor: fill, BorderType: border.Bottom, BorderColor: navy, BorderThickness: 0.3})
}

// caption is a one-line note above a table or chart.
func (l *layout) caption(s string) core.Row {
	c := []cell{{size: grid, st: note, pad: pad{bottom: 1.2}}}
	return l.build(c, [][]string{strings.Fields(l.g.clean(s))}, nil)
}
