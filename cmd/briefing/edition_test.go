package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The week of the editions test: three events in week 42, two in week 43.
const (
	editionW42 = `[[event]]
id = "a-baku-talks"
date = 2025-10-14
title = "Defence ministers of Azerbaijan and Georgia meet in Baku"
kind = "meeting"
countries = ["AZE", "GEO"]
[[event.sources]]
title = "Ministry statement"
reliability = "B"
credibility = 2

[[event]]
id = "b-tbilisi-visit"
date = 2025-10-15
title = "Azerbaijani chief of staff visits Tbilisi"
kind = "visit"
countries = ["GEO", "AZE"]

[[event]]
id = "c-yerevan-call"
date = 2025-10-16
title = "Armenian and Georgian foreign ministers speak by phone"
kind = "call"
countries = ["ARM", "GEO"]
`
	editionW43 = `[[event]]
id = "d-border-agreement"
date = 2025-10-21
title = "Azerbaijan and Georgia sign a border security agreement"
kind = "agreement"
countries = ["AZE", "GEO"]
[[event.sources]]
title = "Joint communiqué"
reliability = "B"
credibility = 2

[[event]]
id = "e-ankara-meeting"
date = 2025-10-22
title = "Georgian and Turkish officials meet in Ankara"
kind = "meeting"
countries = ["GEO", "TUR"]
`
	// The late report, dated in week 42.
	editionLate = `
[[event]]
id = "f-ganja-exercise"
date = 2025-10-17
title = "Azerbaijani and Georgian troops hold a joint exercise near Ganja"
kind = "exercise"
countries = ["AZE", "GEO"]
`
)

// editionProject is a project with the editions test's events.
func editionProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, "../../config.toml", filepath.Join(dir, "config.toml"))
	writeFile(t, filepath.Join(dir, "input", "w42.toml"), editionW42)
	writeFile(t, filepath.Join(dir, "input", "w43.toml"), editionW43)
	return dir
}

// revise makes the four changes: a late report in week 42, one event's
// date amended, another's grade, and one event removed.
func revise(t *testing.T, dir string) {
	t.Helper()
	w42 := strings.Replace(editionW42, "date = 2025-10-14", "date = 2025-10-18", 1)
	w42 = w42[:strings.Index(w42, "[[event]]\nid = \"c-yerevan-call\"")] + editionLate
	w43 := strings.Replace(editionW43, "reliability = \"B\"\ncredibility = 2", "reliability = \"A\"\ncredibility = 1", 1)
	writeFile(t, filepath.Join(dir, "input", "w42.toml"), w42)
	writeFile(t, filepath.Join(dir, "input", "w43.toml"), w43)
}

// The four changes, as each output says them.
var editionChanges = []struct{ change, id, words string }{
	{"amended", "d-border-agreement", "grades B2 → A1"},
	{"added", "f-ganja-exercise", "Late report: “Azerbaijani and Georgian troops hold a joint exercise near Ganja”"},
	{"amended", "a-baku-talks", "date 2025-10-14 → 2025-10-18"},
	{"removed", "c-yerevan-call", "Removed: event c-yerevan-call"},
}

var editionMoves = []string{"ARM-GEO, Week 42: 1 → 0 events", "AZE-GEO, Week 42: 2 → 3 events"}

