package pipeline

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// EditionSchema is the manifest's schema version: 2 added the events'
// digests (an edition); a manifest without "schema" is version 1. Any
// change to the canonical form or the digests must raise it: digests made
// two ways would show every event as amended.
const EditionSchema = 2

// Edition is what a build said, event by event: the events of its scope
// (Report.Covers: the period, the previous period, Upcoming), each with a
// digest of its canonical form. The manifest stores it; Compare compares
// two, so `briefing diff` needs nothing but two manifests.
type Edition struct {
	Period        string   // period id
	Label         string   // the period's label
	Previous      string   // previous period's id, "" for all
	PreviousLabel string   // its label
	Filters       []string // Report.Filters: the pairs shown
	Events        []EditionEvent
}

// EditionEvent is one event of an edition. Date, kind, status, countries
// and grades are kept as values, since a change of them is shown as
// before → after; the other fields only as short digests (Fields), enough
// to name what changed.
type EditionEvent struct {
	ID        string   `json:"id"`
	Period    string   `json:"period"` // the period of the report's kind holding Date
	Date      string   `json:"date"`   // canonicalDate
	Kind      string   `json:"kind"`
	Status    string   `json:"status"`
	Countries []string `json:"countries"` // sorted
	Grades    string   `json:"grades,omitempty"`
	// SHA256 digests the whole canonical form: the values above, then
	// the SHA-256 of each part of digestFields.
	SHA256 string `json:"sha256"`
	// Fields holds 8-hex-digit digests of the participants, focus areas,
	// sources (without grades) and the rest (title, host, location,
	// summary, outcomes), in that order, separated by spaces.
	Fields string `json:"fields"`
}

// digestFields names the parts of EditionEvent.Fields, in order.
var digestFields = []string{"participants", "focus areas", "sources", "text"}

// NewEdition makes the edition of report r from the loaded events: those r
// covers, by id. Linear in the events, with a few allocations per covered
// event (the digests stream through one buffer).
func NewEdition(r *Report, events []*Event) *Edition {
	ed := &Edition{Period: r.Period.ID, Label: r.Period.Label, Previous: r.Previous.ID, PreviousLabel: r.Previous.Label,
		Filters: slices.Clone(r.Filters)}
	d := &digester{whole: sha256.New()}
	for _, e := range events {
		if !r.Covers(e) {
			continue
		}
		ed.Events = append(ed.Events, d.event(r, e))
	}
	slices.SortFunc(ed.Events, func(a, b EditionEvent) int { return strings.Compare(a.ID, b.ID) })
	return ed
}

// digester makes events' digests through one reused buffer.
type digester struct {
	whole hash.Hash // the whole canonical form
	buf   []byte    // one part's canonical form
	idx   []int
	strs  []string
}

// str appends s, length-prefixed: no two forms run together, whatever
// the strings hold.
func (d *digester) str(s string) {
	d.buf = binary.AppendUvarint(d.buf, uint64(len(s)))
	d.buf = append(d.buf, s...)
}

// part ends one part: its short digest goes to fields, its whole
// SHA-256 to the event's (so each byte is hashed once).
func (d *digester) part(fields []byte) []byte {
	sum := sha256.Sum256(d.buf)
	d.whole.Write(sum[:])
	d.buf = d.buf[:0]
	if len(fields) > 0 {
		fields = append(fields, ' ')
	}
	return hex.AppendEncode(fields, sum[:4])
}

// sorted returns the indexes 0..n-1 ordered by less, in a reused slice.
func (d *digester) sorted(n int, cmp func(i, j int) int) []int {
	d.idx = d.idx[:0]
	for i := range n {
		d.idx = append(d.idx, i)
	}
	slices.SortFunc(d.idx, cmp)
	return d.idx
}

