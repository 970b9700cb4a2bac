package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/briefing-tool/briefing/pipeline"
)

// cover is the first page: the title block, key figures, key developments
// and, for a full briefing, every pair at a glance.
func (b *briefing) cover() error {
	l, r := b.l, b.r
	l.mark("Summary", 0)
	l.space(2)
	if r.Organization != "" {
		l.row([]cell{{text: strings.ToUpper(r.Organization), size: grid, st: smallBold, pad: pad{top: 4, bottom: 2}}}, rowOpts{})
	}
	l.row([]cell{{text: r.Title, size: grid, st: style{size: sizeTitle, weight: fontstyle.Bold, color: navy, leading: 2}, pad: pad{bottom: 2}}}, rowOpts{})
	if r.Subtitle != "" {
		l.row([]cell{{text: r.Subtitle, size: grid, st: style{size: sizeSubtitle, color: muted, leading: 1.5}, pad: pad{bottom: 1}}}, rowOpts{})
	}
	if b.s.only != nil {
		l.row([]cell{{text: pairName(b.s.only), size: grid, st: style{size: sizeSubtitle, weight: fontstyle.Bold, color: ink, leading: 1.5}, pad: pad{bottom: 1}}}, rowOpts{})
	}
	l.add(row.New(5).Add(col.New(grid).Add(&bar{frac: 28 / textWidth, thick: 1.2, color: navy})))
	l.row([]cell{{text: r.Period.Label, size: grid, st: bodyBold.sized(11.5), pad: pad{bottom: 1}}}, rowOpts{})
	gen := "Generated " + generated(r.GeneratedAt)
	if r.Version != "" {
		gen += " · briefing " + r.Version
	}
	l.row([]cell{{text: gen, size: grid, st: small, pad: pad{bottom: 2}}}, rowOpts{})
	if !r.Previous.IsZero() {
		l.row([]cell{{text: "Changes are shown against the previous period: " + r.Previous.Label + ".", size: grid, st: small, pad: pad{bottom: 2}}}, rowOpts{})
	}

	b.h2("Key figures", 1, 26)
	t := b.s.totals
	b.figures([]figure{
		{value: strconv.Itoa(t.Events), label: "events held"},
		{value: strconv.Itoa(t.Pairs), label: pluralWord(t.Pairs, "country pair", "country pairs")},
		{value: strconv.Itoa(t.Countries), label: pluralWord(t.Countries, "country", "countries")},
		{value: strconv.Itoa(t.People), label: pluralWord(t.People, "person involved", "people involved")},
	})

	b.h2("Key developments", 1, 12)
	if len(b.s.devs) == 0 {
		b.noteLine("No events in this period.")
	}
	for i, e := range b.s.devs {
		if err := b.development(i+1, e); err != nil {
			return err
		}
	}
	if b.s.only == nil {
		b.overview()
	}
	return nil
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// development is one numbered entry of the key developments list, in the
// words of development.tmpl: its first paragraph bold, the rest below it.
func (b *briefing) development(n int, e *pipeline.Event) error {
	paras, err := b.n.exec(developmentTemplate, developmentData(b.r, n, e))
	if err != nil {
		return err
	}
	b.g.checkNew(pipeline.Position{File: developmentTemplate}, e.ID, "key development", strings.Join(paras, " "))
	if len(paras) == 0 {
		return nil
	}
	l := b.l
	l.need(12)
	num := cell{text: strconv.Itoa(n), size: 5, st: bodyBold.colored(accent), pad: pad{top: 1}}
	l.row([]cell{num, {text: paras[0], size: 95, st: bodyBold, pad: pad{top: 1, bottom: 0.6}}}, rowOpts{split: true})
	for _, p := range paras[1:] {
		l.row([]cell{{size: 5}, {text: p, size: 95, st: small.sized(8), pad: pad{bottom: 0.6}}}, rowOpts{split: true})
	}
	l.space(1.8)
	return nil
}

// overview lists every pair with events now or before, most active first.
func (b *briefing) overview() {
	b.h2("Country pairs at a glance", 1, 16)
	if len(b.s.overview) == 0 {
		b.noteLine("No country pair had events in this period or the previous one.")
		return
	}
	prev := !b.r.Previous.IsZero()
	t := table{name: "Country pairs", cols: []column{{title: "Country pair", size: 46}, {title: "Events", size: 12, align: align.Right}}}
	if prev {
		t.cols = append(t.cols, column{title: "Previous", size: 12, align: align.Right}, column{title: "Change", size: 12, align: align.Right})
	}
	t.cols = append(t.cols, column{title: "Latest event", size: 18, align: align.Right})
	if !prev {
		t.cols[0].size += 24
	}
	b.l.table(t, len(b.s.overview), func(i int) []tableCell {
		p := b.s.overview[i]
		row := []tableCell{{text: pairName(p), bold: true}, {text: strconv.Itoa(p.Events)}}
		if prev {
			row = append(row, tableCell{text: strconv.Itoa(p.Previous)}, tableCell{text: change(p.Change)})
		}
		latest := "—"
		if e := p.Latest(); e != nil {
			latest = eventDate(e)
		}
		return append(row, tableCell{text: latest})
	})
	if n := len(b.s.overview); n < b.s.allOverview {
		note := fmt.Sprintf("The %d most active of %d country pairs; every pair is in the workbook's Summary sheet.", n, b.s.allOverview)
		if left := b.s.allPairs - len(b.s.pairs); left > 0 {
			note += fmt.Sprintf(" The sections below cover these pairs only: the other %s (%s) %s no section.",
				plural(left, "pair", "pairs"), plural(b.s.omittedEvents, "event counted", "events counted"), pluralWord(left, "has", "have"))
		}
		b.noteLine(note)
	}
}

// figure is one key figure box.
type figure struct {
	value, label, sub string
}

// figures draws up to four boxes side by side: a large number, its label
// and an optional line under it (the change against the previous period).
func (b *briefing) figures(fs []figure) {
	const gap, height = 2, 22.0
	w := (grid - gap*(len(fs)-1)) / len(fs)
	var cols []core.Col
	for i, f := range fs {
		if i > 0 {
			cols = append(cols, col.New(gap))
		}
		c := col.New(w).WithStyle(&props.Cell{BackgroundColor: fill})
		c.Add(
			text.New(b.g.clean(f.value), style{size: sizeFigure, weight: fontstyle.Bold, color: navy}.text(3, 0, 3.5, 2)),
			text.New(b.g.clean(f.label), small.sized(8).colored(ink).text(12.5, 0, 3.5, 2)),
		)
		if f.sub != "" {
			c.Add(text.New(b.g.clean(f.sub), small.text(16.5, 0, 3.5, 2)))
		}
		cols = append(cols, c)
	}
	b.l.need(height)
	b.l.add(row.New(height).Add(cols...))
}
