// Package country is the table of country codes known to briefing: the
// officially assigned ISO 3166-1 alpha-3 codes with English display names,
// plus the PLOVER non-state actor codes (IGO, NGO, EUR, UNO). Events name
// their actors by these codes; the table validates them, names them for
// output and suggests corrections for typos.
//
// The ISO part is derived from golang.org/x/text (CLDR data), not typed by
// hand, so names follow the pinned x/text version. Some CLDR names are dated
// or terse for a briefing, e.g. "Turkey" (TUR), "Macedonia" (MKD),
// "Swaziland" (SWZ), "Myanmar (Burma)" (MMR), "Congo - Kinshasa" (COD),
// "Congo - Brazzaville" (COG), "Cape Verde" (CPV), "Palestinian Territories"
// (PSE), "Hong Kong SAR China" (HKG) and "&" for "and". They are kept as is;
// users override them through the extra entries passed to New.
//
// It is not a stable API: it serves the briefing command and changes with
// it, without notice.
package country

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// plover lists the PLOVER/CAMEO non-state actor codes added to the ISO codes.
var plover = map[string]string{
	"IGO": "Intergovernmental organization",
	"NGO": "Non-governmental organization",
	"EUR": "Europe",
	"UNO": "United Nations",
}

// builtinData is the immutable part shared by all tables.
type builtinData struct {
	names  map[string]string // alpha-3 or PLOVER code -> display name
	byName map[string]string // lower-case display name -> code
	alpha2 map[string]string // ISO alpha-2 (and deprecated aliases) -> alpha-3
}

var builtin = sync.OnceValue(buildBuiltin)

// isoRegions enumerates the officially assigned ISO 3166-1 countries known to
// x/text by parsing every two-letter code AA..ZZ. A region is kept when it
//   - is a country (not a grouping such as EU or the UN),
//   - is not private-use (AA, QM..QZ, XA..XZ, ZZ; this drops Kosovo "XK"),
//   - is its own canonical form (drops deprecated codes with a successor,
//     e.g. BU->MM, DD->DE, ZR->CD, and the reserved UK->GB),
//   - has a UN M49 numeric code (drops the exceptionally reserved AC, CP,
//     DG, EA, EZ, IC, TA and CQ, which ISO 3166-1 does not assign), and
//   - has an English CLDR name (drops the withdrawn AN, CS, NT, SU, YU).
func isoRegions() []language.Region {
	var out []language.Region
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]byte{a, b}))
			if err != nil || !r.IsCountry() || r.IsPrivateUse() ||
				r.Canonicalize() != r || r.M49() == 0 {
				continue
			}
			if display.English.Regions().Name(r) == "" {
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

func buildBuiltin() *builtinData {
	d := &builtinData{
		names:  make(map[string]string, 260),
		alpha2: make(map[string]string, 280),
	}
	namer := display.English.Regions()
	for _, r := range isoRegions() {
		d.names[r.ISO3()] = namer.Name(r)
		d.alpha2[r.String()] = r.ISO3()
	}
	// Deprecated alpha-2 codes with a single successor ("UK" -> GB, "BU" ->
	// MM) still occur in source texts; let Suggest map them as well.
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			s := string([]byte{a, b})
			if _, ok := d.alpha2[s]; ok {
				continue
			}
			r, err := language.ParseRegion(s)
			if err != nil {
				continue
			}
			if iso3, ok := d.alpha2[r.Canonicalize().String()]; ok {
				d.alpha2[s] = iso3
			}
		}
	}
	maps.Copy(d.names, plover)
	d.byName = make(map[string]string, len(d.names))
	for code, name := range d.names {
		indexName(d.byName, name, code)
	}
	return d
}

// Table maps upper-case alpha-3 codes to display names. Build with New.
type Table struct {
	names  map[string]string // code -> display name
	codes  []string          // sorted keys of names
	byName map[string]string // lower-case name -> code
	alpha2 map[string]string // shared, read-only
}