// event is e's edition entry. The canonical form is e after Normalize,
// with lists sorted where order carries no meaning (countries, focus
// areas, participants, sources; outcomes keep theirs): nothing of the
// file that holds the event, its comments, its key order or its position.
func (d *digester) event(r *Report, e *Event) EditionEvent {
	p := r.Period
	switch {
	case p.Contains(e.Date):
	case !r.Previous.IsZero() && r.Previous.Contains(e.Date):
		p = r.Previous
	case p.Kind == period.Range:
		p = period.Period{ID: "upcoming"}
	default:
		p = period.ForDate(p.Kind, e.Date)
	}
	ee := EditionEvent{ID: e.ID, Period: p.ID, Date: canonicalDate(e), Kind: e.Kind.String(), Status: e.Status,
		Countries: slices.Sorted(slices.Values(e.Countries))}
	d.strs = d.strs[:0]
	for _, s := range e.Sources {
		if g := s.Grade(); g != "" {
			d.strs = append(d.strs, g)
		}
	}
	slices.Sort(d.strs)
	ee.Grades = strings.Join(d.strs, " ")

	// The values kept as such, then each part of digestFields.
	d.whole.Reset()
	d.str(ee.Date)
	d.str(ee.Kind)
	d.str(ee.Status)
	for _, c := range ee.Countries {
		d.str(c)
	}
	d.str(ee.Grades)
	d.whole.Write(d.buf)
	d.buf = d.buf[:0]

	var fields []byte
	ps := e.Participants
	for _, i := range d.sorted(len(ps), func(i, j int) int {
		a, b := ps[i], ps[j]
		return cmpStrings(a.Name, b.Name, a.Rank, b.Rank, a.Role, b.Role, a.Organization, b.Organization, a.Country, b.Country)
	}) {
		d.str(ps[i].Name)
		d.str(ps[i].Rank)
		d.str(ps[i].Role)
		d.str(ps[i].Organization)
		d.str(ps[i].Country)
	}
	fields = d.part(make([]byte, 0, 4*9))

	d.strs = append(d.strs[:0], e.FocusAreas...)
	slices.Sort(d.strs)
	for _, a := range d.strs {
		d.str(a)
	}
	fields = d.part(fields)

	ss := e.Sources
	pub := func(s Source) string {
		if s.Published.IsZero() {
			return ""
		}
		return s.Published.Format(time.DateOnly)
	}
	for _, i := range d.sorted(len(ss), func(i, j int) int {
		a, b := ss[i], ss[j]
		if c := cmpStrings(a.Title, b.Title, a.Publisher, b.Publisher, a.URL, b.URL); c != 0 {
			return c
		}
		return a.Published.Compare(b.Published)
	}) {
		d.str(ss[i].Title)
		d.str(ss[i].Publisher)
		d.str(ss[i].URL)
		d.str(pub(ss[i]))
	}
	fields = d.part(fields)

	d.str(e.Title)
	d.str(e.Host)
	d.str(e.Location)
	d.str(e.Summary)
	for _, o := range e.Outcomes {
		d.str(o)
	}
	fields = d.part(fields)

	var sum [sha256.Size]byte
	ee.SHA256 = hex.EncodeToString(d.whole.Sum(sum[:0]))
	ee.Fields = string(fields)
	return ee
}

// cmpStrings compares pairs of strings in turn: (a0, b0), then (a1, b1)...
func cmpStrings(ab ...string) int {
	for i := 0; i+1 < len(ab); i += 2 {
		if c := strings.Compare(ab[i], ab[i+1]); c != 0 {
			return c
		}
	}
	return 0
}

// canonicalDate is an event's date as the edition compares it: its first
// day at its precision ("2025-10", "2025"), then "/" and its last day when
// it has one.
func canonicalDate(e *Event) string {
	var s string
	switch e.DatePrecision {
	case "month":
		s = e.Date.Format("2006-01")
	case "year":
		s = e.Date.Format("2006")
	default:
		s = e.Date.Format(time.DateOnly)
	}
	if !e.EndDate.IsZero() {
		s += "/" + e.EndDate.Format(time.DateOnly)
	}
	return s
}

// Changes is what changed between two editions of the same or consecutive
// periods (Compare).
type Changes struct {
	// Against is the earlier edition's period id, AgainstLabel its label,
	// AgainstSHA256 the SHA-256 of its manifest.
	Against, AgainstLabel, AgainstSHA256 string
	// Periods are the periods both editions counted (their period and
	// previous period), the ones compared, in order.
	Periods []string
	// List is every change, the most significant first.
	List                    []Change
	Added, Removed, Amended int
	// Moves are the pairs whose held events in a compared period changed
	// in number, by period, then pair.
	Moves []PairMove
}

// Empty reports whether there is no change to show.
func (c *Changes) Empty() bool { return c == nil || len(c.List) == 0 && len(c.Moves) == 0 }

