package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/briefing-tool/briefing/pipeline"
)

const archiveEvents = 2000

// decoded is the archive as a TOML decoder sees it: what the tests check
// is the files, not the generator's internals.
type decoded struct {
	dir    string
	config map[string]any
	events []map[string]any
	files  int
	bytes  int64
}

func decodeArchive(t *testing.T, dir string) *decoded {
	t.Helper()
	d := &decoded{dir: dir}
	if _, err := toml.DecodeFile(filepath.Join(dir, "config.toml"), &d.config); err != nil {
		t.Fatalf("config.toml: %v", err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "input", "*", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no event files: %v", err)
	}
	slices.Sort(files)
	name := regexp.MustCompile(`^input/(\d{4})/week-(\d{2})\.toml$`)
	var last time.Time
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		m := name.FindStringSubmatch(filepath.ToSlash(rel))
		if m == nil {
			t.Errorf("%s: not named input/YYYY/week-WW.toml", rel)
			continue
		}
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		d.files++
		d.bytes += fi.Size()
		var doc map[string]any
		if _, err := toml.DecodeFile(f, &doc); err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		events, ok := doc["event"].([]map[string]any)
		if !ok || len(events) == 0 || len(doc) != 1 {
			t.Errorf("%s: want only [[event]] tables, got keys %v", rel, slices.Sorted(maps.Keys(doc)))
			continue
		}
		for _, e := range events {
			date, _ := e["date"].(time.Time)
			y, w := date.ISOWeek()
			if fmt.Sprintf("%04d", y) != m[1] || fmt.Sprintf("%02d", w) != m[2] {
				t.Errorf("%s: event %v dated %s (ISO week %d-W%02d)", rel, e["id"], date.Format(time.DateOnly), y, w)
			}
			if date.Before(last) {
				t.Errorf("%s: event %v out of date order", rel, e["id"])
			}
			last = date
			d.events = append(d.events, e)
		}
	}
	return d
}

func tables(v any) []map[string]any {
	m, _ := v.([]map[string]any)
	return m
}

