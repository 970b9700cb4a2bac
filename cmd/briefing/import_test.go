package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportThenBuild is the "done when": import the US travels
// with the shipped mapping, then check --strict and build a year of it.
// It runs on the committed excerpt (Office of the Historian, CC0) and,
// where CI keeps it (../shared/data/real beside the repository), on the
// whole file.
func TestImportThenBuild(t *testing.T) {
	mapping, _ := filepath.Abs(filepath.Join("..", "..", "examples", "import", "us-travels.toml"))
	excerpt, _ := filepath.Abs(filepath.Join("..", "..", "internal", "importer", "testdata", "us-travels-excerpt.csv"))
	real := os.Getenv("BRIEFING_REAL_DATA")
	if real == "" {
		real = filepath.Join("..", "..", "..", "shared", "data", "real")
	}
	real, _ = filepath.Abs(filepath.Join(real, "us_travels_and_foreign_visits.csv"))
	for _, tc := range []struct {
		name, file, summary string
	}{
		{"excerpt", excerpt, "import csv: 8 rows read, 6 rows used → 4 events (4 rows merged into 2 events); 4 files written, 0 files unchanged in input/imported/csv"},
		{"real", real, "import csv: 7535 rows read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.file); err != nil {
				t.Skipf("real sample absent (../shared/data/real beside the repository): %v", err)
			}
			if tc.name == "real" && testing.Short() {
				t.Skip("imports 7,535 rows")
			}
			dir := example(t)
			r := runRaw(t, dir, nil, "import", "csv", "--map", mapping, tc.file)
			if r.code != 0 || !strings.Contains(r.stderr, tc.summary) {
				t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
			}
			// The final record names the files written, as init's does.
			if !strings.Contains(r.stderr, "briefing: done exit_code=0 ") || !strings.Contains(r.stderr, " outputs=[input/imported/csv/") {
				t.Errorf("import's final record does not name its files:\n%s", r.stderr)
			}
			if r := runBriefing(t, dir, nil, "check", "--strict"); r.code != 0 {
				t.Fatalf("check --strict: exit %d\n%s", r.code, r.stderr)
			}
			if r := runBriefing(t, dir, nil, "build", "--period", "2003"); r.code != 0 {
				t.Fatalf("build --period 2003: exit %d\n%s", r.code, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "output", "briefing-2003.pdf")); err != nil {
				t.Error(err)
			}
			// Importing again changes nothing.
			r = runRaw(t, dir, nil, "import", "csv", "--map", mapping, tc.file)
			if r.code != 0 || !strings.Contains(r.stderr, "0 files written") || !strings.Contains(r.stderr, " outputs=[]\n") {
				t.Errorf("re-import: exit %d\n%s", r.code, r.stderr)
			}
		})
	}
}

func TestImportUsage(t *testing.T) {
	dir := example(t)
	writeTestFile(t, filepath.Join(dir, "map.toml"), "date = \"date\"\ncountries = [\"a\", \"b\"]\nkind = \"meeting\"\ntitle = \"{{.title}}\"\n")
	writeTestFile(t, filepath.Join(dir, "rows.csv"), "date,a,b,title\n2025-10-20,GEO,AZE,Talks\n2025-13-01,GEO,AZE,Bad\n")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, 2, "import needs a format"},
		{[]string{"import", "xml", "rows.csv"}, 2, `unknown format "xml"`},
		{[]string{"import", "csv", "rows.csv"}, 2, "needs a mapping file: --map FILE"},
		{[]string{"import", "csv", "--map", "map.toml"}, 2, "needs one or more files"},
		{[]string{"import", "csv", "--map", "map.toml", "--since", "20.10.2025", "rows.csv"}, 2, `--since "20.10.2025": expected a date`},
		{[]string{"import", "csv", "--map", "map.toml", "--country", "GOE", "rows.csv"}, 2, `--country "GOE": not a known country code or name (did you mean "GEO"?)`},
		{[]string{"import", "csv", "--map", "map.toml", "rows.csv", "--strict"}, 2, "flags go before the files"},
		{[]string{"import", "csv", "--map", "map.toml", "--strict", "rows.csv"}, 1, `rows.csv:3:1: column date: "2025-13-01" is not a date`},
		{[]string{"import", "csv", "--map", "map.toml", "missing.csv"}, 1, "missing.csv: no such file or directory"},
		{[]string{"import", "csv", "--map", "map.toml", "--out-dir", "rows.csv/out", "rows.csv"}, 3, "cannot read rows.csv/out/2025/week-43.toml to compare: not a directory"},
		{[]string{"import", "csv", "--map", "map.toml", "rows.csv"}, 0, "1 row could not be used: bad date 1"},
	} {
		r := runBriefing(t, dir, nil, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", tc.args, r.code, tc.code, tc.want, r.stderr)
		}
		if tc.code != 0 {
			if _, err := os.Stat(filepath.Join(dir, "input", "imported")); !os.IsNotExist(err) {
				t.Errorf("%v: wrote input/imported", tc.args)
			}
		}
	}
}

func writeTestFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImportFormatsCheck imports each coded-event sample of
// ../shared/data/real (GDELT 2.0 via linwoodc3/gdeltPyR, GDELT Project;
// ICEWS via andybega/icews, Harvard Dataverse doi:10.7910/DVN/28075) and
// runs check --strict on the result.
func TestImportFormatsCheck(t *testing.T) {
	real := os.Getenv("BRIEFING_REAL_DATA")
	if real == "" {
		real = filepath.Join("..", "..", "..", "shared", "data", "real")
	}
	for _, tc := range []struct{ format, file string }{
		{"gdelt", "gdelt2_events_sample_2017.csv"},
		{"icews", "icews_events.2018.sample.tab"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			file, _ := filepath.Abs(filepath.Join(real, tc.file))
			if _, err := os.Stat(file); err != nil {
				t.Skipf("real sample absent (../shared/data/real beside the repository): %v", err)
			}
			dir := example(t)
			r := runBriefing(t, dir, nil, "import", tc.format, file)
			if r.code != 0 || !strings.Contains(r.stderr, "import "+tc.format+": ") {
				t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
			}
			if r := runBriefing(t, dir, nil, "check", "--strict"); r.code != 0 {
				t.Fatalf("check --strict: exit %d\n%s", r.code, r.stderr)
			}
		})
	}
}

// TestImportOutDir: the default --out-dir is beside the config file, not
// the working directory; an explicit one is taken as given.
func TestImportOutDir(t *testing.T) {
	dir := example(t)
	mapping, _ := filepath.Abs(filepath.Join("..", "..", "examples", "import", "us-travels.toml"))
	excerpt, _ := filepath.Abs(filepath.Join("..", "..", "internal", "importer", "testdata", "us-travels-excerpt.csv"))
	work := t.TempDir()
	r := runBriefing(t, work, nil, "import", "csv", "--config", filepath.Join(dir, "config.toml"), "--map", mapping, excerpt)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "input", "imported", "csv", "2003", "week-04.toml")); err != nil {
		t.Errorf("not beside the config: %v\n%s", err, r.stderr)
	}
	r = runBriefing(t, work, nil, "import", "csv", "--map", mapping, "--out-dir", "elsewhere", excerpt)
	if _, err := os.Stat(filepath.Join(work, "elsewhere", "2003", "week-04.toml")); r.code != 0 || err != nil {
		t.Errorf("--out-dir: exit %d, %v\n%s", r.code, err, r.stderr)
	}
}

// TestImportJSONLog: with --log-format json a bad row's warning carries
// its file, line, column and reason as fields.
func TestImportJSONLog(t *testing.T) {
	dir := example(t)
	writeTestFile(t, filepath.Join(dir, "map.toml"), "date = \"date\"\ncountries = [\"a\", \"b\"]\nkind = \"meeting\"\ntitle = \"{{.title}}\"\n")
	writeTestFile(t, filepath.Join(dir, "rows.csv"), "date,a,b,title\n2025-13-01,GEO,AZE,Bad\n")
	r := runBriefing(t, dir, nil, "--log-format", "json", "import", "csv", "--map", "map.toml", "rows.csv")
	want := `"file":"rows.csv","line":2,"col":1,"reason":"bad date","column":"date"`
	if r.code != 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, want %s in\n%s", r.code, want, r.stderr)
	}
}
