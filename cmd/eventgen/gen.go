package main

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Shares are per mille and every draw is an integer comparison: floating
// point may be fused differently on other CPUs, and the archive must be
// byte-identical everywhere for the same flags.
const (
	bilateralPM     = 800 // events with exactly two countries
	pastPlannedPM   = 20  // held-period events whose outcome nobody recorded
	pastCancelledPM = 10
	futurePM        = 30 // share of all events announced for after --end
	horizonDays     = 84 // how far after --end announced events reach
	unknownAreaPM   = 10 // events with a focus area not in [focus_areas]
	thirdCountryPM  = 20 // participants from a country not in the event
	noCountryPM     = 80 // participants with country left empty
)

// table is a weighted choice.
type table[T any] struct {
	items []T
	cum   []int
	total int
}

func (t *table[T]) add(x T, w int) {
	t.total += w
	t.items = append(t.items, x)
	t.cum = append(t.cum, t.total)
}

func (t *table[T]) pick(r *rand.Rand) T {
	n := r.IntN(t.total)
	i, _ := slices.BinarySearch(t.cum, n+1)
	return t.items[i]
}

func newTable[T any](items []T, weights []int) *table[T] {
	t := &table[T]{}
	for i, x := range items {
		t.add(x, weights[i])
	}
	return t
}

// event is one record as it will be written, spelling quirks included.
type event struct {
	id           string
	date         time.Time
	endDate      time.Time
	precision    string // "" to leave out (day)
	title        string
	kind         string
	status       string // "" to leave out (held)
	countries    []string
	host         string
	location     string
	focus        []string
	summary      string
	outcomes     []string
	participants []participant
	sources      []source
}

type participant struct{ name, rank, role, org, country string }

type source struct {
	title, publisher, url string
	published             time.Time
	reliability           string
	credibility           int
}

// actor is a participant as the text refers to them: canonical spelling.
type actor struct {
	p       *person
	pos     *position
	role    string
	c       *country
	third   bool // from a country outside the event
	written participant
}

// facts are what title, summary, outcomes and sources are written from.
type facts struct {
	e         *event
	kind      string
	status    string
	theme     int
	cs        []*country // in the order written
	host      *country
	loc       string
	actors    []actor
	areas     []string // canonical focus areas, lower case for prose
	exercise  string   // code name for exercises
	doc       string   // document signed, for agreements
	precision string
}

var kindNames = []string{"meeting", "visit", "call", "statement", "agreement", "exercise", "other"}

// kindWeights: meetings are what curated data is mostly made of.
var kindWeights = []int{38, 20, 13, 11, 8, 6, 4}

type generator struct {
	r          *rand.Rand
	ro         *roster
	start, end time.Time
	days       int // days from start to end, inclusive
	seq        int

	kinds     *table[string]
	countries *table[*country]
	themes    map[string]*table[int]
	areas     [numThemes]*table[int]
	pubs      *table[int]
	partN     *table[int]
	srcN      *table[int]
	areaN     *table[int]
	outN      *table[int]
	paraN     *table[int]
}

