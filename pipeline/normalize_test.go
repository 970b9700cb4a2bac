package pipeline

import (
	"reflect"
	"strings"
	"testing"
)

func TestNormalizePeople(t *testing.T) {
	tests := []struct {
		name    string
		aliases map[string][]string
		in      []string // spellings across all events, one participant each
		want    []string // display names, in the same order
	}{
		{"whitespace", nil, []string{"  Ali   Naghiyev ", "Ali Naghiyev"}, []string{"Ali Naghiyev", "Ali Naghiyev"}},
		{"tabs and newlines", nil, []string{"Ali\tNaghiyev\n"}, []string{"Ali Naghiyev"}},
		{"case variants take the most frequent spelling", nil,
			[]string{"ali naghiyev", "Ali Naghiyev", "Ali Naghiyev", "ALI NAGHIYEV"},
			[]string{"Ali Naghiyev", "Ali Naghiyev", "Ali Naghiyev", "Ali Naghiyev"}},
		{"tie goes to the smallest in byte order", nil,
			[]string{"ali naghiyev", "Ali Naghiyev"},
			[]string{"Ali Naghiyev", "Ali Naghiyev"}},
		{"alias maps to the configured name", map[string][]string{"Zakir Hasanov": {"Zakir Həsənov"}},
			[]string{"Zakir Həsənov", "zakir həsənov", "Zakir  Hasanov"},
			[]string{"Zakir Hasanov", "Zakir Hasanov", "Zakir Hasanov"}},
		{"configured name wins over the most frequent spelling", map[string][]string{"Zakir Hasanov": nil},
			[]string{"ZAKIR HASANOV", "ZAKIR HASANOV", "zakir hasanov"},
			[]string{"Zakir Hasanov", "Zakir Hasanov", "Zakir Hasanov"}},
		{"alias in Georgian script", map[string][]string{"Mamuka Mdinaradze": {"მამუკა მდინარაძე"}},
			[]string{"მამუკა  მდინარაძე"}, []string{"Mamuka Mdinaradze"}},
		{"Turkish dotted capital I folds by Unicode rules", nil,
			[]string{"İlham Əliyev", "İlham Əliyev", "i\u0307lham əliyev", "ILHAM ƏLIYEV"},
			[]string{"İlham Əliyev", "İlham Əliyev", "İlham Əliyev", "İlham Əliyev"}},
		{"NFC and NFD spellings are one person", nil,
			[]string{"S\u0327əki Əliyev", "Şəki Əliyev"},
			[]string{"Şəki Əliyev", "Şəki Əliyev"}},
		{"different people stay apart", nil, []string{"Ali Naghiyev", "Ali Naghiyeva"}, []string{"Ali Naghiyev", "Ali Naghiyeva"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var evs []*Event
			for i, n := range tt.in {
				evs = append(evs, ev("e"+string(rune('a'+i)), "2025-10-20", "meeting", []string{"AZE", "GEO"}, people(Participant{Name: n})))
			}
			normalizePeople(tt.aliases, evs)
			var got []string
			for _, e := range evs {
				got = append(got, e.Participants[0].Name)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("display names = %q, want %q", got, tt.want)
			}
			for i := 1; i < len(evs); i++ {
				if got[i] == got[0] && evs[i].Participants[0].Key() != evs[0].Participants[0].Key() {
					t.Errorf("same display name, different identity: %q vs %q", evs[i].Participants[0].Key(), evs[0].Participants[0].Key())
				}
			}
		})
	}
}

func TestNormalizeFocusAreas(t *testing.T) {
	areasCfg := map[string][]string{
		"Intelligence sharing": {"information sharing", "facts exchange"},
		"Border security":      nil,
	}
	tests := []struct {
		name  string
		in    []string
		want  []string
		warns []string
	}{
		{"canonical, any case", []string{"border SECURITY"}, []string{"Border security"}, nil},
		{"alias", []string{"Facts Exchange"}, []string{"Intelligence sharing"}, nil},
		{"whitespace", []string{"  information   sharing "}, []string{"Intelligence sharing"}, nil},
		{"repeats within an event collapse", []string{"information sharing", "Intelligence sharing"}, []string{"Intelligence sharing"}, nil},
		{"unknown kept as written, trimmed", []string{" Energy  security "}, []string{"Energy security"},
			[]string{`f.toml:3: event "e": focus_areas: "Energy security" is not in [focus_areas]; kept as written`}},
		{"unknown close to a known one", []string{"Border securty"}, []string{"Border securty"},
			[]string{`f.toml:3: event "e": focus_areas: "Border securty" is not in [focus_areas]; kept as written; did you mean "Border security"?`}},
		{"empty dropped", []string{" "}, []string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ev("e", "2025-10-20", "meeting", []string{"AZE", "GEO"}, areas(tt.in...))
			e.Pos = Position{File: "f.toml", Line: 3}
			warns := normalizeFocusAreas(areasCfg, []*Event{e})
			if !reflect.DeepEqual(e.FocusAreas, tt.want) {
				t.Errorf("areas = %q, want %q", e.FocusAreas, tt.want)
			}
			var got []string
			for _, w := range warns {
				if w.Severity != Warning {
					t.Errorf("%s: severity %s, want warning", w, w.Severity)
				}
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.warns, "\n") {
				t.Errorf("warnings = %q, want %q", got, tt.warns)
			}
		})
	}
}

func TestNormalizeUnknownAreaWarnsOnce(t *testing.T) {
	var evs []*Event
	for _, id := range []string{"a", "b", "c"} {
		e := ev(id, "2025-10-20", "meeting", []string{"AZE", "GEO"}, areas("Energy"))
		e.Pos = Position{File: "f.toml", Line: len(evs)*10 + 1}
		evs = append(evs, e)
	}
	warns := normalizeFocusAreas(nil, evs)
	if len(warns) != 1 || warns[0].Error() != `f.toml:1: event "a": focus_areas: "Energy" is not in [focus_areas]; kept as written (3 events)` {
		t.Errorf("warnings = %v, want one naming the first use and the count", warns)
	}
}
