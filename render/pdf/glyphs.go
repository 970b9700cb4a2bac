package pdf

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"github.com/briefing-tool/briefing/pipeline"
)

// replacement is drawn where the font lacks a character: a visible,
// deliberate mark, unlike the empty box or blank a PDF viewer would show.
const replacement = '\uFFFD'

// glyphs checks the strings a briefing shows against the font, warns once
// per place and character, and replaces what cannot be drawn. It also
// warns once per place about right-to-left text, which is drawn left to
// right.
type glyphs struct {
	m     *metrics
	warns pipeline.ErrorList
	seen  map[string]bool // event, field and rune already warned about
	runes map[rune]bool   // runes warned about anywhere
}

func newGlyphs(m *metrics) *glyphs {
	return &glyphs{m: m, seen: map[string]bool{}, runes: map[rune]bool{}}
}

// clean returns s with every character the font lacks replaced, and layout
// characters (tabs, line breaks) turned into spaces.
func (g *glyphs) clean(s string) string {
	if g.drawable(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case isSpace(r):
			r = ' '
		case !g.m.has(r):
			r = replacement
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (g *glyphs) drawable(s string) bool {
	for _, r := range s {
		if isSpace(r) || !g.m.has(r) {
			return false
		}
	}
	return true
}

// plain reports whether s needs no warning: every character drawable and
// none right-to-left.
func (g *glyphs) plain(s string) bool {
	for _, r := range s {
		if isSpace(r) || !g.m.has(r) || isRTL(r) {
			return false
		}
	}
	return true
}

// isRTL reports a strong right-to-left character (bidi class R or AL):
// Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest. The renderer has no
// bidi layout, so such text is drawn in reverse reading order.
func isRTL(r rune) bool {
	if r < 0x590 { // below Hebrew, the first right-to-left block
		return false
	}
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// check warns about each character of s that the font lacks, and once
// about right-to-left text, naming the event ("" for config values) and
// the field.
func (g *glyphs) check(pos pipeline.Position, event, field, s string) {
	if g.plain(s) {
		return
	}
	rtl := false
	for _, r := range s {
		if !rtl && isRTL(r) {
			rtl = true
			g.warnRTL(pos, event, field, r)
		}
		if g.m.has(r) || isSpace(r) {
			continue
		}
		key := event + "\x00" + field + "\x00" + string(r)
		if g.seen[key] {
			continue
		}
		g.seen[key] = true
		g.runes[r] = true
		g.warns.Warn(pos, event, field, "character %s is not in the PDF font (%s); the briefing shows %c in its place", describeRune(r), fontName, replacement)
	}
}

// warnRTL warns, once per event and field, that text in a right-to-left
// script (first seen at r) is drawn left to right.
func (g *glyphs) warnRTL(pos pipeline.Position, event, field string, r rune) {
	key := event + "\x00" + field + "\x00rtl"
	if g.seen[key] {
		return
	}
	g.seen[key] = true
	g.warns.Warn(pos, event, field, "text in a right-to-left script (%s) is drawn left to right; right-to-left scripts are not supported", describeRune(r))
}

// checkNew warns only about characters not reported before, for text such
// as template output that mixes report data (already checked where it came
// from) with the template's own wording.
func (g *glyphs) checkNew(pos pipeline.Position, event, field, s string) {
	var fresh strings.Builder
	for _, r := range s {
		if !g.m.has(r) && !g.runes[r] {
			fresh.WriteRune(r)
		}
	}
	if fresh.Len() > 0 {
		g.check(pos, event, field, fresh.String())
	}
}

// describeRune names a character so that a reader can find it in the
// input: U+4E2D "中". Control and invalid characters are not quoted.
func describeRune(r rune) string {
	if r == utf8.RuneError || r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %q", r, string(r))
}

// isSpace reports layout characters that the renderer turns into plain
// spaces or line breaks before drawing, so they never reach the font.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0:
		return true
	}
	return false
}

// checkConfig checks the config's strings a briefing shows: the
// briefing's title, subtitle, organization and classification, in that
// order, and country display names, at cfg.
func (g *glyphs) checkConfig(cfg pipeline.Position, briefing [4]string, names map[string]string) {
	for i, key := range [4]string{"briefing.title", "briefing.subtitle", "briefing.organization", "briefing.classification"} {
		g.check(cfg, "", key, briefing[i])
	}
	for _, code := range slices.Sorted(maps.Keys(names)) {
		g.check(cfg, "", "countries."+code, names[code])
	}
}

// checkEvent checks every field of e that the briefing may show. Field
// names follow the input file's keys, with 1-based list indexes as the
// loader reports them ("participants[2].name").
func (g *glyphs) checkEvent(e *pipeline.Event) {
	at := func(field, s string) { g.check(e.Pos, e.ID, field, s) }
	at("title", e.Title)
	at("location", e.Location)
	at("summary", e.Summary)
	// Field names are only formatted for a string that needs a warning:
	// this runs for every event shown.
	for i, s := range e.Outcomes {
		if !g.plain(s) {
			at(fmt.Sprintf("outcomes[%d]", i+1), s)
		}
	}
	for i, s := range e.FocusAreas {
		if !g.plain(s) {
			at(fmt.Sprintf("focus_areas[%d]", i+1), s)
		}
	}
	for i, p := range e.Participants {
		if g.plain(p.Name) && g.plain(p.Rank) && g.plain(p.Role) && g.plain(p.Organization) {
			continue
		}
		f := fmt.Sprintf("participants[%d].", i+1)
		at(f+"name", p.Name)
		at(f+"rank", p.Rank)
		at(f+"role", p.Role)
		at(f+"organization", p.Organization)
	}
	for i, s := range e.Sources {
		if g.plain(s.Title) && g.plain(s.Publisher) && g.plain(s.URL) {
			continue
		}
		f := fmt.Sprintf("sources[%d].", i+1)
		at(f+"title", s.Title)
		at(f+"publisher", s.Publisher)
		at(f+"url", s.URL)
	}
}
