package pdf

import (
	"github.com/briefing-tool/briefing/pipeline"
)

// appendix lists every event the note is about once, by date, with its
// summary, outcomes and sources: for readers who want the whole record in
// one file ([pdf] appendix, build --appendix). The body of the note stays
// as it is.
func (b *briefing) appendix() error {
	if !b.full {
		return nil
	}
	var events []*pipeline.Event
	if b.s.only != nil {
		events = b.s.only.EventList
	} else {
		for _, e := range b.r.Events {
			if e.Held() && b.r.Period.Contains(e.Date) {
				events = append(events, e)
			}
		}
	}
	l := b.l
	l.newPage()
	b.h1("Appendix: every event", plural(len(events), "event", "events"), "", 0, 30)
	b.noteLine("Every event held in this period, once, by date, with its summary, outcomes and sources.")
	const dateCol = 16
	for _, e := range events {
		head := []cell{
			{text: eventDate(e), size: dateCol, st: smallBold.sized(8), pad: pad{top: 0.8}},
			{text: e.Title, size: grid - dateCol, st: bodyBold, pad: pad{bottom: 0.4}},
		}
		facts := kindLabel(b.r.Kinds(), e.Kind)
		if e.Location != "" {
			facts += " · " + e.Location
		}
		facts += " · " + list(b.r.CountryNames(e.Countries))
		l.space(2)
		l.need(l.keep(l.measure(head) + 3*body.lineHeight()))
		l.row(head, rowOpts{})
		l.row([]cell{{size: dateCol}, {text: facts, size: grid - dateCol, st: small.sized(8), pad: pad{bottom: 1}}}, rowOpts{split: true})
		l.para(e.Summary, body.sized(8.5), pad{bottom: 1.4}, dateCol, grid-dateCol)
		for _, o := range e.Outcomes {
			l.row([]cell{{size: dateCol}, {text: "•", size: 3, st: body}, {text: o, size: grid - dateCol - 3, st: body.sized(8.5), pad: pad{bottom: 0.8}}}, rowOpts{split: true})
		}
		if len(e.Sources) > 0 {
			cs := make([]pipeline.Citation, len(e.Sources))
			for i, s := range e.Sources {
				cs[i] = pipeline.Citation{N: i + 1, Source: s}
			}
			b.sourceListAt(cs, dateCol)
		}
	}
	if len(events) == 0 {
		b.noteLine("No events were held in this period.")
	}
	return nil
}
