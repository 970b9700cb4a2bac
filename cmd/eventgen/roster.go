package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameStyle says how a pool's native spelling turns into the canonical name
// and its alias.
type nameStyle int

const (
	styleLatin nameStyle = iota // one spelling only
	styleKA                     // Georgian script; canonical is the national transliteration
	styleAZ                     // Azerbaijani Latin; canonical is the English transliteration
	styleFold                   // diacritics kept in the canonical name; alias without them
	styleDE                     // German; alias with ae/oe/ue/ss
	styleHY                     // Armenian; alias with -ian for -yan
	styleRU                     // Russian; alias with the other common transliteration
	styleFA                     // Persian; alias with the other common transliteration
)

type namePool struct {
	style                  nameStyle
	male, female, surnames []string
	femSuffix              bool // -ov/-ev/-in/-ski take a feminine ending
	surnameFirst           bool
	mixed                  []*namePool // draw from one of these instead
}

// person is one fictional official.
type person struct {
	name  string // canonical spelling, the key of [people]
	alias string // other spelling listed under [people], "" when none
}

// position is an office with its holders over the archive's span: ministers
// change, so the same role is held by different people in different years.
type position struct {
	role, org, rank string
	weight          int
	lead            bool // the head of its theme: leads delegations
	holders         []*person
	until           []int // holders[i] is in office before day until[i]
}

func (p *position) holder(day int) *person {
	for i, u := range p.until {
		if day < u {
			return p.holders[i]
		}
	}
	return p.holders[len(p.holders)-1]
}

type countryRoster struct {
	c      *country
	all    [numThemes]*table[*position]
	leads  [numThemes]*table[*position]
	byRole []*position
}

// roster holds everyone who can appear in the archive.
type roster struct {
	byCode map[string]*countryRoster // lookups only, never iterated
	people []*person                 // in creation order
}

// newRoster builds the people from their own random stream, so that the
// cast depends on the seed and the span (days, for terms of office), not on
// how many events are drawn.
func newRoster(seed uint64, days int) *roster {
	r := rand.New(rand.NewPCG(seed, 0x5eed_0fa1_0ff1_c1a1))
	ro := &roster{byCode: map[string]*countryRoster{}}
	used := map[string]bool{}
	for _, c := range countries {
		cr := &countryRoster{c: c}
		ro.byCode[c.code] = cr
		add := func(theme int, p *position) {
			n := 1 + r.IntN(2)
			if p.lead {
				n = 1 + r.IntN(3)
			}
			cuts := make([]int, n-1)
			for i := range cuts {
				cuts[i] = 1 + r.IntN(max(days-1, 1))
			}
			slices.Sort(cuts)
			for range n {
				pp := ro.newPerson(r, c.names, used)
				p.holders = append(p.holders, pp)
			}
			p.until = append(cuts, days)
			cr.byRole = append(cr.byRole, p)
			if cr.all[theme] == nil {
				cr.all[theme], cr.leads[theme] = &table[*position]{}, &table[*position]{}
			}
			cr.all[theme].add(p, p.weight)
			if p.lead {
				cr.leads[theme].add(p, p.weight)
			}
		}
		if c.nonState {
			list := unoPositions
			if c.code == "EUR" {
				list = eurPositions
			}
			for i, ip := range list {
				p := &position{role: ip.role, org: ip.org, weight: ip.weight, lead: i < 2}
				// International officials take part whatever the theme.
				for th := range numThemes {
					if th == 0 {
						add(th, p)
						continue
					}
					if cr.all[th] == nil {
						cr.all[th], cr.leads[th] = &table[*position]{}, &table[*position]{}
					}
					cr.all[th].add(p, p.weight)
					if p.lead {
						cr.leads[th].add(p, p.weight)
					}
				}
			}
			continue
		}
		for _, s := range statePositions {
			p := &position{role: s.role, org: orgName(c, s.org), weight: s.weight, lead: s.weight >= 20}
			for _, o := range roleOverrides {
				if o.code == c.code && o.role == s.role {
					p.role = o.name
				}
			}
			switch s.rank {
			case "*":
				p.rank = c.generals
			case "*S":
				// Security services with military ranks.
				if slices.Contains([]string{"GEO", "AZE", "ARM", "RUS", "UKR", "KAZ", "IRN"}, c.code) {
					p.rank = c.generals
				}
			default:
				p.rank = s.rank
			}
			add(s.theme, p)
		}
	}
	return ro
}

func orgName(c *country, org int) string {
	for _, o := range orgOverrides {
		if o.code == c.code && o.org == org {
			return o.name
		}
	}
	return fmt.Sprintf(stateOrgs[org], c.formal)
}

// newPerson draws a name not yet used by anyone, in any spelling: two
// people sharing a spelling would merge in the loader.
func (ro *roster) newPerson(r *rand.Rand, pool *namePool, used map[string]bool) *person {
	for attempt := 0; ; attempt++ {
		p := pool
		if len(p.mixed) > 0 {
			p = p.mixed[r.IntN(len(p.mixed))]
		}
		female := r.IntN(100) < 28
		var first string
		if female {
			first = p.female[r.IntN(len(p.female))]
		} else {
			first = p.male[r.IntN(len(p.male))]
		}
		sur := p.surnames[r.IntN(len(p.surnames))]
		if female && p.femSuffix {
			sur = feminine(sur)
		}
		native := first + " " + sur
		if p.surnameFirst {
			native = sur + " " + first
		}
		if attempt > 40 { // pools exhausted for this country: add an initial
			native = first + " " + string(rune('A'+attempt%26)) + ". " + sur
		}
		canon, alias := spellings(p.style, native, r)
		if used[fold(canon)] || (alias != "" && used[fold(alias)]) {
			continue
		}
		used[fold(canon)] = true
		if alias != "" {
			used[fold(alias)] = true
		}
		pp := &person{name: canon, alias: alias}
		ro.people = append(ro.people, pp)
		return pp
	}
}