// Change is one event added, removed or amended.
type Change struct {
	Change string // "added", "removed" or "amended"
	ID     string
	Date   string // the event's date now (before, when removed)
	Period string // the period of Date
	Kind   string
	Title  string   // the event's title when the loaded events have it (build), else ""
	Pairs  []string // the pairs shown it counts for
	Fields []string // amended: which fields changed (date, kind, status, countries, participants, focus areas, sources, grades, text)
	Before string   // the changed fields' earlier values ("" when added)
	After  string   // their values now ("" when removed)
	// Deltas are the fields kept as values that changed, each "date
	// 2025-10-14 → 2025-10-18"; the other fields of Fields are named only.
	Deltas []string

	countries int // how many countries the event has, for rankChanges
}

// What is an amended change in words: "date 2025-10-14 → 2025-10-18,
// participants".
func (c Change) What() string {
	var parts []string
	for _, f := range c.Fields {
		d := f
		for _, x := range c.Deltas {
			if strings.HasPrefix(x, f+" ") {
				d = x
			}
		}
		parts = append(parts, d)
	}
	return strings.Join(parts, ", ")
}

// PairMove is one pair's count of held events in one period, before and after.
type PairMove struct {
	Pair          string
	Period        string
	Label         string // the period's short label ("Week 42")
	Before, After int
}

// String is "AZE-GEO, Week 42: 3 → 4 events".
func (m PairMove) String() string {
	unit := "events"
	if m.After == 1 {
		unit = "event"
	}
	return fmt.Sprintf("%s, %s: %d → %d %s", m.Pair, m.Label, m.Before, m.After, unit)
}

// ShortLabel is a period label without its dates: "Week 42 · 13–19
// October 2025" → "Week 42".
func ShortLabel(label string) string {
	s, _, _ := strings.Cut(label, " · ")
	return s
}

// Compare compares edition old with cur. It looks at the periods both
// counted (each edition's period and previous period): an event dated in
// them in either edition and missing from old is added (a late report),
// missing from cur removed, and one whose digest differs amended. Events
// only in the Upcoming window, or in a period one of the two did not
// count, are news rather than revisions and are left out. Linear in the
// events of the two editions (plus a sort of the changes).
func Compare(old, cur *Edition) *Changes {
	counted := func(e *Edition) []string {
		ps := []string{e.Period}
		if e.Previous != "" {
			ps = append(ps, e.Previous)
		}
		return ps
	}
	ch := &Changes{Against: old.Period, AgainstLabel: old.Label}
	labels := map[string]string{old.Period: old.Label, cur.Period: cur.Label}
	if old.Previous != "" {
		labels[old.Previous] = old.PreviousLabel
	}
	if cur.Previous != "" {
		labels[cur.Previous] = cur.PreviousLabel
	}
	for _, p := range counted(old) {
		if slices.Contains(counted(cur), p) && !slices.Contains(ch.Periods, p) {
			ch.Periods = append(ch.Periods, p)
		}
	}
	slices.Sort(ch.Periods)
	in := func(p string) bool { return slices.Contains(ch.Periods, p) }
	oldScope, curScope := newScope(old.Filters), newScope(cur.Filters)

	// Both lists are sorted by id: one merge.
	type count struct{ pair, period string }
	before, after := map[count]int{}, map[count]int{}
	tally := func(m map[count]int, e *EditionEvent, s *scope) {
		if e.Status == "held" && in(e.Period) {
			for _, p := range editionPairs(e, s) {
				m[count{p, e.Period}]++
			}
		}
	}
	i, j := 0, 0
	for i < len(old.Events) || j < len(cur.Events) {
		var o, n *EditionEvent
		switch {
		case j == len(cur.Events) || i < len(old.Events) && old.Events[i].ID < cur.Events[j].ID:
			o = &old.Events[i]
			i++
		case i == len(old.Events) || cur.Events[j].ID < old.Events[i].ID:
			n = &cur.Events[j]
			j++
		default:
			o, n = &old.Events[i], &cur.Events[j]
			i, j = i+1, j+1
		}
		if o != nil {
			tally(before, o, oldScope)
		}
		if n != nil {
			tally(after, n, curScope)
		}
		switch {
		case o == nil && in(n.Period):
			ch.List = append(ch.List, Change{Change: "added", ID: n.ID, Date: n.Date, Period: n.Period, Kind: n.Kind,
				Pairs: editionPairs(n, curScope), After: describeEdition(n), countries: len(n.Countries)})
			ch.Added++
		case n == nil && in(o.Period):
			ch.List = append(ch.List, Change{Change: "removed", ID: o.ID, Date: o.Date, Period: o.Period, Kind: o.Kind,
				Pairs: editionPairs(o, oldScope), Before: describeEdition(o), countries: len(o.Countries)})
			ch.Removed++
		case o != nil && n != nil && o.SHA256 != n.SHA256 && (in(o.Period) || in(n.Period)):
			c := Change{Change: "amended", ID: n.ID, Date: n.Date, Period: n.Period, Kind: n.Kind, Pairs: editionPairs(n, curScope),
				countries: len(n.Countries)}
			c.Fields, c.Deltas, c.Before, c.After = amended(o, n)
			ch.List = append(ch.List, c)
			ch.Amended++
		}
	}
	for _, p := range ch.Periods {
		var pairs []string
		for k := range before {
			if k.period == p {
				pairs = append(pairs, k.pair)
			}
		}
		for k := range after {
			if k.period == p && before[k] == 0 {
				pairs = append(pairs, k.pair)
			}
		}
		slices.Sort(pairs)
		for _, pair := range pairs {
			k := count{pair, p}
			if before[k] != after[k] {
				ch.Moves = append(ch.Moves, PairMove{Pair: pair, Period: p, Label: ShortLabel(labels[p]), Before: before[k], After: after[k]})
			}
		}
	}
	rankChanges(ch.List)
	return ch
}

