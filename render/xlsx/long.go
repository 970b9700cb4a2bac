package xlsx

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// The long tables: one row per event and pair, country or focus area, so
// that a pivot counts them without splitting the Events sheet's joined
// lists. They follow the Events sheet's order (date, then id), and within
// an event the order of its Pairs, Countries and Focus areas cells.
//
// Each carries Status and In period: only rows with Status "held" and In
// period TRUE count (SPEC §3), so a pivot filtered on both gives the
// Summary's numbers; the Events sheet also lists planned events after the
// period (Upcoming), which the filter leaves out.

// calendar holds what the long tables repeat per event: whether it lies in
// the period, its ISO week and its month, computed once per event.
type calendar struct {
	in    []bool
	week  []string
	month []time.Time
}

func newCalendar(r *pipeline.Report) *calendar {
	c := &calendar{
		in:    make([]bool, len(r.Events)),
		week:  make([]string, len(r.Events)),
		month: make([]time.Time, len(r.Events)),
	}
	for i, e := range r.Events {
		c.in[i] = r.Period.Contains(e.Date)
		// A date known to the month has no week, one known to the year
		// no month either: a pivot must not put them in the first ones.
		switch e.DatePrecision {
		case "year":
		case "month":
			c.month[i] = firstOfMonth(e.Date)
		default:
			c.week[i] = isoWeek(e.Date)
			c.month[i] = firstOfMonth(e.Date)
		}
	}
	return c
}

// isoWeek is the ISO 8601 week of d as text, "2025-W43", which sorts in
// time order (the week's year may differ from the date's near 1 January).
func isoWeek(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	y, w := d.ISOWeek()
	b := make([]byte, 0, 8)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, "-W"...)
	if w < 10 {
		b = append(b, '0')
	}
	return string(strconv.AppendInt(b, int64(w), 10))
}

func firstOfMonth(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// monthCell shows a first of the month as yyyy-mm: a real date, so Excel
// groups and sorts it.
func (c *calendar) monthCell(i int) any {
	return day{c.month[i], "month"}
}

// ref addresses the j-th pair, country or area of event i.
type ref struct{ event, j int32 }

// eventRefs is a long table's rows: for each event in order, its n(i)
// items in order.
func eventRefs(events int, n func(i int) int) []ref {
	var refs []ref
	for i := range events {
		for j := range n(i) {
			refs = append(refs, ref{int32(i), int32(j)})
		}
	}
	return refs
}

// eventIDColumn is an Event ID column as wide as nine ids in ten: the
// longest wrap at their hyphens, so no id is cut, and the column, which
// every page of a sheet printed over several pages across repeats, is not
// as wide as the one id of 50 characters among ids of 30. Beside taller
// cells it narrows to 24 characters, two lines for most ids.
func eventIDColumn() column {
	return column{name: "Event ID", kind: wrapCol, max: 64, min: 24, fit: 0.9}
}

// eventPairsTable is one row per event and pair it counts for, the pairs
// the report shows (Report.EventPairs). Country A and B are display names
// in pair-key order, as on Summary.
func eventPairsTable(r *pipeline.Report, cal *calendar) *table {
	kinds := r.Kinds()
	pairs := make([][]string, len(r.Events))
	refs := eventRefs(len(r.Events), func(i int) int {
		pairs[i] = r.EventPairs(r.Events[i])
		return len(pairs[i])
	})
	return &table{
		sheet: "Event pairs",
		name:  "EventPairs",
		cols: []column{
			eventIDColumn(),
			{name: "Date", kind: dateCol},
			{name: "Pair", kind: textCol},
			{name: "Country A", kind: textCol, max: 24},
			{name: "Country B", kind: textCol, max: 24},
			{name: "Kind", kind: textCol},
			{name: "PLOVER", kind: textCol},
			{name: "Status", kind: textCol},
			{name: "In period", kind: boolCol},
			{name: "Multilateral", kind: boolCol},
			{name: "Week", kind: textCol},
			{name: "Month", kind: dateCol},
			{name: "Title", kind: wrapCol, max: 50, field: "title"},
		},
		rows:  len(refs),
		event: func(i int) (*pipeline.Event, int) { return r.Events[refs[i].event], -1 },
		row: func(i int, v []any) {
			x := refs[i]
			e := r.Events[x.event]
			key := pairs[x.event][x.j]
			a, b, _ := strings.Cut(key, "-")
			copy(v, []any{
				e.ID, day{e.Date, e.DatePrecision}, key, r.CountryName(a), r.CountryName(b),
				kinds[e.Kind].Name, kinds[e.Kind].PLOVER, e.Status, cal.in[x.event], e.Multilateral(),
				cal.week[x.event], cal.monthCell(int(x.event)), e.Title,
			})
		},
	}
}

// eventCountriesTable is one row per event and country, in the Events
// sheet's Countries order (sorted codes).
func eventCountriesTable(r *pipeline.Report, cal *calendar) *table {
	sorted := make([][]string, len(r.Events))
	refs := eventRefs(len(r.Events), func(i int) int {
		sorted[i] = slices.Sorted(slices.Values(r.Events[i].Countries))
		return len(sorted[i])
	})
	return &table{
		sheet: "Event countries",
		name:  "EventCountries",
		cols: []column{
			eventIDColumn(),
			{name: "Date", kind: dateCol},
			{name: "Country", kind: textCol},
			{name: "Country name", kind: textCol, max: 30},
			{name: "Host", kind: boolCol},
			{name: "In period", kind: boolCol},
			{name: "Status", kind: textCol},
		},
		rows:  len(refs),
		event: func(i int) (*pipeline.Event, int) { return r.Events[refs[i].event], -1 },
		row: func(i int, v []any) {
			x := refs[i]
			e := r.Events[x.event]
			c := sorted[x.event][x.j]
			copy(v, []any{e.ID, day{e.Date, e.DatePrecision}, c, r.CountryName(c), c == e.Host, cal.in[x.event], e.Status})
		},
	}
}

// eventFocusAreasTable is one row per event and focus area, in the Events
// sheet's order: Focus area is the canonical name, As written the first
// spelling in the file, In taxonomy whether [focus_areas] lists it (an
// unknown area is kept as written, with a warning on Diagnostics).
func eventFocusAreasTable(r *pipeline.Report, cal *calendar) *table {
	refs := eventRefs(len(r.Events), func(i int) int { return len(r.Events[i].FocusAreas) })
	return &table{
		sheet: "Event focus areas",
		name:  "EventFocusAreas",
		cols: []column{
			eventIDColumn(),
			{name: "Date", kind: dateCol},
			{name: "Focus area", kind: textCol, max: 40, field: "focus_areas"},
			{name: "As written", kind: textCol, max: 40, field: "focus_areas"},
			{name: "In taxonomy", kind: boolCol},
			{name: "In period", kind: boolCol},
			{name: "Status", kind: textCol},
		},
		rows:  len(refs),
		event: func(i int) (*pipeline.Event, int) { return r.Events[refs[i].event], -1 },
		row: func(i int, v []any) {
			x := refs[i]
			e := r.Events[x.event]
			area := e.FocusAreas[x.j]
			// Events made without Normalize (tests) have no spellings.
			var written, known any = area, nil
			if int(x.j) < len(e.AreasWritten) {
				written, known = e.AreasWritten[x.j].Text, e.AreasWritten[x.j].Known
			}
			copy(v, []any{e.ID, day{e.Date, e.DatePrecision}, area, written, known, cal.in[x.event], e.Status})
		},
	}
}
