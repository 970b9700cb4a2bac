package main

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Prose: titles, summaries, outcomes and headlines assembled from sentence
// templates filled with the event's facts, so that text varies the way
// curated records do while staying consistent with the structured fields.

// kindNoun names an event of a kind in running text.
var kindNoun = map[string]string{
	"meeting": "meeting", "visit": "official visit", "call": "telephone conversation",
	"agreement": "signing ceremony", "exercise": "joint exercise", "statement": "joint statement", "other": "joint event",
}

// capFirst starts a sentence: "the United States" → "The United States".
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func joinAnd(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

func dayText(t time.Time) string { return t.Format("2 January 2006") }

// when is the event's date as prose, as precise as the record.
func (f *facts) when() string {
	switch f.precision {
	case "year":
		return "in " + strconv.Itoa(f.e.date.Year())
	case "month":
		return "in " + f.e.date.Format("January 2006")
	}
	if end := f.e.endDate; !end.IsZero() {
		if end.Month() == f.e.date.Month() && end.Year() == f.e.date.Year() {
			return "from " + strconv.Itoa(f.e.date.Day()) + " to " + dayText(end)
		}
		return "from " + dayText(f.e.date) + " to " + dayText(end)
	}
	return "on " + dayText(f.e.date)
}

func (f *facts) in() string {
	if f.loc == "" {
		return ""
	}
	if strings.Contains(strings.ToLower(f.loc), "training") {
		return " at the " + f.loc
	}
	return " in " + f.loc
}

func (f *facts) countryNames() []string {
	out := make([]string, len(f.cs))
	for i, c := range f.cs {
		out[i] = c.name
	}
	return out
}

func (f *facts) adjs() []string {
	out := make([]string, len(f.cs))
	for i, c := range f.cs {
		out[i] = c.adj
	}
	return out
}

// pair is "Georgia–Azerbaijan" for headlines.
func (f *facts) pair() string {
	names := make([]string, len(f.cs))
	for i, c := range f.cs {
		names[i] = strings.TrimPrefix(c.name, "the ")
	}
	return strings.Join(names, "–")
}

func (f *facts) area(i int) string { return f.areas[i%len(f.areas)] }

// desc introduces a person the way the press does: "Georgian Minister of
// Defence Nino Beridze", or with an apposition where the role names a
// country already.
func desc(a actor) string {
	switch {
	case a.c.nonState:
		return a.p.name + ", " + a.role + ","
	case strings.Contains(a.role, " to "):
		return a.p.name + ", " + a.c.adj + " " + a.role + ","
	}
	return a.c.adj + " " + a.role + " " + a.p.name
}

// descEnd is desc at the end of a clause, without a dangling comma.
func descEnd(a actor) string { return strings.TrimSuffix(desc(a), ",") }

// other introduces the second person, as a counterpart when the two hold
// the same office: "met Azerbaijani counterpart Rashad Aliyev".
func other(a0, a1 actor) string {
	if a0.role == a1.role && !a1.c.nonState {
		return a1.c.adj + " counterpart " + a1.p.name
	}
	return descEnd(a1)
}

func (g *generator) oneOf(options ...string) string { return options[g.r.IntN(len(options))] }

// visitor is the first lead not from the host country.
func (f *facts) visitor() actor {
	for _, a := range f.actors {
		if a.c != f.host && !a.third {
			return a
		}
	}
	return f.actors[len(f.actors)-1]
}

func (f *facts) hostName() string {
	if f.host != nil {
		return f.host.name
	}
	return f.cs[0].name
}

func (g *generator) title(f *facts) string {
	a0, a1 := f.actors[0], f.actors[1]
	loc := f.in()
	holders := themeHolders[f.theme]
	if f.kind == "exercise" {
		holders = "armed forces"
	}
	countries := joinAnd(f.countryNames())
	switch f.status {
	case "planned":
		switch f.kind {
		case "visit":
			return f.visitor().p.name + " to visit " + f.hostName()
		case "exercise":
			return "Joint exercise \"" + f.exercise + "\" scheduled" + loc
		}
		return capFirst(f.pair() + " " + kindNoun[f.kind] + " planned" + loc)
	case "cancelled":
		return capFirst("Planned " + f.pair() + " " + kindNoun[f.kind] + loc + " cancelled")
	}
	switch f.kind {
	case "meeting":
		if len(f.cs) > 2 {
			n := "Trilateral"
			if len(f.cs) == 4 {
				n = "Quadrilateral"
			}
			return n + " meeting of the " + holders + " of " + countries + loc
		}
		return g.oneOf(
			capFirst(joinAnd(f.adjs())+" "+holders+" meet"+loc),
			a0.p.name+" holds talks with "+a1.p.name+loc,
			capFirst(f.pair()+" consultations on "+f.area(0)),
		)
	case "visit":
		v := f.visitor()
		return g.oneOf(
			v.p.name+" pays official visit to "+f.hostName(),
			v.c.adj+" "+v.role+" visits "+strings.TrimPrefix(loc, " in "),
		)
	case "call":
		return g.oneOf(
			"Phone call between the "+holders+" of "+countries,
			a0.p.name+" and "+a1.p.name+" hold telephone conversation",
		)
	case "agreement":
		doc := f.doc[strings.IndexByte(f.doc, ' ')+1:]
		return capFirst(countries + " sign " + doc + " on " + f.area(0) + loc)
	case "exercise":
		return g.oneOf(
			"Joint exercise \""+f.exercise+" "+strconv.Itoa(f.e.date.Year())+"\" begins"+loc,
			joinAnd(f.adjs())+" troops hold joint exercise \""+f.exercise+"\"",
		)
	case "statement":
		if len(f.cs) > 2 || g.chance(400) {
			return capFirst(countries + " issue joint statement on " + f.area(0))
		}
		return a0.pos.org + " statement on " + f.area(0)
	}
	return g.oneOf(
		capFirst(countries+" launch joint initiative on "+f.area(0)),
		capFirst(f.pair()+" working group on "+f.area(0)+" convenes"+loc),
	)
}

func (g *generator) summary(f *facts) string {
	paras := []string{g.lead(f)}
	n := g.paraN.pick(g.r)
	a0, a1 := f.actors[0], f.actors[1]
	areas := joinAnd(f.areas)
	switch f.status {
	case "planned":
		paras = append(paras, g.oneOf(
			"The agenda is expected to include "+areas+".",
			"According to the "+a0.pos.org+", preparations are under way and the agenda covers "+areas+"; the date may still change.",
		))
		if n >= 3 {
			paras = append(paras, g.oneOf(
				"Officials did not say whether the talks would be open to the press.",
				a1.p.name+" confirmed the dates in a statement.",
				"The last contact at this level took place several months earlier.",
			))
		}
	case "cancelled":
		paras = append(paras, g.oneOf(cancelReasons...)+". The agenda would have covered "+areas+".")
		if n >= 3 {
			paras = append(paras, g.oneOf(
				"No new date has been announced.",
				"Both sides said cooperation in "+f.area(0)+" would continue.",
			))
		}
	default:
		paras = append(paras, g.oneOf(
			"The sides discussed "+areas+", and reviewed the implementation of earlier agreements.",
			"Talks focused on "+areas+". Both sides stressed the importance of "+f.area(0)+" for stability in the region.",
			"According to the "+a0.c.adj+" side, the agenda covered "+areas+" as well as current developments in the region.",
			a0.p.name+" said that cooperation in "+f.area(0)+" had \"reached a new level\" and thanked "+a1.p.name+" for the support of "+a1.c.name+".",
		))
		if n >= 3 {
			paras = append(paras, g.delegation(f))
		}
		if n >= 4 {
			next := f.e.date.AddDate(0, 2+g.r.IntN(5), 0)
			paras = append(paras, g.oneOf(
				"The parties agreed to hold the next round of consultations in "+a1.c.cities[0].name+" in "+next.Format("January 2006")+".",
				"No joint statement was issued; the "+a0.c.adj+" side published a brief readout.",
				"\""+g.oneOf(quotes...)+",\" "+a0.p.name+" told reporters afterwards.",
			))
		}
	}
	if g.chance(5) {
		// A registry number with backslashes, as some ministries write
		// them: exercises escaping in multi-line strings.
		paras[len(paras)-1] += " The documents were registered under reference " + a0.c.code + `\` + strconv.Itoa(f.e.date.Year()) + `\` + strconv.Itoa(g.seq) + "."
	}
	return strings.Join(paras, "\n\n")
}

// lead is the summary's first paragraph: who, what, where, when.
func (g *generator) lead(f *facts) string {
	a0, a1 := f.actors[0], f.actors[1]
	loc, when := f.in(), f.when()
	countries := joinAnd(f.countryNames())
	switch f.status {
	case "planned":
		switch f.kind {
		case "visit":
			v := f.visitor()
			return capFirst(desc(v)) + " is expected to pay an official visit to " + f.hostName() + " " + when + "."
		case "call":
			return capFirst(desc(a0)) + " is expected to hold a telephone conversation with " + descEnd(a1) + " " + when + "."
		case "agreement":
			return capFirst(countries) + " are expected to sign " + f.doc + " on " + f.area(0) + loc + " " + when + "."
		case "exercise":
			return "The joint exercise \"" + f.exercise + "\" of the armed forces of " + countries + " is scheduled to take place" + loc + " " + when + "."
		case "statement":
			return "The " + a0.pos.org + " announced that a joint statement on " + f.area(0) + " would be issued " + when + "."
		}
		return capFirst(desc(a0)) + " is expected to meet " + other(a0, a1) + loc + " " + when + "."
	case "cancelled":
		return "The " + kindNoun[f.kind] + " between " + desc(a0) + " and " + descEnd(a1) + " planned" + loc + " " + when + " was cancelled."
	}
	switch f.kind {
	case "meeting":
		if len(f.cs) > 2 {
			var leads []string
			for _, a := range f.actors[:min(len(f.cs), len(f.actors))] {
				leads = append(leads, a.p.name)
			}
			return "Delegations of " + countries + " met" + loc + " " + when + ", led by " + joinAnd(leads) + "."
		}
		return g.oneOf(
			capFirst(desc(a0))+" met "+other(a0, a1)+loc+" "+when+".",
			capFirst(when)+", "+desc(a0)+" received "+other(a0, a1)+loc+" for talks.",
		)
	case "visit":
		v := f.visitor()
		h := a0
		if h.c == v.c {
			h = a1
		}
		return capFirst(desc(v)) + " paid an official visit to " + f.hostName() + " " + when + ". " + v.p.name + " was received by " + descEnd(h) + "."
	case "call":
		return capFirst(desc(a0)) + " held a telephone conversation with " + other(a0, a1) + " " + when + "."
	case "agreement":
		return capFirst(desc(a0)) + " and " + other(a0, a1) + " signed " + f.doc + " on cooperation in " + f.area(0) + loc + " " + when + "."
	case "exercise":
		return "The joint exercise \"" + f.exercise + "\" of the armed forces of " + countries + " took place" + loc + " " + when + ". It was opened by " + descEnd(a0) + "."
	case "statement":
		if len(f.cs) > 2 {
			return capFirst(countries) + " issued a joint statement " + when + " on " + f.area(0) + "."
		}
		org := a0.pos.org
		if !strings.HasPrefix(org, "The ") {
			org = "The " + org
		}
		return org + " issued a statement " + when + " on " + f.area(0) + " and on relations with " + a1.c.name + "."
	}
	return capFirst(countries) + " launched a joint initiative on " + f.area(0) + " " + when + ", according to " + descEnd(a0) + "."
}

// delegation names the rest of the people, or says who else attended.
func (g *generator) delegation(f *facts) string {
	var others, observers []string
	for _, a := range f.actors[2:] {
		if a.third {
			observers = append(observers, descEnd(a))
		} else if len(others) < 3 {
			others = append(others, descEnd(a))
		}
	}
	var s []string
	if len(others) > 0 {
		s = append(s, "The delegations also included "+joinAnd(others)+".")
	}
	if len(observers) > 0 {
		s = append(s, capFirst(joinAnd(observers))+" attended as an observer.")
	}
	if len(s) == 0 {
		s = append(s, g.oneOf(
			"Deputy heads and heads of structural departments of both sides attended.",
			"Experts of the "+f.actors[0].pos.org+" and the "+f.actors[1].pos.org+" took part in the talks.",
		))
	}
	return strings.Join(s, " ")
}

func (g *generator) outcomes(f *facts) []string {
	n := g.outN.pick(g.r)
	var out []string
	if f.kind == "agreement" {
		doc := f.doc[strings.IndexByte(f.doc, ' ')+1:]
		out = append(out, strings.ToUpper(doc[:1])+doc[1:]+" on "+f.area(0)+" signed")
		n--
	}
	a1 := f.actors[1]
	year := strconv.Itoa(f.e.date.Year() + 1)
	for ; n > 0; n-- {
		var o string
		switch g.r.IntN(6) {
		case 0:
			o = "Memorandum of understanding on " + f.area(g.r.IntN(4)) + " signed"
		case 1:
			o = "Agreement to hold the next round of talks in " + a1.c.cities[0].name + " in " + f.e.date.AddDate(0, 3, 0).Format("January 2006")
		case 2:
			o = "Joint working group on " + f.area(g.r.IntN(4)) + " established"
		case 3:
			o = "Plan of bilateral military cooperation for " + year + " signed"
		case 4:
			o = capFirst(a1.c.adj) + " side invited to the exercise \"" + exerciseNames[g.r.IntN(len(exerciseNames))] + "\" in " + year
		default:
			o = "Commitment to expand cooperation in " + f.area(g.r.IntN(4))
		}
		out = append(out, o)
	}
	return out
}

// native is a person's name in their own script where the press of their
// country would use it.
func native(a actor) string {
	if a.p.alias != "" && (a.c.code == "GEO" || a.c.code == "AZE") {
		return a.p.alias
	}
	return a.p.name
}

// headline titles a source; pub < 0 is the lead's own ministry.
func (g *generator) headline(f *facts, pub int) string {
	a0, a1 := f.actors[0], f.actors[1]
	if f.status != "held" || g.chance(400) {
		return f.e.title
	}
	if pub >= 0 && g.chance(600) {
		switch publishers[pub].name {
		case "Türk Haber Ajansı":
			return a0.p.name + " ile " + a1.p.name + " görüştü"
		case "Azərbaycan Xəbərləri":
			return native(a0) + " " + native(a1) + " ilə görüşüb"
		case "საქართველოს ამბები":
			return native(a0) + " და " + native(a1) + " შეხვდნენ"
		}
	}
	if pub < 0 {
		return g.oneOf(
			a0.role+" "+a0.p.name+" meets "+a1.c.adj+" counterpart",
			a0.role+" holds talks with "+descEnd(a1),
		)
	}
	return g.oneOf(
		capFirst(joinAnd(f.countryNames()))+" discuss "+f.area(0),
		a0.p.name+" and "+a1.p.name+" hold talks"+f.in(),
		capFirst(f.pair()+": new steps in "+f.area(0)),
	)
}
