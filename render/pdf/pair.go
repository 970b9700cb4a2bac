package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"

	"github.com/briefing-tool/briefing/pipeline"
)

// pairSections renders one section per pair with events, each from a new
// page.
func (b *briefing) pairSections() error {
	for i, p := range b.s.pairs {
		b.l.newPage()
		if i == 0 && b.s.only == nil {
			b.l.mark("Country pairs", 0)
		}
		if err := b.pair(p); err != nil {
			return err
		}
	}
	return nil
}

func (b *briefing) pair(p *pipeline.PairReport) error {
	level := 1
	if b.s.only != nil {
		level = 0
	}
	l := b.l
	b.h1(pairName(p), p.Key, level, 30)

	paras, err := b.n.exec(pairTemplate, pairData(b.r, p))
	if err != nil {
		return err
	}
	b.g.checkNew(pipeline.Position{File: pairTemplate}, "", "narrative of "+p.Key, strings.Join(paras, " "))
	l.space(1)
	for _, s := range paras {
		l.row([]cell{{text: s, size: grid, st: body, pad: pad{bottom: 2.6}}}, rowOpts{split: true})
	}
	l.space(1)
	v := b.s.view(p)
	b.pairFigures(p)
	b.eventsTable(v)
	b.participants(v)
	b.focusChart(p)
	b.summaries(v)
	b.sources(v)
	return nil
}

// pairFigures shows the pair's counts, with the change against the
// previous period when there is one.
func (b *briefing) pairFigures(p *pipeline.PairReport) {
	ev := figure{value: strconv.Itoa(p.Events), label: pluralWord(p.Events, "event held", "events held")}
	prev := figure{value: "—", label: "previous period", sub: "no previous period"}
	if !b.r.Previous.IsZero() {
		ev.sub = change(p.Change) + " on previous period"
		prev = figure{value: strconv.Itoa(p.Previous), label: "previous period", sub: b.r.Previous.ID}
	}
	b.figures([]figure{
		ev, prev,
		{value: strconv.Itoa(len(p.Participants)), label: pluralWord(len(p.Participants), "person involved", "people involved")},
		{value: strconv.Itoa(p.Multilateral), label: "multilateral"},
	})
}

// eventColumns are the events table's columns. "Also involved" names the
// other countries of multilateral events; without any, its width goes to
// the title.
func eventColumns(multilateral bool) []column {
	cols := []column{
		{title: "Date", size: 15},
		{title: "Kind", size: 11},
		{title: "Event", size: 53},
		{title: "Location", size: 13},
		{title: "Sources", size: 8, align: align.Right},
	}
	if multilateral {
		cols[2].size -= 14
		cols = append(cols[:4], append([]column{{title: "Also involved", size: 14}}, cols[4:]...)...)
	}
	return cols
}

func (b *briefing) eventsTable(v *pairView) {
	p := v.p
	multi := p.Multilateral > 0
	t := table{name: "Events", cols: eventColumns(multi)}
	row := func(i int) []tableCell {
		e := v.events[i]
		cells := []tableCell{{text: eventDate(e)}, {text: kindLabel(b.r.Kinds(), e.Kind)}, {text: e.Title, bold: true}, {text: e.Location}}
		if multi {
			others := b.r.CountryNames(p.Others(e))
			cells = append(cells, tableCell{text: strings.Join(others, ", ")})
		}
		return append(cells, tableCell{text: v.marks[e.ID]})
	}
	note := ""
	if len(v.events) < len(p.EventList) {
		note = fmt.Sprintf("The %d most significant of this pair's %d events, ranked as key developments are; every event is in the workbook's Events sheet.", len(v.events), len(p.EventList))
	}
	b.h2("Events", -1, b.noteHeight(note)+b.l.tableStart(t, row(0)))
	b.noteLine(note)
	b.l.table(t, len(v.events), row)
}

var participantColumns = []column{
	{title: "Name", size: 19},
	{title: "Rank", size: 13},
	{title: "Role", size: 22},
	{title: "Organization", size: 28},
	{title: "Country", size: 11},
	{title: "Events", size: 7, align: align.Right},
}

func (b *briefing) participants(v *pairView) {
	p := v.p
	if len(p.Participants) == 0 {
		b.h2("Participants", -1, 8)
		b.noteLine("No participants are recorded for this pair in this period.")
		return
	}
	t := table{name: "Participants", cols: participantColumns}
	row := func(i int) []tableCell {
		x := v.people[i]
		country := ""
		if x.Country != "" {
			country = b.r.CountryName(x.Country)
		}
		return []tableCell{{text: x.Name, bold: true}, {text: x.Rank}, {text: x.Role}, {text: x.Organization}, {text: country}, {text: strconv.Itoa(x.Events)}}
	}
	note := ""
	if len(v.people) < len(p.Participants) {
		note = fmt.Sprintf("The %d people most involved of this pair's %d; every participant is in the workbook's Participants sheet.", len(v.people), len(p.Participants))
	}
	b.h2("Participants", -1, b.noteHeight(note)+b.l.tableStart(t, row(0)))
	b.noteLine(note)
	b.l.table(t, len(v.people), row)
}