func feminine(s string) string {
	switch {
	case strings.HasSuffix(s, "ski"):
		return strings.TrimSuffix(s, "i") + "a"
	case strings.HasSuffix(s, "ov"), strings.HasSuffix(s, "ev"), strings.HasSuffix(s, "in"):
		return s + "a"
	}
	return s
}

// spellings returns the canonical name and an alias (or "") for a native
// spelling.
func spellings(style nameStyle, native string, r *rand.Rand) (canon, alias string) {
	switch style {
	case styleKA:
		canon, alias = titleWords(mapRunes(native, georgianLatin)), native
	case styleAZ:
		canon, alias = mapRunes(native, azerbaijaniLatin), native
	case styleFold:
		canon, alias = native, mapRunes(native, asciiLatin)
	case styleDE:
		canon, alias = native, mapRunes(native, germanLatin)
	case styleHY:
		// Only some people are known under both spellings.
		canon = native
		if r.IntN(2) == 0 {
			alias = strings.Replace(native, "yan", "ian", 1)
		}
	case styleRU, styleFA:
		canon = native
		alias = native
		for _, v := range variantSpellings {
			alias = replaceWord(alias, v[0], v[1])
		}
	default:
		canon = native
	}
	if fold(alias) == fold(canon) {
		alias = ""
	}
	return canon, alias
}

// variantSpellings are the transliteration pairs that make one Russian or
// Persian name appear under two spellings.
var variantSpellings = [][2]string{
	{"Sergei", "Sergey"}, {"Alexei", "Alexey"}, {"Andrei", "Andrey"}, {"Nikolai", "Nikolay"},
	{"Yuri", "Yury"}, {"Dmitry", "Dmitriy"}, {"Tatiana", "Tatyana"}, {"Natalia", "Natalya"},
	{"Mohammad", "Mohammed"}, {"Hossein", "Hosein"}, {"Mahmoud", "Mahmud"}, {"Saeed", "Said"},
}

func replaceWord(s, from, to string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if w == from {
			words[i] = to
		}
	}
	return strings.Join(words, " ")
}

func mapRunes(s string, m map[rune]string) string {
	var b strings.Builder
	for _, c := range s {
		if t, ok := m[c]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func titleWords(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if r, n := utf8.DecodeRuneInString(w); n > 0 {
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// fold is the loader's identity for names (SPEC §3): whitespace collapsed,
// lower case, and the dot that lower-casing İ leaves dropped. The generator
// uses it to keep spellings of different people apart and to make sure a
// case variant still names the same person.
func fold(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.ReplaceAll(s, "i\u0307", "i")
}

// georgianLatin is Georgia's national transliteration system (2002).
var georgianLatin = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z", 'თ': "t", 'ი': "i",
	'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o", 'პ': "p", 'ჟ': "zh", 'რ': "r", 'ს': "s",
	'ტ': "t", 'უ': "u", 'ფ': "p", 'ქ': "k", 'ღ': "gh", 'ყ': "q", 'შ': "sh", 'ჩ': "ch", 'ც': "ts",
	'ძ': "dz", 'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j", 'ჰ': "h",
}

// azerbaijaniLatin is the English-language press transliteration:
// Həsənov → Hasanov, Nağıyev → Naghiyev, Cəfərov → Jafarov.
var azerbaijaniLatin = map[rune]string{
	'ə': "a", 'Ə': "A", 'ş': "sh", 'Ş': "Sh", 'ç': "ch", 'Ç': "Ch", 'ğ': "gh", 'ı': "i",
	'İ': "I", 'ö': "o", 'Ö': "O", 'ü': "u", 'Ü': "U", 'q': "g", 'Q': "G", 'x': "kh", 'X': "Kh",
	'c': "j", 'C': "J",
}

// asciiLatin strips the diacritics of Turkish, French, Polish and Romanian.
var asciiLatin = map[rune]string{
	'ş': "s", 'Ş': "S", 'ğ': "g", 'Ğ': "G", 'ı': "i", 'İ': "I", 'ç': "c", 'Ç': "C", 'ö': "o",
	'Ö': "O", 'ü': "u", 'Ü': "U", 'é': "e", 'É': "E", 'è': "e", 'ê': "e", 'ô': "o", 'û': "u",
	'î': "i", 'ï': "i", 'ł': "l", 'Ł': "L", 'ś': "s", 'ó': "o", 'ą': "a", 'ę': "e", 'ń': "n",
	'ż': "z", 'ź': "z", 'ć': "c", 'ă': "a", 'â': "a", 'ț': "t", 'Ț': "T", 'ș': "s", 'Ș': "S",
}

var germanLatin = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'Ä': "Ae", 'Ö': "Oe", 'Ü': "Ue", 'ß': "ss"}

// slugify turns any text into the ASCII of ids and URLs.
func slugify(s string) string {
	for _, m := range []map[rune]string{germanLatin, azerbaijaniScriptSafe, asciiLatin, georgianLatin} {
		s = mapRunes(s, m)
	}
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// azerbaijaniScriptSafe maps only the letters that exist in no other
// alphabet here, so that slugify does not turn Turkish c into j.
var azerbaijaniScriptSafe = map[rune]string{'ə': "a", 'Ə': "A"}
