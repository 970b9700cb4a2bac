package pipeline

import (
	"fmt"
	"maps"
	"slices"

	"golang.org/x/text/unicode/norm"
)

// Normalize applies SPEC §3 to loaded events in place: people get their
// identity and display name, focus areas their canonical names. Unknown
// focus areas are kept as written and returned as warnings, one per area.
func Normalize(cfg *Config, ds *Dataset) ErrorList {
	normalizePeople(cfg.People, ds.Events)
	return normalizeFocusAreas(cfg.FocusAreas, ds.Events)
}

// aliasIndex maps the folded form of every canonical name and alias to the
// canonical name.
func aliasIndex(m map[string][]string) map[string]string {
	idx := make(map[string]string, len(m)*2)
	for canon, aliases := range m {
		c := collapse(canon)
		idx[fold(c)] = c
		for _, a := range aliases {
			idx[fold(a)] = c
		}
	}
	return idx
}

// normalizePeople gives every participant a key (the folded canonical name)
// and a display name: the configured canonical name, else the spelling used
// most often across all loaded events, ties to the smallest in byte order.
func normalizePeople(people map[string][]string, events []*Event) {
	idx := aliasIndex(people)
	configured := map[string]bool{}
	for _, c := range idx {
		configured[fold(c)] = true
	}
	spellings := map[string]map[string]int{}
	// The same few hundred people appear in thousands of events: each
	// spelling as written is cleaned and folded once.
	type person struct{ name, key string }
	memo := map[string]person{}
	for _, e := range events {
		for i := range e.Participants {
			p := &e.Participants[i]
			m, ok := memo[p.Name]
			if !ok {
				name := norm.NFC.String(collapse(p.Name))
				f := fold(name)
				if c, ok := idx[f]; ok {
					name, f = c, fold(c)
				}
				m = person{name, f}
				memo[p.Name] = m
			}
			name, f := m.name, m.key
			p.Name, p.key = name, f
			if configured[f] {
				continue
			}
			s := spellings[f]
			if s == nil {
				s = map[string]int{}
				spellings[f] = s
			}
			s[name]++
		}
	}
	display := make(map[string]string, len(spellings))
	for key, s := range spellings {
		best, n := "", 0
		for name, c := range s {
			if c > n || c == n && name < best {
				best, n = name, c
			}
		}
		display[key] = best
	}
	for _, e := range events {
		for i := range e.Participants {
			p := &e.Participants[i]
			if d, ok := display[p.key]; ok {
				p.Name = d
			}
		}
	}
}

// normalizeFocusAreas maps areas to canonical names case-insensitively and
// drops repeats within an event.
func normalizeFocusAreas(areas map[string][]string, events []*Event) ErrorList {
	idx := aliasIndex(areas)
	type unknown struct {
		name   string
		first  *Event
		events int
		all    []*Event // every event with it, for a scoped --strict
	}
	unknowns := map[string]*unknown{}
	// Areas repeat across events: each spelling as written is cleaned and
	// looked up once.
	type area struct {
		name  string // collapsed, or the canonical name when known
		known bool
	}
	memo := map[string]area{}
	for _, e := range events {
		out := e.FocusAreas[:0]
		written := make([]AreaWritten, 0, len(e.FocusAreas))
		for _, a := range e.FocusAreas {
			m, ok := memo[a]
			if !ok {
				m.name = collapse(a)
				if m.name != "" {
					if c, ok := idx[fold(m.name)]; ok {
						m = area{c, true}
					}
				}
				memo[a] = m
			}
			name := m.name
			if name == "" {
				continue
			}
			if !m.known {
				if u, ok := unknowns[name]; ok {
					u.events++
					if u.all[len(u.all)-1] != e {
						u.all = append(u.all, e)
					}
				} else {
					unknowns[name] = &unknown{name: name, first: e, events: 1, all: []*Event{e}}
				}
			}
			if !contains(out, name) {
				out = append(out, name)
				written = append(written, AreaWritten{Text: a, Known: m.known})
			}
		}
		e.FocusAreas, e.AreasWritten = out, written
	}
	var warns ErrorList
	for _, n := range slices.Sorted(maps.Keys(unknowns)) {
		u := unknowns[n]
		msg := fmt.Sprintf("%q is not in [focus_areas]; kept as written", n)
		if u.events > 1 {
			msg += fmt.Sprintf(" (%d events)", u.events)
		}
		if len(areas) > 0 {
			if s := closest(n, slices.Sorted(maps.Keys(areas))); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
		}
		warns.Warn(u.first.Pos, u.first.ID, "focus_areas", "%s", msg)
		warns[len(warns)-1].about = &u.all
	}
	warns.Sort()
	return warns
}
