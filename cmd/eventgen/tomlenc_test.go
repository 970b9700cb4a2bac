package main

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestEscapingRoundTrip: what the writer escapes, a TOML decoder reads back
// unchanged, in single-line and multi-line strings.
func TestEscapingRoundTrip(t *testing.T) {
	for _, s := range []string{
		``,
		`plain`,
		`Exercise "Eternal Brotherhood"`,
		`reference GEO\2025\114`,
		`ends with a quote "`,
		`three quotes """ inside`,
		`four """" and a trailing backslash \`,
		"tab\tand\r\nCRLF, bell \a, escape \x1b, delete \x7f, form feed \f, backspace \b",
		"ნინო ბერიძე, Zakir Həsənov, İsmail Uçar, Größer",
		"first paragraph.\n\nsecond \"quoted\" paragraph.\n",
	} {
		var b []byte
		b = kvString(b, "single", s)
		b = append(b, "multi = "...)
		b = appendMultiline(b, s)
		b = append(b, '\n')
		var got struct{ Single, Multi string }
		if _, err := toml.Decode(string(b), &got); err != nil {
			t.Errorf("%q: decode: %v\n%s", s, err, b)
			continue
		}
		if got.Single != s {
			t.Errorf("single-line: got %q, want %q", got.Single, s)
		}
		if got.Multi != s {
			t.Errorf("multi-line: got %q, want %q", got.Multi, s)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Washington, D.C.":                  "washington-d-c",
		"İzmir":                             "izmir",
		"Kraków":                            "krakow",
		"Constanța":                         "constanta",
		"ნინო ბერიძე":                       "nino-beridze",
		"Zakir Həsənov meets Größer":        "zakir-hasanov-meets-groesser",
		"Joint exercise \"Caucasus Eagle\"": "joint-exercise-caucasus-eagle",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpellings(t *testing.T) {
	for _, tc := range []struct {
		style        nameStyle
		native       string
		canon, alias string
	}{
		{styleKA, "ნინო ბერიძე", "Nino Beridze", "ნინო ბერიძე"},
		{styleKA, "ჯუანშერ ბურჭულაძე", "Juansher Burchuladze", "ჯუანშერ ბურჭულაძე"},
		{styleAZ, "Zakir Həsənov", "Zakir Hasanov", "Zakir Həsənov"},
		{styleAZ, "Əli Nağıyev", "Ali Naghiyev", "Əli Nağıyev"},
		{styleAZ, "Zaur Rzayev", "Zaur Rzayev", ""}, // nothing to transliterate
		{styleFold, "İsmail Uçar", "İsmail Uçar", "Ismail Ucar"},
		{styleDE, "Jörg Müller", "Jörg Müller", "Joerg Mueller"},
		{styleRU, "Sergei Volkov", "Sergei Volkov", "Sergey Volkov"},
	} {
		canon, alias := spellings(tc.style, tc.native, nil)
		if canon != tc.canon || alias != tc.alias {
			t.Errorf("spellings(%q) = %q, %q; want %q, %q", tc.native, canon, alias, tc.canon, tc.alias)
		}
	}
}