func newGenerator(seed uint64, end time.Time, years int) *generator {
	start := end.AddDate(-years, 0, 1)
	days := int(end.Sub(start).Hours()/24) + 1
	g := &generator{
		r:     rand.New(rand.NewPCG(seed, 0xb1ef_1c0d)),
		ro:    newRoster(seed, days+horizonDays),
		start: start, end: end, days: days,
		kinds:  newTable(kindNames, kindWeights),
		themes: map[string]*table[int]{},
		// 2–8 people, mostly small delegations; 1–3 sources; 1–4 areas.
		partN: newTable([]int{2, 3, 4, 5, 6, 7, 8}, []int{64, 18, 8, 4, 3, 2, 1}),
		srcN:  newTable([]int{1, 2, 3}, []int{80, 16, 4}),
		areaN: newTable([]int{1, 2, 3, 4}, []int{30, 38, 22, 10}),
		outN:  newTable([]int{0, 1, 2}, []int{45, 40, 15}),
		paraN: newTable([]int{2, 3, 4}, []int{62, 28, 10}),
	}
	g.countries = &table[*country]{}
	for _, c := range countries {
		g.countries.add(c, c.weight)
	}
	th := func(w ...int) *table[int] {
		return newTable([]int{thDefence, thMilitary, thForeign, thSecurity, thInterior, thHead}, w)
	}
	g.themes["meeting"] = th(35, 5, 30, 15, 10, 5)
	g.themes["visit"] = th(35, 5, 30, 5, 5, 20)
	g.themes["call"] = th(25, 0, 45, 0, 0, 30)
	g.themes["statement"] = th(25, 0, 55, 15, 0, 5)
	g.themes["agreement"] = th(45, 0, 25, 10, 15, 5)
	g.themes["exercise"] = th(0, 100, 0, 0, 0, 0)
	g.themes["other"] = th(20, 10, 20, 20, 20, 10)
	for t := range numThemes {
		g.areas[t] = &table[int]{}
		for i, a := range focusAreas {
			w := a.weight
			if a.themes == nil || slices.Contains(a.themes, t) {
				w *= 4 // an interior ministers' meeting is about borders
			}
			g.areas[t].add(i, w)
		}
	}
	g.pubs = &table[int]{}
	for i, p := range publishers {
		g.pubs.add(i, p.weight)
	}
	return g
}

func (g *generator) chance(perMille int) bool { return g.r.IntN(1000) < perMille }

// allocate spreads n events over the days, returning a count per day: fewer
// at weekends, in August and over the new year, a slow rise in coverage
// over the years and day-to-day noise. The last horizonDays days (after
// --end) get the announced-but-not-yet-held events. Counts sum to n exactly.
func (g *generator) allocate(n int) []int {
	future := n * futurePM / 1000
	past := n - future
	counts := make([]int, g.days+horizonDays)
	spread := func(from, to, total int, weight func(d int, t time.Time) int) {
		cum := make([]int64, to-from)
		var sum int64
		for d := from; d < to; d++ {
			sum += int64(max(weight(d, g.start.AddDate(0, 0, d)), 1))
			cum[d-from] = sum
		}
		prev := 0
		for i, c := range cum {
			at := int(c * int64(total) / sum)
			counts[from+i] = at - prev
			prev = at
		}
	}
	seasonal := func(t time.Time) int {
		w := 100
		switch t.Weekday() {
		case time.Saturday:
			w = 35
		case time.Sunday:
			w = 25
		}
		if t.Month() == time.August {
			w = w * 70 / 100
		}
		if (t.Month() == time.December && t.Day() >= 24) || (t.Month() == time.January && t.Day() <= 7) {
			w = w * 40 / 100
		}
		return w
	}
	spread(0, g.days, past, func(d int, t time.Time) int {
		w := seasonal(t)
		if t.Day() == 1 {
			w = w * 130 / 100 // curated month-precision dates sit on the 1st
		}
		w = w * (80 + 40*d/g.days) / 100
		return w * (60 + g.r.IntN(81)) / 100
	})
	spread(g.days, g.days+horizonDays, future, func(d int, t time.Time) int {
		// Fewer events are known the further ahead they are.
		return seasonal(t) * (100 - 80*(d-g.days)/horizonDays) / 100
	})
	return counts
}

// drawCountries picks n distinct codes, at most one of them non-state.
func (g *generator) drawCountries(n int) []*country {
	cs := make([]*country, 0, n)
	nonState := false
	for len(cs) < n {
		c := g.countries.pick(g.r)
		if slices.Contains(cs, c) || (c.nonState && nonState) {
			continue
		}
		nonState = nonState || c.nonState
		cs = append(cs, c)
	}
	return cs
}

