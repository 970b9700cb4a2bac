package pipeline

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// genEvent is a generated event as TOML key/value lines: top-level keys,
// then its participants' and sources' tables, each a list of lines.
type genEvent struct {
	id           string
	keys         [][2]string // key, TOML value
	participants [][][2]string
	sources      [][][2]string
}

var (
	genCountries = []string{"AZE", "GEO", "TUR", "ARM", "IRN"}
	genKinds     = []string{"meeting", "visit", "call", "agreement", "exercise"}
	genAreas     = []string{"border security", "energy", "transport", "cyber"}
)

func q(s string) string { return fmt.Sprintf("%q", s) }

func qs(ss []string) string {
	var b []string
	for _, s := range ss {
		b = append(b, q(s))
	}
	return "[" + strings.Join(b, ", ") + "]"
}

func generate(rng *rand.Rand, n int) []genEvent {
	var evs []genEvent
	for i := range n {
		e := genEvent{id: fmt.Sprintf("ev-%03d", i)}
		cs := slices.Clone(genCountries)
		rng.Shuffle(len(cs), func(a, b int) { cs[a], cs[b] = cs[b], cs[a] })
		e.keys = [][2]string{
			{"id", q(e.id)},
			{"date", fmt.Sprintf("2025-10-%02d", 1+rng.IntN(28))},
			{"title", q(fmt.Sprintf("Talks %d", rng.IntN(1000)))},
			{"kind", q(genKinds[rng.IntN(len(genKinds))])},
			{"countries", qs(cs[:2+rng.IntN(2)])},
			{"status", q([]string{"held", "held", "planned"}[rng.IntN(3)])},
			{"focus_areas", qs(genAreas[:rng.IntN(len(genAreas))])},
			{"summary", q(fmt.Sprintf("Summary %d", rng.IntN(1000)))},
		}
		for j := range rng.IntN(3) {
			e.participants = append(e.participants, [][2]string{{"name", q(fmt.Sprintf("Person %d-%d", i, j))}, {"role", q("Minister")}})
		}
		for j := range 1 + rng.IntN(2) {
			e.sources = append(e.sources, [][2]string{{"title", q(fmt.Sprintf("Source %d-%d", i, j))},
				{"reliability", q(string(rune('A' + rng.IntN(5))))}, {"credibility", fmt.Sprint(1 + rng.IntN(5))}})
		}
		evs = append(evs, e)
	}
	return evs
}

// layout writes evs as files: with shuffle, the events are spread over
// several files in subdirectories in a random order, every table's keys
// shuffled and comments added between them.
func layout(rng *rand.Rand, evs []genEvent, shuffle bool) map[string]string {
	files := map[string]*strings.Builder{}
	order := slices.Clone(evs)
	if shuffle {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	}
	lines := func(b *strings.Builder, kv [][2]string) {
		kv = slices.Clone(kv)
		if shuffle {
			rng.Shuffle(len(kv), func(a, b int) { kv[a], kv[b] = kv[b], kv[a] })
		}
		for _, x := range kv {
			if shuffle && rng.IntN(2) == 0 {
				fmt.Fprintf(b, "# a comment %d\n", rng.IntN(100))
			}
			fmt.Fprintf(b, "%s = %s\n", x[0], x[1])
		}
	}
	for _, e := range order {
		name := "input/all.toml"
		if shuffle {
			name = fmt.Sprintf("input/dir%d/f%d.toml", rng.IntN(3), rng.IntN(4))
		}
		if files[name] == nil {
			files[name] = new(strings.Builder)
		}
		b := files[name]
		b.WriteString("[[event]]\n")
		lines(b, e.keys)
		for _, p := range e.participants {
			b.WriteString("[[event.participants]]\n")
			lines(b, p)
		}
		for _, s := range e.sources {
			b.WriteString("[[event.sources]]\n")
			lines(b, s)
		}
	}
	out := map[string]string{"config.toml": "[input]\npaths = [\"input/**/*.toml\"]\n"}
	for name, b := range files {
		out[name] = b.String()
	}
	return out
}

