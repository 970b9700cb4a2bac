// Package importer turns tables of events from elsewhere (any CSV or XLSX
// described by a mapping file, the ICEWS and GDELT 2.0 event exports) into
// event files in the SPEC's TOML format, grouped by ISO week, so that the
// curated TOML stays the one validated layer: `briefing check --strict`
// and `briefing build` read the imported files like hand-written ones.
//
// A run reads every row (streaming, one row in memory at a time), turns
// each into a record or counts why it could not, merges the records that
// describe the same event (same date, same set of countries, same kind)
// into one event with every distinct source, and writes the weeks'
// files atomically: all are written to temporary files first and renamed
// only when every one is written, so a failure leaves the old files.
//
// It is not a stable API: it serves the briefing command and changes with
// it, without notice.
package importer

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/country"
)

// Formats are the formats `briefing import` reads.
var Formats = []string{"csv", "gdelt", "icews"}

// Options is one import.
type Options struct {
	Format    string
	Files     []string // as given on the command line
	OutDir    string   // where the week files go
	Countries []string // codes: keep events involving any of them (empty: all)
	Since     time.Time
	Until     time.Time // inclusive; zero: no bound
	Strict    bool      // any bad row is an error: nothing is written
	Force     bool      // overwrite files edited since they were written
	Version   string    // the tool's version, for the files' header
	Table     *country.Table
	Map       *Mapping // csv: the mapping file
	Sheet     string   // csv from .xlsx: the sheet (default: the first)
}

// Record is one row as an event, before de-duplication.
type Record struct {
	NativeID     string // the source's own id, or ""
	Date, End    time.Time
	Kind         string
	Status       string // "" is held
	Title        string
	Countries    []string // resolved codes, distinct, in the order found
	Host         string
	Location     string
	Summary      string
	Participants []Participant
	Sources      []Source
}

// Participant is a person of a record.
type Participant struct {
	Name, Rank, Role, Organization, Country string
}

// Source is a reference of a record.
type Source struct {
	Title, Publisher, URL string
	Published             time.Time
	Reliability           string
	Credibility           int
}

// Problem is a row that could not be used.
type Problem struct {
	Pos    pipeline.Position
	Column string // the column's name, when one is to blame
	Reason string // the category the summary counts by
	Msg    string
}

func (p Problem) String() string {
	s := p.Pos.String() + ": "
	if p.Column != "" {
		s += "column " + p.Column + ": "
	}
	return s + p.Msg
}

// MaxShown is how many bad rows are reported in full.
const MaxShown = 20

// Result says what an import did.
type Result struct {
	Rows   int // data rows read
	Used   int // rows that became (part of) an event
	Events int // events after de-duplication
	// MergedRows rows became MergedEvents events that each have more
	// than one row.
	MergedRows, MergedEvents int
	Skipped                  map[string]int // rows left out on purpose, by reason
	BadCount                 map[string]int // rows that could not be used, by reason
	Bad                      []Problem      // the first MaxShown of them
	Bads                     int
	// Unresolved counts the country names or codes no table or alias
	// knows, with the first rows they occur in.
	Unresolved map[string]*Unresolved
	Written    []string // files written (new or changed)
	Unchanged  []string // files whose bytes were already right
}

// Unresolved is a country name nothing resolved.
type Unresolved struct {
	Count int
	Rows  []pipeline.Position // the first few
}

// event is a merged record.
type event struct {
	Record
	key  string
	rows int
	id   string
	seen map[string]bool // source keys, once there are many sources
}

// collector receives the rows of every file.
type collector struct {
	opt    *Options
	res    *Result
	events map[string]*event
	rsv    *Resolver
}

// resolver resolves country names through the options' table.
func (c *collector) resolver() *Resolver {
	if c.rsv == nil {
		c.rsv = NewResolver(c.opt.Table)
	}
	return c.rsv
}

func (c *collector) skip(reason string) { c.res.Skipped[reason]++ }

func (c *collector) bad(p Problem) {
	c.res.Bads++
	c.res.BadCount[p.Reason]++
	if len(c.res.Bad) < MaxShown {
		c.res.Bad = append(c.res.Bad, p)
	}
}

// unresolved records a country nothing resolved; the row counts as bad.
func (c *collector) unresolved(name string, pos pipeline.Position, column string) {
	u := c.res.Unresolved[name]
	if u == nil {
		u = &Unresolved{}
		c.res.Unresolved[name] = u
	}
	u.Count++
	if len(u.Rows) < 5 {
		u.Rows = append(u.Rows, pos)
	}
	c.bad(Problem{Pos: pos, Column: column, Reason: "unresolved country", Msg: fmt.Sprintf("%q is not a known country name or code", name)})
}

// add filters a record and merges it into the event it describes.
func (c *collector) add(r *Record) {
	if !c.opt.Since.IsZero() && r.Date.Before(c.opt.Since) {
		c.skip("before --since")
		return
	}
	if !c.opt.Until.IsZero() && r.Date.After(c.opt.Until) {
		c.skip("after --until")
		return
	}
	if len(c.opt.Countries) > 0 && !slices.ContainsFunc(r.Countries, func(s string) bool { return slices.Contains(c.opt.Countries, s) }) {
		c.skip("not involving --country")
		return
	}
	c.res.Used++
	key := eventKey(r)
	e := c.events[key]
	if e == nil {
		c.events[key] = &event{Record: *r, key: key, rows: 1}
		return
	}
	e.rows++
	if r.End.After(e.End) {
		e.End = r.End
	}
	for _, s := range r.Sources {
		if e.seen == nil {
			// A GDELT event can gather thousands of articles: past a few,
			// look sources up in a set rather than the list.
			if !slices.ContainsFunc(e.Sources, func(x Source) bool { return sourceKey(x) == sourceKey(s) }) {
				e.Sources = append(e.Sources, s)
			}
			if len(e.Sources) > 8 {
				e.seen = make(map[string]bool, 2*len(e.Sources))
				for _, x := range e.Sources {
					e.seen[sourceKey(x)] = true
				}
			}
			continue
		}
		if k := sourceKey(s); !e.seen[k] {
			e.seen[k] = true
			e.Sources = append(e.Sources, s)
		}
	}
	for _, p := range r.Participants {
		if !slices.ContainsFunc(e.Participants, func(x Participant) bool {
			return strings.EqualFold(x.Name, p.Name) && x.Country == p.Country
		}) {
			e.Participants = append(e.Participants, p)
		}
	}
	if e.Summary == "" {
		e.Summary = r.Summary
	}
	if e.Location == "" {
		e.Location = r.Location
	}
}