// New returns the built-in table (ISO 3166-1 alpha-3 + PLOVER non-state codes) with extra
// entries added or renamed (keys are codes, matched case-insensitively, stored upper-case).
// Entries with an empty key or name are ignored; keys are surrounding-space trimmed.
// If two keys differ only in case, the one sorting last ("geo" after "GEO") wins.
func New(extra map[string]string) *Table {
	b := builtin()
	t := &Table{
		names:  make(map[string]string, len(b.names)+len(extra)),
		byName: make(map[string]string, len(b.names)+2*len(extra)),
		alpha2: b.alpha2,
	}
	maps.Copy(t.names, b.names)
	// Built-in names stay findable by Suggest even when renamed.
	maps.Copy(t.byName, b.byName)
	var added []string
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		code := strings.ToUpper(strings.TrimSpace(k))
		if code == "" || extra[k] == "" {
			continue
		}
		t.names[code] = extra[k]
		added = append(added, code)
	}
	for _, code := range added {
		indexName(t.byName, t.names[code], code)
	}
	t.codes = slices.Sorted(maps.Keys(t.names))
	return t
}

// indexName records name -> code in idx; on a clash the alphabetically
// smaller code wins so Suggest stays deterministic.
func indexName(idx map[string]string, name, code string) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return
	}
	if old, ok := idx[key]; ok && old < code {
		return
	}
	idx[key] = code
}

// Name returns the display name of code (matched case-insensitively).
func (t *Table) Name(code string) (string, bool) {
	name, ok := t.names[strings.ToUpper(code)]
	return name, ok
}

// Known reports whether code (matched case-insensitively) is in the table.
func (t *Table) Known(code string) bool {
	_, ok := t.names[strings.ToUpper(code)]
	return ok
}

// Suggest returns the known codes an unknown one may have meant ("GOE" ->
// GEO), or nil when nothing is close. In order of preference:
//   - a known code is returned in its upper-case form ("geo" -> GEO);
//   - an ISO alpha-2 code maps to its alpha-3, including deprecated alpha-2
//     codes with a successor ("GE" -> GEO, "UK" -> GBR);
//   - a display name typed as code maps to its code, case-insensitively
//     ("Georgia" -> GEO); built-in names still match after a rename;
//   - otherwise every known code at edit distance 1 (one substitution,
//     insertion, deletion, or transposition of adjacent letters), in
//     alphabetical order: "GOE" -> GEO, "ARN" -> ARE, ARG, ARM. Listing
//     them all leaves the choice to the reader, who knows the country.
func (t *Table) Suggest(code string) []string {
	s := strings.TrimSpace(code)
	if s == "" {
		return nil
	}
	up := strings.ToUpper(s)
	if _, ok := t.names[up]; ok {
		return []string{up}
	}
	if len(up) == 2 {
		if iso3, ok := t.alpha2[up]; ok {
			return []string{iso3}
		}
	}
	if c, ok := t.byName[strings.ToLower(s)]; ok {
		return []string{c}
	}
	var out []string
	for _, c := range t.codes { // sorted
		if withinOne(up, c) {
			out = append(out, c)
		}
	}
	return out
}

// withinOne reports whether a and b (a != b) are at optimal string alignment
// distance 1: one substitution, insertion, deletion or adjacent transposition.
// It compares bytes, which is exact for the ASCII codes in the table.
func withinOne(a, b string) bool {
	la, lb := len(a), len(b)
	switch {
	case la == lb:
		i := 0
		for i < la && a[i] == b[i] {
			i++
		}
		if i == la {
			return false // equal
		}
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la == lb+1:
		return oneDeletion(a, b)
	case lb == la+1:
		return oneDeletion(b, a)
	}
	return false
}

// oneDeletion reports whether deleting one byte from long yields short.
func oneDeletion(long, short string) bool {
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return long[i+1:] == short[i:]
}

// Len returns the number of codes in the table.
func (t *Table) Len() int { return len(t.names) }

// Codes returns all codes in the table, sorted. The slice is a copy.
func (t *Table) Codes() []string { return slices.Clone(t.codes) }

// IsCode reports whether s looks like a code: exactly three ASCII letters.
func IsCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		c := s[i] | 0x20 // fold ASCII upper to lower
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