// focusChart is a horizontal bar chart of events per focus area, drawn
// as vector shapes: a label, a bar on a pale track, and the count.
func (b *briefing) focusChart(p *pipeline.PairReport) {
	b.h2("Focus areas", -1, 16)
	if len(p.FocusAreas) == 0 {
		b.noteLine("No focus areas are recorded for this pair in this period.")
		return
	}
	l := b.l
	most := p.FocusAreas[0].Events // sorted by events, most first
	for _, fa := range p.FocusAreas {
		label := text.New(b.g.clean(fa.Name), cellText.with(align.Right).text(1.2, 1.2, 0, 3))
		count := text.New(strconv.Itoa(fa.Events), cellText.text(1.2, 1.2, 2, 0))
		r := row.New().Add(
			col.New(30).Add(label),
			col.New(62).Add(&bar{frac: 1, thick: 3.4, color: track}, &bar{frac: float64(fa.Events) / float64(most), thick: 3.4, color: accent}),
			col.New(8).Add(count),
		)
		l.add(r)
	}
	l.row([]cell{{size: 30}, {text: "Events in this period per focus area; an event may cover several.", size: 70, st: note, pad: pad{top: 1}}}, rowOpts{})
}

// summaries gives each event's summary and outcomes, under a line with
// its date, title and citations. Events with neither are left out. Past
// the limit, only the most significant events are summarised, in date
// order, and a note says so.
func (b *briefing) summaries(v *pairView) {
	with, total := v.summarised, v.withSummary
	if len(with) == 0 {
		return
	}
	l := b.l
	const dateCol = 16
	cites := v.marks
	heading := func(e *pipeline.Event) []cell {
		title := e.Title
		if c := cites[e.ID]; c != "" {
			title += " " + c
		}
		return []cell{
			{text: eventDate(e), size: dateCol, st: smallBold.sized(8), pad: pad{top: 0.8}},
			{text: title, size: grid - dateCol, st: bodyBold, pad: pad{bottom: 1.2}},
		}
	}
	// Keep each heading with the first two lines of its summary.
	twoLines := 2*body.lineHeight() + body.leading
	note := ""
	if total > len(with) {
		note = fmt.Sprintf("The %d most significant of this pair's %d events with a summary, ranked as key developments are; every summary is in the workbook's Events sheet.", len(with), total)
	}
	b.h2("Event summaries", -1, b.noteHeight(note)+l.keep(l.measure(heading(with[0]))+twoLines))
	b.noteLine(note)
	for _, e := range with {
		h := heading(e)
		l.need(l.keep(l.measure(h) + twoLines))
		l.row(h, rowOpts{})
		l.para(e.Summary, body, pad{bottom: 2.2}, dateCol, grid-dateCol)
		if len(e.Outcomes) > 0 {
			label := []cell{{size: dateCol}, {text: "Outcomes", size: grid - dateCol, st: smallBold.sized(8), pad: pad{bottom: 0.8}}}
			bullet := func(o string) []cell {
				return []cell{{size: dateCol}, {text: "•", size: 3, st: body}, {text: o, size: grid - dateCol - 3, st: body, pad: pad{bottom: 1}}}
			}
			// Keep the label with its first outcome: no orphaned label at a page foot.
			l.need(l.keep(l.measure(label) + l.measure(bullet(e.Outcomes[0]))))
			l.row(label, rowOpts{})
			for _, o := range e.Outcomes {
				l.row(bullet(o), rowOpts{split: true})
			}
		}
		l.space(3)
	}
}

// sources lists the numbered citations of the listed events, with their
// grades.
func (b *briefing) sources(v *pairView) {
	if len(v.sources) == 0 {
		return
	}
	b.h2("Sources", -1, 10)
	l := b.l
	for _, c := range v.sources {
		s := c.Source
		var parts []string
		for _, x := range []string{s.Title, s.Publisher} {
			if x = strings.TrimSpace(x); x != "" {
				parts = append(parts, strings.TrimRight(x, "."))
			}
		}
		if !s.Published.IsZero() {
			parts = append(parts, "Published "+day(s.Published))
		}
		if g := s.Grade(); g != "" {
			parts = append(parts, "Grade "+g)
		}
		entry := strings.Join(parts, ". ") + "."
		num := cell{text: "[" + strconv.Itoa(c.N) + "]", size: 6, st: smallBold.sized(8).colored(navy), pad: pad{top: 0.3}}
		l.row([]cell{num, {text: entry, size: 94, st: cellText.sized(8.5), pad: pad{bottom: 0.6}}}, rowOpts{split: true})
		if s.URL != "" {
			l.row([]cell{{size: 6}, {text: s.URL, size: 94, st: small, pad: pad{bottom: 0.6}}}, rowOpts{split: true})
		}
		l.space(1.2)
	}
}
