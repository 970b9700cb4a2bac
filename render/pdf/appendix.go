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
		l.space(2)
		l.need(l.keep(l.measure(head) + 3*body.lineHeight()))
		l.row(head, rowOpts{})
		b.eventText(e, dateCol, 1, body.sized(8.5), body, 1.4)
		if len(e.Sources) > 0 {
			b.sourceListAt(eventCitations(e), dateCol, "Sources", true)
		}
	}
	if len(events) == 0 {
		b.noteLine("No events were held in this period.")
	}
	return nil
}
