package importer

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/briefing-tool/briefing/pipeline"
)

// Mapping describes how a table's columns make events (README "Importing
// events"). Columns are named by their header; text fields are Go
// templates over the row ({{.remarks}}, {{index . "Event Text"}}).
type Mapping struct {
	ID         string            `toml:"id"`          // template: the row's own id, made "csv-<slug>"
	Date       string            `toml:"date"`        // column
	EndDate    string            `toml:"end_date"`    // column
	DateFormat string            `toml:"date_format"` // Go layout; default 2006-01-02 (20060102 too)
	Separator  string            `toml:"separator"`   // comma, semicolon or tab; default: tab if the first line has one, else comma
	Countries  []string          `toml:"countries"`   // columns: codes or English names
	Host       string            `toml:"host"`        // column
	Kind       string            `toml:"kind"`        // a kind, for every row
	KindColumn string            `toml:"kind_column"` // or a column, through kind_values
	KindValues map[string]string `toml:"kind_values"` // column value -> kind ("" skips the row)
	Title      string            `toml:"title"`       // template
	Location   string            `toml:"location"`    // template
	Summary    string            `toml:"summary"`     // template
	Status     string            `toml:"status"`      // held (default), planned, cancelled

	Participants []struct {
		Name         string `toml:"name"`         // template
		Rank         string `toml:"rank"`         // template
		Role         string `toml:"role"`         // template
		Organization string `toml:"organization"` // template
		Country      string `toml:"country"`      // column
	} `toml:"participants"`
	Sources []struct {
		Title       string `toml:"title"`     // template
		Publisher   string `toml:"publisher"` // template
		URL         string `toml:"url"`       // template
		Published   string `toml:"published"` // column
		Reliability string `toml:"reliability"`
		Credibility int    `toml:"credibility"`
	} `toml:"sources"`

	path  string
	tmpls map[string]*template.Template // by the field's path, e.g. "sources[1].url"
	res   *Resolver
}

var funcs = template.FuncMap{
	"lower": strings.ToLower,
	"upper": strings.ToUpper,
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	"trim":    strings.TrimSpace,
	"replace": strings.ReplaceAll,
	// before returns s up to the first sep (all of s without one).
	"before": func(s, sep string) string { b, _, _ := strings.Cut(s, sep); return b },
	"after": func(s, sep string) string {
		_, a, ok := strings.Cut(s, sep)
		if !ok {
			return ""
		}
		return a
	},
	"slug": func(s string) string { return slug(s, 80) },
}

