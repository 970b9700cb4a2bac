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
	"github.com/briefing-tool/briefing/pipeline/period"
)

// Link targets of the note, by name.
const (
	targetOthers       = "others"
	targetMultilateral = "multilateral"
)

// pairName is a pair's heading, "Azerbaijan – Georgia", its names in the
// report's heading order (Report.PairTitle).
func (b *briefing) pairName(p *pipeline.PairReport) string {
	first, second := b.r.PairTitle(p)
	return first + " – " + second
}

func pairTarget(p *pipeline.PairReport) string { return "pair:" + p.Key }
func eventTarget(e *pipeline.Event) string     { return "event:" + e.ID }

// cover is the first page, the summary: the title block, the bottom line
// when there is one, key figures, key developments one line each and the
// detailed pairs at a glance, and the activity chart. A per-pair briefing
// goes on with its pair right after the title block.
func (b *briefing) cover() error {
	l, r := b.l, b.r
	l.mark("Summary", 0)
	l.space(2)
	if r.Organization != "" {
		l.row([]cell{{text: strings.ToUpper(r.Organization), size: grid, st: smallBold, pad: pad{top: 2, bottom: 2}}}, rowOpts{})
	}
	title, sub := r.Title, r.Subtitle // the period's default unless configured (pipeline)
	l.row([]cell{{text: title, size: grid, st: style{size: sizeTitle, weight: fontstyle.Bold, color: navy, leading: 2}, pad: pad{bottom: 2}}}, rowOpts{})
	if sub != "" {
		l.row([]cell{{text: sub, size: grid, st: style{size: sizeSubtitle, color: muted, leading: 1.5}, pad: pad{bottom: 1}}}, rowOpts{})
	}
	l.add(row.New(5).Add(col.New(grid).Add(&bar{frac: 28 / textWidth, thick: 1.2, color: navy})))
	l.row([]cell{{text: r.Period.Label, size: grid, st: bodyBold.sized(11.5), pad: pad{bottom: 1}}}, rowOpts{})
	gen := "Generated " + generated(r.GeneratedAt)
	if r.Version != "" {
		gen += " · briefing " + r.Version
	}
	if !r.Previous.IsZero() {
		gen += " · changes are against " + r.Previous.Label
	}
	l.row([]cell{{text: gen, size: grid, st: small, pad: pad{bottom: 2}}}, rowOpts{})

	b.bottomLine()
	if b.s.only != nil {
		return nil // a per-pair note goes on with its pair's section and figures
	}
	b.sinceLastEdition()
	b.judgments()
	b.keyFigures()
	if err := b.developments(); err != nil {
		return err
	}
	b.overview()
	b.activity()
	return nil
}

// keyFigures are the scope's totals, with the change of the events held
// against the previous period where the report has it.
func (b *briefing) keyFigures() {
	b.h2("Key figures", 1, 26)
	t := b.s.totals
	ev := figure{value: strconv.Itoa(t.Events), label: pluralWord(t.Events, "event held", "events held")}
	if prev, ok := b.previousEvents(); ok {
		ev.sub = change(t.Events-prev) + b.onLast()
	}
	multi := len(b.s.multilateral)
	b.figures([]figure{
		ev,
		{value: strconv.Itoa(t.Pairs), label: pluralWord(t.Pairs, "country pair", "country pairs")},
		{value: strconv.Itoa(t.Countries), label: pluralWord(t.Countries, "country", "countries")},
		{value: strconv.Itoa(multi), label: pluralWord(multi, "multilateral event", "multilateral events")},
	})
	b.busiest()
}

// onLast ends a figure's change: " on last week"; short enough for a
// figure box ("on previous period" took two lines for a change of +36).
func (b *briefing) onLast() string { return " on last " + periodNoun(b.r.Period.Kind) }

// previousEvents is the report's events held in the previous period, when
// it has them (Report.Trend).
func (b *briefing) previousEvents() (int, bool) {
	if b.r.Previous.IsZero() {
		return 0, false
	}
	if n := len(b.r.Trend); n >= 2 {
		return b.r.Trend[n-2].Events, true
	}
	return 0, false
}

// busiest says how long it has been since a period was as busy as this
// one (Report.BusiestSince), for a full briefing.
func (b *briefing) busiest() {
	since := b.r.BusiestSince
	if since == nil || b.s.only != nil {
		return
	}
	b.l.row([]cell{{text: "The busiest " + periodNoun(b.r.Period.Kind) + " since " + since.Label + ".", size: grid, st: bodyBold.colored(navy), pad: pad{top: 1.5, bottom: 0.5}}}, rowOpts{})
}

