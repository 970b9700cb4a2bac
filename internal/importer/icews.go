package importer

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// icewsColumns are the ICEWS coded event file's columns the import
// reads, found by name in its header (Harvard Dataverse
// doi:10.7910/DVN/28075, "events.YYYY.*.tab").
var icewsColumns = []string{"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
	"CAMEO Code", "Target Name", "Target Sectors", "Target Country", "Story ID", "Publisher", "City", "Country"}

// icewsOrgSectors are the sectors that name an organization, most
// specific first: an actor's first one among them becomes the
// participant's organization. Other sectors (Elite, Ideological, Parties,
// religions) describe a person rather than name where they work.
var icewsOrgSectors = []string{"Executive Office", "Ministry", "Legislative / Parliamentary", "Upper House", "Lower House",
	"Military", "Police", "Judicial", "Executive", "Government"}

// orgWords are words of organizations' names that ICEWS writes without
// a country in parentheses ("Executive Office of the President").
var orgWords = map[string]bool{"office": true, "ministry": true, "government": true, "council": true, "committee": true,
	"party": true, "army": true, "forces": true, "police": true, "court": true, "parliament": true, "agency": true,
	"department": true, "union": true, "organization": true, "association": true, "bank": true, "company": true,
	"of": true, "the": true, "republic": true, "nations": true, "asia": true, "africa": true, "europe": true, "america": true,
	"citizen": true, "media": true, "navy": true, "service": true, "institute": true, "jazeera": true, "arabiya": true, "guard": true, "news": true, "security": true, "military": true, "senate": true, "congress": true}

func readICEWS(c *collector, path string, r io.Reader) error {
	rs := newTSV(path, r)
	head, err := rs.Next()
	if err == io.EOF {
		return formatError(pipeline.Position{File: path}, "empty file; expected an ICEWS header row (Event ID, Event Date, …)")
	}
	if err != nil {
		return err
	}
	idx := map[string]int{}
	for i, h := range head {
		idx[strings.TrimSpace(h)] = i
	}
	var missing []string
	for _, col := range icewsColumns {
		if _, ok := idx[col]; !ok {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		return formatError(rs.Pos(0), "not an ICEWS event file (tab-separated, with a header): the header lacks %s", strings.Join(missing, ", "))
	}
	width := len(head)
	for {
		fields, err := rs.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		c.res.Rows++
		if len(fields) != width {
			return formatError(rs.Pos(min(len(fields), width)-1), "%d fields, expected %d as in the header row (tab-separated)", len(fields), width)
		}
		icewsRow(c, rs, fields, idx)
	}
}

// na is ICEWS's empty value.
func na(s string) string {
	s = strings.TrimSpace(s)
	if s == "NA" {
		return ""
	}
	return s
}

func icewsRow(c *collector, rs rows, f []string, idx map[string]int) {
	get := func(col string) string { return na(f[idx[col]]) }
	bad := func(col, reason, format string, args ...any) {
		c.bad(Problem{Pos: rs.Pos(idx[col]), Column: col, Reason: reason, Msg: fmt.Sprintf(format, args...)})
	}
	// CAMEO codes are strings: "040", with the leading zero.
	code := get("CAMEO Code")
	kind, _, skip, ok := cameoKind(code)
	if !ok {
		bad("CAMEO Code", "bad CAMEO code", "%q is not a CAMEO event code", code)
		return
	}
	if skip != "" {
		c.skip(skip)
		return
	}
	d := get("Event Date")
	date, err := time.Parse(time.DateOnly, d)
	if err != nil || date.Before(pipeline.MinDate) {
		bad("Event Date", "bad date", "%q is not a date like 2018-06-01", d)
		return
	}
	res := c.resolver()
	var codes [2]string
	for i, col := range []string{"Source Country", "Target Country"} {
		name := get(col)
		if name == "" {
			continue
		}
		if codes[i] = res.Resolve(name); codes[i] == "" {
			c.unresolved(name, rs.Pos(idx[col]), col)
			return
		}
	}
	var countries []string
	for _, cc := range codes {
		if cc != "" && !notStates[cc] && !slices.Contains(countries, cc) {
			countries = append(countries, cc)
		}
	}
	if len(countries) < 2 {
		c.skip("fewer than two distinct state countries")
		return
	}
	src, tgt := get("Source Name"), get("Target Name")
	rec := &Record{NativeID: get("Event ID") + "-" + date.Format("20060102"), Date: date, Kind: kind, Countries: countries,
		Title: fmt.Sprintf("%s and %s: %s", src, tgt, strings.ToLower(get("Event Text")))}
	// The visitor's counterpart hosts: the target of "make a visit", the
	// source of "host a visit".
	switch code[:min(3, len(code))] {
	case "042":
		rec.Host = codes[1]
	case "043":
		rec.Host = codes[0]
	}
	if !slices.Contains(countries, rec.Host) {
		rec.Host = ""
	}
	if city := get("City"); city != "" {
		rec.Location = city
		if ctry := get("Country"); ctry != "" && ctry != city {
			rec.Location += ", " + ctry
		}
	}
	for i, side := range []string{"Source", "Target"} {
		if p, ok := icewsPerson(res, get(side+" Name"), get(side+" Sectors"), codes[i]); ok {
			rec.Participants = append(rec.Participants, p)
		}
	}
	if pub, story := get("Publisher"), get("Story ID"); pub != "" || story != "" {
		s := Source{Publisher: pub}
		if story != "" {
			s.Title = "ICEWS story " + story
		}
		rec.Sources = []Source{s}
	}
	c.add(rec)
}

// icewsPerson makes a participant of an actor that is a person: ICEWS
// names groups and offices with their country in parentheses ("Foreign
// Affairs (Bangladesh)") and states by their name, so a name with neither
// is a person ("Sergey Lavrov"); a sector naming an organization becomes
// the person's organization.
func icewsPerson(res *Resolver, name, sectors, country string) (Participant, bool) {
	if name == "" || strings.ContainsAny(name, "()") || res.Resolve(name) != "" || !strings.Contains(name, " ") {
		return Participant{}, false
	}
	for _, w := range strings.Fields(name) {
		if orgWords[strings.ToLower(w)] {
			return Participant{}, false
		}
	}
	p := Participant{Name: name, Country: country}
	list := strings.Split(sectors, ",")
	for _, want := range icewsOrgSectors {
		for _, s := range list {
			if s = strings.TrimSpace(s); s == want || strings.HasSuffix(s, " "+want) {
				p.Organization = s
				return p, true
			}
		}
	}
	return p, true
}
