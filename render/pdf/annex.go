package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/consts/align"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// quietAndUpcoming renders the pairs that went quiet and the planned
// events. They are short, so they follow on the same page when a good part
// of it is left, rather than leave a page nearly empty.
func (b *briefing) quietAndUpcoming() error {
	l := b.l
	l.space(10)
	if len(b.s.quiet) > 0 {
		b.h1("Pairs that went quiet", "", 0, 40)
		b.noteLine("No events were recorded in this period for these pairs, which had some in the previous period.")
		l.space(1)
		for _, p := range b.s.quiet {
			l.row([]cell{
				{text: pairName(p), size: 40, st: bodyBold, pad: pad{bottom: 1.5}},
				{text: fmt.Sprintf("no events (previous period: %d) · %s", p.Previous, change(p.Change)), size: 60, st: body, pad: pad{bottom: 1.5}},
			}, rowOpts{})
		}
		if n := len(b.s.quiet); n < b.s.allQuiet {
			b.noteLine(fmt.Sprintf("The first %d of %d such pairs, by code; every pair is in the workbook's Summary sheet.", n, b.s.allQuiet))
		}
		l.space(8)
	}
	b.h1("Upcoming", "", 0, 40)
	// Over "all" there is no period start: upcoming means not yet past on
	// the day the briefing was generated (see pipeline.Aggregate).
	after := "after the start of this period"
	if b.r.Period.Kind == period.All {
		after = "from the day this briefing was generated"
	}
	if len(b.s.upcoming) == 0 {
		b.noteLine("No planned events are recorded " + after + ".")
		return nil
	}
	b.noteLine("Planned events dated " + after + ". They are not counted in the figures.")
	l.space(1)
	cols := []column{{title: "Date", size: 15}, {title: "Kind", size: 11}, {title: "Event", size: 42}, {title: "Countries", size: 19}, {title: "Location", size: 13}}
	l.table(table{name: "Upcoming", cols: cols}, len(b.s.upcoming), func(i int) []tableCell {
		e := b.s.upcoming[i]
		names := b.r.CountryNames(e.Countries)
		return []tableCell{{text: eventDate(e)}, {text: kindLabel(b.r.Kinds(), e.Kind)}, {text: e.Title, bold: true}, {text: strings.Join(names, ", ")}, {text: e.Location}}
	})
	return nil
}

// annex explains how the numbers were made and lists the data warnings.
// It follows Upcoming on the same page when most of the page is free.
func (b *briefing) annex() error {
	l := b.l
	l.space(12)
	b.h1("Annex: method and data notes", "", 0, l.capacity()/2)
	b.h2("Method", 1, 12)
	for _, s := range b.method() {
		l.para(s, body, pad{bottom: 2.6}, 0, grid)
	}
	b.h2("Source grading", 1, 12)
	l.para("Sources are graded with the admiralty code where the records give a grade. The letter rates the source: "+
		"A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged. "+
		"The digit rates the information: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 truth cannot be judged. "+
		"A source graded C2 is a fairly reliable source reporting information that is probably true.", body, pad{bottom: 2.6}, 0, grid)

	b.inputs()

	// The run's warnings may hold this render's already (a per-pair
	// note, rendered after the main one); list each once.
	warns := slices.Clip(b.warns)
	seen := map[pipeline.Diagnostic]bool{}
	for _, w := range warns {
		seen[*w] = true
	}
	for _, w := range b.g.warns {
		if !seen[*w] {
			warns = append(warns, w)
		}
	}
	b.h2("Data warnings", 1, 10)
	if len(warns) == 0 {
		b.noteLine("The run reported no data warnings.")
		return nil
	}
	b.noteLine(plural(len(warns), "warning was", "warnings were") + " reported while the briefing was produced. They do not stop a run; the figures above include the data as written.")
	for _, w := range warns {
		l.row([]cell{{text: "•", size: 3, st: cellText}, {text: b.r.Shown(w), size: 97, st: cellText, pad: pad{bottom: 1}}}, rowOpts{split: true})
	}
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
			"Only events recorded as held are counted. Planned events dated after the start of the period are listed under Upcoming and not counted; cancelled events are not shown.",
		"An event belongs to the period by its start date, and counts once for every pair of countries taking part: a meeting of three countries counts for three pairs. " +
			"Events with three or more countries are counted as multilateral." + filter,
		"Participants are counted once per pair: the distinct people from either country of the pair, or with no country given. " +
			"Names are matched ignoring case and known alternative spellings. Focus areas are matched to a list of names and aliases, ignoring case; areas not on the list are kept as written and listed under data warnings.",
		prev,
		"Key developments rank the period's held events: agreements first, then multilateral events, then the rest; within each group by kind " +
			"(" + strings.Join(ranked, ", ") + "), then by the number of countries, then the most recent first. At most " +
			strconv.Itoa(pipeline.KeyDevelopmentsLimit) + " are shown.",
		"Where a source gives only the month or the year of an event, the date is shown that way (\"February 2023\", \"2023\") and the event is counted on the first day of that month or year.",
	}
	if b.s.pairsCut() {
		out = append(out, "A briefing lists at most "+plural(b.s.maxPairs, "country pair", "country pairs")+", those with the most events (ties by pair code), "+
			"in its overview table, in its pair sections and among the pairs that went quiet. The key figures count every pair; the workbook's Summary sheet lists them all.")
	}
	if b.s.cut() {
		out = append(out, "A pair's section lists at most "+limitsText(b.s.limits)+
			". Where a pair has more, it lists its most significant events, ranked as key developments are, their summaries and sources, and the people with the most events, and a note says so. "+
			"The figures, the narrative and the focus-area chart count every event; the workbook lists them all.")
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

// inputs lists the files the briefing was made from.
func (b *briefing) inputs() {
	if len(b.r.Inputs) == 0 && b.r.ConfigPath == "" {
		return
	}
	b.h2("Inputs", 1, 12)
	l := b.l
	if b.r.ConfigPath != "" {
		l.row([]cell{{text: "Configuration: " + b.r.ConfigPath, size: grid, st: cellText, pad: pad{bottom: 1.2}}}, rowOpts{split: true})
	}
	if len(b.r.Inputs) == 0 {
		return
	}
	cols := []column{{title: "File", size: 58}, {title: "Events", size: 10, align: align.Right}, {title: "SHA-256", size: 32}}
	l.table(table{name: "Inputs", cols: cols}, len(b.r.Inputs), func(i int) []tableCell {
		in := b.r.Inputs[i]
		sum := in.SHA256
		if len(sum) > 16 {
			sum = sum[:16] + "…"
		}
		return []tableCell{{text: in.Path}, {text: strconv.Itoa(in.Events)}, {text: sum}}
	})
}