// LoadMapping reads and checks a mapping file; problems are an ErrorList
// at the file.
func LoadMapping(path string, res *Resolver) (*Mapping, error) {
	m := &Mapping{path: path, res: res, tmpls: map[string]*template.Template{}}
	var errs pipeline.ErrorList
	pos := pipeline.Position{File: path}
	md, err := toml.DecodeFile(path, m)
	if err != nil {
		var pe toml.ParseError
		if ok := asParseError(err, &pe); ok {
			errs.Add(pipeline.Position{File: path, Line: pe.Position.Line, Col: pe.Position.Col}, "", "", "TOML syntax: %s", pe.Message)
			return nil, errs
		}
		errs.Add(pos, "", "", "%v", unwrapPath(err))
		return nil, errs
	}
	for _, k := range md.Undecoded() {
		errs.Add(pos, "", k.String(), "unknown key in the mapping file")
	}
	if m.Date == "" {
		errs.Add(pos, "", "date", "required: the column that holds each row's date")
	}
	if len(m.Countries) == 0 {
		errs.Add(pos, "", "countries", "required: the columns that hold the countries (one or more)")
	}
	if m.Title == "" {
		errs.Add(pos, "", "title", "required: a template of each event's title, e.g. \"{{.subject}}\"")
	}
	switch {
	case m.Kind == "" && m.KindColumn == "":
		errs.Add(pos, "", "kind", "required: a kind for every row, or kind_column with kind_values")
	case m.Kind != "" && m.KindColumn != "":
		errs.Add(pos, "", "kind", "give kind or kind_column, not both")
	case m.Kind != "":
		if _, ok := pipeline.KindNamed(m.Kind); !ok {
			errs.Add(pos, "", "kind", "%q is not a kind; kinds: %s", m.Kind, kindList())
		}
	}
	for _, v := range slices.Sorted(maps.Keys(m.KindValues)) {
		if k := m.KindValues[v]; k != "" {
			if _, ok := pipeline.KindNamed(k); !ok {
				errs.Add(pos, "", "kind_values."+toml.Key{v}.String(), "%q is not a kind; kinds: %s (or \"\" to skip such rows)", k, kindList())
			}
		}
	}
	if m.Separator != "" && separators[m.Separator] == 0 {
		errs.Add(pos, "", "separator", "%q is not one of comma, semicolon, tab", m.Separator)
	}
	if m.Status != "" && !slices.Contains(pipeline.Statuses, m.Status) {
		errs.Add(pos, "", "status", "%q is not one of %s", m.Status, strings.Join(pipeline.Statuses, ", "))
	}
	add := func(field, text string) {
		if text == "" {
			return
		}
		t, err := template.New(field).Funcs(funcs).Funcs(template.FuncMap{
			// country is a name or code as the table names it: "China,
			// People’s Republic of" -> "China"; unresolved, as written.
			"country": func(s string) string {
				if name, ok := res.table.Name(res.Resolve(s)); ok {
					return name
				}
				return s
			},
		}).Option("missingkey=error").Parse(text)
		if err != nil {
			errs.Add(pos, "", field, "template: %v", err)
			return
		}
		m.tmpls[field] = t
	}
	add("id", m.ID)
	add("title", m.Title)
	add("location", m.Location)
	add("summary", m.Summary)
	for i, p := range m.Participants {
		f := fmt.Sprintf("participants[%d].", i+1)
		if p.Name == "" {
			errs.Add(pos, "", f+"name", "required: a template of the participant's name")
		}
		add(f+"name", p.Name)
		add(f+"rank", p.Rank)
		add(f+"role", p.Role)
		add(f+"organization", p.Organization)
	}
	for i, s := range m.Sources {
		f := fmt.Sprintf("sources[%d].", i+1)
		if s.Title == "" && s.URL == "" && s.Publisher == "" {
			errs.Add(pos, "", f+"title", "a source needs at least a title, publisher or url")
		}
		add(f+"title", s.Title)
		add(f+"publisher", s.Publisher)
		add(f+"url", s.URL)
		if r := s.Reliability; r != "" && (len(r) != 1 || r[0] < 'A' || r[0] > 'F') {
			errs.Add(pos, "", f+"reliability", "%q is not an admiralty reliability grade A–F", r)
		}
		if n := s.Credibility; n != 0 && (n < 1 || n > 6) {
			errs.Add(pos, "", f+"credibility", "%d is not an admiralty credibility grade 1–6", n)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return m, nil
}

func kindList() string {
	var names []string
	for _, k := range pipeline.Kinds() {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

// columns are the header's names the mapping uses, with the field that
// names each, checked against a file's header before any row is read.
func (m *Mapping) columns() [][2]string {
	var out [][2]string
	col := func(field, name string) {
		if name != "" {
			out = append(out, [2]string{field, name})
		}
	}
	col("date", m.Date)
	col("end_date", m.EndDate)
	for i, c := range m.Countries {
		col(fmt.Sprintf("countries[%d]", i+1), c)
	}
	col("host", m.Host)
	col("kind_column", m.KindColumn)
	for i, p := range m.Participants {
		col(fmt.Sprintf("participants[%d].country", i+1), p.Country)
	}
	for i, s := range m.Sources {
		col(fmt.Sprintf("sources[%d].published", i+1), s.Published)
	}
	for _, field := range slices.Sorted(maps.Keys(m.tmpls)) {
		for _, name := range templateFields(m.tmpls[field].Tree.Root) {
			col(field, name)
		}
	}
	return out
}

// templateFields lists the columns a template names: {{.x}} and
// {{index . "x"}}.
func templateFields(n parse.Node) []string {
	var out []string
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			if len(n.Args) == 3 {
				if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "index" {
					if _, ok := n.Args[1].(*parse.DotNode); ok {
						if s, ok := n.Args[2].(*parse.StringNode); ok {
							out = append(out, s.Text)
						}
					}
				}
			}
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			out = append(out, n.Ident[0])
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(n)
	return out
}

// read imports one table file through the mapping.
func (m *Mapping) read(c *collector, path string, r io.Reader) error {
	var rs rows
	if strings.EqualFold(fileExt(path), ".xlsx") {
		x, err := newXLSX(path, r, c.opt.Sheet)
		if err != nil {
			return err
		}
		rs = x
	} else if sep := separators[m.Separator]; sep == '\t' {
		rs = newTSV(path, r)
	} else if sep != 0 {
		rs = newCSV(path, r)
		rs.(*csvRows).r.Comma = sep
	} else {
		rs = sniff(path, r)
	}
	head, err := rs.Next()
	if err == io.EOF {
		return formatError(pipeline.Position{File: path}, "empty file; expected a header row naming the columns")
	}
	if err != nil {
		return err
	}
	header := slices.Clone(head)
	idx := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if _, dup := idx[h]; !dup {
			idx[h] = i
		}
	}
	var errs pipeline.ErrorList
	for _, fc := range m.columns() {
		if _, ok := idx[fc[1]]; !ok {
			errs.Add(pipeline.Position{File: path, Line: 1}, "", "", "no column %q, which the mapping's %s names (%s); the header has: %s",
				fc[1], fc[0], m.path, strings.Join(header, ", "))
		}
	}
	if len(errs) > 0 {
		errs.RemoveMultiples()
		return errs
	}
	row := make(map[string]string, len(header))
	rc := rowCtx{c: c, rs: rs, header: header, idx: idx}
	for {
		fields, err := rs.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		c.res.Rows++
		if len(fields) != len(header) {
			return formatError(rs.Pos(min(len(fields), len(header))-1), "%d fields, expected %d as in the header row", len(fields), len(header))
		}
		for i, h := range header {
			row[h] = fields[i]
		}
		rc.fields = fields
		if rec := m.record(&rc, row); rec != nil {
			c.add(rec)
		}
	}
}

func fileExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.ContainsAny(p[i:], `/\`) {
		return p[i:]
	}
	return ""
}

// rowCtx is a row being read, for messages at its fields.
type rowCtx struct {
	c      *collector
	rs     rows
	header []string
	idx    map[string]int
	fields []string
}

func (r *rowCtx) get(col string) string { return strings.TrimSpace(r.fields[r.idx[col]]) }

func (r *rowCtx) bad(col, reason, format string, args ...any) {
	i := -1
	if col != "" {
		i = r.idx[col]
	}
	r.c.bad(Problem{Pos: r.rs.Pos(i), Column: col, Reason: reason, Msg: fmt.Sprintf(format, args...)})
}

// date parses a date column.
func (r *rowCtx) date(col, layout string, required bool) (time.Time, bool) {
	s := r.get(col)
	if s == "" {
		if required {
			r.bad(col, "missing date", "empty; expected a date")
			return time.Time{}, false
		}
		return time.Time{}, true
	}
	t, err := parseDate(s, layout)
	if err != nil {
		want := "2025-10-25 or 20251025"
		if layout != "" {
			want = "in the layout " + layout
		}
		r.bad(col, "bad date", "%q is not a date (expected %s)", s, want)
		return time.Time{}, false
	}
	if t.Before(pipeline.MinDate) || t.After(pipeline.MaxDate) {
		r.bad(col, "bad date", "%s is outside the supported dates %s to %s", s, pipeline.MinDate.Format(time.DateOnly), pipeline.MaxDate.Format(time.DateOnly))
		return time.Time{}, false
	}
	return t, true
}

// separators are the mapping's names for field separators.
var separators = map[string]rune{"comma": ',', "semicolon": ';', "tab": '\t'}

// excelEpoch is day 0 of Excel's 1900 date system as it counts (it holds
// 1900 a leap year, so serials from 61 on count from here).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

func parseDate(s, layout string) (time.Time, error) {
	if layout != "" {
		t, err := time.Parse(layout, s)
		return civil(t), err
	}
	// A spreadsheet's date: its serial day number, perhaps with a time
	// of day as the fraction ("45950" or "45950.5").
	if whole, _, _ := strings.Cut(s, "."); len(whole) >= 1 && len(whole) <= 5 && allDigits(whole) {
		if n, err := strconv.Atoi(whole); err == nil && n >= 61 {
			return excelEpoch.AddDate(0, 0, n), nil
		}
	}
	for _, l := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (m *Mapping) exec(r *rowCtx, field string, row map[string]string) (string, bool) {
	t := m.tmpls[field]
	if t == nil {
		return "", true
	}
	var b bytes.Buffer
	if err := t.Execute(&b, row); err != nil {
		r.bad("", "template error", "%s: %v", field, err)
		return "", false
	}
	if field == "summary" {
		// Paragraphs stay; only the ends are trimmed.
		return strings.TrimSpace(b.String()), true
	}
	return strings.Join(strings.Fields(b.String()), " "), true
}

// record turns one row into a record, or counts why it cannot.
func (m *Mapping) record(r *rowCtx, row map[string]string) *Record {
	rec := &Record{Status: m.Status}
	var ok bool
	if rec.Date, ok = r.date(m.Date, m.DateFormat, true); !ok {
		return nil
	}
	if m.EndDate != "" {
		if rec.End, ok = r.date(m.EndDate, m.DateFormat, false); !ok {
			return nil
		}
		if !rec.End.IsZero() && rec.End.Before(rec.Date) {
			r.bad(m.EndDate, "end before date", "%s is before the date %s", rec.End.Format(time.DateOnly), rec.Date.Format(time.DateOnly))
			return nil
		}
	}
	for _, col := range m.Countries {
		v := r.get(col)
		if v == "" {
			continue
		}
		code := m.res.Resolve(v)
		if code == "" {
			r.c.unresolved(v, r.rs.Pos(r.idx[col]), col)
			return nil
		}
		if !slices.Contains(rec.Countries, code) {
			rec.Countries = append(rec.Countries, code)
		}
	}
	if len(rec.Countries) < 2 {
		r.c.skip("fewer than two distinct countries")
		return nil
	}
	if m.Host != "" {
		if h := m.res.Resolve(r.get(m.Host)); slices.Contains(rec.Countries, h) {
			rec.Host = h
		}
	}
	rec.Kind = m.Kind
	if m.KindColumn != "" {
		v := r.get(m.KindColumn)
		k, ok := m.KindValues[v]
		if !ok {
			r.bad(m.KindColumn, "unmapped kind", "%q is not in the mapping's kind_values", v)
			return nil
		}
		if k == "" {
			r.c.skip("kind_values maps to \"\"")
			return nil
		}
		rec.Kind = k
	}
	if rec.Title, ok = m.exec(r, "title", row); !ok {
		return nil
	}
	if rec.Title == "" {
		r.bad("", "empty title", "the title template gives an empty title")
		return nil
	}
	if rec.NativeID, ok = m.exec(r, "id", row); !ok {
		return nil
	}
	if rec.Location, ok = m.exec(r, "location", row); !ok {
		return nil
	}
	if rec.Summary, ok = m.exec(r, "summary", row); !ok {
		return nil
	}
	for i, pm := range m.Participants {
		f := fmt.Sprintf("participants[%d].", i+1)
		var p Participant
		vals := []*string{&p.Name, &p.Rank, &p.Role, &p.Organization}
		for j, k := range []string{"name", "rank", "role", "organization"} {
			if *vals[j], ok = m.exec(r, f+k, row); !ok {
				return nil
			}
		}
		if p.Name == "" {
			continue
		}
		if pm.Country != "" {
			if v := r.get(pm.Country); v != "" {
				if p.Country = m.res.Resolve(v); p.Country == "" {
					r.c.unresolved(v, r.rs.Pos(r.idx[pm.Country]), pm.Country)
					return nil
				}
			}
		}
		rec.Participants = append(rec.Participants, p)
	}
	for i, sm := range m.Sources {
		f := fmt.Sprintf("sources[%d].", i+1)
		s := Source{Reliability: sm.Reliability, Credibility: sm.Credibility}
		vals := []*string{&s.Title, &s.Publisher, &s.URL}
		for j, k := range []string{"title", "publisher", "url"} {
			if *vals[j], ok = m.exec(r, f+k, row); !ok {
				return nil
			}
		}
		if s.URL != "" && !httpURL(s.URL) {
			r.bad("", "bad url", "%s gives %q, not an absolute http(s) URL", f+"url", s.URL)
			return nil
		}
		if sm.Published != "" {
			if s.Published, ok = r.date(sm.Published, m.DateFormat, false); !ok {
				return nil
			}
		}
		if s.Title != "" || s.Publisher != "" || s.URL != "" {
			rec.Sources = append(rec.Sources, s)
		}
	}
	return rec
}
