package pdf

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"

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

// otherPairs is one table row for each pair without a section that had
// events in the period, and one sentence naming those that had some only
// in the previous period: a row of zeros and dashes says no more than
// the pair's name and change, and they were a third of a busy week's rows.
func (b *briefing) otherPairs() {
	if len(b.s.others) == 0 {
		return
	}
	var active, quiet []*pipeline.PairReport
	for _, p := range b.s.others {
		if p.Events > 0 {
			active = append(active, p)
		} else {
			quiet = append(quiet, p)
		}
	}
	l := b.l
	l.space(7)
	b.h1("Other pairs", "", targetOthers, 0, 30)
	switch n := len(b.s.others); {
	case n < b.s.allOthers:
		b.noteLine(fmt.Sprintf("The %d most active of %d other pairs with events in this period or the previous one; every pair is in the workbook's Summary sheet.", n, b.s.allOthers))
	case len(active) > 0:
		b.noteLine("Pairs with events in this period and no section of their own.")
	}
	if len(active) > 0 {
		b.pairColumns(active)
	}
	if len(quiet) > 0 {
		names := make([]string, len(quiet))
		for i, p := range quiet {
			// "Georgia–Türkiye": a line break is then never at the dash.
			names[i] = strings.ReplaceAll(b.pairName(p), " – ", "–") + " (" + strconv.Itoa(p.Previous) + ")"
		}
		noun := periodNoun(b.r.Period.Kind)
		l.space(1.5)
		l.para(plural(len(quiet), "pair", "pairs")+" had no events this "+noun+" after some the "+noun+" before (their number in brackets): "+strings.Join(names, "; ")+".",
			cellText.sized(7.5), pad{bottom: 1}, 0, grid)
	}
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
	b.figHeight = 15
	ev := figure{value: strconv.Itoa(p.Events), label: pluralWord(p.Events, "event held", "events held")}
	second := figure{value: "—", label: "previous period", sub: "no previous period"}
	if !b.r.Previous.IsZero() {
		ev.sub = change(p.Change) + b.onLast()
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
	note := eventsNote(v)
	if len(v.events) > 0 {
		b.h3("Events", b.noteHeight(note)+l.keep(l.measure(line(v.events[0]))))
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
		// The kind, place and sources go in the margin beside the
		// summary, not on a line of their own.
		margin := cell{text: facts(e), size: dateCol, st: small.sized(7.5), pad: pad{top: 0.3, right: 2}}
		paras := paragraphs(e.Summary)
		if len(paras) == 0 {
			l.row([]cell{margin, {size: grid - dateCol}}, rowOpts{split: true})
		} else {
			l.row([]cell{margin, {text: paras[0], size: grid - dateCol, st: summaryText, pad: pad{bottom: 1.2}}}, rowOpts{split: true})
			l.para(strings.Join(paras[1:], "\n\n"), summaryText, pad{bottom: 1.2}, dateCol, grid-dateCol)
		}
		for _, o := range e.Outcomes {
			l.row([]cell{{size: dateCol}, {text: "•", size: 3, st: summaryText}, {text: o, size: grid - dateCol - 3, st: summaryText, pad: pad{bottom: 0.8}}}, rowOpts{split: true})
		}
		l.space(1)
	}
	b.multilateralRefs(v)
}

// eventsNote says what a pair's list of events leaves to the workbook:
// the less significant events past [pdf] max_events, the summaries past
// max_summaries; "" when it leaves nothing.
func eventsNote(v *pairView) string {
	cutEvents, cutSummaries := len(v.events) < v.bilateralN, len(v.summarised) < v.withSummary
	switch {
	case cutEvents && cutSummaries:
		return fmt.Sprintf("The %d most significant of %d bilateral events, ranked as key developments are, with the summaries of the %d most significant; all are in the workbook's Events sheet.", len(v.events), v.bilateralN, len(v.summarised))
	case cutEvents:
		return fmt.Sprintf("The %d most significant of %d bilateral events, ranked as key developments are; all are in the workbook's Events sheet.", len(v.events), v.bilateralN)
	case cutSummaries:
		return fmt.Sprintf("Summaries of the %d most significant of %d events with one; all are in the workbook's Events sheet.", len(v.summarised), v.withSummary)
	}
	return ""
}

// namesAll reports whether title names every one of the countries.
func namesAll(title string, names []string) bool {
	for _, n := range names {
		if !strings.Contains(title, n) {
			return false
		}
	}
	return true
}

// multilateralRefs names the pair's multilateral events by title and
// date (and the other countries, unless the title names them), the most
// significant first, at most [pdf] max_multilateral of
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
	b.h3(head, 2*cellText.lineHeight())
	intro := plural(len(es), "multilateral event", "multilateral events") + " of this pair " + pluralWord(len(es), "is", "are") + " described under Multilateral events"
	if len(shown) < len(es) {
		intro += "; the " + strconv.Itoa(len(shown)) + " most significant:"
	} else {
		intro += ":"
	}
	b.l.row([]cell{{text: intro, size: grid, st: note, pad: pad{bottom: 0.8}, link: targetMultilateral}}, rowOpts{split: true})
	const dateCol = 16
	for _, e := range shown {
		title := e.Title
		if others := b.r.CountryNames(v.p.Others(e)); !namesAll(title, others) {
			title += " · with " + list(others)
		}
		b.l.row([]cell{
			{text: eventDate(e), size: dateCol, st: smallBold.sized(8), pad: pad{top: 0.6}},
			{text: title, size: grid - dateCol, st: cellText.sized(8.5), pad: pad{bottom: 0.8}, link: eventTarget(e)},
		}, rowOpts{split: true})
	}
}

