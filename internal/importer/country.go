package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// aliases are English country names that sources write and the country
// table (CLDR names) does not have, keyed by their folded form (see fold).
// They cover the names in the US Office of the Historian's lists, ICEWS
// and the usual official long forms. Only other names of the same state
// are here: historical states with no code of their own (U.S.S.R.,
// Yugoslavia, Czechoslovakia) stay unresolved and are reported, so that
// no one is silently counted as their successor.
var aliases = map[string]string{
	"korea, south": "KOR", "south korea": "KOR", "korea, republic of": "KOR", "republic of korea": "KOR", "korea": "KOR",
	"korea, north": "PRK", "north korea": "PRK", "korea, democratic people's republic of": "PRK", "democratic people's republic of korea": "PRK",
	"russian federation": "RUS",
	"turkiye":            "TUR", "republic of turkiye": "TUR",
	"congo, democratic republic of": "COD", "democratic republic of the congo": "COD", "democratic republic of congo": "COD", "dr congo": "COD", "drc": "COD", "zaire": "COD", "congo (kinshasa)": "COD",
	"congo, republic of": "COG", "republic of the congo": "COG", "republic of congo": "COG", "congo": "COG", "congo (brazzaville)": "COG",
	"burma": "MMR", "myanmar": "MMR",
	"united states of america": "USA", "usa": "USA", "u.s.": "USA", "u.s.a.": "USA",
	"great britain": "GBR", "britain": "GBR", "uk": "GBR",
	"iran, islamic republic of": "IRN", "islamic republic of iran": "IRN",
	"syrian arab republic":             "SYR",
	"viet nam":                         "VNM",
	"lao people's democratic republic": "LAO", "lao pdr": "LAO",
	"cote d'ivoire": "CIV", "ivory coast": "CIV",
	"cabo verde":     "CPV",
	"czech republic": "CZE", "czechia": "CZE",
	"macedonia": "MKD", "north macedonia": "MKD", "macedonia, former yugoslav republic of": "MKD", "the former yugoslav republic of macedonia": "MKD", "former yugoslav republic of macedonia": "MKD", "fyrom": "MKD",
	"swaziland": "SWZ", "eswatini": "SWZ",
	"east timor": "TLS", "timor leste": "TLS", "timor-leste": "TLS",
	"holy see": "VAT", "vatican city": "VAT", "vatican": "VAT",
	"palestine": "PSE", "state of palestine": "PSE", "palestinian authority": "PSE", "occupied palestinian territory": "PSE", "palestinian territory, occupied": "PSE", "palestinian territories": "PSE", "west bank": "PSE", "gaza strip": "PSE",
	"bosnia": "BIH", "bosnia-herzegovina": "BIH",
	"brunei darussalam": "BRN",
	"kyrgyz republic":   "KGZ", "kirghizia": "KGZ",
	"slovak republic": "SVK",
	"micronesia":      "FSM", "micronesia, federated states of": "FSM", "federated states of micronesia": "FSM",
	"st. kitts and nevis": "KNA", "st. christopher and nevis": "KNA", "saint kitts and nevis": "KNA",
	"st. lucia": "LCA", "saint lucia": "LCA",
	"st. vincent and the grenadines": "VCT", "saint vincent and the grenadines": "VCT",
	"the gambia": "GMB", "gambia": "GMB",
	"the bahamas": "BHS", "bahamas": "BHS",
	"hong kong": "HKG", "macau": "MAC", "macao": "MAC",
	"taiwan": "TWN", "republic of china": "TWN", "china, republic of": "TWN",
	"china, people's republic of": "CHN", "people's republic of china": "CHN",
	"germany, federal republic of": "DEU", "federal republic of germany": "DEU", "west germany": "DEU",
	"moldova, republic of": "MDA", "republic of moldova": "MDA",
	"tanzania, united republic of": "TZA", "united republic of tanzania": "TZA",
	"venezuela, bolivarian republic of": "VEN",
	"bolivia, plurinational state of":   "BOL",
	"byelorussia":                       "BLR", "belorussia": "BLR",
	"ceylon": "LKA", "siam": "THA", "dahomey": "BEN", "upper volta": "BFA", "western samoa": "WSM", "kampuchea": "KHM",
	"muscat & oman": "OMN", "muscat and oman": "OMN",
	"sao tome and principe": "STP",
	"trinidad and tobago":   "TTO", "antigua and barbuda": "ATG", "saint kitts & nevis": "KNA",
	"the netherlands": "NLD", "holland": "NLD",
	"united arab emirates": "ARE", "uae": "ARE",
	"somali republic": "SOM",
}

// Resolver maps a country name or code to a code of the table.
type Resolver struct {
	table  *country.Table
	byName map[string]string // folded name -> code
}

// NewResolver indexes the table's names and the alias list.
func NewResolver(t *country.Table) *Resolver {
	r := &Resolver{table: t, byName: make(map[string]string, 2*t.Len()+len(aliases))}
	// The built-in names first, so that a name the config renames
	// ([countries] TUR = "Türkiye") still resolves ("Turkey").
	for _, tab := range []*country.Table{country.New(nil), t} {
		for _, code := range tab.Codes() {
			if name, ok := tab.Name(code); ok && t.Known(code) {
				r.byName[fold(name)] = code
			}
		}
	}
	for name, code := range aliases {
		if t.Known(code) {
			r.byName[fold(name)] = code
		}
	}
	return r
}

// Resolve returns the code for s: a code of the table (any case), a
// name of the table or of the alias list (any case, accents and "&" for
// "and" ignored), or a name with a parenthesised qualifier whose part
// before or inside the parentheses resolves ("Denmark (Greenland)",
// "Ceylon (Sri Lanka)"). It returns "" when nothing does.
func (r *Resolver) Resolve(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if country.IsCode(s) && r.table.Known(s) {
		return strings.ToUpper(s)
	}
	if c, ok := r.byName[fold(s)]; ok {
		return c
	}
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		if c := r.Resolve(s[:i]); c != "" {
			return c
		}
		return r.Resolve(s[i+1 : len(s)-1])
	}
	return ""
}

// fold is a name's form for matching: lower case, accents dropped, curly
// apostrophes straight, "&" as "and", runs of spaces as one.
func fold(s string) string {
	s = foldMarks(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "&", " and ").Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// foldMarks drops combining marks after canonical decomposition:
// "Türkiye" -> "Turkiye", "São Tomé" -> "Sao Tome".
func foldMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
