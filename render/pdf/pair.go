package pdf

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"

	"github.com/briefing-tool/briefing/pipeline"
)

// pairSections renders one section per detailed pair, the first from a
// new page, the others after a gap, then the other pairs one row each.
func (b *briefing) pairSections() error {
	for i, p := range b.s.detailed {
		if i == 0 {
			if b.s.only == nil {
				b.l.newPage()
				b.l.mark("Country pairs", 0)
			}
		} else {
			b.l.space(5)
		}
		if err := b.pair(p); err != nil {
			return err
		}
	}
	b.otherPairs()
	return nil
}

// otherPairs is one table row for each pair without a section.
func (b *briefing) otherPairs() {
	if len(b.s.others) == 0 {
		return
	}
	l := b.l
	l.space(7)
	b.h1("Other pairs", "", targetOthers, 0, 30)
	text := "Pairs with events in this period or the previous one and no section of their own."
	if n := len(b.s.others); n < b.s.allOthers {
		text = fmt.Sprintf("The %d most active of %d other pairs; every pair is in the workbook's Summary sheet.", n, b.s.allOthers)
	}
	b.noteLine(text)
	b.pairColumns(b.s.others)
}

func (b *briefing) pair(p *pipeline.PairReport) error {
	level := 1
	if b.s.only != nil {
		level = 0
	}
	l := b.l
	b.h1(b.pairName(p), p.Key, pairTarget(p), level, 30)
	l.running = b.pairName(p)
	defer func() { l.running = "" }()
	b.pairAssessment(p.Key)

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
	if p.Events == 0 {
		b.noteLine("No events in this period.")
		return nil
	}
	b.pairFigures(p)
	b.events(v)
	b.focusChart(p)
	b.participants(v)
	b.sources(v)
	return nil
}

// pairFigures shows the pair's counts, with the change against the
// previous period when there is one.
func (b *briefing) pairFigures(p *pipeline.PairReport) {
	defer func(h float64) { b.figHeight = h }(b.figHeight)
	b.figHeight = 13.5
	ev := figure{value: strconv.Itoa(p.Events), label: pluralWord(p.Events, "event held", "events held")}
	second := figure{value: "—", label: "previous period", sub: "no previous period"}
	if !b.r.Previous.IsZero() {
		ev.sub = change(p.Change) + " on previous period"
		second = figure{value: strconv.Itoa(p.Previous), label: "previous period", sub: b.r.Previous.ID}
	}
	if len(p.Trend) > 0 {
		second = figure{bars: p.Trend, label: "last " + strconv.Itoa(len(p.Trend)) + " " + periodNoun(b.r.Period.Kind) + "s"}
	}
	b.figures([]figure{
		ev, second,
		{value: strconv.Itoa(len(p.Participants)), label: pluralWord(len(p.Participants), "person involved", "people involved")},
		{value: strconv.Itoa(p.Multilateral), label: pluralWord(p.Multilateral, "multilateral event", "multilateral events")},
	})
}

// events lists the pair's bilateral events once each, by date: a line
// with the date, title, kind, place and sources, and under it the summary
// and outcomes of the most significant. Its multilateral events follow by
// title and date, linked to the Multilateral events section, where each
// is described once for all its pairs.
func (b *briefing) events(v *pairView) {
	l := b.l
	const dateCol = 16
	summarised := make(map[*pipeline.Event]bool, len(v.summarised))
	for _, e := range v.summarised {
		summarised[e] = true
	}
	facts := func(e *pipeline.Event) string {
		s := kindLabel(b.r.Kinds(), e.Kind)
		if e.Location != "" {
			s += " · " + e.Location
		}
		if c := v.marks[e.ID]; c != "" {
			s += " " + c
		}
		return s
	}
	line := func(e *pipeline.Event) []cell {
		return []cell{
			{text: eventDate(e), size: dateCol, st: smallBold.sized(8), pad: pad{top: 0.6}, anchor: eventTarget(e)},
			{text: e.Title + " · " + facts(e), size: grid - dateCol, st: cellText.sized(8.5), pad: pad{bottom: 0.8}},
		}
	}
	var notes []string
	if len(v.events) < v.bilateralN {
		notes = append(notes, fmt.Sprintf("The %d most significant of this pair's %d bilateral events, ranked as key developments are; every event is in the workbook's Events sheet.", len(v.events), v.bilateralN))
	}
	if len(v.summarised) < v.withSummary {
		notes = append(notes, fmt.Sprintf("Summaries of the %d most significant of the pair's %d bilateral events with one; every summary is in the workbook's Events sheet.", len(v.summarised), v.withSummary))
	}
	note := strings.Join(notes, " ")
	if len(v.events) > 0 {
		b.h2("Events", -1, b.noteHeight(note)+l.keep(l.measure(line(v.events[0]))))
		b.noteLine(note)
	}
	twoLines := 2*summaryText.lineHeight() + summaryText.leading
	for _, e := range v.events {
		h := line(e)
		if !summarised[e] {
			l.row(h, rowOpts{split: true})
			continue
		}
		h[1].text = e.Title
		h[1].st = bodyBold
		h[1].pad.bottom = 0.4
		l.need(l.keep(l.measure(h) + twoLines))
		l.space(1)
		l.row(h, rowOpts{})
		l.row([]cell{{size: dateCol}, {text: facts(e), size: grid - dateCol, st: small.sized(8), pad: pad{bottom: 1}}}, rowOpts{split: true})
		l.para(e.Summary, summaryText, pad{bottom: 1.2}, dateCol, grid-dateCol)
		for _, o := range e.Outcomes {
			l.row([]cell{{size: dateCol}, {text: "•", size: 3, st: summaryText}, {text: o, size: grid - dateCol - 3, st: summaryText, pad: pad{bottom: 0.8}}}, rowOpts{split: true})
		}
		l.space(1)
	}
	b.multilateralRefs(v)
}