// participants names the people of the pair's events in one paragraph,
// most involved first, each with rank or role and country: a table of them
// took a page for a busy week.
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
		for _, s := range []string{x.Rank, x.Role} {
			if s = strings.TrimSpace(s); s != "" && !slices.Contains(about, s) {
				about = append(about, s)
			}
		}
		// With a rank or role and a country the organization mostly says
		// again who they are ("Minister of Defence, Ministry of Defence
		// of …"); the workbook's Participants sheet has it.
		if o := strings.TrimSpace(x.Organization); o != "" && (len(about) == 0 || x.Country == "") {
			about = append(about, o)
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
	b.h3("Participants", 2*body.lineHeight())
	b.l.para(text, cellText, pad{bottom: 1}, 0, grid)
}

// maxFocusBars is the most focus areas a pair's chart shows; the rest are
// named beside it, at most maxFocusNamed of them.
const (
	maxFocusBars  = 4
	maxFocusNamed = 10
)

// focusBarRow is the height of one bar of the focus-area chart, mm.
const focusBarRow = 3.9

// focusChart is a horizontal bar chart of events per focus area, drawn
// as vector shapes: a label, a bar on a pale track, and the count, with
// its caption and the areas past maxFocusBars beside it rather than under
// it, so that the chart takes the height of its bars.
func (b *briefing) focusChart(p *pipeline.PairReport) {
	l := b.l
	switch {
	case len(p.FocusAreas) == 0:
		none := "No focus areas are recorded for this pair in this period."
		b.h3("Focus areas", b.noteHeight(none))
		b.noteLine(none)
	case !informative(p.FocusAreas):
		c := []cell{{text: focusSentence(p.FocusAreas), size: grid, st: cellText, pad: pad{bottom: 1}}}
		b.h3("Focus areas", l.keep(l.measure(c)))
		l.row(c, rowOpts{split: true})
	default:
		shown := p.FocusAreas[:min(len(p.FocusAreas), maxFocusBars)]
		if r := b.focusRow(p, shown); r != nil {
			b.h3("Focus areas", l.height(r))
			l.add(r)
			return
		}
		b.h3("Focus areas", 2*focusBarRow)
		b.focusRows(p, shown)
	}
}