func stringList(v any) []string {
	var out []string
	arr, _ := v.([]any)
	for _, x := range arr {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// TestArchive generates one archive and checks its shape, that the real
// loader accepts it, and that its statistics look like curated data.
func TestArchive(t *testing.T) {
	dir := t.TempDir()
	out := generateInto(t, dir, "--events", fmt.Sprint(archiveEvents), "--years", "3", "--seed", "3")
	d := decodeArchive(t, dir)
	if len(d.events) != archiveEvents {
		t.Fatalf("decoded %d events, want %d", len(d.events), archiveEvents)
	}
	if want := fmt.Sprintf("%d events, %d files, %d bytes", archiveEvents, d.files, d.bytes); !strings.Contains(out, want) {
		t.Errorf("summary line %q does not report %q", out, want)
	}
	t.Run("config", func(t *testing.T) { checkConfig(t, d) })
	t.Run("shape", func(t *testing.T) { checkShape(t, d) })
	t.Run("statistics", func(t *testing.T) { checkStatistics(t, d) })
	t.Run("loader", func(t *testing.T) {
		// The check that matters: the product loads the archive.
		cfg, err := pipeline.LoadConfig(filepath.Join(dir, "config.toml"))
		if err != nil {
			t.Fatalf("LoadConfig: %v", err)
		}
		ds, err := pipeline.Load(cfg)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if len(ds.Events) != archiveEvents || len(ds.Inputs) != d.files {
			t.Errorf("loaded %d events from %d files, want %d from %d", len(ds.Events), len(ds.Inputs), archiveEvents, d.files)
		}
	})
}

func checkConfig(t *testing.T, d *decoded) {
	briefing, _ := d.config["briefing"].(map[string]any)
	input, _ := d.config["input"].(map[string]any)
	countries, _ := d.config["countries"].(map[string]any)
	if briefing["timezone"] != "UTC" {
		t.Errorf("briefing.timezone = %v, want UTC", briefing["timezone"])
	}
	if p := stringList(input["paths"]); !slices.Equal(p, []string{"input/**/*.toml"}) {
		t.Errorf("input.paths = %v", p)
	}
	if countries["TUR"] != "Türkiye" {
		t.Errorf("countries.TUR = %v", countries["TUR"])
	}
	areas, _ := d.config["focus_areas"].(map[string]any)
	people, _ := d.config["people"].(map[string]any)
	if len(areas) < 12 || len(people) < 50 {
		t.Errorf("%d focus areas and %d people with aliases; want about 15 and many", len(areas), len(people))
	}
}

var (
	idRE       = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-[a-z0-9][a-z0-9-]*-\d+$`)
	kinds      = []string{"meeting", "visit", "call", "agreement", "exercise", "statement", "other"}
	statuses   = []string{"held", "planned", "cancelled"}
	precisions = []string{"day", "month", "year"}
)

func checkShape(t *testing.T, d *decoded) {
	ids := map[string]bool{}
	for _, e := range d.events {
		id, _ := e["id"].(string)
		m := idRE.FindStringSubmatch(id)
		date, okDate := e["date"].(time.Time)
		title, _ := e["title"].(string)
		kind, _ := e["kind"].(string)
		if m == nil || !okDate || title == "" || kind == "" || e["countries"] == nil {
			t.Errorf("event %q: missing or malformed id/date/title/kind/countries", id)
			continue
		}
		if m[1] != date.Format(time.DateOnly) {
			t.Errorf("%s: id does not start with the date %s", id, date.Format(time.DateOnly))
		}
		if ids[id] {
			t.Errorf("%s: duplicate id", id)
		}
		ids[id] = true
		if !slices.Contains(kinds, strings.ToLower(kind)) {
			t.Errorf("%s: kind %q", id, kind)
		}
		if s, ok := e["status"].(string); ok && !slices.Contains(statuses, s) {
			t.Errorf("%s: status %q", id, s)
		}
		if s, ok := e["date_precision"].(string); ok && !slices.Contains(precisions, s) {
			t.Errorf("%s: date_precision %q", id, s)
		}
		if end, ok := e["end_date"].(time.Time); ok && end.Before(date) {
			t.Errorf("%s: end_date before date", id)
		}
		codes := map[string]bool{}
		for _, c := range stringList(e["countries"]) {
			codes[strings.ToUpper(c)] = true
		}
		if len(codes) < 2 {
			t.Errorf("%s: %d distinct countries", id, len(codes))
		}
		if h, ok := e["host"].(string); ok && !codes[strings.ToUpper(h)] {
			t.Errorf("%s: host %q not among countries %v", id, h, e["countries"])
		}
		if s, _ := e["summary"].(string); !strings.Contains(s, "\n\n") {
			t.Errorf("%s: summary is not multi-paragraph: %q", id, s)
		}
		for _, p := range tables(e["participants"]) {
			if n, _ := p["name"].(string); strings.TrimSpace(n) == "" {
				t.Errorf("%s: participant without a name", id)
			}
		}
		for _, s := range tables(e["sources"]) {
			if u, ok := s["url"].(string); ok && !strings.HasPrefix(u, "https://") {
				t.Errorf("%s: source url %q", id, u)
			}
			if r, ok := s["reliability"].(string); ok && (len(r) != 1 || r < "A" || r > "F") {
				t.Errorf("%s: reliability %q", id, r)
			}
			if c, ok := s["credibility"].(int64); ok && (c < 1 || c > 6) {
				t.Errorf("%s: credibility %d", id, c)
			}
		}
	}
}

func checkStatistics(t *testing.T, d *decoded) {
	known := map[string]bool{}
	areas, _ := d.config["focus_areas"].(map[string]any)
	for canon, aliases := range areas {
		known[fold(canon)] = true
		for _, a := range stringList(aliases) {
			known[fold(a)] = true
		}
	}
	aliases := map[string]bool{}
	people, _ := d.config["people"].(map[string]any)
	for _, list := range people {
		for _, a := range stringList(list) {
			aliases[a] = true
		}
	}
	var bilateral, planned, cancelled, georgian, unknown, aliasUsed, noCountry int
	kindCount := map[string]int{}
	rangeCheck := func(id, what string, n, lo, hi int) {
		if n < lo || n > hi {
			t.Errorf("%s: %d %s, want %d–%d", id, n, what, lo, hi)
		}
	}
	for _, e := range d.events {
		id := e["id"].(string)
		if len(stringList(e["countries"])) == 2 {
			bilateral++
		}
		switch e["status"] {
		case "planned":
			planned++
		case "cancelled":
			cancelled++
		}
		kindCount[strings.ToLower(e["kind"].(string))]++
		ps, fa, ss := tables(e["participants"]), stringList(e["focus_areas"]), tables(e["sources"])
		rangeCheck(id, "participants", len(ps), 2, 8)
		rangeCheck(id, "focus areas", len(fa), 1, 4)
		rangeCheck(id, "sources", len(ss), 1, 3)
		for _, p := range ps {
			name := p["name"].(string)
			if strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(unicode.Georgian, r) }) {
				georgian++
			}
			if aliases[name] {
				aliasUsed++
			}
			if p["country"] == nil {
				noCountry++
			}
		}
		for _, a := range fa {
			if !known[fold(a)] {
				unknown++
			}
		}
	}
	n := len(d.events)
	pct := func(x int) float64 { return 100 * float64(x) / float64(n) }
	t.Logf("bilateral %.1f%%, planned %.1f%%, cancelled %.2f%%, %d bytes/event, kinds %v, Georgian-script names %d, alias spellings %d, unknown areas %d",
		pct(bilateral), pct(planned), pct(cancelled), d.bytes/int64(n), kindCount, georgian, aliasUsed, unknown)
	if p := pct(bilateral); p < 75 || p > 85 {
		t.Errorf("bilateral share %.1f%%, want 75–85%%", p)
	}
	if p := pct(planned); p < 3 || p > 7 {
		t.Errorf("planned share %.1f%%, want 3–7%%", p)
	}
	if p := pct(cancelled); p < 0.3 || p > 2 {
		t.Errorf("cancelled share %.2f%%, want 0.3–2%%", p)
	}
	if avg := d.bytes / int64(n); avg < 1000 || avg > 1600 {
		t.Errorf("%d bytes per event on average, want 1000–1600", avg)
	}
	if georgian == 0 {
		t.Error("no participant names in Georgian script")
	}
	if aliasUsed == 0 {
		t.Error("no participant spelled as a [people] alias")
	}
	if unknown == 0 || unknown > n/20 {
		t.Errorf("%d unknown focus areas in %d events, want a few (about 1%%)", unknown, n)
	}
	if noCountry == 0 {
		t.Error("no participant without a country")
	}
	for i := 1; i < len(kinds); i++ {
		if kindCount["meeting"] <= kindCount[kinds[i]] {
			t.Errorf("meetings (%d) should be the most common kind, %s has %d", kindCount["meeting"], kinds[i], kindCount[kinds[i]])
		}
	}
}
