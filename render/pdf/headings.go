package pdf

import (
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// h1 starts a major section: its title in large type over a rule, with a
// note at the right, kept with at least keep mm of what follows. level is
// its level in the outline.
// anchor, when set, makes the heading a link target.
func (b *briefing) h1(title, right, anchor string, level int, keep float64) {
	l := b.l
	cells := []cell{{text: title, size: 78, st: h1, pad: pad{bottom: 1.5}, anchor: anchor}, {text: right, size: 22, st: small.with(align.Right), pad: pad{top: 2.5}}}
	if anchor != "" {
		l.k.targets[anchor] = true
	}
	head := l.build(cells, [][]string{strings.Fields(b.g.clean(title)), strings.Fields(b.g.clean(right))}, nil)
	l.need(l.height(head) + 3 + keep)
	l.mark(title, level)
	l.add(head)
	l.add(row.New(3).Add(col.New(grid).Add(line.New(props.Line{Color: navy, Thickness: 0.5, OffsetPercent: 5, SizePercent: 100}))))
}

// h2 starts a subsection, kept with at least keep mm of what follows.
func (b *briefing) h2(title string, level int, keep float64) {
	l := b.l
	l.space(3.5)
	head := l.build([]cell{{size: grid, st: h2, pad: pad{bottom: 1.2}}}, [][]string{strings.Fields(b.g.clean(title))}, nil).
		WithStyle(&props.Cell{BorderType: border.Bottom, BorderColor: rule, BorderThickness: 0.2})
	l.need(l.height(head) + 2 + keep)
	if level >= 0 {
		l.mark(title, level)
	}
	l.add(head)
	l.add(row.New(2))
}

// h3 starts a part of a pair section (its events, participants, …):
// smaller than h2 and without a rule, as a pair section has five of them
// and a week's note six pair sections. It is kept with at least keep mm
// of what follows.
func (b *briefing) h3(title string, keep float64) {
	l := b.l
	l.space(2.5)
	head := l.build([]cell{{size: grid, st: h3, pad: pad{bottom: 0.9}}}, [][]string{strings.Fields(b.g.clean(title))}, nil)
	l.need(l.height(head) + keep)
	l.add(head)
}

// noteLine adds a short line of italic note text; "" adds nothing.
func (b *briefing) noteLine(s string) {
	if s != "" {
		b.l.row(noteCells(s), rowOpts{split: true})
	}
}

// noteHeight is the height noteLine(s) takes, for keeping a heading with
// its note and what follows.
func (b *briefing) noteHeight(s string) float64 {
	if s == "" {
		return 0
	}
	return b.l.measure(noteCells(s))
}

func noteCells(s string) []cell {
	return []cell{{text: s, size: grid, st: note, pad: pad{top: 0.5, bottom: 1}}}
}
