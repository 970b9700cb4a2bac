package country

import (
	"slices"
	"strings"
	"testing"
)

// iso3166Alpha3 is the list of the 249 officially assigned ISO 3166-1
// alpha-3 codes, typed in as test data to check the derived table.
var iso3166Alpha3 = strings.Fields(`
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
DEU DJI DMA DNK DOM DZA
ECU EGY ERI ESH ESP EST ETH
FIN FJI FLK FRA FRO FSM
GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
HKG HMD HND HRV HTI HUN
IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA
JAM JEY JOR JPN
KAZ KEN KGZ KHM KIR KNA KOR KWT
LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT
NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL
OMN
PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF
QAT
REU ROU RUS RWA
SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR
TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
UGA UKR UMI URY USA UZB
VAT VCT VEN VGB VIR VNM VUT
WLF WSM
YEM
ZAF ZMB ZWE
`)

var ploverCodes = []string{"EUR", "IGO", "NGO", "UNO"}

func TestBuiltinCodes(t *testing.T) {
	tab := New(nil)
	t.Run("expected list has 249 unique codes", func(t *testing.T) {
		if got := len(iso3166Alpha3); got != 249 {
			t.Fatalf("test data has %d codes, want 249", got)
		}
		if !slices.IsSorted(iso3166Alpha3) || len(slices.Compact(slices.Clone(iso3166Alpha3))) != 249 {
			t.Fatal("test data not sorted or has duplicates")
		}
	})
	t.Run("derived ISO codes equal the official list", func(t *testing.T) {
		var got []string
		for _, r := range isoRegions() {
			got = append(got, r.ISO3())
		}
		slices.Sort(got)
		if !slices.Equal(got, iso3166Alpha3) {
			t.Errorf("missing %v, unexpected %v", diff(iso3166Alpha3, got), diff(got, iso3166Alpha3))
		}
	})
	t.Run("table is ISO plus PLOVER", func(t *testing.T) {
		want := slices.Sorted(slices.Values(append(slices.Clone(iso3166Alpha3), ploverCodes...)))
		if got := tab.Codes(); !slices.Equal(got, want) {
			t.Errorf("Codes(): missing %v, unexpected %v", diff(want, got), diff(got, want))
		}
		if got := tab.Len(); got != 253 {
			t.Errorf("Len() = %d, want 253", got)
		}
	})
	t.Run("every code has a name and looks like a code", func(t *testing.T) {
		for _, c := range tab.Codes() {
			if name, ok := tab.Name(c); !ok || name == "" {
				t.Errorf("Name(%q) = %q, %v", c, name, ok)
			}
			if !IsCode(c) {
				t.Errorf("IsCode(%q) = false", c)
			}
		}
	})
	t.Run("names are unique", func(t *testing.T) {
		seen := map[string]string{}
		for _, c := range tab.Codes() {
			n, _ := tab.Name(c)
			if o, ok := seen[n]; ok {
				t.Errorf("%s and %s share name %q", o, c, n)
			}
			seen[n] = c
		}
	})
	t.Run("Codes returns a copy", func(t *testing.T) {
		tab.Codes()[0] = "XXX"
		if tab.Codes()[0] == "XXX" {
			t.Error("Codes() exposes internal slice")
		}
	})
}

// diff returns the elements of a not in b.
func diff(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func TestName(t *testing.T) {
	tab := New(nil)
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"GEO", "Georgia", true},
		{"AZE", "Azerbaijan", true},
		{"ARM", "Armenia", true},
		{"USA", "United States", true},
		{"RUS", "Russia", true},
		{"GBR", "United Kingdom", true},
		{"TUR", "Turkey", true},
		{"COD", "Congo - Kinshasa", true},
		{"MMR", "Myanmar (Burma)", true},
		{"PSE", "Palestinian Territories", true},
		{"IGO", "Intergovernmental organization", true},
		{"NGO", "Non-governmental organization", true},
		{"EUR", "Europe", true},
		{"UNO", "United Nations", true},
		{"geo", "Georgia", true},
		{"Geo", "Georgia", true},
		{"uNo", "United Nations", true},
		// Excluded edge codes.
		{"XKK", "", false}, // Kosovo: user-assigned XK, not ISO
		{"KOS", "", false},
		{"ANT", "", false}, // Netherlands Antilles, withdrawn
		{"SCG", "", false}, // Serbia and Montenegro, withdrawn
		{"SUN", "", false}, // USSR, withdrawn
		{"YUG", "", false}, // Yugoslavia, withdrawn
		{"ZAR", "", false}, // Zaire, now COD
		{"BUR", "", false}, // Burma, now MMR
		{"DDR", "", false}, // East Germany
		{"FXX", "", false}, // Metropolitan France, withdrawn
		{"ASC", "", false}, // Ascension, exceptionally reserved AC
		{"TAA", "", false}, // Tristan da Cunha, exceptionally reserved TA
		{"DGA", "", false}, // Diego Garcia, exceptionally reserved DG
		{"CPT", "", false}, // Clipperton, exceptionally reserved CP
		{"ZZZ", "", false},
		{"", "", false},
		{"GE", "", false},
		{"GEOR", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got, ok := tab.Name(tt.code)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Name(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
			}
			if k := tab.Known(tt.code); k != tt.ok {
				t.Errorf("Known(%q) = %v, want %v", tt.code, k, tt.ok)
			}
		})
	}
}

