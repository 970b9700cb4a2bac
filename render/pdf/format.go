package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-tool/briefing/pipeline"
)

// Dates are civil dates; the briefing spells months out in headings and
// abbreviates them in tables.

// day formats a date as "25 Oct 2025".
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// eventDate formats an event's date as precisely as it is known:
// "25 Oct 2025", "February 2023" or "2023"; a multi-day event as
// "25–26 Oct 2025" or "30 Oct – 2 Nov 2025".
func eventDate(e *pipeline.Event) string {
	d := e.Date
	switch e.DatePrecision {
	case "year":
		return d.Format("2006")
	case "month":
		return d.Format("January 2006")
	}
	end := e.EndDate
	if end.IsZero() || !end.After(d) {
		return day(d)
	}
	switch {
	case d.Year() != end.Year():
		return day(d) + " – " + day(end)
	case d.Month() != end.Month():
		return d.Format("2 Jan") + " – " + day(end)
	}
	return fmt.Sprintf("%d–%s", d.Day(), day(end))
}

// when is eventDate with the preposition a sentence needs.
func when(e *pipeline.Event) string {
	if e.DatePrecision == "year" || e.DatePrecision == "month" {
		return "in " + eventDate(e)
	}
	return "on " + eventDate(e)
}

// plural writes a count with its noun: "1 event", "3 events".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// kindLabel is a kind for a table cell: "Meeting".
func kindLabel(kinds []pipeline.KindInfo, k pipeline.Kind) string {
	if int(k) < len(kinds) {
		return kinds[k].Label
	}
	return k.String()
}

// kindCounts lists the non-zero counts, in the table's order: "2 meetings,
// 1 agreement and 1 statement".
func kindCounts(kinds []pipeline.KindInfo, c pipeline.KindCounts) string {
	var parts []string
	for i, k := range kinds {
		if n := c.Of(pipeline.Kind(i)); n > 0 {
			parts = append(parts, plural(n, k.Singular, k.Plural))
		}
	}
	return list(parts)
}

// list joins items the way a sentence does: "A", "A and B", "A, B and C".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// inline lower-cases the first letter of a name for use inside a sentence
// ("Border security" → "border security") unless the first word looks like
// an acronym or a proper name with inner capitals ("NATO", "OSCE").
func inline(s string) string {
	first, _, _ := strings.Cut(s, " ")
	upper := 0
	for _, r := range first {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper != 1 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// change shows a change against the previous period with an arrow that
// survives black-and-white printing: "▲ +2", "▼ −1", "= 0".
func change(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("▲ +%d", n)
	case n < 0:
		return fmt.Sprintf("▼ −%d", -n)
	}
	return "= 0"
}

// citations formats citation numbers as "[1,2]".
func citations(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(s, ",") + "]"
}

// generated formats the generation time in its own zone:
// "27 October 2025, 09:00 (Asia/Tbilisi, UTC+04:00)".
func generated(t time.Time) string {
	zone := t.Location().String()
	off := t.Format("-07:00")
	if zone == "UTC" {
		return t.Format("2 January 2006, 15:04") + " UTC"
	}
	return t.Format("2 January 2006, 15:04") + " (" + zone + ", UTC" + off + ")"
}

func lowerString(s string) string { return strings.ToLower(s) }
