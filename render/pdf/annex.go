package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// multilateralEvents describes each multilateral event once: the most
// significant in full, with the pairs they count for, the rest one row
// each. Pair sections only name them.
func (b *briefing) multilateralEvents() error {
	es := b.s.multilateral
	if len(es) == 0 {
		return nil
	}
	l := b.l
	l.space(7)
	b.h1("Multilateral events", "", targetMultilateral, 0, 40)
	b.noteLine("Events of three or more countries, most significant first. Each counts once for every pair of its countries.")
	full := es
	if n := b.s.limits.MaxMultilateral; n > 0 && n < len(es) {
		full = es[:n]
	}
	for _, e := range full {
		b.multilateralEvent(e)
	}
	if rest := es[len(full):]; len(rest) > 0 {
		b.h2("Other multilateral events", -1, 16)
		if shown := b.bounded(rest); len(shown) < len(rest) {
			b.noteLine(b.boundNote(len(shown), len(rest), "multilateral events"))
			rest = shown
		}
		// Most of these titles name their countries: a column of them made
		// most rows two lines high.
		cols := []column{{title: "Date", size: 14}, {title: "Event and countries", size: 86}}
		l.table(table{name: "Other multilateral events", cols: cols, compact: true, small: true}, len(rest), func(i int) []tableCell {
			e := rest[i]
			return []tableCell{{text: eventDate(e), anchor: eventTarget(e)}, {text: b.titleWith(e), bold: true}}
		})
	}
	return nil
}

// titleWith is a multilateral event's title followed by its countries,
// "Kanan Hajiyev pays official visit to Ukraine · Azerbaijan, Georgia and
// Ukraine", unless the title names every one of them.
func (b *briefing) titleWith(e *pipeline.Event) string {
	if names := b.r.CountryNames(e.Countries); !namesAll(e.Title, names) {
		return e.Title + " · " + list(names)
	}
	return e.Title
}

// multilateralEvent is one multilateral event in full.
func (b *briefing) multilateralEvent(e *pipeline.Event) {
	l := b.l
	const dateCol = 16
	head := []cell{
		{text: eventDate(e), size: dateCol, st: smallBold.sized(8), pad: pad{top: 0.8}, anchor: eventTarget(e)},
		{text: e.Title, size: grid - dateCol, st: bodyBold, pad: pad{bottom: 1}},
	}
	l.space(3)
	l.need(l.keep(l.measure(head) + 3*body.lineHeight()))
	l.row(head, rowOpts{})
	b.eventText(e, dateCol, 1.2, summaryText, summaryText, 1.2)
	var names []string
	for _, k := range b.r.EventPairs(e) {
		if p, err := b.r.Pair(k); err == nil {
			names = append(names, b.pairName(p))
		}
	}
	if len(names) > 0 && b.s.only == nil {
		l.row([]cell{{size: dateCol}, {text: countsFor(names, len(e.Countries)), size: grid - dateCol, st: note, pad: pad{bottom: 1}}}, rowOpts{split: true})
	}
	if len(e.Sources) > 0 {
		b.sourceListAt(eventCitations(e), dateCol, "Sources", false)
	}
}

// eventText is the lines under an event's heading in the sections that
// describe an event in full (multilateral events, the appendix): kind,
// place and countries, then its summary and outcomes, indented by off.
// factsPad and summaryPad are the space below the facts and the summary;
// bullet and text style the outcomes.
func (b *briefing) eventText(e *pipeline.Event, off int, factsPad float64, summary, bullet style, summaryPad float64) {
	l := b.l
	facts := kindLabel(b.r.Kinds(), e.Kind)
	if e.Location != "" {
		facts += " · " + e.Location
	}
	facts += " · " + list(b.r.CountryNames(e.Countries))
	l.row([]cell{{size: off}, {text: facts, size: grid - off, st: small.sized(8), pad: pad{bottom: factsPad}}}, rowOpts{split: true})
	l.para(e.Summary, summary, pad{bottom: summaryPad}, off, grid-off)
	for _, o := range e.Outcomes {
		l.row([]cell{{size: off}, {text: "•", size: 3, st: bullet}, {text: o, size: grid - off - 3, st: summary, pad: pad{bottom: 0.8}}}, rowOpts{split: true})
	}
}

// eventCitations numbers an event's own sources from 1.
func eventCitations(e *pipeline.Event) []pipeline.Citation {
	cs := make([]pipeline.Citation, len(e.Sources))
	for i, s := range e.Sources {
		cs[i] = pipeline.Citation{N: i + 1, Source: s}
	}
	return cs
}

// maxCountsFor is how many pairs a multilateral event's "Counts for" line
// names. One event among all 249 ISO countries counts for 30,876 pairs:
// named one by one they filled 120 pages.
const maxCountsFor = 10