// multilateralRefs names the pair's multilateral events by title and
// date, the most significant first, at most [pdf] max_multilateral of
// them, linking to where each is described.
func (b *briefing) multilateralRefs(v *pairView) {
	es := v.multilateral
	if len(es) == 0 {
		return
	}
	shown := es
	if n := b.s.limits.MaxMultilateral; n > 0 && n < len(es) {
		shown = es[:n]
	}
	head := "Multilateral events"
	if len(v.events) == 0 {
		head = "Events"
	}
	b.h2(head, -1, 2*cellText.lineHeight())
	intro := plural(len(es), "multilateral event", "multilateral events") + " of this pair " + pluralWord(len(es), "is", "are") + " described under Multilateral events"
	if len(shown) < len(es) {
		intro += "; the " + strconv.Itoa(len(shown)) + " most significant:"
	} else {
		intro += ":"
	}
	b.l.row([]cell{{text: intro, size: grid, st: note, pad: pad{bottom: 0.8}, link: targetMultilateral}}, rowOpts{split: true})
	const dateCol = 16
	for _, e := range shown {
		others := b.r.CountryNames(v.p.Others(e))
		b.l.row([]cell{
			{text: eventDate(e), size: dateCol, st: smallBold.sized(8), pad: pad{top: 0.6}},
			{text: e.Title + " · with " + list(others), size: grid - dateCol, st: cellText.sized(8.5), pad: pad{bottom: 0.8}, link: eventTarget(e)},
		}, rowOpts{split: true})
	}
}

// participants names the people of the pair's events in one paragraph,
// most involved first: a table of them took a page for a busy week.
func (b *briefing) participants(v *pairView) {
	p := v.p
	if len(p.Participants) == 0 {
		return
	}
	people := slices.Clone(v.people)
	slices.SortStableFunc(people, func(x, y pipeline.PairParticipant) int { return cmp.Compare(y.Events, x.Events) })
	parts := make([]string, len(people))
	for i, x := range people {
		var about []string
		for _, s := range []string{x.Rank, x.Role, x.Organization} {
			if s = strings.TrimSpace(s); s != "" && !slices.Contains(about, s) {
				about = append(about, s)
			}
		}
		if x.Country != "" {
			about = append(about, b.r.CountryName(x.Country))
		}
		if x.Events > 1 {
			about = append(about, plural(x.Events, "event", "events"))
		}
		parts[i] = x.Name
		if len(about) > 0 {
			parts[i] += " (" + strings.Join(about, ", ") + ")"
		}
	}
	text := strings.Join(parts, "; ") + "."
	if len(v.people) < len(p.Participants) {
		text += fmt.Sprintf(" These are the %d people most involved of %d; every participant is in the workbook's Participants sheet.", len(v.people), len(p.Participants))
	}
	b.h2("Participants", -1, 2*body.lineHeight())
	b.l.para(text, cellText, pad{bottom: 1}, 0, grid)
}

// maxFocusBars is the most focus areas a pair's chart shows; the rest are
// named below it.
const maxFocusBars = 4

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
	if !informative(p.FocusAreas) {
		b.l.para(focusSentence(p.FocusAreas), body, pad{bottom: 2}, 0, grid)
		return
	}
	for _, fa := range p.FocusAreas[:min(len(p.FocusAreas), maxFocusBars)] {
		label := text.New(b.g.clean(fa.Name), cellText.sized(7.5).with(align.Right).text(0.6, 0.6, 0, 3))
		count := text.New(strconv.Itoa(fa.Events), cellText.sized(7.5).text(0.6, 0.6, 2, 0))
		r := row.New().Add(
			col.New(30).Add(label),
			col.New(62).Add(&bar{frac: 1, thick: 2.8, color: track}, &bar{frac: float64(fa.Events) / float64(most), thick: 2.8, color: accent}),
			col.New(8).Add(count),
		)
		l.add(r)
	}
	caption := "Events in this period per focus area; an event may cover several."
	if rest := p.FocusAreas[min(len(p.FocusAreas), maxFocusBars):]; len(rest) > 0 {
		names := make([]string, len(rest))
		for i, fa := range rest {
			names[i] = inline(fa.Name) + " (" + strconv.Itoa(fa.Events) + ")"
		}
		caption += " Also: " + list(names) + "."
	}
	l.row([]cell{{size: 30}, {text: caption, size: 70, st: note, pad: pad{top: 1}}}, rowOpts{split: true})
}

