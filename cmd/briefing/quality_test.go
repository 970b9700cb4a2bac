package main

// Data-quality warnings (issue #16, points 8, 9 and 10).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// aYearLater is 2026-10-27 09:00 UTC: a year after the example's newest
// held event (2025-10-25).
const aYearLater = "SOURCE_DATE_EPOCH=1793091600"

func TestStaleInput(t *testing.T) {
	t.Parallel()
	dir := example(t)
	const stale = "briefing: warning: input looks stale: the newest held event is 12 months old (2025-10-25), older than briefing.stale_after (14d)\n"
	// A relative period over a year-old archive warns, and fails --strict.
	r := runBriefing(t, dir, []string{aYearLater}, "summary", "--period", "last-week")
	if r.code != ExitOK || !strings.Contains(r.stderr, stale) {
		t.Errorf("summary --period last-week: exit %d\n%s", r.code, r.stderr)
	}
	before := snapshot(t, dir)
	r = runBriefing(t, dir, []string{aYearLater}, "build", "--period", "last-week", "--strict")
	if r.code != ExitInvalid || !strings.Contains(r.stderr, "\ninput looks stale: the newest held event is 12 months old (2025-10-25)") {
		t.Errorf("build --period last-week --strict: exit %d\n%s", r.code, r.stderr)
	}
	sameFiles(t, "after a --strict build that failed on stale input", before, snapshot(t, dir))
	// The manifest lists it.
	r = runBriefing(t, dir, []string{aYearLater}, "-q", "build", "--period", "this-week", "--format", "xlsx")
	if r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	var m struct{ Warnings []string }
	b, _ := os.ReadFile(filepath.Join(dir, "output", "briefing-2026-W44.manifest.json"))
	if err := json.Unmarshal(b, &m); err != nil || len(m.Warnings) == 0 || !strings.HasPrefix(m.Warnings[0], "input looks stale") {
		t.Errorf("manifest warnings (%v): %q", err, m.Warnings)
	}
	// Not for a period that ended long ago (latest-week is the newest
	// event's week), nor with stale_after = "0"; weeks count too.
	for _, tc := range []struct {
		config []string
		args   []string
		warns  bool
	}{
		{nil, []string{"--period", "latest-week"}, false},
		{nil, []string{"--period", "2025-10"}, false},
		{[]string{`period = "latest-week"`, "period = \"latest-week\"\nstale_after = \"0\""}, []string{"--period", "this-week"}, false},
		{[]string{`period = "latest-week"`, "period = \"latest-week\"\nstale_after = \"60w\""}, []string{"--period", "this-week"}, false},
		{[]string{`period = "latest-week"`, "period = \"latest-week\"\nstale_after = \"2w\""}, []string{"--period", "this-week"}, true},
	} {
		d := example(t)
		if tc.config != nil {
			editConfig(t, d, tc.config[0], tc.config[1])
		}
		r := runBriefing(t, d, []string{aYearLater}, append([]string{"summary"}, tc.args...)...)
		if got := strings.Contains(r.stderr, "input looks stale"); r.code != ExitOK || got != tc.warns {
			t.Errorf("%q %q: exit %d, stale warning %v, want %v\n%s", tc.config, tc.args, r.code, got, tc.warns, r.stderr)
		}
	}
	editConfig(t, dir, `period = "latest-week"`, "period = \"latest-week\"\nstale_after = \"14 days\"")
	r = runBriefing(t, dir, nil, "check")
	if r.code != ExitInvalid || !strings.Contains(r.stderr, `config.toml:11:15: briefing.stale_after: "14 days" is not a number of days or weeks such as "14d" or "2w" (at most 10 years), or "0" for no staleness warning`) {
		t.Errorf("bad stale_after: exit %d\n%s", r.code, r.stderr)
	}
}