// countsFor says which pairs (their headings, names) an event of n
// countries counts for: by name up to maxCountsFor, else as a number.
func countsFor(names []string, n int) string {
	if len(names) <= maxCountsFor {
		return "Counts for " + plural(len(names), "pair", "pairs") + ": " + strings.Join(names, "; ") + "."
	}
	if len(names) == n*(n-1)/2 {
		return "Counts for " + plural(len(names), "pair", "pairs") + ": every pair of its " + strconv.Itoa(n) + " countries."
	}
	return "Counts for " + plural(len(names), "pair", "pairs") + ", among them " + strings.Join(names[:maxCountsFor], "; ") +
		" and " + plural(len(names)-maxCountsFor, "other", "others") + "; the workbook's Events sheet lists them all."
}

// upcoming lists the planned events after the period ([pdf]
// upcoming_weeks), then those dated in it and not recorded as held.
func (b *briefing) upcoming() error {
	l := b.l
	weeks := b.s.limits.UpcomingWeeks
	all := b.r.Period.Kind == period.All
	listed := weeks > 0 || all || len(b.s.upcoming) > 0
	if !listed && len(b.s.unconfirmed) == 0 {
		return nil
	}
	l.space(7)
	b.h1("Upcoming", "", "", 0, 40)
	// Over "all" there is no period end: upcoming means not yet past on
	// the day the briefing was generated (see pipeline.Aggregate).
	after := "after this period"
	if weeks > 0 {
		after = "in the " + plural(weeks, "week", "weeks") + " after this period"
	}
	if all {
		after = "from the day this briefing was generated"
	}
	// The place goes with the title, which often names it already: a
	// column of its own made most rows two lines high.
	cols := []column{{title: "Date", size: 14}, {title: "Kind", size: 11}, {title: "Event", size: 49}, {title: "Countries", size: 26}}
	rows := func(es []*pipeline.Event) func(i int) []tableCell {
		return func(i int) []tableCell {
			e := es[i]
			names := b.r.CountryNames(e.Countries)
			return []tableCell{{text: eventDate(e)}, {text: kindLabel(b.r.Kinds(), e.Kind)}, {text: titleAt(e), bold: true}, {text: strings.Join(names, ", ")}}
		}
	}
	if listed {
		if len(b.s.upcoming) == 0 {
			b.noteLine("No planned events are recorded " + after + ".")
		} else {
			es := b.bounded(b.s.upcoming)
			text := "Planned events dated " + after + ". They are not counted in the figures."
			if len(es) < len(b.s.upcoming) {
				text += " " + b.boundNote(len(es), len(b.s.upcoming), "planned events")
			}
			b.noteLine(text)
			l.space(1)
			l.table(table{name: "Upcoming", cols: cols, compact: true, small: true}, len(es), rows(es))
		}
	}
	if len(b.s.unconfirmed) > 0 {
		what := "Planned events dated in this period and not recorded as held: they may have taken place unreported, been postponed or been cancelled. They are not counted."
		if all {
			what = "Planned events dated before the day this briefing was generated and not recorded as held. They are not counted."
		}
		es := b.bounded(b.s.unconfirmed)
		if len(es) < len(b.s.unconfirmed) {
			what += " " + b.boundNote(len(es), len(b.s.unconfirmed), "such events")
		}
		t := table{name: "Not confirmed", cols: cols, compact: true, small: true}
		b.h2("Not confirmed", 1, b.noteHeight(what)+1+l.tableStart(t, rows(es)(0)))
		b.noteLine(what)
		l.space(1)
		l.table(t, len(es), rows(es))
	}
	return nil
}

// titleAt is an event's title with its place, "Joint exercise begins ·
// Ganja", unless the title names it.
func titleAt(e *pipeline.Event) string {
	loc := strings.TrimSpace(e.Location)
	if loc == "" || strings.Contains(strings.ToLower(e.Title), strings.ToLower(loc)) {
		return e.Title
	}
	return e.Title + " · " + loc
}

// bounded keeps the [pdf] max_events most significant of events, in date
// order: the rows of one events table.
func (b *briefing) bounded(events []*pipeline.Event) []*pipeline.Event {
	return mostSignificant(events, b.s.limits.MaxEvents, b.s.kinds)
}

// boundNote says that a table lists only shown of all.
func (b *briefing) boundNote(shown, all int, what string) string {
	return fmt.Sprintf("The %d most significant of %d %s, ranked as key developments are; every one is in the workbook's Events sheet.", shown, all, what)
}

// annex explains how the numbers were made, notes what a reader should
// know of the data shown and names the inputs in one line. It follows
// Upcoming on the same page when most of the page is free.
func (b *briefing) annex() error {
	l := b.l
	l.space(12)
	b.h1("Annex: method and data notes", "", "", 0, l.capacity()/2)
	b.h2("Method", 1, 12)
	for _, s := range b.method() {
		l.para(s, body, pad{bottom: 2.6}, 0, grid)
	}
	b.h2("Source grading", 1, 12)
	l.para("Sources are graded with the admiralty code where the records give a grade. The letter rates the source: "+
		"A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged. "+
		"The digit rates the information: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 truth cannot be judged. "+
		"A source graded C2 is a fairly reliable source reporting information that is probably true.", body, pad{bottom: 2.6}, 0, grid)
	b.dataNotes()
	b.changeList()
	b.inputs()
	return nil
}

