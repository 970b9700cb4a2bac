package xlsx

import (
	"slices"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// eventsTable is one row per event of r.Events, every status (SPEC §5).
// The contract columns keep the SPEC's order, so even positional lookups
// hold; the extra columns follow them.
//
// Pairs lists the event's pairs that the report shows (all of them unless
// the run filtered pairs), so a filter on Pairs matches the Summary rows.
// Sources is the number of sources; their titles and links are on the
// Sources sheet, keyed by Event ID. Participants lists names, the thing a
// reader scans for; the Participants sheet has their details.
//
// In period says whether the event's date lies in the period (the rest
// are upcoming planned events); Week (ISO, as text) and Month (a date
// shown yyyy-mm) let a pivot group by either.
func eventsTable(r *pipeline.Report, cal *calendar) *table {
	kinds := r.Kinds()
	return &table{
		sheet: "Events",
		name:  "Events",
		cols: []column{
			eventIDColumn(),
			{name: "Date", kind: dateCol},
			{name: "Kind", kind: textCol},
			{name: "PLOVER", kind: textCol},
			{name: "Status", kind: textCol},
			{name: "Title", kind: wrapCol, max: 50, field: "title"},
			{name: "Countries", kind: textCol, max: 24},
			{name: "Pairs", kind: wrapCol, max: 30, min: 19}, // two pairs a line at least
			{name: "Host", kind: textCol},
			{name: "Location", kind: wrapCol, max: 24, field: "location"},
			{name: "Focus areas", kind: wrapCol, max: 40, field: "focus_areas"},
			{name: "Sources", kind: numberCol},
			{name: "End date", kind: dateCol},
			{name: "Date precision", kind: textCol},
			{name: "Participants", kind: wrapCol, max: 40, field: "participants"},
			{name: "Summary", kind: wrapCol, max: 80, field: "summary"},
			{name: "Outcomes", kind: wrapCol, max: 60, field: "outcomes"},
			{name: "In period", kind: boolCol},
			{name: "Week", kind: textCol},
			{name: "Month", kind: dateCol},
		},
		rows:  len(r.Events),
		event: func(i int) (*pipeline.Event, int) { return r.Events[i], -1 },
		row: func(i int, v []any) {
			e := r.Events[i]
			// Sorted: the same countries give the same text, whatever
			// order the file listed them in.
			countries := slices.Sorted(slices.Values(e.Countries))
			names := make([]string, len(e.Participants))
			for j, p := range e.Participants {
				names[j] = p.Name
			}
			copy(v, []any{
				e.ID, day{e.Date, e.DatePrecision}, kinds[e.Kind].Name, kinds[e.Kind].PLOVER, e.Status, e.Title,
				strings.Join(countries, ", "), strings.Join(r.EventPairs(e), ", "),
				e.Host, e.Location, strings.Join(e.FocusAreas, "; "), len(e.Sources),
				day{e.EndDate, e.DatePrecision}, e.DatePrecision, strings.Join(names, "; "),
				strings.TrimSpace(e.Summary), strings.Join(e.Outcomes, "; "),
				cal.in[i], cal.week[i], cal.monthCell(i),
			})
		},
	}
}

// item addresses the j-th participant or source of event i.
type item struct{ event, j int32 }

// items lists every (event, j) with j < n(event), in event order.
func items(events []*pipeline.Event, n func(*pipeline.Event) int) []item {
	var out []item
	for i, e := range events {
		for j := range n(e) {
			out = append(out, item{int32(i), int32(j)})
		}
	}
	return out
}

// participantsTable is one row per participant and event. Status lets a
// pivot leave out planned and cancelled events.
func participantsTable(r *pipeline.Report) *table {
	refs := items(r.Events, func(e *pipeline.Event) int { return len(e.Participants) })
	return &table{
		sheet: "Participants",
		name:  "Participants",
		cols: []column{
			eventIDColumn(),
			{name: "Date", kind: dateCol},
			{name: "Name", kind: textCol, max: 30, field: "participants[%d].name"},
			{name: "Rank", kind: textCol, max: 24, field: "participants[%d].rank"},
			{name: "Role", kind: wrapCol, max: 40, field: "participants[%d].role"},
			{name: "Organization", kind: wrapCol, max: 50, field: "participants[%d].organization"},
			{name: "Country", kind: textCol},
			{name: "Status", kind: textCol},
		},
		rows:  len(refs),
		event: func(i int) (*pipeline.Event, int) { return r.Events[refs[i].event], int(refs[i].j) },
		row: func(i int, v []any) {
			e := r.Events[refs[i].event]
			p := e.Participants[refs[i].j]
			copy(v, []any{e.ID, day{e.Date, e.DatePrecision}, p.Name, p.Rank, p.Role, p.Organization, p.Country, e.Status})
		},
	}
}

// sourcesTable is one row per source and event. Reliability is the
// admiralty letter as the SPEC names it; Credibility and Grade ("C2")
// complete the grading.
func sourcesTable(r *pipeline.Report) *table {
	refs := items(r.Events, func(e *pipeline.Event) int { return len(e.Sources) })
	return &table{
		sheet: "Sources",
		name:  "Sources",
		cols: []column{
			eventIDColumn(),
			{name: "Title", kind: wrapCol, max: 50, field: "sources[%d].title"},
			{name: "Publisher", kind: wrapCol, max: 30, field: "sources[%d].publisher"},
			{name: "URL", kind: linkCol, max: 50, field: "sources[%d].url"},
			{name: "Published", kind: dateCol},
			{name: "Reliability", kind: textCol},
			{name: "Credibility", kind: numberCol},
			{name: "Grade", kind: textCol},
		},
		rows:  len(refs),
		event: func(i int) (*pipeline.Event, int) { return r.Events[refs[i].event], int(refs[i].j) },
		row: func(i int, v []any) {
			e := r.Events[refs[i].event]
			s := e.Sources[refs[i].j]
			var cred any
			if s.Credibility > 0 {
				cred = s.Credibility
			}
			copy(v, []any{e.ID, s.Title, s.Publisher, s.URL, day{t: s.Published}, s.Reliability, cred, s.Grade()})
		},
	}
}