// event draws one event on day (0 = the first day of the archive).
func (g *generator) event(day int, date time.Time) *event {
	r := g.r
	g.seq++
	future := day >= g.days
	e := &event{date: date}
	f := &facts{e: e, kind: g.kinds.pick(r), status: "held"}
	e.kind = f.kind
	if g.chance(5) {
		e.kind = strings.ToUpper(f.kind[:1]) + f.kind[1:] // the loader lower-cases kinds
	}
	switch {
	case future:
		f.status = "planned"
		if g.chance(30) {
			f.status = "cancelled"
		}
	case g.chance(pastCancelledPM):
		f.status = "cancelled"
	case g.chance(pastPlannedPM):
		f.status = "planned"
	}
	if f.status != "held" || g.chance(150) {
		e.status = f.status
	}
	f.theme = g.themes[f.kind].pick(r)

	n := 2
	if !g.chance(bilateralPM) {
		n = 3
		if g.chance(300) {
			n = 4
		}
	}
	f.cs = g.drawCountries(n)
	g.chooseHost(f)

	f.precision = "day"
	if !future && date.Day() == 1 {
		if date.Month() == time.January && g.chance(300) {
			f.precision = "year"
		} else if g.chance(350) {
			f.precision = "month"
		}
	}
	switch {
	case f.precision != "day":
		e.precision = f.precision
	case g.chance(30):
		e.precision = "day"
	}
	if f.precision == "day" {
		switch {
		case f.kind == "visit" && g.chance(450):
			e.endDate = date.AddDate(0, 0, 1+r.IntN(3))
		case f.kind == "exercise" && g.chance(750):
			e.endDate = date.AddDate(0, 0, 2+r.IntN(12))
		case f.kind == "meeting" && g.chance(80):
			e.endDate = date.AddDate(0, 0, 1)
		}
	}

	for _, c := range f.cs {
		code := c.code
		if g.chance(10) {
			code = strings.ToLower(code) // codes match case-insensitively
		}
		e.countries = append(e.countries, code)
	}
	if f.host != nil {
		e.host = f.host.code
	}
	e.location = f.loc

	g.participants(f)
	g.focusAreas(f)
	if f.kind == "exercise" {
		f.exercise = exerciseNames[r.IntN(len(exerciseNames))]
	}
	if f.kind == "agreement" {
		f.doc = agreementDocs[r.IntN(len(agreementDocs))]
	}
	e.title = g.title(f)
	e.summary = g.summary(f)
	if f.status == "held" {
		e.outcomes = g.outcomes(f)
	}
	g.sources(f)

	slug := ""
	if f.loc != "" {
		slug = slugify(f.loc)
	} else {
		for _, c := range f.cs {
			slug += strings.ToLower(c.code) + "-"
		}
		slug = strings.TrimSuffix(slug, "-")
	}
	e.id = date.Format(time.DateOnly) + "-" + slug + "-" + f.kind + "-" + strconv.Itoa(g.seq)
	return e
}

// chooseHost sets the host and location. Calls and statements usually have
// neither; visits, agreements and exercises always have a state host.
func (g *generator) chooseHost(f *facts) {
	r := g.r
	want := 920
	switch f.kind {
	case "call":
		want = 200
	case "statement":
		want = 500
	case "other":
		want = 700
	}
	needState := f.kind == "visit" || f.kind == "exercise" || f.kind == "agreement"
	if needState {
		want = 1000
	}
	if !g.chance(want) {
		return
	}
	idx := 0
	if !g.chance(600) {
		idx = r.IntN(len(f.cs))
	}
	if needState && f.cs[idx].nonState {
		idx = (idx + 1) % len(f.cs) // at most one code is non-state
	}
	// Curators usually list the host first.
	if idx != 0 && g.chance(700) {
		f.cs[0], f.cs[idx] = f.cs[idx], f.cs[0]
		idx = 0
	}
	f.host = f.cs[idx]
	if f.kind == "call" {
		return
	}
	if f.kind == "exercise" && len(f.host.ranges) > 0 && g.chance(400) {
		f.loc = f.host.ranges[r.IntN(len(f.host.ranges))]
		return
	}
	t := &table[string]{}
	for _, c := range f.host.cities {
		t.add(c.name, c.weight)
	}
	f.loc = t.pick(r)
}