// kindNames returns the kinds' names in the table's order, and in the
// order key developments rank them: by weight, heaviest first.
func kindNames(kinds []pipeline.KindInfo) (names, ranked []string) {
	byWeight := slices.Clone(kinds)
	slices.SortStableFunc(byWeight, func(x, y pipeline.KindInfo) int { return cmp.Compare(y.Weight, x.Weight) })
	for i := range kinds {
		names = append(names, kinds[i].Name)
		ranked = append(ranked, byWeight[i].Name)
	}
	return names, ranked
}

// method states the counting rules of SPEC §3 and the ranking of key
// developments in plain sentences.
func (b *briefing) method() []string {
	prev := "This briefing covers all dates, so there is no previous period to compare with."
	if !b.r.Previous.IsZero() {
		prev = "The previous period is the period of the same length immediately before this one (here " + b.r.Previous.Label +
			"); the change is this period's events minus the previous period's."
	}
	names, ranked := kindNames(b.r.Kinds())
	anyKind := names[len(names)-1]
	if len(names) > 1 {
		anyKind = strings.Join(names[:len(names)-1], ", ") + " or " + anyKind
	}
	filter := ""
	if len(b.r.Filters) > 0 {
		filter = " This briefing is limited to the pairs " + list(b.r.Filters) + "."
	}
	out := []string{
		"Each record is one engagement between countries — a " + anyKind + " event — written from the sources cited. " +
			"Only events recorded as held are counted. Planned events dated in the weeks after the period are listed under Upcoming, those dated in it but not recorded as held under Not confirmed; neither is counted, and cancelled events are not shown.",
		"An event belongs to the period by its start date, and counts once for every pair of countries taking part: a meeting of three countries counts for three pairs. " +
			"Events with three or more countries are counted as multilateral; they are described once, under Multilateral events, and the activity chart counts each event once." + filter,
		"Participants are counted once per pair: the distinct people from either country of the pair, or with no country given. " +
			"Names are matched ignoring case and known alternative spellings. Focus areas are matched to a list of names and aliases, ignoring case; areas not on the list are kept as written and named under Data notes.",
		prev,
		"Key developments rank the period's held events: agreements first, then multilateral events, then the rest; within each group by kind " +
			"(" + strings.Join(ranked, ", ") + "), then by the number of countries, then the most recent first. At most " +
			strconv.Itoa(pipeline.KeyDevelopmentsLimit) + " are shown.",
		"Where a source gives only the month or the year of an event, the date is shown that way (\"February 2023\", \"2023\") and the event is counted on the first day of that month or year.",
	}
	if b.s.allOthers > 0 {
		n := len(b.s.detailed)
		out = append(out, "The "+plural(n, "most significant country pair", "most significant country pairs")+" "+
			pluralWord(n, "has a section", "have a section")+" of "+pluralWord(n, "its", "their")+" own: pairs are ranked by their most significant bilateral event "+
			"(an agreement first, then by kind as above), then by their number of events, then by code. Every other pair with events in this period or the previous one is one row of the Other pairs table, busiest first. The workbook's Summary sheet lists every pair.")
	}
	if b.s.cut() {
		out = append(out, "A pair's section lists at most "+limitsText(b.s.limits)+
			". Where a pair has more, it lists its most significant bilateral events, ranked as key developments are, the summaries and sources of the most significant, and the people with the most events, and a note says so. "+
			"The figures, the narrative and the charts count every event; the workbook lists them all.")
	}
	return out
}

// limitsText names the limits in force: "40 events, 10 event summaries
// and 25 participants".
func limitsText(lim pipeline.PDFConfig) string {
	var parts []string
	for _, x := range []struct {
		n          int
		one, other string
	}{{lim.MaxEvents, "event", "events"}, {lim.MaxSummaries, "event summary", "event summaries"}, {lim.MaxParticipants, "participant", "participants"}} {
		if x.n > 0 {
			parts = append(parts, strconv.Itoa(x.n)+" "+pluralWord(x.n, x.one, x.other))
		}
	}
	return list(parts)
}

// inputs names what the briefing was made from, in one line.
func (b *briefing) inputs() {
	if len(b.r.Inputs) == 0 && b.r.ConfigPath == "" {
		return
	}
	var size int64
	events := 0
	for _, in := range b.r.Inputs {
		size += in.Size
		events += in.Events
	}
	s := "Made from " + plural(len(b.r.Inputs), "input file", "input files") + " (" + plural(events, "event", "events") + ", " + bytesText(size) + ")"
	if b.r.ConfigPath != "" {
		s += " with the configuration " + b.r.ConfigPath
	}
	s += ". The manifest beside this note lists each file with its SHA-256 digest."
	b.h2("Inputs", 1, 8)
	b.l.para(s, body, pad{bottom: 2}, 0, grid)
}

// bytesText is a size for a reader: "740 bytes", "12.4 kB", "7.3 MB".
func bytesText(n int64) string {
	switch {
	case n < 1000:
		return plural(int(n), "byte", "bytes")
	case n < 1000*1000:
		return strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + " kB"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}