func TestEmptyPeriod(t *testing.T) {
	t.Parallel()
	dir := example(t)
	for _, tc := range []struct{ args, want string }{
		{"--period 2025-W45", "period 2025-W45 (Week 45 · 3–9 November 2025) has no held events; the nearest with events: 2025-W43 before"},
		{"--period 2025-09", "period 2025-09 (September 2025) has no held events; the nearest with events: 2024-01 before, 2025-10 after"},
		{"--period 2022", "period 2022 (2022) has no held events; the nearest with events: 2023 after"},
		{"--period 2025-W43 --pair ARM-*", "period 2025-W43 (Week 43 · 20–26 October 2025) has no held events in the scope ARM-*; nor has any other period"},
	} {
		r := runBriefing(t, dir, []string{epoch}, append([]string{"summary"}, strings.Fields(tc.args)...)...)
		if r.code != ExitOK || !strings.Contains(r.stderr, "briefing: warning: "+tc.want+"\n") {
			t.Errorf("summary %s: exit %d, want %q:\n%s", tc.args, r.code, tc.want, r.stderr)
		}
	}
	if r := runBriefing(t, dir, []string{epoch}, "summary", "--period", "2025-W43"); strings.Contains(r.stderr, "no held events") {
		t.Errorf("a period with events warns:\n%s", r.stderr)
	}
}

func TestUnconfirmedPlanned(t *testing.T) {
	t.Parallel()
	dir := example(t)
	const want = `briefing: warning: input/example.toml:100:10: event "2023-05-26-georgia-independence-day-invitation": status: planned for 2023-05-26, which is past, and not confirmed: no held event of the same countries (GEO, AZE) within 3 days; record it as held or cancelled` + "\n"
	for _, tc := range []struct {
		period string
		warns  bool
	}{
		{"2023-05", true}, // in the period
		{"2023-06", true}, // in the previous period
		{"2023-04", true}, // in the Upcoming window after it
		{"2023-08", false},
		{"2025-W43", false},
		{"all", true},
	} {
		r := runBriefing(t, dir, []string{epoch}, "summary", "--period", tc.period)
		if got := strings.Contains(r.stderr, want); r.code != ExitOK || got != tc.warns {
			t.Errorf("--period %s: exit %d, warning %v, want %v:\n%s", tc.period, r.code, got, tc.warns, r.stderr)
		}
	}
	// A held event of the same countries 3 days later confirms it; 4 days
	// do not; other countries do not.
	for _, tc := range []struct {
		date, countries string
		warns           bool
	}{
		{"2023-05-29", `["AZE", "GEO"]`, false},
		{"2023-05-23", `["GEO", "AZE"]`, false},
		{"2023-05-30", `["GEO", "AZE"]`, true},
		{"2023-05-26", `["GEO", "AZE", "TUR"]`, true},
	} {
		d := example(t)
		writeFile(t, filepath.Join(d, "input", "held.toml"), "[[event]]\nid = \"held\"\ndate = "+tc.date+"\ntitle = \"Visit\"\nkind = \"visit\"\ncountries = "+tc.countries+"\n")
		r := runBriefing(t, d, []string{epoch}, "summary", "--period", "2023-05")
		if got := strings.Contains(r.stderr, "not confirmed"); got != tc.warns {
			t.Errorf("held %s %s: warning %v, want %v:\n%s", tc.date, tc.countries, got, tc.warns, r.stderr)
		}
	}
	// Not before the planned day.
	r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1685000000"}, "summary", "--period", "2023-05") // 2023-05-25
	if strings.Contains(r.stderr, "not confirmed") {
		t.Errorf("warned before the planned day:\n%s", r.stderr)
	}
}

// TestQualityInWorkbook: the data-quality warnings come before the
// renderers, so the workbook's Diagnostics sheet lists them with the
// run's other warnings (issue #15's "every warning of the run").
func TestQualityInWorkbook(t *testing.T) {
	t.Parallel()
	dir := example(t)
	r := runBriefing(t, dir, []string{epoch}, "build", "--period", "2023-05", "--format", "xlsx", "--out", "out")
	if r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "out", "briefing-2023-05.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Diagnostics")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, row := range rows {
		if slices.Contains(row, "2023-05-26-georgia-independence-day-invitation") &&
			strings.Contains(strings.Join(row, " "), "which is past, and not confirmed") {
			found = true
		}
	}
	if !found {
		t.Errorf("the Diagnostics sheet has no unconfirmed-planned warning:\n%q", rows)
	}
}