// participants draws the people: first one lead per country (the host's
// first), then delegation members.
func (g *generator) participants(f *facts) {
	r := g.r
	// Every country sends someone: a trilateral meeting has three heads
	// of delegation at least.
	n := max(g.partN.pick(r), len(f.cs))
	order := slices.Clone(f.cs)
	if f.host != nil {
		i := slices.Index(order, f.host)
		order[0], order[i] = order[i], order[0]
	}
	day := int(f.e.date.Sub(g.start).Hours() / 24)
	used := map[*person]bool{}
	for i := 0; i < n; i++ {
		var a actor
		for attempt := 0; attempt < 8; attempt++ {
			a = actor{}
			theme := f.theme
			switch {
			case i < len(order):
				a.c = order[i]
			case g.chance(thirdCountryPM):
				a.c, a.third = g.thirdCountry(f), true
			default:
				a.c = f.cs[r.IntN(len(f.cs))]
			}
			if i >= len(order) && g.chance(100) {
				theme = r.IntN(int(numThemes)) // mixed delegations
			}
			cr := g.ro.byCode[a.c.code]
			list := cr.all[theme]
			if i < len(order) || a.third {
				list = cr.leads[theme]
			}
			a.pos = list.pick(r)
			a.p = a.pos.holder(day)
			if !used[a.p] {
				break
			}
		}
		if used[a.p] {
			continue // a small office ran out of people: a smaller delegation
		}
		used[a.p] = true
		a.role = a.pos.role
		if strings.Contains(a.role, "{to}") {
			a.role = strings.ReplaceAll(a.role, "{to}", g.accreditedTo(f, a.c).name)
		}
		w := participant{name: g.spell(a.p)}
		if a.pos.rank != "" && g.chance(850) {
			w.rank = a.pos.rank
		}
		if g.chance(970) {
			w.role = a.role
		}
		// Curators name the organisation of the heads of delegation, less
		// often of their staff.
		if g.chance(900) && i < len(order) || g.chance(500) {
			w.org = a.pos.org
		}
		switch {
		case a.third:
			w.country = a.c.code
		case g.chance(noCountryPM):
		case g.chance(10):
			w.country = strings.ToLower(a.c.code)
		default:
			w.country = a.c.code
		}
		a.written = w
		f.actors = append(f.actors, a)
		f.e.participants = append(f.e.participants, w)
	}
}

// thirdCountry is an observer: a state outside the event.
func (g *generator) thirdCountry(f *facts) *country {
	for {
		c := g.countries.pick(g.r)
		if !c.nonState && !slices.Contains(f.cs, c) {
			return c
		}
	}
}

// accreditedTo is the country an ambassador of c in this event serves in.
func (g *generator) accreditedTo(f *facts, c *country) *country {
	if f.host != nil && f.host != c {
		return f.host
	}
	for _, x := range f.cs {
		if x != c {
			return x
		}
	}
	return f.cs[0]
}

// spell writes a name the way curated records do: mostly canonical, often
// the alias from [people], sometimes in another case or with stray spaces.
func (g *generator) spell(p *person) string {
	x := g.r.IntN(1000)
	switch {
	case p.alias != "" && x < 230:
		return p.alias
	case x < 260:
		v := strings.ToLower(p.name)
		if g.chance(500) {
			// Upper case only where it folds back to the same person:
			// Turkish ı upper-cases to I, which lower-cases to i.
			if u := strings.ToUpper(p.name); fold(u) == fold(p.name) {
				v = u
			}
		}
		return v
	case x < 290:
		switch g.r.IntN(3) {
		case 0:
			return strings.Replace(p.name, " ", "  ", 1)
		case 1:
			return p.name + " "
		default:
			return " " + p.name
		}
	}
	return p.name
}