// TestEditions is issue 18's end-to-end test: build a week, revise the
// events (a late report, a date and a grade amended, one removed), build
// again: the note's box and annex, the Changes sheet and briefing diff
// list exactly those four changes and the pair counts that moved.
func TestEditions(t *testing.T) {
	t.Parallel()
	dir := editionProject(t)
	build := func(args ...string) result {
		t.Helper()
		r := runBriefing(t, dir, []string{epoch}, append([]string{"build", "--period", "2025-W43"}, args...)...)
		if r.code != ExitOK {
			t.Fatalf("build %q: exit %d\n%s", args, r.code, r.stderr)
		}
		return r
	}
	r := build()
	if !strings.Contains(r.stderr, "no previous edition found to compare with dir=output") {
		t.Errorf("the first build should say it found no previous edition:\n%s", r.stderr)
	}
	out := filepath.Join(dir, "output")
	first := filepath.Join(dir, "first.manifest.json")
	copyFile(t, filepath.Join(out, w43Manifest), first)
	firstPDF := readFile(t, filepath.Join(out, w43PDF))
	firstXLSX := readFile(t, filepath.Join(out, w43XLSX))

	// Nothing changed: the second build finds the first's manifest, and
	// its note and workbook are the same bytes.
	r = build()
	if !strings.Contains(r.stderr, "compared with the previous edition previous=output/"+w43Manifest+" added=0 removed=0 amended=0 pair_counts_moved=0") {
		t.Errorf("the rebuild should compare with the first build:\n%s", r.stderr)
	}
	if readFile(t, filepath.Join(out, w43PDF)) != firstPDF || readFile(t, filepath.Join(out, w43XLSX)) != firstXLSX {
		t.Error("with no change, the note or the workbook changed")
	}

	revise(t, dir)
	build()
	text := pdfText(t, []byte(readFile(t, filepath.Join(out, w43PDF))))
	box, annex, ok := strings.Cut(text, "Key figures")
	if !ok || !strings.Contains(box, "Since the last edition Against the edition of Week 43: 1 late report, 1 event removed and 2 events amended.") {
		t.Fatalf("no box on page 1:\n%s", box)
	}
	// The box: the three most significant, ranked as key developments
	// (the agreement first), and the counts.
	for _, c := range editionChanges[:3] {
		if !strings.Contains(box, c.words) {
			t.Errorf("the box lacks %q:\n%s", c.words, box)
		}
	}
	if !strings.Contains(box, "Counts: "+strings.Join(editionMoves, "; ")) {
		t.Errorf("the box lacks the pair counts:\n%s", box)
	}
	_, annex, _ = strings.Cut(annex, "Changes since the last edition")
	annex, _, _ = strings.Cut(annex, "Inputs")
	for _, c := range editionChanges {
		if strings.Count(annex, c.id) != 1 {
			t.Errorf("the annex names %s %d times:\n%s", c.id, strings.Count(annex, c.id), annex)
		}
	}
	for _, m := range editionMoves {
		if !strings.Contains(annex, m) {
			t.Errorf("the annex lacks %q", m)
		}
	}
	if strings.Count(annex, "b-tbilisi-visit") > 0 || strings.Count(annex, "e-ankara-meeting") > 0 {
		t.Errorf("the annex lists an unchanged event:\n%s", annex)
	}

	// The Changes sheet.
	f, err := excelize.OpenFile(filepath.Join(out, w43XLSX))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Changes")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Change", "Event ID", "Date", "Period", "Pairs", "Fields", "Before", "After"}; len(rows) == 0 || !slices.Equal(rows[0], want) {
		t.Fatalf("Changes header %q, want %q", rows, want)
	}
	var sheet []string
	for _, row := range rows[1:] {
		sheet = append(sheet, strings.Join(row, "|"))
	}
	wantSheet := []string{
		"amended|d-border-agreement|2025-10-21|2025-W43|AZE-GEO|grades|grades: B2|grades: A1",
		"added|f-ganja-exercise|2025-10-17|2025-W42|AZE-GEO|||held exercise, AZE GEO",
		"amended|a-baku-talks|2025-10-18|2025-W42|AZE-GEO|date|date: 2025-10-14|date: 2025-10-18",
		"removed|c-yerevan-call|2025-10-16|2025-W42|ARM-GEO||held call, ARM GEO",
	}
	if !slices.Equal(sheet, wantSheet) {
		t.Errorf("Changes sheet:\n%s\nwant:\n%s", strings.Join(sheet, "\n"), strings.Join(wantSheet, "\n"))
	}

	// briefing diff, text and JSON.
	d := runBriefing(t, dir, nil, "diff", first, "output/"+w43Manifest)
	if d.code != ExitInvalid {
		t.Fatalf("diff of different editions: exit %d, want 1\n%s", d.code, d.stderr)
	}
	lines := strings.Split(strings.TrimSpace(d.stdout), "\n")
	var listed []string
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 2 && slices.Contains([]string{"added", "removed", "amended"}, f[0]) {
			listed = append(listed, f[0]+" "+f[1])
		}
	}
	var want []string
	for _, c := range editionChanges {
		want = append(want, c.change+" "+c.id)
	}
	if !slices.Equal(listed, want) {
		t.Errorf("diff lists %q, want %q:\n%s", listed, want, d.stdout)
	}
	for _, s := range append([]string{"4 changes: 1 added, 1 removed, 2 amended", "grades B2 → A1", "date 2025-10-14 → 2025-10-18"}, editionMoves...) {
		if !strings.Contains(d.stdout, s) {
			t.Errorf("diff lacks %q:\n%s", s, d.stdout)
		}
	}
	d = runBriefing(t, dir, nil, "diff", "--json", first, "output/"+w43Manifest)
	var doc struct {
		Equal                   bool
		Added, Removed, Amended int
		Changes                 []struct{ Change, ID string }
		PairCounts              []struct {
			Pair          string
			Before, After int
		} `json:"pair_counts"`
	}
	if err := json.Unmarshal([]byte(d.stdout), &doc); err != nil || d.code != ExitInvalid {
		t.Fatalf("diff --json: exit %d, %v\n%s", d.code, err, d.stdout)
	}
	if doc.Equal || doc.Added != 1 || doc.Removed != 1 || doc.Amended != 2 || len(doc.Changes) != 4 || len(doc.PairCounts) != 2 ||
		doc.PairCounts[1].Pair != "AZE-GEO" || doc.PairCounts[1].Before != 2 || doc.PairCounts[1].After != 3 {
		t.Errorf("diff --json: %+v", doc)
	}
	if d := runBriefing(t, dir, nil, "diff", first, first); d.code != ExitOK || !strings.Contains(d.stdout, "No changes.") {
		t.Errorf("diff of one manifest with itself: exit %d\n%s", d.code, d.stdout)
	}
}

