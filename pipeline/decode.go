package pipeline

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// Field names of event tables, in the order the schema documents them.
var (
	eventFields       = []string{"id", "date", "end_date", "date_precision", "title", "kind", "status", "countries", "host", "location", "focus_areas", "summary", "outcomes", "participants", "sources"}
	participantFields = []string{"name", "rank", "role", "organization", "country"}
	sourceFields      = []string{"title", "publisher", "url", "published", "reliability", "credibility"}
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// fields reads typed values out of one decoded TOML table, recording every
// problem with the best position the scanner found.
type fields struct {
	errs  *ErrorList
	sec   *section // where the table starts; nil when unknown
	file  string
	event string // event id or "#n"
	// list and idx make the field prefix of a table in a list, e.g.
	// "participants[2]."; it is only formatted for a message.
	list string
	idx  int
	m    map[string]any
}

// field is key's path from the event, e.g. "participants[2].name".
func (f *fields) field(key string) string {
	k := toml.Key{key}.String()
	if f.list == "" {
		return k
	}
	return f.list + "[" + strconv.Itoa(f.idx) + "]." + k
}

// pos returns the position of key's value, or the table header's line.
func (f *fields) pos(key string) Position {
	if f.sec != nil {
		if p, ok := f.sec.keys[key]; ok {
			return p
		}
		return Position{File: f.file, Line: f.sec.line}
	}
	return Position{File: f.file}
}

func (f *fields) fail(key, format string, args ...any) {
	// Keys are quoted as in TOML when they are not bare ("a\nb"), so that
	// an odd key in the input cannot split the message over lines.
	f.errs.Add(f.pos(key), f.event, f.field(key), format, args...)
}

// unknown reports keys the schema does not have, suggesting a close one.
func (f *fields) unknown(known []string) {
	all := true
	for k := range f.m {
		if !contains(known, k) {
			all = false
			break
		}
	}
	if all {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(f.m)) {
		if contains(known, k) {
			continue
		}
		if s := closest(k, known); s != "" {
			f.fail(k, "unknown field (did you mean %q?)", s)
		} else {
			f.fail(k, "unknown field; known fields: %s", strings.Join(known, ", "))
		}
	}
}

func (f *fields) str(key string, required bool) string {
	v, ok := f.m[key]
	if !ok {
		if required {
			f.fail(key, "required field is missing")
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		f.fail(key, "expected a string, found %s", describe(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		f.fail(key, "must not be empty")
	}
	return s
}

// oneOf reads an optional enumerated string, lower-cased.
func (f *fields) oneOf(key string, allowed []string, def string, required bool) string {
	s := f.str(key, required)
	if s == "" {
		return def
	}
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "" && required {
		return def // str has reported it: one message, not two
	}
	if !contains(allowed, v) {
		f.fail(key, "%q is not one of %s", s, strings.Join(allowed, ", "))
		return def
	}
	return v
}

func (f *fields) date(key string, required bool) time.Time {
	v, ok := f.m[key]
	if !ok {
		if required {
			f.fail(key, "required field is missing")
		}
		return time.Time{}
	}
	t, ok := v.(time.Time)
	if !ok {
		if s, isStr := v.(string); isStr {
			f.fail(key, "expected a TOML date like 2025-10-25 without quotes, found the string %q", s)
		} else {
			f.fail(key, "expected a TOML date like 2025-10-25, found %s", describe(v))
		}
		return time.Time{}
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if t.Location().String() != "date-local" {
		f.fail(key, "expected a date without time or offset like 2025-10-25, found %s", formatTime(t))
	} else if d.Before(MinDate) || d.After(MaxDate) {
		f.fail(key, "%s is outside the supported dates %s to %s (those a workbook can hold)", formatTime(t), MinDate.Format(time.DateOnly), MaxDate.Format(time.DateOnly))
		return time.Time{}
	}
	return d
}

// MinDate and MaxDate bound every date of an event. Excel's dates (in its
// default 1900 date system) run from 1900-01-01 to 9999-12-31; an earlier
// one was written to the workbook as text, and 0001-01-01 is time.Time's
// zero, which the pipeline reads as "no date", so such events vanished.
var (
	MinDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxDate = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

func (f *fields) strings(key string) []string {
	v, ok := f.m[key]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		f.fail(key, "expected an array of strings, found %s", describe(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, x := range arr {
		s, ok := x.(string)
		if !ok {
			f.fail(key, "element %d: expected a string, found %s", i+1, describe(x))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (f *fields) integer(key string) (int, bool) {
	v, ok := f.m[key]
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		f.fail(key, "expected an integer, found %s", describe(v))
		return 0, false
	}
	return int(n), true
}

// tables reads an array of tables such as participants.
func (f *fields) tables(key string) []map[string]any {
	v, ok := f.m[key]
	if !ok {
		return nil
	}
	switch t := v.(type) {
	case []map[string]any:
		return t
	case []any:
		out := make([]map[string]any, 0, len(t))
		for i, x := range t {
			m, ok := x.(map[string]any)
			if !ok {
				f.fail(key, "element %d: expected a table, found %s", i+1, describe(x))
				continue
			}
			out = append(out, m)
		}
		return out
	}
	header := "event." + key
	if f.event == "" { // the top level of an event file
		header = key
	}
	f.fail(key, "expected an array of tables ([[%s]]), found %s", header, describe(v))
	return nil
}

// at returns a section for tables written inline under key (participants =
// [{...}]): it has the key's line and no keys of its own, so that lookups
// never find a same-named key of the enclosing table.
func (f *fields) at(key string) *section {
	if f.sec == nil {
		return nil
	}
	return &section{name: key, line: f.pos(key).Line}
}

// formatTime shows a TOML date/time value as it was written.
func formatTime(t time.Time) string {
	switch t.Location().String() {
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	case "time-local":
		return t.Format("15:04:05.999999999")
	case "date-local":
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

// describe names a decoded TOML value's type for messages.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("a string (%q)", clip(x))
	case int64:
		return fmt.Sprintf("an integer (%d)", x)
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEnN") {
			s += ".0" // 3.0, not 3, which reads like the integer that was expected
		}
		return fmt.Sprintf("a float (%s)", s)
	case bool:
		return fmt.Sprintf("a boolean (%t)", x)
	case time.Time:
		return fmt.Sprintf("a date/time (%s)", formatTime(x))
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// decodeEvent turns one [[event]] table into an Event, recording problems.
// idx is the event's 1-based index in its file, used when it has no id.
func decodeEvent(m map[string]any, idx int, file string, sec *section, subs map[string][]*section, countries *country.Table, errs *ErrorList) *Event {
	f := &fields{errs: errs, sec: sec, file: file, m: m}
	e := &Event{Pos: Position{File: file}}
	if sec != nil {
		e.Pos.Line = sec.line
	}
	if id, ok := m["id"].(string); ok && id != "" {
		f.event = id
	} else {
		f.event = "#" + strconv.Itoa(idx)
	}
	e.ID = f.str("id", true)
	if e.ID != "" && !validID(e.ID) {
		f.fail("id", "%q must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and hyphens)", e.ID)
	}
	f.unknown(eventFields)
	e.Date = f.date("date", true)
	e.EndDate = f.date("end_date", false)
	if !e.Date.IsZero() && !e.EndDate.IsZero() && e.EndDate.Before(e.Date) {
		f.fail("end_date", "%s is before date %s", e.EndDate.Format(time.DateOnly), e.Date.Format(time.DateOnly))
	}
	e.DatePrecision = f.oneOf("date_precision", Precisions, "day", false)
	e.Title = strings.TrimSpace(f.str("title", true))
	e.Kind, _ = KindNamed(f.oneOf("kind", kindNames, "", true))
	e.Status = f.oneOf("status", Statuses, "held", false)

	_, arr := f.m["countries"].([]any)
	unknown := 0
	for _, c := range f.strings("countries") {
		code := strings.ToUpper(strings.TrimSpace(c))
		if !countries.Known(code) {
			f.fail("countries", "%s", unknownCode(c, countries))
			unknown++
			continue
		}
		if !contains(e.Countries, code) {
			e.Countries = append(e.Countries, code)
		}
	}
	if _, ok := f.m["countries"]; !ok {
		f.fail("countries", "required field is missing")
	} else if arr && unknown == 0 && len(e.Countries) < 2 {
		// Unknown codes are reported already; one typo gives one message.
		f.fail("countries", "needs at least 2 distinct countries, found %d", len(e.Countries))
	}
	if h := f.str("host", false); h != "" {
		e.Host = strings.ToUpper(strings.TrimSpace(h))
		if !contains(e.Countries, e.Host) {
			f.fail("host", "%q is not one of the event's countries (%s)", h, strings.Join(e.Countries, ", "))
		}
	}
	e.Location = strings.TrimSpace(f.str("location", false))
	e.FocusAreas = f.strings("focus_areas")
	e.Summary = strings.TrimSpace(f.str("summary", false))
	e.Outcomes = f.strings("outcomes")

	ptables := f.tables("participants")
	if len(ptables) > 0 {
		e.Participants = make([]Participant, 0, len(ptables))
	}
	for i, pm := range ptables {
		pf := &fields{errs: errs, sec: f.nth(subs, "participants", i), file: file, m: pm, event: f.event, list: "participants", idx: i + 1}
		pf.unknown(participantFields)
		p := Participant{
			Name:         pf.str("name", true),
			Rank:         strings.TrimSpace(pf.str("rank", false)),
			Role:         strings.TrimSpace(pf.str("role", false)),
			Organization: strings.TrimSpace(pf.str("organization", false)),
		}
		if c := pf.str("country", false); c != "" {
			p.Country = strings.ToUpper(strings.TrimSpace(c))
			if !countries.Known(p.Country) {
				pf.fail("country", "%s", unknownCode(c, countries))
			}
		}
		e.Participants = append(e.Participants, p)
	}
	stables := f.tables("sources")
	if len(stables) > 0 {
		e.Sources = make([]Source, 0, len(stables))
	}
	for i, sm := range stables {
		sf := &fields{errs: errs, sec: f.nth(subs, "sources", i), file: file, m: sm, event: f.event, list: "sources", idx: i + 1}
		sf.unknown(sourceFields)
		s := Source{
			Title:     strings.TrimSpace(sf.str("title", false)),
			Publisher: strings.TrimSpace(sf.str("publisher", false)),
			URL:       strings.TrimSpace(sf.str("url", false)),
			Published: sf.date("published", false),
		}
		if s.URL != "" {
			if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				sf.fail("url", "%q is not an absolute http(s) URL", s.URL)
			}
		}
		if s.Title == "" && s.URL == "" && s.Publisher == "" {
			sf.fail("title", "a source needs at least a title, publisher or url")
		}
		if r := sf.str("reliability", false); r != "" {
			s.Reliability = strings.ToUpper(strings.TrimSpace(r))
			if len(s.Reliability) != 1 || s.Reliability[0] < 'A' || s.Reliability[0] > 'F' {
				sf.fail("reliability", "%q is not an admiralty reliability grade A–F", r)
				s.Reliability = ""
			}
		}
		if n, ok := sf.integer("credibility"); ok {
			if n < 1 || n > 6 {
				sf.fail("credibility", "%d is not an admiralty credibility grade 1–6", n)
			} else {
				s.Credibility = n
			}
		}
		e.Sources = append(e.Sources, s)
	}
	return e
}

func unknownCode(c string, countries *country.Table) string {
	msg := fmt.Sprintf("%q is not an ISO 3166-1 alpha-3 code", c)
	if s := countries.Suggest(strings.TrimSpace(c)); len(s) > 0 {
		msg += " (did you mean " + OrList(s) + "?)"
	} else {
		msg += " or a code from [countries] in the config"
	}
	return msg
}

// nth returns the section of the i-th table of list (from 0), or, for
// tables written inline, a section at the list's key (see at).
func (f *fields) nth(subs map[string][]*section, list string, i int) *section {
	if secs := subs[list]; i < len(secs) {
		return secs[i]
	}
	return f.at(list)
}

// validID reports whether id matches idPattern, [a-z0-9][a-z0-9-]*,
// without the regular expression machinery: it runs for every event.
func validID(id string) bool {
	if id == "" || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest returns the candidate within edit distance 2 of s, or "": the
// known field a misspelt key meant, or the focus area an unknown one did.
// Both are compared folded (case, spaces, Unicode form), as names match.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	s = fold(s)
	for _, c := range candidates {
		if d := editDistance(s, fold(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Closest returns every candidate at the smallest edit distance from s,
// if that is at most 2, in the candidates' order: what a misspelt
// command, flag or config key meant. Compared as closest compares.
func Closest(s string, candidates []string) []string {
	var out []string
	bestD := 3
	s = fold(s)
	for _, c := range candidates {
		switch d := editDistance(s, fold(c)); {
		case d < bestD:
			out, bestD = []string{c}, d
		case d == bestD && d < 3:
			out = append(out, c)
		}
	}
	return out
}

// OrList quotes xs for a "did you mean" message: "a", "b" or "c".
func OrList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