// eventKey is what makes two rows the same event: the date, the kind and
// the set of countries (in any order).
func eventKey(r *Record) string {
	cs := slices.Clone(r.Countries)
	slices.Sort(cs)
	return r.Date.Format("20060102") + "|" + r.Kind + "|" + strings.Join(cs, ",")
}

// sourceKey is what makes two sources one: the URL, else the title and
// publisher (ignoring case).
func sourceKey(s Source) string {
	if s.URL != "" {
		return s.URL // no copy: the set shares the source's string
	}
	// Starts with a NUL, which no URL does.
	return "\x00" + strings.ToLower(s.Title) + "\x00" + strings.ToLower(s.Publisher)
}

// input is one file given to import, read whole for its checksum only
// when it is small; large files are hashed while they stream.
type input struct {
	path   string
	sha256 string
}

// reader reads one file's rows into the collector.
type reader func(c *collector, path string, r io.Reader) error

// Run imports opt.Files. A returned pipeline.ErrorList is bad input (exit
// 1: nothing was written); any other error is a failure to write.
func Run(opt *Options) (*Result, error) {
	res := &Result{Skipped: map[string]int{}, BadCount: map[string]int{}, Unresolved: map[string]*Unresolved{}}
	c := &collector{opt: opt, res: res, events: map[string]*event{}}
	var read reader
	switch opt.Format {
	case "csv":
		if opt.Map == nil {
			return nil, fmt.Errorf("csv needs a mapping file (--map)")
		}
		read = opt.Map.read
	case "gdelt":
		read = readGDELT
	case "icews":
		read = readICEWS
	default:
		return nil, fmt.Errorf("unknown format %q; formats: %s", opt.Format, strings.Join(Formats, ", "))
	}
	var inputs []input
	var errs pipeline.ErrorList
	for _, path := range opt.Files {
		sum, err := readFile(c, read, path)
		if err != nil {
			var list pipeline.ErrorList
			if asList(err, &list) {
				errs = append(errs, list...)
				continue
			}
			errs.Add(pipeline.Position{File: path}, "", "", "%v", err)
			continue
		}
		inputs = append(inputs, input{path: path, sha256: sum})
	}
	if len(errs) > 0 {
		return res, errs
	}
	if opt.Strict && res.Bads > 0 {
		for _, p := range res.Bad {
			errs.Add(p.Pos, "", columnField(p.Column), "%s", p.Msg)
		}
		if res.Bads > len(res.Bad) {
			errs.Add(pipeline.Position{File: opt.Files[0]}, "", "", "and %d more rows that could not be used (--strict)", res.Bads-len(res.Bad))
		}
		return res, errs
	}
	events := finish(opt, c.events)
	res.Events = len(events)
	for _, e := range events {
		if e.rows > 1 {
			res.MergedRows += e.rows
			res.MergedEvents++
		}
	}
	if err := writeFiles(opt, inputs, events, res); err != nil {
		return res, err
	}
	return res, nil
}

func columnField(col string) string {
	if col == "" {
		return ""
	}
	return "column " + col
}

// finish gives the merged events their ids and grades, sorted by date and id.
func finish(opt *Options, m map[string]*event) []*event {
	events := slices.Collect(maps.Values(m))
	for _, e := range events {
		corroborate(e)
		if e.NativeID != "" {
			e.id = opt.Format + "-" + slug(e.NativeID, 60)
		} else {
			e.id = e.Date.Format("2006-01-02") + "-" + slug(e.Title, 40) + "-" + shortHash(opt.Format+"|"+e.key)
		}
	}
	// Ids from a source's own ids can repeat (ICEWS's Event ID does across
	// dates): every event sharing one gets its key's hash, in any order.
	count := map[string]int{}
	for _, e := range events {
		count[e.id]++
	}
	for _, e := range events {
		if count[e.id] > 1 {
			e.id += "-" + shortHash(opt.Format+"|"+e.key)
		}
	}
	slices.SortFunc(events, func(a, b *event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.id, b.id), cmp.Compare(a.key, b.key))
	})
	return events
}

// corroborate grades an event reported by two or more distinct publishers
// as confirmed by other independent sources (admiralty credibility 1),
// leaving any grade the source already has.
func corroborate(e *event) {
	pubs := map[string]bool{}
	for _, s := range e.Sources {
		if p := strings.ToLower(strings.TrimSpace(s.Publisher)); p != "" {
			pubs[p] = true
		}
	}
	if len(pubs) < 2 {
		return
	}
	for i := range e.Sources {
		if e.Sources[i].Credibility == 0 {
			e.Sources[i].Credibility = 1
		}
	}
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:3])
}

// slug is s lower-cased with every run of other characters than a–z and
// 0–9 made one hyphen, at most max bytes, cut at a hyphen where it can.
func slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldMarks(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	if out == "" {
		out = "event"
	}
	return out
}