// focusRow is the chart of the shown focus areas as one row, the caption
// beside the bars; nil when a label or the caption is too long for that.
func (b *briefing) focusRow(p *pipeline.PairReport, shown []pipeline.FocusArea) core.Row {
	most := p.FocusAreas[0].Events // sorted by events, most first
	const labelCol, labelPad = 26, 2.0
	labelSt := cellText.sized(7.5)
	labels, counts := col.New(labelCol), col.New(5)
	fracs := make([]float64, len(shown))
	for i, fa := range shown {
		name := b.g.clean(fa.Name)
		if b.l.met.width(name, labelSt.size, false) > (b.l.colWidth(cell{size: labelCol})-labelPad)*0.97 {
			return nil // a label of two lines needs a row of its own
		}
		top := float64(i)*focusBarRow + 0.6
		labels.Add(text.New(name, labelSt.with(align.Right).text(top, 0, 0, labelPad)))
		counts.Add(text.New(strconv.Itoa(fa.Events), labelSt.text(top, 0, 1.5, 0)))
		fracs[i] = float64(fa.Events) / float64(most)
	}
	caption := focusCaption(p.FocusAreas[len(shown):])
	if b.l.measure([]cell{{text: caption, size: 42, st: note, pad: pad{top: 0.2, bottom: 1}}}) > 2*float64(len(shown))*focusBarRow {
		return nil // long names of other areas: the caption goes under the bars
	}
	return row.New().Add(
		labels,
		col.New(24).Add(&focusBars{fracs: fracs, row: focusBarRow, thick: 2.8}),
		counts,
		col.New(3),
		col.New(42).Add(text.New(b.g.clean(caption), note.text(0.2, 1, 0, 0))),
	)
}

// focusRows is the focus-area chart with a row per bar and the caption
// under them, for labels that take more than one line.
func (b *briefing) focusRows(p *pipeline.PairReport, shown []pipeline.FocusArea) {
	most := p.FocusAreas[0].Events
	for _, fa := range shown {
		label := text.New(b.g.clean(fa.Name), cellText.sized(7.5).with(align.Right).text(0.6, 0.6, 0, 3))
		count := text.New(strconv.Itoa(fa.Events), cellText.sized(7.5).text(0.6, 0.6, 2, 0))
		b.l.add(row.New().Add(
			col.New(30).Add(label),
			col.New(62).Add(&bar{frac: 1, thick: 2.8, color: track}, &bar{frac: float64(fa.Events) / float64(most), thick: 2.8, color: accent}),
			col.New(8).Add(count),
		))
	}
	b.l.row([]cell{{size: 30}, {text: focusCaption(p.FocusAreas[len(shown):]), size: 70, st: note, pad: pad{top: 1}}}, rowOpts{split: true})
}

// focusCaption explains the focus-area chart and names the areas it has
// no bar for, at most maxFocusNamed of them.
func focusCaption(rest []pipeline.FocusArea) string {
	caption := "Events in this period per focus area; an event may cover several."
	if len(rest) > 0 {
		names := make([]string, 0, min(len(rest), maxFocusNamed)+1)
		for _, fa := range rest[:min(len(rest), maxFocusNamed)] {
			names = append(names, inline(fa.Name)+" ("+strconv.Itoa(fa.Events)+")")
		}
		if n := len(rest) - maxFocusNamed; n > 0 {
			names = append(names, plural(n, "other", "others"))
		}
		caption += " Also: " + list(names) + "."
	}
	return caption
}

// focusBars are the bars of the focus-area chart, one per row of the given
// height from the top of the cell, each on a pale track.
type focusBars struct {
	fracs      []float64 // 0..1
	row, thick float64   // mm
}