// editionPairs are the pairs of e's countries that scope s shows.
func editionPairs(e *EditionEvent, s *scope) []string {
	var keys []string
	forEachPair(e.Countries, func(a, b string) {
		if s.has(a, b) {
			keys = append(keys, PairKey(a, b))
		}
	})
	slices.Sort(keys)
	return keys
}

// describeEdition is an added or removed event in a cell: "held meeting,
// AZE GEO, grades B2".
func describeEdition(e *EditionEvent) string {
	s := e.Status + " " + e.Kind + ", " + strings.Join(e.Countries, " ")
	if e.Grades != "" {
		s += ", grades " + e.Grades
	}
	return s
}

// amended names the fields that differ between o and n, with their values
// before and after ("date: 2025-10-14"; a field kept as a digest reads
// "changed").
func amended(o, n *EditionEvent) (fields, deltas []string, before, after string) {
	var bs, as []string
	add := func(name, b, a string) {
		if b != a {
			fields = append(fields, name)
			deltas = append(deltas, name+" "+orNone(b)+" → "+orNone(a))
			bs = append(bs, name+": "+orNone(b))
			as = append(as, name+": "+orNone(a))
		}
	}
	add("date", o.Date, n.Date)
	add("kind", o.Kind, n.Kind)
	add("status", o.Status, n.Status)
	add("countries", strings.Join(o.Countries, " "), strings.Join(n.Countries, " "))
	of, nf := strings.Fields(o.Fields), strings.Fields(n.Fields)
	for k, name := range digestFields {
		if k < len(of) && k < len(nf) && of[k] != nf[k] {
			fields = append(fields, name)
		}
	}
	add("grades", o.Grades, n.Grades)
	if len(fields) == 0 {
		fields = []string{"text"} // same parts, different digest: a form this version does not split
	}
	return fields, deltas, strings.Join(bs, "; "), strings.Join(as, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// rankChanges orders changes as key developments are ranked
// (RankKeyDevelopments): agreements, then multilateral events, then by
// kind weight, number of countries, newest first; then id.
func rankChanges(list []Change) {
	weight := func(c Change) (tier, w int) {
		k, ok := KindNamed(c.Kind)
		if ok {
			w = builtinKinds[k].Weight
		}
		switch {
		case c.Kind == "agreement":
			tier = 0
		case c.countries >= 3: // multilateral
			tier = 1
		default:
			tier = 2
		}
		return tier, w
	}
	slices.SortStableFunc(list, func(a, b Change) int {
		ta, wa := weight(a)
		tb, wb := weight(b)
		switch {
		case ta != tb:
			return ta - tb
		case wa != wb:
			return wb - wa
		case a.countries != b.countries:
			return b.countries - a.countries
		case a.Date != b.Date:
			return strings.Compare(b.Date, a.Date)
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// ManifestError is a manifest that cannot be compared with: not a
// manifest, corrupt, or of a schema without digests. It is bad input
// (exit 2), found before anything is written.
type ManifestError struct {
	Path string
	Msg  string
	// Missing: there is no such file; OldSchema: a manifest of schema 1.
	Missing, OldSchema bool
}

func (e *ManifestError) Error() string { return e.Path + ": " + e.Msg }