// periodNoun names a kind of period in a sentence: "week", "month".
func periodNoun(k period.Kind) string {
	switch k {
	case period.Week:
		return "week"
	case period.Month:
		return "month"
	case period.Quarter:
		return "quarter"
	case period.Year:
		return "year"
	}
	return "period"
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// developments lists the key developments one line each, each linking to
// where the note details it.
func (b *briefing) developments() error {
	b.h2("Key developments", 1, 12)
	if len(b.s.devs) == 0 {
		b.noteLine("No events in this period.")
		return nil
	}
	for i, e := range b.s.devs {
		if err := b.development(i+1, e); err != nil {
			return err
		}
	}
	return nil
}

// development is one numbered line of the key developments, in the
// words of development.tmpl: its first paragraph bold, the rest after it.
func (b *briefing) development(n int, e *pipeline.Event) error {
	paras, err := b.n.exec(developmentTemplate, developmentData(b.r, n, e))
	if err != nil {
		return err
	}
	b.g.checkNew(pipeline.Position{File: developmentTemplate}, e.ID, "key development", strings.Join(paras, " "))
	if len(paras) == 0 {
		return nil
	}
	to := b.detailOf(e)
	num := cell{text: strconv.Itoa(n), size: 4, st: bodyBold.colored(accent), pad: pad{top: 1}, link: to}
	head := cell{text: paras[0], size: 96, st: bodyBold, pad: pad{top: 1, bottom: 0.3}, link: to}
	rest := cell{text: strings.Join(paras[1:], " "), size: 96, st: small.sized(8), pad: pad{bottom: 1.2}, link: to}
	b.l.need(b.l.keep(b.l.measure([]cell{num, head}) + b.l.measure([]cell{{size: 4}, rest})))
	b.l.row([]cell{num, head}, rowOpts{split: true})
	if rest.text != "" {
		b.l.row([]cell{{size: 4}, rest}, rowOpts{split: true})
	}
	return nil
}

// detailOf names where the note details e: its entry among the
// multilateral events, its summary in a pair section, or the section of
// the first detailed pair it counts for.
func (b *briefing) detailOf(e *pipeline.Event) string {
	if e.Multilateral() {
		return eventTarget(e)
	}
	for _, p := range b.s.detailed {
		if p.A == e.Countries[0] && p.B == e.Countries[1] || p.A == e.Countries[1] && p.B == e.Countries[0] {
			for _, x := range b.s.view(p).summarised {
				if x == e {
					return eventTarget(e)
				}
			}
			return pairTarget(p)
		}
	}
	return ""
}

// overview is the detailed pairs at a glance, each row linking to its
// section, and a line for the other pairs.
func (b *briefing) overview() {
	b.h2("Country pairs at a glance", 1, 16)
	if len(b.s.detailed) == 0 {
		b.noteLine("No country pair had events in this period.")
	} else {
		b.pairTable("Country pairs", b.s.detailed, pairTarget, false)
	}
	if n := b.s.allOthers; n > 0 {
		b.l.row([]cell{{text: fmt.Sprintf("%s: see Other pairs.", plural(n, "other pair had events in this period or the previous one", "other pairs had events in this period or the previous one")),
			size: grid, st: note.colored(accent), pad: pad{top: 1, bottom: 1}, link: targetOthers}}, rowOpts{})
	}
}

// pairTable is one row per pair: events, change, latest event, each row
// linking to link(p) when link is not nil; compact rows for long lists.
func (b *briefing) pairTable(name string, pairs []*pipeline.PairReport, link func(*pipeline.PairReport) string, compact bool) {
	prev := !b.r.Previous.IsZero()
	trend := len(b.r.Trend) > 0
	t := table{name: name, compact: compact, cols: []column{{title: "Country pair", size: 52}, {title: "Events", size: 12, align: align.Right}}}
	if prev {
		t.cols = append(t.cols, column{title: "Change", size: 14, align: align.Right})
	} else {
		t.cols[0].size += 14
	}
	if trend {
		t.cols[0].size -= 16
		t.cols = append(t.cols, column{title: "Last " + strconv.Itoa(len(b.r.Trend)) + " " + periodNoun(b.r.Period.Kind) + "s", size: 16})
	}
	t.cols = append(t.cols, column{title: "Latest event", size: 22, align: align.Right})
	if link != nil {
		t.link = func(i int) string { return link(pairs[i]) }
	}
	b.l.table(t, len(pairs), func(i int) []tableCell {
		p := pairs[i]
		row := []tableCell{{text: b.pairName(p), bold: true}, {text: strconv.Itoa(p.Events)}}
		if prev {
			row = append(row, tableCell{text: change(p.Change)})
		}
		if trend {
			row = append(row, tableCell{bars: p.Trend})
		}
		latest := "—"
		if e := p.Latest(); e != nil {
			latest = eventDate(e)
		}
		return append(row, tableCell{text: latest})
	})
}

// figure is one key figure box.
type figure struct {
	value, label, sub string
	bars              []int // drawn as mini bars in place of the value
}

// figures draws up to four boxes side by side: a large number, its label
// and an optional line under it (the change against the previous period).
func (b *briefing) figures(fs []figure) {
	const gap = 2
	height, size, labelTop := 22.0, sizeFigure, 12.5
	if b.figHeight > 0 { // a pair's figures, smaller than the summary's
		height, size, labelTop = b.figHeight, 12, 6.8
	}
	w := (grid - gap*(len(fs)-1)) / len(fs)
	var cols []core.Col
	for i, f := range fs {
		if i > 0 {
			cols = append(cols, col.New(gap))
		}
		c := col.New(w).WithStyle(&props.Cell{BackgroundColor: fill})
		if f.bars != nil {
			c.Add(&miniBars{series: f.bars, height: labelTop - 3.5, dx: 3.5, dy: 2.5, width: 30})
		} else {
			c.Add(text.New(b.g.clean(f.value), style{size: size, weight: fontstyle.Bold, color: navy}.text(2, 0, 3.5, 2)))
		}
		c.Add(text.New(b.g.clean(f.label), small.sized(8).colored(ink).text(labelTop, 0, 3.5, 2)))
		if f.sub != "" {
			c.Add(text.New(b.g.clean(f.sub), small.text(labelTop+4, 0, 3.5, 2)))
		}
		cols = append(cols, c)
	}
	b.l.need(height)
	b.l.add(row.New(height).Add(cols...))
}
