package pdf

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// dataNotes tells a reader what to know of the data the note shows: focus
// areas outside the configured list, and characters the font lacks, of
// shown events only. Warnings about other events are counted in a
// sentence; every warning, with file and line, is in the workbook's Diagnostics
// sheet and the log.
func (b *briefing) dataNotes() {
	shown := map[string]*pipeline.Event{}
	for _, e := range b.s.events() {
		shown[e.ID] = e
	}
	// The run's warnings may hold this render's already (a per-pair
	// note, rendered after the main one); count each once.
	warns := slices.Clip(b.warns)
	seen := map[pipeline.Diagnostic]bool{}
	for _, w := range warns {
		seen[*w] = true
	}
	for _, w := range b.g.warns {
		if !seen[*w] {
			seen[*w] = true
			warns = append(warns, w)
		}
	}
	var areas, glyphs []string
	other := 0
	for _, w := range warns {
		e := shown[w.Event]
		switch {
		case e != nil && w.Field == "focus_areas":
			if name, err := strconv.QuotedPrefix(w.Msg); err == nil {
				name, _ = strconv.Unquote(name)
				areas = append(areas, name)
				continue
			}
			other++
		case e != nil:
			glyphs = append(glyphs, "in “"+strings.Join(strings.Fields(e.Title), " ")+"” ("+eventDate(e)+"), "+w.Msg)
		case w.Pos.File == developmentTemplate || w.Pos.File == pairTemplate:
			glyphs = append(glyphs, "in the narrative, "+w.Msg)
		default:
			other++
		}
	}
	b.h2("Data notes", 1, 10)
	var notes []string
	if len(areas) > 0 {
		notes = append(notes, plural(len(areas), "focus area is", "focus areas are")+" not in the configured list and "+
			pluralWord(len(areas), "is", "are")+" shown as written: "+list(areas)+".")
	}
	for _, g := range glyphs {
		notes = append(notes, strings.ToUpper(g[:1])+g[1:]+".")
	}
	if other > 0 {
		notes = append(notes, "The run reported "+plural(other, "other warning", "other warnings")+" about data this note does not show; the workbook's Diagnostics sheet lists every warning.")
	}
	if len(notes) == 0 {
		b.noteLine("Nothing to note: the run reported no warnings about the data shown.")
		return
	}
	for _, n := range notes {
		b.l.row([]cell{{text: "•", size: 3, st: body}, {text: n, size: 97, st: body, pad: pad{bottom: 1.2}}}, rowOpts{split: true})
	}
}