// TestPreviousNone: --previous none compares with nothing, and the note
// and workbook are those of a build with no earlier edition at all.
func TestPreviousNone(t *testing.T) {
	t.Parallel()
	dir := editionProject(t)
	fresh := editionProject(t)
	for _, d := range []string{dir, fresh} {
		if r := runBriefing(t, d, []string{epoch}, "build", "--period", "2025-W43"); r.code != ExitOK {
			t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
		}
	}
	revise(t, dir)
	revise(t, fresh)
	if err := os.RemoveAll(filepath.Join(fresh, "output")); err != nil {
		t.Fatal(err)
	}
	runBriefing(t, fresh, []string{epoch}, "build", "--period", "2025-W43")
	r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43", "--previous", "none")
	if r.code != ExitOK || !strings.Contains(r.stderr, "not compared with a previous edition (--previous none)") {
		t.Fatalf("--previous none: exit %d\n%s", r.code, r.stderr)
	}
	for _, name := range []string{w43PDF, w43XLSX} {
		if readFile(t, filepath.Join(dir, "output", name)) != readFile(t, filepath.Join(fresh, "output", name)) {
			t.Errorf("%s: --previous none differs from a build with no previous edition", name)
		}
	}
	if text := pdfText(t, []byte(readFile(t, filepath.Join(dir, "output", w43PDF)))); strings.Contains(text, "Since the last edition") {
		t.Error("--previous none: the note has a box")
	}
}

