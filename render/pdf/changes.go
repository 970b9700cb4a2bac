package pdf

import (
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"

	"github.com/briefing-tool/briefing/pipeline"
)

// What the note says of the changes since the previous edition
// (Report.Changes): a box on page 1 with the counts and the most
// significant changes in words, and in the annex every change. With no
// previous edition, or none of its events changed, neither is drawn and
// the note's bytes are what they were before editions.

// boxChanges is how many changes page 1 puts in words, and boxMoves how
// many pair counts it names; the annex lists them all.
const (
	boxChanges = 3
	boxMoves   = 3
)

// sinceLastEdition is page 1's "Since the last edition" box.
func (b *briefing) sinceLastEdition() {
	ch := b.r.Changes
	if ch.Empty() {
		return
	}
	l := b.l
	lines := []string{b.changeCounts(ch)}
	for i, c := range ch.List {
		if i == boxChanges {
			break
		}
		lines = append(lines, changeWords(c))
	}
	if len(ch.Moves) > 0 {
		var ms []string
		for i, m := range ch.Moves {
			if i == boxMoves {
				ms = append(ms, "and "+plural(len(ch.Moves)-boxMoves, "other pair count", "other pair counts"))
				break
			}
			ms = append(ms, m.String())
		}
		lines = append(lines, "Counts: "+strings.Join(ms, "; ")+".")
	}
	if len(ch.List) > boxChanges || len(ch.Moves) > boxMoves {
		lines = append(lines, "The annex lists every change.")
	}
	rows := [][]cell{{boxHead("Since the last edition")}}
	for i, s := range lines {
		p := pad{top: 0.4, bottom: 0.4, left: 3, right: 3}
		if i == len(lines)-1 {
			p.bottom = 2
		}
		if i == 0 {
			p.bottom += 0.6
			rows = append(rows, []cell{{text: s, size: grid, st: summaryText.weighted(fontstyle.Bold), pad: p}})
			continue
		}
		rows = append(rows, []cell{{text: "•", size: 4, st: cellText, pad: pad{top: p.top, left: 3}},
			{text: s, size: grid - 4, st: cellText, pad: pad{top: p.top, bottom: p.bottom, right: 3}}})
	}
	var h float64
	for _, r := range rows {
		h += l.measure(r)
	}
	l.space(2)
	l.need(h)
	for _, r := range rows {
		l.row(r, rowOpts{fill: fill})
	}
}

// changeCounts is the box's first line: "Against the edition of Week 42:
// 1 late report, 1 event removed, 2 events amended."
func (b *briefing) changeCounts(ch *pipeline.Changes) string {
	var parts []string
	if ch.Added > 0 {
		parts = append(parts, plural(ch.Added, "late report", "late reports"))
	}
	if ch.Removed > 0 {
		parts = append(parts, plural(ch.Removed, "event removed", "events removed"))
	}
	if ch.Amended > 0 {
		parts = append(parts, plural(ch.Amended, "event amended", "events amended"))
	}
	if len(parts) == 0 {
		parts = append(parts, "no event changed, but pair counts moved")
	}
	against := ch.Against
	if ch.AgainstLabel != "" {
		against = pipeline.ShortLabel(ch.AgainstLabel)
	}
	return "Against the edition of " + against + ": " + list(parts) + "."
}

// changeWords is one change in a sentence.
func changeWords(c pipeline.Change) string {
	what := "event " + c.ID
	if c.Title != "" {
		what = "“" + c.Title + "”"
	}
	at := c.Date
	if len(c.Pairs) > 0 {
		at += ", " + pairsText(c.Pairs)
	}
	switch c.Change {
	case "added":
		return "Late report: " + what + " (" + c.Kind + ", " + at + ")."
	case "removed":
		return "Removed: " + what + " (" + c.Kind + ", " + at + ") is no longer in the records."
	}
	return "Amended: " + what + " (" + at + "): " + c.What() + "."
}

// pairsText names an event's pairs: "AZE-GEO", or "AZE-GEO and 5 other
// pairs" for a multilateral event.
func pairsText(pairs []string) string {
	if len(pairs) <= 2 {
		return strings.Join(pairs, ", ")
	}
	return pairs[0] + " and " + strconv.Itoa(len(pairs)-1) + " other pairs"
}

// changeList is the annex's list of every change and every pair count
// that moved.
func (b *briefing) changeList() {
	ch := b.r.Changes
	if ch.Empty() {
		return
	}
	b.h2("Changes since the last edition", 1, 16)
	b.noteLine(b.changeCounts(ch) + " Compared: the events dated in " + list(ch.Periods) +
		", the periods both editions counted; the workbook's Changes sheet has the values before and after.")
	cols := []column{{title: "Change", size: 13}, {title: "Event", size: 37}, {title: "Date", size: 14}, {title: "Pairs", size: 14}, {title: "What", size: 22}}
	b.l.table(table{name: "Changes since the last edition", cols: cols, compact: true, small: true}, len(ch.List), func(i int) []tableCell {
		c := ch.List[i]
		what := c.Kind
		switch c.Change {
		case "amended":
			what = c.What()
		case "added":
			what = "late report: " + c.After
		case "removed":
			what = c.Before
		}
		ev := c.ID
		if c.Title != "" {
			ev = c.Title + " · " + c.ID
		}
		return []tableCell{{text: c.Change, bold: true}, {text: ev}, {text: c.Date}, {text: strings.Join(c.Pairs, " ")}, {text: what}}
	})
	if len(ch.Moves) > 0 {
		b.l.space(1.5)
	}
	for _, m := range ch.Moves {
		b.l.row([]cell{{text: "•", size: 3, st: body}, {text: m.String(), size: 97, st: body, pad: pad{bottom: 1}}}, rowOpts{split: true})
	}
}