func TestNewExtra(t *testing.T) {
	extra := map[string]string{
		"kos":  "Kosovo",
		"TUR":  "Türkiye",
		"Cod":  "DR Congo",
		" XX ": "",  // empty name: ignored
		"":     "x", // empty key: ignored
	}
	tab := New(extra)
	tests := []struct {
		name, code, want string
		ok               bool
	}{
		{"added", "KOS", "Kosovo", true},
		{"added lower-case lookup", "kos", "Kosovo", true},
		{"renamed", "TUR", "Türkiye", true},
		{"renamed mixed-case key", "COD", "DR Congo", true},
		{"untouched", "GEO", "Georgia", true},
		{"empty name ignored", "XX", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tab.Name(tt.code)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Name(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
	t.Run("Len counts only new codes", func(t *testing.T) {
		if got := tab.Len(); got != 254 {
			t.Errorf("Len() = %d, want 254", got)
		}
		if !slices.Contains(tab.Codes(), "KOS") || slices.Contains(tab.Codes(), "kos") {
			t.Error("extra code not stored upper-case")
		}
	})
	t.Run("built-in table not modified", func(t *testing.T) {
		plain := New(nil)
		if got, _ := plain.Name("TUR"); got != "Turkey" {
			t.Errorf("Name(TUR) = %q after New(extra)", got)
		}
		if plain.Known("KOS") || plain.Len() != 253 {
			t.Error("extras leaked into built-in table")
		}
	})
	t.Run("case-only duplicate keys are deterministic", func(t *testing.T) {
		for range 20 {
			tb := New(map[string]string{"GEO": "A", "geo": "B", "Geo": "C"})
			if got, _ := tb.Name("GEO"); got != "B" {
				t.Fatalf("Name(GEO) = %q, want %q (key sorting last)", got, "B")
			}
		}
	})
}

func TestSuggest(t *testing.T) {
	tab := New(map[string]string{"KOS": "Kosovo", "TUR": "Türkiye"})
	tests := []struct {
		name, in, want string
	}{
		{"transposition", "GOE", "GEO"},
		{"substitution", "AZR", "AZE"},
		{"substitution digit", "GE0", "GEO"},
		{"lower-case typo", "goe", "GEO"},
		{"deletion", "GEOO", "GEO"},
		{"several candidates, alphabetical", "ARN", "ARE ARG ARM BRN IRN"},
		{"several candidates, first letter", "USR", "ISR MSR SUR UKR USA"},
		{"transposition and substitutions", "GNI", "GIN GNB GNQ"},
		{"alpha-2", "GE", "GEO"},
		{"alpha-2 lower-case", "az", "AZE"},
		{"alpha-2 US", "US", "USA"},
		{"deprecated alpha-2 UK", "UK", "GBR"},
		{"deprecated alpha-2 ZR", "ZR", "COD"},
		{"English name", "Georgia", "GEO"},
		{"English name lower-case", "georgia", "GEO"},
		{"English name spaces", "  United States ", "USA"},
		{"English name upper-case", "RUSSIA", "RUS"},
		{"built-in name after rename", "Turkey", "TUR"},
		{"renamed name", "türkiye", "TUR"},
		{"extra name", "kosovo", "KOS"},
		{"PLOVER name", "united nations", "UNO"},
		{"known code", "geo", "GEO"},
		{"extra code typo", "KSO", "KOS LSO"},
		{"nothing close", "XYZ", ""},
		{"unknown alpha-2", "XK", ""},
		{"empty", "", ""},
		{"blank", "   ", ""},
		{"long garbage", "Atlantis", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(tab.Suggest(tt.in), " "); got != tt.want {
				t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWithinOne(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"GEO", "GEO", false},
		{"GOE", "GEO", true},
		{"EGO", "GEO", true},
		{"OEG", "GEO", false},
		{"GEA", "GEO", true},
		{"XEO", "GEO", true},
		{"GXX", "GEO", false},
		{"GE", "GEO", true},
		{"EO", "GEO", true},
		{"GO", "GEO", true},
		{"GEOX", "GEO", true},
		{"XGEO", "GEO", true},
		{"G", "GEO", false},
		{"", "GEO", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"_"+tt.b, func(t *testing.T) {
			if got := withinOne(tt.a, tt.b); got != tt.want {
				t.Errorf("withinOne(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := withinOne(tt.b, tt.a); got != tt.want {
				t.Errorf("withinOne(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestIsCode(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"GEO", true},
		{"geo", true},
		{"GeO", true},
		{"GE", false},
		{"GEOR", false},
		{"", false},
		{"GE0", false},
		{"G-O", false},
		{"G@O", false},
		{"G[O", false},
		{"G`O", false},
		{"G{O", false},
		{"ÄB", false}, // two runes, three bytes
		{" GE", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsCode(tt.in); got != tt.want {
				t.Errorf("IsCode(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkName(b *testing.B) {
	tab := New(nil)
	codes := []string{"GEO", "aze", "USA", "XYZ"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tab.Name(codes[i%len(codes)])
	}
}

func BenchmarkNew(b *testing.B) {
	extra := map[string]string{"KOS": "Kosovo"}
	b.ReportAllocs()
	for b.Loop() {
		New(extra)
	}
}