// TestPreviousBad: a manifest that cannot be compared with is a clear
// error, exit 2, and nothing is written; a schema-1 manifest found in
// the output dir is passed over.
func TestPreviousBad(t *testing.T) {
	t.Parallel()
	dir := editionProject(t)
	if r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43"); r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	manifest := readFile(t, filepath.Join(dir, "output", w43Manifest))
	var m map[string]any
	if err := json.Unmarshal([]byte(manifest), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "schema")
	delete(m, "events")
	old, _ := json.Marshal(m)
	m["schema"] = 3
	future, _ := json.Marshal(m)
	writeFile(t, filepath.Join(dir, "old.json"), string(old))
	writeFile(t, filepath.Join(dir, "future.json"), string(future))
	writeFile(t, filepath.Join(dir, "corrupt.json"), manifest[:len(manifest)/2])
	writeFile(t, filepath.Join(dir, "other.json"), `{"tool": "something"}`)
	revise(t, dir) // a build that got through would change the outputs
	for _, tc := range []struct{ file, want string }{
		{"old.json", "old.json: manifest schema 1 has no event digests; build that period again with this version (schema 2)"},
		{"future.json", "future.json: manifest schema 3: this version of briefing reads schema 2"},
		{"corrupt.json", "corrupt.json: not a briefing manifest: invalid JSON at line"},
		{"other.json", `other.json: not a briefing manifest (its "tool" is "something", want "briefing")`},
		{"missing.json", "missing.json: no such file or directory"},
	} {
		before := snapshot(t, filepath.Join(dir, "output"))
		r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43", "--previous", tc.file)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "nothing was written") {
			t.Errorf("--previous %s: exit %d, want 2 and %q\n%s", tc.file, r.code, tc.want, r.stderr)
		}
		if after := snapshot(t, filepath.Join(dir, "output")); !maps.Equal(before, after) {
			t.Errorf("--previous %s: the output dir changed", tc.file)
		}
		if d := runBriefing(t, dir, nil, "diff", tc.file, "output/"+w43Manifest); d.code != ExitUsage || !strings.Contains(d.stderr, tc.want) {
			t.Errorf("diff %s: exit %d, want 2 and %q\n%s", tc.file, d.code, tc.want, d.stderr)
		}
	}
	// Found in the output dir, a schema-1 manifest is passed over: the
	// first build after an upgrade must not fail.
	writeFile(t, filepath.Join(dir, "output", w43Manifest), string(old))
	r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43")
	if r.code != ExitOK || !strings.Contains(r.stderr, "not compared: the previous edition's manifest has no event digests (schema 1)") {
		t.Errorf("a schema-1 manifest in output/: exit %d\n%s", r.code, r.stderr)
	}
	// A corrupt one there stops the build, naming the way out.
	writeFile(t, filepath.Join(dir, "output", w43Manifest), "{")
	r = runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "(--previous none builds without comparing); nothing was written") {
		t.Errorf("a corrupt manifest in output/: exit %d\n%s", r.code, r.stderr)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestServeComparesWithPublished: serve's preview compares with the
// edition published in output/, as the next build will, and only reads
// it.
func TestServeComparesWithPublished(t *testing.T) {
	t.Parallel()
	dir := editionProject(t)
	if r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2025-W43"); r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	manifest := filepath.Join(dir, "output", w43Manifest)
	before := readFile(t, manifest)
	revise(t, dir)
	r := runBriefing(t, dir, []string{epoch, serveOnceEnv + "=1"}, "serve", "--verbose", "--period", "2025-W43", "--addr", "127.0.0.1:0")
	if r.code != ExitOK || !strings.Contains(r.stderr, "compared with the previous edition previous=output/"+w43Manifest+" added=1 removed=1 amended=2") {
		t.Errorf("serve: exit %d, want a comparison with the published edition:\n%s", r.code, r.stderr)
	}
	if readFile(t, manifest) != before {
		t.Error("serve changed the published manifest")
	}
}