// sources lists the numbered citations of the listed events, with their
// grades.
func (b *briefing) sources(v *pairView) {
	if len(v.sources) == 0 {
		return
	}
	b.h2("Sources", -1, 10)
	b.sourceList(v.sources)
}

// sourceList lists numbered sources: title, publisher, date and grade,
// and the address as a link.
func (b *briefing) sourceList(sources []pipeline.Citation) { b.sourceListAt(sources, 0) }

// sourceListAt is sourceList off grid columns from the left.
func (b *briefing) sourceListAt(sources []pipeline.Citation, off int) {
	l := b.l
	indent := func(cs ...cell) []cell {
		if off == 0 {
			return cs
		}
		return append([]cell{{size: off}}, cs...)
	}
	w := grid - off - 6
	for _, c := range sources {
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
		if h := host(s.URL); h != "" {
			entry += " " + h
		}
		num := cell{text: "[" + strconv.Itoa(c.N) + "]", size: 6, st: smallBold.sized(8).colored(navy), pad: pad{top: 0.3}}
		l.row(indent(num, cell{text: entry, size: w, st: cellText.sized(7.5), pad: pad{bottom: 0.8}, uri: s.URL}), rowOpts{split: true})
	}
}

// pairColumns is the other pairs as a table in two halves side by side,
// down the left half first, in small type: a busy week's pairs fill one
// page, not three.
func (b *briefing) pairColumns(pairs []*pipeline.PairReport) {
	prev := !b.r.Previous.IsZero()
	half := []column{{title: "Country pair", size: 26}, {title: "Events", size: 7, align: align.Right}}
	if prev {
		half = append(half, column{title: "Change", size: 7, align: align.Right})
	} else {
		half[0].size += 7
	}
	half = append(half, column{title: "Latest", size: 9, align: align.Right})
	t := table{name: "Other pairs", compact: true, small: true, cols: append(append(slices.Clone(half), column{size: 2}), half...)}
	rows := (len(pairs) + 1) / 2
	cells := func(p *pipeline.PairReport) []tableCell {
		if p == nil {
			return make([]tableCell, len(half))
		}
		row := []tableCell{{text: b.pairName(p)}, {text: strconv.Itoa(p.Events)}}
		if prev {
			row = append(row, tableCell{text: change(p.Change)})
		}
		latest := "—"
		if e := p.Latest(); e != nil {
			latest = shortDay(e)
		}
		return append(row, tableCell{text: latest})
	}
	b.l.table(t, rows, func(i int) []tableCell {
		var right *pipeline.PairReport
		if j := rows + i; j < len(pairs) {
			right = pairs[j]
		}
		return append(append(cells(pairs[i]), tableCell{}), cells(right)...)
	})
}

// shortDay is the day an event started, for a narrow column: "25 Oct 25",
// "Feb 2023" or "2023".
func shortDay(e *pipeline.Event) string {
	switch e.DatePrecision {
	case "year":
		return e.Date.Format("2006")
	case "month":
		return e.Date.Format("Jan 2006")
	}
	return e.Date.Format("2 Jan 06")
}

// informative reports whether a chart of the focus areas says more than a
// sentence: more than one area, and not all with the same count.
func informative(fas []pipeline.FocusArea) bool {
	if len(fas) < 2 {
		return false
	}
	for _, fa := range fas[1:] {
		if fa.Events != fas[0].Events {
			return true
		}
	}
	return false
}

// focusSentence names the focus areas in one sentence, for when a chart
// would show bars of one length: "Focus areas: border security and
// cybersecurity, 1 event each."
func focusSentence(fas []pipeline.FocusArea) string {
	names := make([]string, len(fas))
	for i, fa := range fas {
		names[i] = inline(fa.Name)
	}
	n := plural(fas[0].Events, "event", "events")
	if len(fas) == 1 {
		return "Focus area: " + names[0] + " (" + n + ")."
	}
	return "Focus areas: " + list(names) + ", " + n + " each."
}

// host is the web site of a source's address, shown after the entry: the
// entry links to the address, and on paper the site says where to look.
func host(u string) string {
	x, err := url.Parse(u)
	if err != nil || x.Host == "" {
		return ""
	}
	return strings.TrimPrefix(x.Host, "www.")
}