// focusAreas draws 1–4 distinct areas, spelled as curators do.
func (g *generator) focusAreas(f *facts) {
	r := g.r
	n := g.areaN.pick(r)
	var picked []int
	for len(picked) < n {
		i := g.areas[f.theme].pick(r)
		if !slices.Contains(picked, i) {
			picked = append(picked, i)
		}
	}
	for _, i := range picked {
		a := focusAreas[i]
		f.areas = append(f.areas, strings.ToLower(a.name))
		s := a.name
		x := r.IntN(100)
		switch {
		case x < 55:
		case x < 80 && len(a.aliases) > 0:
			s = a.aliases[r.IntN(len(a.aliases))]
		case x < 92:
			s = strings.ToLower(a.name)
		case x < 97:
			s = titleWords(strings.ToLower(a.name))
		case x < 99:
			s = strings.ToUpper(a.name)
		default:
			s = "  " + strings.ToLower(a.name) + " "
		}
		f.e.focus = append(f.e.focus, s)
	}
	if g.chance(unknownAreaPM) {
		u := unknownAreas[r.IntN(len(unknownAreas))]
		if len(f.e.focus) == 4 { // stay within 1–4
			f.e.focus, f.areas = f.e.focus[:3], f.areas[:3]
		}
		f.e.focus = append(f.e.focus, u)
		f.areas = append(f.areas, strings.ToLower(u))
	}
}

// sources draws 1–3 sources: often the host ministry's press release, then
// media reports.
func (g *generator) sources(f *facts) {
	r := g.r
	e := f.e
	n := g.srcN.pick(r)
	var usedPub []int
	lead := f.actors[0]
	for i := 0; i < n; i++ {
		var s source
		var domain string
		rel, cred := byte('C'), 3
		if i == 0 && !lead.c.nonState && g.chance(450) {
			s.publisher = lead.pos.org
			domain = acronym(lead.pos.org) + "-" + strings.ToLower(lead.c.code) + ".example.org"
			rel, cred = 'B', 2
			if g.chance(100) {
				rel, cred = 'A', 1
			}
			s.title = g.headline(f, -1)
		} else {
			var p int
			for {
				p = g.pubs.pick(r)
				if !slices.Contains(usedPub, p) {
					break
				}
			}
			usedPub = append(usedPub, p)
			pub := publishers[p]
			s.publisher, domain, rel, cred = pub.name, pub.domain, pub.rel, pub.cred
			s.title = g.headline(f, p)
		}
		for _, prev := range e.sources {
			if prev.title == s.title {
				s.title = e.title // two outlets rarely share a headline
			}
		}
		if g.chance(200) { // graders disagree
			rel = byte(min(max(int(rel)+r.IntN(3)-1, 'A'), 'F'))
			cred = min(max(cred+r.IntN(3)-1, 1), 6)
		}
		switch x := r.IntN(100); {
		case x < 6:
		case x < 9:
			s.reliability = string(rel)
		default:
			s.reliability, s.credibility = string(rel), cred
		}
		s.published = g.published(f)
		if !g.chance(40) {
			slug := slugify(s.title)
			if len(slug) > 36 {
				slug = slug[:36]
				if k := strings.LastIndexByte(slug, '-'); k > 15 {
					slug = slug[:k]
				}
			}
			s.url = "https://" + domain + "/" + s.published.Format("2006/01") + "/" + slug + "-" + strconv.Itoa(g.seq)
		}
		if g.chance(30) {
			s.published = time.Time{}
		}
		e.sources = append(e.sources, s)
	}
}

// published dates a report: after a held event, before an announced one.
func (g *generator) published(f *facts) time.Time {
	r := g.r
	d := f.e.date
	switch {
	case f.precision != "day":
		return d.AddDate(0, 0, r.IntN(28))
	case f.status == "planned":
		p := d.AddDate(0, 0, -1-r.IntN(21))
		if p.After(g.end) {
			p = g.end.AddDate(0, 0, -r.IntN(7))
		}
		return p
	case f.status == "cancelled":
		return d.AddDate(0, 0, -r.IntN(4))
	}
	x := r.IntN(100)
	switch {
	case x < 55:
		return d
	case x < 85:
		return d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 2+r.IntN(5))
}

// acronym gives a ministry a short host name: "Ministry of Defence of
// Georgia" → "mdg".
func acronym(org string) string {
	var b strings.Builder
	for _, w := range strings.Fields(org) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c + 'a' - 'A')
		}
	}
	if b.Len() == 0 {
		return "press"
	}
	return b.String()
}