func (f *focusBars) GetHeight(core.Provider, *entity.Cell) float64 {
	return float64(len(f.fracs)) * f.row
}
func (f *focusBars) SetConfig(*entity.Config) {}
func (f *focusBars) Render(prov core.Provider, cell *entity.Cell) {
	for i, x := range f.fracs {
		y := float64(i)*f.row + (f.row-f.thick)/2
		fillRect(prov, cell, rect{y: y, w: cell.Width, h: f.thick}, track)
		fillRect(prov, cell, rect{y: y, w: cell.Width * x, h: f.thick}, accent)
	}
}
func (f *focusBars) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "focusbars", Details: map[string]any{"fracs": f.fracs}})
}

// sources lists the numbered citations of the listed events, with their
// grades.
func (b *briefing) sources(v *pairView) {
	if len(v.sources) == 0 {
		return
	}
	b.h3("Sources", 10)
	b.sourceListAt(v.sources, 0, "", false)
}

// sourceListAt lists numbered sources off grid columns from the left,
// each a link to its address: who published it, when, its grade and the
// site, on one line in the note's sections, where a source's title mostly
// repeats the event's and the link leads to it (the workbook's Sources
// sheet has it); with titled, as the appendix's full record, its title
// first. label, when set, heads
// the list in the margin beside its first entry.
func (b *briefing) sourceListAt(sources []pipeline.Citation, off int, label string, titled bool) {
	l := b.l
	indent := func(first bool, cs ...cell) []cell {
		if off == 0 {
			return cs
		}
		margin := cell{size: off}
		if first && label != "" {
			margin.text, margin.st, margin.pad = label, smallBold.sized(7.5), pad{top: 0.3}
		}
		return append([]cell{margin}, cs...)
	}
	w := grid - off - 6
	for i, c := range sources {
		l.row(indent(i == 0,
			cell{text: "[" + strconv.Itoa(c.N) + "]", size: 6, st: smallBold.sized(8).colored(navy), pad: pad{top: 0.3}},
			cell{text: sourceEntry(c.Source, titled), size: w, st: cellText.sized(7.5), pad: pad{bottom: 0.8}, uri: c.Source.URL},
		), rowOpts{split: true})
	}
}

// sourceEntry is one source for a reader: "Ministry of Defence, 22 Oct
// 2025. Grade B2. mod.gov.az", the entry a link to the address; with
// titled, or without an address or a publisher, the title first, as
// then it is how a reader finds the source.
func sourceEntry(s pipeline.Source, titled bool) string {
	var parts []string
	title, publisher := strings.TrimRight(strings.TrimSpace(s.Title), "."), strings.TrimRight(strings.TrimSpace(s.Publisher), ".")
	if title != "" && (titled || publisher == "" || host(s.URL) == "") {
		parts = append(parts, title)
	}
	who := publisher
	if !s.Published.IsZero() {
		if who != "" {
			who += ", "
		}
		who += day(s.Published)
	}
	if who != "" {
		parts = append(parts, who)
	}
	if g := s.Grade(); g != "" {
		parts = append(parts, "Grade "+g)
	}
	entry := strings.Join(parts, ". ")
	if entry != "" {
		entry += "."
	}
	if h := host(s.URL); h != "" {
		entry = strings.TrimSpace(entry + " " + h)
	}
	return entry
}

// pairColumns is the other pairs as a table in two halves side by side,
// down the left half first, in small type: a busy week's pairs fill one
// page, not three.
func (b *briefing) pairColumns(pairs []*pipeline.PairReport) {
	prev := !b.r.Previous.IsZero()
	half := []column{{title: "Country pair", size: 25}, {title: "Events", size: 7, align: align.Right}}
	if prev {
		half = append(half, column{title: "Change", size: 7, align: align.Right})
	} else {
		half[0].size += 7
	}
	half = append(half, column{title: "Latest", size: 10, align: align.Right})
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
