package pdf

import (
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestGlyphWarnings gives characters DejaVu Sans lacks (CJK, and an emoji
// outside the Basic Multilingual Plane, which gofpdf cannot encode) and
// expects a warning naming the event and field of each, and a visible
// replacement character in the PDF instead of a silent box.
func TestGlyphWarnings(t *testing.T) {
	evs := caucasusEvents()
	evs[0].Pos = pipeline.Position{File: "input/a.toml", Line: 3}
	evs[0].Title = "Meeting in 北京"
	evs[0].Participants[1].Organization = "Ministry 🦀"
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	r.Title = "Briefing 東"
	pdf, warns := render(t, r, Options{})

	want := map[string]bool{
		`input/a.toml:3: event "2025-10-21-sheki-meeting": title: character U+5317 "北"`:                         false,
		`input/a.toml:3: event "2025-10-21-sheki-meeting": title: character U+4EAC "京"`:                         false,
		`input/a.toml:3: event "2025-10-21-sheki-meeting": participants[2].organization: character U+1F980 "🦀"`: false,
		`config: briefing.title: character U+6771 "東"`:                                                          false,
	}
	for _, w := range warns {
		s := w.Error()
		for k := range want {
			if strings.Contains(s, k) {
				want[k] = true
			}
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no warning containing %q; got:\n%s", k, warningLines(warns))
		}
	}
	for _, w := range warns {
		if w.Event != "" && w.Event != evs[0].ID {
			t.Errorf("warning for an unexpected event: %v", w)
		}
	}
	if n := len(warns); n != 4 {
		t.Errorf("got %d warnings, want 4 (one per event, field and character):\n%s", n, warningLines(warns))
	}

	all := flat(strings.Join(pageTexts(t, pdf), " "))
	if !strings.Contains(all, "Meeting in \uFFFD\uFFFD") {
		t.Error("missing characters are not shown as U+FFFD")
	}
	if strings.ContainsAny(all, "北京🦀東") {
		t.Error("characters the font lacks reached the PDF")
	}
	// The annex lists the warnings with the run's others.
	if !strings.Contains(all, "is not in the PDF font (DejaVu Sans)") {
		t.Error("the annex does not list the glyph warnings")
	}
}

// TestGlyphCoverage checks the coverage test itself on scripts the
// briefing must render.
func TestGlyphCoverage(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Həsənov Şəki ğ ı İ ş საქართველო ქართული Türkiye ▲▼−–—·•…\uFFFD" {
		if !m.has(r) {
			t.Errorf("DejaVu Sans should cover %q (U+%04X)", r, r)
		}
	}
	for _, r := range "中東🦀\U0001F600" {
		if m.has(r) {
			t.Errorf("%q (U+%04X) should count as missing", r, r)
		}
	}
}

func warningLines(ws pipeline.ErrorList) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.Error() + "\n")
	}
	return b.String()
}

// TestRightToLeftWarnings: text in a right-to-left script is drawn left to
// right (the renderer has no bidi layout), which reverses its reading
// order; each field with such text gets one warning naming the event and
// field, as a missing glyph does, and left-to-right text gets none.
func TestRightToLeftWarnings(t *testing.T) {
	evs := caucasusEvents()
	evs[0].Pos = pipeline.Position{File: "input/a.toml", Line: 3}
	evs[0].Title = "Meeting with שלום and שלום" // one warning for the field
	evs[0].Summary = "Statement: السلام عليكم"
	evs[0].Location = "ܐܘܪܗܝ"              // Syriac
	evs[0].Participants[0].Name = "ދިވެހި" // Thaana
	evs[0].Outcomes = []string{"ߒߞߏ text"} // N'Ko
	r := reportOf(t, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
	r.Subtitle = "Weekly note — Քաղաքական" // Armenian: left to right
	_, warns := render(t, r, Options{})

	const rtl = "is drawn left to right; right-to-left scripts are not supported"
	want := []string{
		`input/a.toml:3: event "2025-10-21-sheki-meeting": title: text in a right-to-left script (U+05E9 "ש") ` + rtl,
		`input/a.toml:3: event "2025-10-21-sheki-meeting": location: text in a right-to-left script (U+0710 "ܐ") ` + rtl,
		`input/a.toml:3: event "2025-10-21-sheki-meeting": summary: text in a right-to-left script (U+0627 "ا") ` + rtl,
		`input/a.toml:3: event "2025-10-21-sheki-meeting": outcomes[1]: text in a right-to-left script (U+07D2 "ߒ") ` + rtl,
		`input/a.toml:3: event "2025-10-21-sheki-meeting": participants[1].name: text in a right-to-left script (U+078B "ދ") ` + rtl,
	}
	var got []string
	for _, w := range warns {
		if strings.Contains(w.Msg, "right-to-left") {
			got = append(got, w.Error())
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("right-to-left warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