// editionOf loads the project and makes the edition of period "all".
func editionOf(t *testing.T, files map[string]string) *Edition {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	cfg, err := LoadConfig(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	Normalize(cfg, ds)
	p, _ := period.Parse("all", period.Context{})
	r := Aggregate(cfg, ds, AggregateOptions{Period: p})
	return NewEdition(r, ds.Events)
}

// TestEditionDigestProperty: over generated events, the digests do not
// depend on which file holds an event, comments or key order, and change
// for exactly the event whose value changed, naming the field.
func TestEditionDigestProperty(t *testing.T) {
	seeds := 8
	if testing.Short() {
		seeds = 2
	}
	for seed := range seeds {
		rng := rand.New(rand.NewPCG(uint64(seed), 18))
		evs := generate(rng, 30)
		base := editionOf(t, layout(rng, evs, false))
		moved := editionOf(t, layout(rng, evs, true))
		if len(base.Events) != len(evs) {
			t.Fatalf("seed %d: %d events in the edition, want %d", seed, len(base.Events), len(evs))
		}
		if ch := Compare(base, moved); !ch.Empty() || !sameDigests(base, moved) {
			t.Fatalf("seed %d: moving events, comments and key order changed the edition: %+v", seed, ch.List)
		}

		// One value changed: that event, and that field, only.
		changes := []struct {
			field string
			apply func(e *genEvent)
		}{
			{"date", func(e *genEvent) { e.keys[1][1] = "2025-10-29" }},
			{"title", func(e *genEvent) { e.keys[2][1] = q("Another title") }},
			{"kind", func(e *genEvent) { e.keys[3][1] = q("statement") }},
			{"countries", func(e *genEvent) { e.keys[4][1] = qs([]string{"AZE", "RUS"}) }},
			{"status", func(e *genEvent) { e.keys[5][1] = q("cancelled") }},
			{"focus areas", func(e *genEvent) { e.keys[6][1] = qs([]string{"fisheries"}) }},
			{"participants", func(e *genEvent) {
				e.participants = append(e.participants, [][2]string{{"name", q("Someone Else")}})
			}},
			{"grades", func(e *genEvent) { e.sources[0][1][1] = q("F") }},
			{"sources", func(e *genEvent) { e.sources[0][0][1] = q("Retitled source") }},
		}
		c := changes[rng.IntN(len(changes))]
		k := rng.IntN(len(evs))
		changed := slices.Clone(evs)
		changed[k] = deepCopy(evs[k])
		c.apply(&changed[k])
		after := editionOf(t, layout(rng, changed, true))
		ch := Compare(base, after)
		if len(ch.List) != 1 || ch.List[0].ID != evs[k].id || ch.List[0].Change != "amended" {
			t.Fatalf("seed %d: changed %s of %s, got changes %+v", seed, c.field, evs[k].id, ch.List)
		}
		want := c.field
		if want == "title" {
			want = "text"
		}
		if !slices.Contains(ch.List[0].Fields, want) {
			t.Errorf("seed %d: changed %s of %s, fields %q", seed, c.field, evs[k].id, ch.List[0].Fields)
		}
	}
}

func sameDigests(a, b *Edition) bool {
	return slices.EqualFunc(a.Events, b.Events, func(x, y EditionEvent) bool { return x.ID == y.ID && x.SHA256 == y.SHA256 })
}

func deepCopy(e genEvent) genEvent {
	c := genEvent{id: e.id, keys: slices.Clone(e.keys)}
	for _, p := range e.participants {
		c.participants = append(c.participants, slices.Clone(p))
	}
	for _, s := range e.sources {
		c.sources = append(c.sources, slices.Clone(s))
	}
	return c
}

// TestCompare: last week's edition against this week's compares only the
// week both counted (week 42); upcoming events are news, not revisions;
// changes are ranked as key developments (agreement, multilateral, kind
// weight), and pair counts move with the held events only.
func TestCompare(t *testing.T) {
	ev := func(id, per, date, kind, status, sum string, countries ...string) EditionEvent {
		return EditionEvent{ID: id, Period: per, Date: date, Kind: kind, Status: status, Countries: countries, SHA256: sum, Fields: "a b c d"}
	}
	old := &Edition{Period: "2025-W42", Label: "Week 42 · 13–19 October 2025", Previous: "2025-W41", PreviousLabel: "Week 41 · 6–12 October 2025",
		Events: []EditionEvent{
			ev("a", "2025-W41", "2025-10-07", "meeting", "held", "1", "AZE", "GEO"),   // only old counted W41: left out
			ev("b", "2025-W42", "2025-10-14", "meeting", "held", "2", "AZE", "GEO"),   // removed
			ev("c", "2025-W42", "2025-10-15", "call", "held", "3", "AZE", "GEO"),      // amended
			ev("u", "2025-W43", "2025-10-22", "visit", "planned", "4", "AZE", "GEO"),  // upcoming then, held now: news
			ev("z", "2025-W42", "2025-10-16", "statement", "held", "5", "ARM", "GEO"), // unchanged
		}}
	cur := &Edition{Period: "2025-W43", Label: "Week 43 · 20–26 October 2025", Previous: "2025-W42", PreviousLabel: "Week 42 · 13–19 October 2025",
		Events: []EditionEvent{
			ev("c", "2025-W42", "2025-10-15", "call", "held", "3x", "AZE", "GEO"),
			ev("m", "2025-W42", "2025-10-13", "meeting", "held", "6", "AZE", "GEO", "TUR"), // late, multilateral
			ev("n", "2025-W42", "2025-10-17", "agreement", "held", "7", "AZE", "GEO"),      // late agreement
			ev("u", "2025-W43", "2025-10-22", "visit", "held", "4x", "AZE", "GEO"),
			ev("z", "2025-W42", "2025-10-16", "statement", "held", "5", "ARM", "GEO"),
		}}
	ch := Compare(old, cur)
	var got []string
	for _, c := range ch.List {
		got = append(got, c.Change+" "+c.ID)
	}
	if want := []string{"added n", "added m", "removed b", "amended c"}; !slices.Equal(got, want) || !slices.Equal(ch.Periods, []string{"2025-W42"}) {
		t.Errorf("changes %q over %q, want %q over [2025-W42]", got, ch.Periods, want)
	}
	var moves []string
	for _, m := range ch.Moves {
		moves = append(moves, m.String())
	}
	// AZE-GEO: b and c before; c, m and n after. m adds AZE-TUR and GEO-TUR.
	if want := []string{"AZE-GEO, Week 42: 2 → 3 events", "AZE-TUR, Week 42: 0 → 1 event", "GEO-TUR, Week 42: 0 → 1 event"}; !slices.Equal(moves, want) {
		t.Errorf("moves %q, want %q", moves, want)
	}
	if ch := Compare(cur, cur); !ch.Empty() {
		t.Errorf("an edition against itself: %+v", ch)
	}
}
