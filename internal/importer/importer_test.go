package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/country"
)

// realData is ../shared/data/real beside the repository, where CI keeps
// the real samples (BRIEFING_REAL_DATA overrides it); tests that need it
// skip with a message when it is absent.
func realData(t *testing.T, name string) string {
	t.Helper()
	dir := os.Getenv("BRIEFING_REAL_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "real")
	}
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real sample %s is absent (../shared/data/real beside the repository, or BRIEFING_REAL_DATA): %v", name, err)
	}
	return p
}

var table = country.New(map[string]string{"TUR": "Türkiye"})

func options(t *testing.T, format string, files ...string) *Options {
	t.Helper()
	return &Options{Format: format, Files: files, OutDir: filepath.Join(t.TempDir(), "out"), Version: "test", Table: table}
}

func withMap(t *testing.T, o *Options, path string) *Options {
	t.Helper()
	m, err := LoadMapping(path, NewResolver(table))
	if err != nil {
		t.Fatal(err)
	}
	o.Map = m
	return o
}

// tomlEvent is an event as written, read back.
type tomlEvent struct {
	ID           string
	Date         time.Time
	EndDate      *time.Time `toml:"end_date"`
	Title        string
	Kind         string
	Countries    []string
	Host         string
	Location     string
	Summary      string
	Participants []struct{ Name, Role, Organization, Country string }
	Sources      []struct {
		Title, Publisher, URL, Reliability string
		Credibility                        int
	}
}

// readOut reads every file under dir, checks that the pipeline accepts
// them (the validation `briefing check` runs), and returns the events by id.
func readOut(t *testing.T, dir string) map[string]tomlEvent {
	t.Helper()
	cfg := pipeline.DefaultConfig()
	cfg.Dir = dir
	cfg.Input.Paths = []string{"**/*.toml"}
	cfg.Countries = map[string]string{"TUR": "Türkiye"}
	if _, err := pipeline.Load(cfg); err != nil {
		t.Fatalf("the pipeline rejects the imported files:\n%v", err)
	}
	out := map[string]tomlEvent{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var doc struct{ Event []tomlEvent }
		if _, err := toml.DecodeFile(p, &doc); err != nil {
			return err
		}
		for _, e := range doc.Event {
			out[e.ID] = e
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func usTravels(t *testing.T, files ...string) *Options {
	return withMap(t, options(t, "csv", files...), filepath.Join("..", "..", "examples", "import", "us-travels.toml"))
}

// TestUSTravelsExcerpt checks hand-checked rows of the Office of the
// Historian's lists (testdata/us-travels-excerpt.csv, CC0) against the
// events the shipped mapping should make of them.
func TestUSTravelsExcerpt(t *testing.T) {
	opt := usTravels(t, filepath.Join("testdata", "us-travels-excerpt.csv"))
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 8 || res.Used != 6 || res.Events != 4 || res.MergedRows != 4 || res.MergedEvents != 2 {
		t.Errorf("rows %d used %d events %d merged %d→%d; want 8 6 4 4→2", res.Rows, res.Used, res.Events, res.MergedRows, res.MergedEvents)
	}
	if res.BadCount["bad date"] != 1 || res.Unresolved["U.S.S.R."] == nil || res.Unresolved["U.S.S.R."].Count != 1 {
		t.Errorf("bad rows %v, unresolved %v; want the 1866 date and U.S.S.R.", res.BadCount, res.Unresolved)
	}
	if got := res.Bad[0].String(); got != "testdata/us-travels-excerpt.csv:2:24: column start_date: 1866-01-09 is outside the supported dates 1900-01-01 to 9999-12-31" {
		t.Errorf("first bad row: %s", got)
	}
	if got := res.Bad[1].String(); got != `testdata/us-travels-excerpt.csv:3:103: column host_country: "U.S.S.R." is not a known country name or code` {
		t.Errorf("second bad row: %s", got)
	}
	ev := readOut(t, opt.OutDir)
	powell := ev["csv-secretary-travels-1331"]
	if powell.Date.Format(time.DateOnly) != "2003-01-25" || powell.EndDate == nil || powell.EndDate.Format(time.DateOnly) != "2003-01-26" ||
		powell.Title != "Secretary of State Colin Luther Powell visits Switzerland" || powell.Kind != "visit" ||
		!slices.Equal(powell.Countries, []string{"USA", "CHE"}) || powell.Host != "CHE" || powell.Location != "Davos" ||
		powell.Summary != "Attended the World Economic Forum." {
		t.Errorf("secretary-travels 1331: %+v", powell)
	}
	if len(powell.Participants) != 1 || powell.Participants[0] != (struct{ Name, Role, Organization, Country string }{"Colin Luther Powell", "Secretary of State", "U.S. Department of State", "USA"}) {
		t.Errorf("participants: %+v", powell.Participants)
	}
	if len(powell.Sources) != 1 || powell.Sources[0].URL != "https://history.state.gov/departmenthistory/travels" ||
		powell.Sources[0].Publisher != "Office of the Historian, U.S. Department of State" || powell.Sources[0].Reliability != "A" || powell.Sources[0].Credibility != 0 {
		t.Errorf("sources: %+v", powell.Sources)
	}
	kw := ev["csv-foreign-visits-to-us-1593"]
	if kw.Title != "President Aleksander Kwasniewski of Poland visits the United States" || !slices.Equal(kw.Countries, []string{"POL", "USA"}) ||
		kw.Host != "USA" || kw.Participants[0].Country != "POL" || kw.Participants[0].Role != "President" || kw.Sources[0].Title != "Visits by Foreign Leaders" {
		t.Errorf("foreign-visits-to-us 1593: %+v", kw)
	}
	// The President and the Secretary in Seoul on 2002-02-19: one visit
	// with both, under the first row's id and title.
	seoul := ev["csv-president-travels-2393"]
	if seoul.Title != "President George W. Bush visits South Korea" || len(seoul.Participants) != 2 ||
		seoul.Participants[1].Name != "Colin Luther Powell" || !slices.Equal(seoul.Countries, []string{"USA", "KOR"}) {
		t.Errorf("Seoul 2002-02-19: %+v", seoul)
	}
	if _, ok := ev["csv-secretary-travels-1286"]; ok {
		t.Error("the Secretary's row in Seoul is an event of its own; want it merged")
	}
	if _, ok := ev["csv-secretary-travels-4019"]; ok || ev["csv-secretary-travels-3992"].ID == "" {
		t.Error("the duplicate Tokyo rows are not one event")
	}
	if len(ev) != 4 {
		t.Errorf("%d events, want 4", len(ev))
	}
	if _, err := os.Stat(filepath.Join(opt.OutDir, "2003", "week-04.toml")); err != nil {
		t.Errorf("2003-01-25 is in ISO week 2003-W04: %v", err)
	}
}

// TestUSTravelsReal imports the whole real file (../shared/data/real,
// Office of the Historian, CC0) and checks the pipeline accepts it all.
func TestUSTravelsReal(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 7,535 rows")
	}
	opt := usTravels(t, realData(t, "us_travels_and_foreign_visits.csv"))
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 7535 || res.Events < 6500 || res.MergedEvents == 0 {
		t.Errorf("rows %d events %d merged %d", res.Rows, res.Events, res.MergedEvents)
	}
	ev := readOut(t, opt.OutDir)
	if len(ev) != res.Events {
		t.Errorf("%d events read back, %d imported", len(ev), res.Events)
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const reportsMap = `
date = "date"
countries = ["a", "b"]
kind_column = "what"
title = "{{.title}}"
[kind_values]
talks = "meeting"
signing = "agreement"
noise = ""
[[sources]]
publisher = "{{.publisher}}"
url = "{{.url}}"
`

func reportsOptions(t *testing.T, csv string, mapping string) *Options {
	dir := t.TempDir()
	m := writeFile(t, dir, "map.toml", mapping)
	return withMap(t, options(t, "csv", writeFile(t, dir, "reports.csv", csv)), m)
}

// TestDeduplication: rows with the same date, set of countries and kind
// are one event with every distinct source; two distinct publishers make
// it corroborated (credibility 1); one publisher twice does not.
func TestDeduplication(t *testing.T) {
	csv := "date,a,b,what,title,publisher,url\n" +
		"2025-10-20,Georgia,Azerbaijan,talks,Talks in Tbilisi,Agenda.ge,https://agenda.ge/1\n" +
		"2025-10-20,AZE,GEO,talks,Azerbaijan and Georgia talk,APA,https://apa.az/2\n" + // same event, other order and wording
		"2025-10-20,GEO,AZE,talks,Talks again,Agenda.ge,https://agenda.ge/1\n" + // same source again
		"2025-10-20,GEO,AZE,signing,Deal signed,Agenda.ge,https://agenda.ge/3\n" + // another kind
		"2025-10-21,GEO,AZE,talks,Talks day two,Agenda.ge,https://agenda.ge/4\n" + // another day
		"2025-10-22,GEO,ARM,talks,Talks,Agenda.ge,https://agenda.ge/5\n" +
		"2025-10-22,ARM,GEO,talks,Talks,Agenda.ge,https://agenda.ge/6\n" + // one publisher, two pages
		"2025-10-22,ARM,GEO,noise,Noise,X,https://x.org/\n"
	opt := reportsOptions(t, csv, reportsMap)
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 8 || res.Used != 7 || res.Events != 4 || res.MergedRows != 5 || res.MergedEvents != 2 || res.Skipped[`kind_values maps to ""`] != 1 {
		t.Errorf("%+v", res)
	}
	ev := readOut(t, opt.OutDir)
	var talks, armenia tomlEvent
	for _, e := range ev {
		switch {
		case e.Title == "Talks in Tbilisi":
			talks = e
		case slices.Contains(e.Countries, "ARM"):
			armenia = e
		}
	}
	if len(talks.Sources) != 2 || talks.Sources[0].Credibility != 1 || talks.Sources[1].Credibility != 1 ||
		talks.Sources[1].Publisher != "APA" || !strings.HasPrefix(talks.ID, "2025-10-20-talks-in-tbilisi-") {
		t.Errorf("merged talks: %+v", talks)
	}
	if len(armenia.Sources) != 2 || armenia.Sources[0].Credibility != 0 {
		t.Errorf("one publisher is no corroboration: %+v", armenia)
	}
}

// TestGradesKept: a grade the mapping sets is not replaced by the
// corroboration rule.
func TestGradesKept(t *testing.T) {
	csv := "date,a,b,what,title,publisher,url\n" +
		"2025-10-20,GEO,AZE,talks,Talks,A,https://a.org/1\n" +
		"2025-10-20,GEO,AZE,talks,Talks,B,https://b.org/1\n"
	opt := reportsOptions(t, csv, reportsMap+"reliability = \"B\"\ncredibility = 3\n")
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	for _, e := range readOut(t, opt.OutDir) {
		for _, s := range e.Sources {
			if s.Credibility != 3 || s.Reliability != "B" {
				t.Errorf("source %+v: want the mapping's B3", s)
			}
		}
	}
}

// TestReimport: the same input gives the same bytes and touches nothing;
// an edited file is refused without --force and replaced with it.
func TestReimport(t *testing.T) {
	opt := usTravels(t, filepath.Join("testdata", "us-travels-excerpt.csv"))
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	week := filepath.Join(opt.OutDir, "2003", "week-04.toml")
	first, err := os.ReadFile(week)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(week, old, old); err != nil {
		t.Fatal(err)
	}
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 0 || len(res.Unchanged) != 4 {
		t.Errorf("re-import wrote %v, left %v; want nothing written", res.Written, res.Unchanged)
	}
	again, _ := os.ReadFile(week)
	if !bytes.Equal(first, again) {
		t.Error("re-import changed the bytes")
	}
	if fi, _ := os.Stat(week); !fi.ModTime().Equal(old) {
		t.Error("re-import rewrote an unchanged file")
	}
	if !bytes.Contains(first, []byte("# source: us-travels-excerpt.csv sha256:")) || !bytes.HasPrefix(first, []byte("# Generated by `briefing import csv` (briefing test).")) {
		t.Errorf("header:\n%s", first[:300])
	}

	// An analyst fixes a title by hand: the next import must not lose it.
	edited := bytes.Replace(first, []byte("visits Switzerland"), []byte("visits Davos"), 1)
	if err := os.WriteFile(week, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	// Another row changes so that the file would be rewritten.
	opt.Files = []string{writeFile(t, t.TempDir(), "us.csv", strings.Replace(readString(t, opt.Files[0]), "World Economic Forum", "WEF", 1))}
	_, err = Run(opt)
	var list pipeline.ErrorList
	if !asList(err, &list) || !strings.Contains(err.Error(), "week-04.toml: has been edited since briefing import wrote it") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if got, _ := os.ReadFile(week); !bytes.Equal(got, edited) {
		t.Error("the edited file was overwritten")
	}
	opt.Force = true
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(week); !bytes.Contains(got, []byte(`summary = "Attended the WEF."`)) {
		t.Errorf("--force did not replace it:\n%s", got)
	}
}

func readString(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBadRows: each unusable row is reported at its field with the
// column's name; --strict makes them an error and writes nothing.
func TestBadRows(t *testing.T) {
	csv := "date,a,b,what,title,publisher,url\n" +
		"2025-10-20,GEO,AZE,talks,Fine,P,https://p.org/1\n" +
		"20.10.2025,GEO,AZE,talks,Bad date,P,https://p.org/2\n" +
		"2025-10-21,GEO,Narnia,talks,Unknown country,P,https://p.org/3\n" +
		"2025-10-21,GEO,AZE,lunch,Unknown kind,P,https://p.org/4\n" +
		"2025-10-21,GEO,AZE,talks,Bad url,P,ftp://p.org/5\n" +
		"2025-10-21,GEO,AZE,talks,,P,https://p.org/6\n"
	opt := reportsOptions(t, csv, reportsMap)
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Bad {
		got = append(got, strings.TrimPrefix(p.String(), filepath.Dir(opt.Files[0])+string(filepath.Separator)))
	}
	want := []string{
		`reports.csv:3:1: column date: "20.10.2025" is not a date (expected 2025-10-25 or 20251025)`,
		`reports.csv:4:16: column b: "Narnia" is not a known country name or code`,
		`reports.csv:5:20: column what: "lunch" is not in the mapping's kind_values`,
		`reports.csv:6:1: sources[1].url gives "ftp://p.org/5", not an absolute http(s) URL`,
		`reports.csv:7:1: the title template gives an empty title`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("bad rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Events != 1 {
		t.Errorf("%d events, want 1", res.Events)
	}

	opt.Strict = true
	opt.OutDir = filepath.Join(t.TempDir(), "strict")
	_, err = Run(opt)
	var list pipeline.ErrorList
	if !asList(err, &list) || len(list) != 5 || !strings.Contains(list[0].Error(), `3:1: column date: "20.10.2025" is not a date`) {
		t.Fatalf("--strict: %v", err)
	}
	if _, err := os.Stat(opt.OutDir); !os.IsNotExist(err) {
		t.Errorf("--strict with bad rows wrote %s", opt.OutDir)
	}
}

// TestManyBadRows: only the first MaxShown bad rows are kept in full.
func TestManyBadRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,a,b,what,title,publisher,url\n")
	for range 30 {
		b.WriteString("x,GEO,AZE,talks,T,P,https://p.org/\n")
	}
	res, err := Run(reportsOptions(t, b.String(), reportsMap))
	if err != nil {
		t.Fatal(err)
	}
	if res.Bads != 30 || len(res.Bad) != MaxShown || res.BadCount["bad date"] != 30 {
		t.Errorf("bads %d, shown %d, by reason %v", res.Bads, len(res.Bad), res.BadCount)
	}
}

// TestNotTheFormat: a file that is not what the mapping expects is an
// error naming what was expected, and nothing is written.
func TestNotTheFormat(t *testing.T) {
	for _, tc := range []struct{ name, csv, want string }{
		{"missing column", "day,a,b,what,title,publisher,url\n2025-10-20,GEO,AZE,talks,T,P,https://p.org/\n",
			`reports.csv:1: no column "date", which the mapping's date names`},
		{"column count", "date,a,b,what,title,publisher,url\n2025-10-20,GEO,AZE,talks,T,P\n",
			"reports.csv:2:28: 6 fields, expected 7 as in the header row"},
		{"not UTF-8", "date,a,b,what,title,publisher,url\n2025-10-20,GEO,AZE,talks,T\xff,P,https://p.org/\n",
			"reports.csv:2:27: not UTF-8 text"},
		{"bad quoting", "date,a,b,what,title,publisher,url\n2025-10-20,GEO,AZE,talks,\"T\"x,P,https://p.org/\n",
			`reports.csv:2:28: extraneous or missing " in quoted-field`},
		{"empty", "", "reports.csv: empty file; expected a header row"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := reportsOptions(t, tc.csv, reportsMap)
			_, err := Run(opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v\nwant %s", err, tc.want)
			}
			if _, err := os.Stat(opt.OutDir); !os.IsNotExist(err) {
				t.Error("wrote output")
			}
		})
	}
}

// TestFilters: --country, --since and --until keep the events involving
// any of the countries within the dates, inclusive.
func TestFilters(t *testing.T) {
	csv := "date,a,b,what,title,publisher,url\n" +
		"2025-10-19,GEO,AZE,talks,Before,P,https://p.org/1\n" +
		"2025-10-20,GEO,AZE,talks,First day,P,https://p.org/2\n" +
		"2025-10-21,ARM,AZE,talks,Armenia,P,https://p.org/3\n" +
		"2025-10-22,TUR,USA,talks,Neither,P,https://p.org/4\n" +
		"2025-10-26,GEO,TUR,talks,Last day,P,https://p.org/5\n" +
		"2025-10-27,GEO,TUR,talks,After,P,https://p.org/6\n"
	opt := reportsOptions(t, csv, reportsMap)
	opt.Countries = []string{"GEO", "ARM"}
	opt.Since = time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC)
	opt.Until = time.Date(2025, 10, 26, 0, 0, 0, 0, time.UTC)
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range readOut(t, opt.OutDir) {
		titles = append(titles, e.Title)
	}
	slices.Sort(titles)
	if !slices.Equal(titles, []string{"Armenia", "First day", "Last day"}) {
		t.Errorf("kept %v", titles)
	}
	if res.Skipped["before --since"] != 1 || res.Skipped["after --until"] != 1 || res.Skipped["not involving --country"] != 1 {
		t.Errorf("skipped %v", res.Skipped)
	}
}

// TestAtomicWrite: when one week's file cannot be written, none is.
func TestAtomicWrite(t *testing.T) {
	opt := usTravels(t, filepath.Join("testdata", "us-travels-excerpt.csv"))
	// 2021's directory is a file: its week cannot be written, after 2002's
	// and 2003's temporary files are.
	writeFile(t, opt.OutDir, "2021", "in the way")
	if _, err := Run(opt); err == nil {
		t.Fatal("no error")
	}
	err := filepath.WalkDir(opt.OutDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(p) != "2021" {
			t.Errorf("left %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestResolve(t *testing.T) {
	r := NewResolver(table)
	for in, want := range map[string]string{
		"GEO": "GEO", "geo": "GEO", "Georgia": "GEO", "Korea, South": "KOR", "Russian Federation": "RUS",
		"Türkiye": "TUR", "Turkey": "TUR", "Congo - Kinshasa": "COD", "Democratic Republic of Congo": "COD",
		"Bosnia and Herzegovina": "BIH", "Cote d’Ivoire": "CIV", "Denmark (Greenland)": "DNK",
		"Ceylon (Sri Lanka)": "LKA", "China, People’s Republic of": "CHN", "the former Yugoslav Republic of Macedonia": "MKD",
		"U.S.S.R.": "", "Narnia": "", "": "", "XYZ": "",
	} {
		if got := r.Resolve(in); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestResolveConfigNames: a code the config adds resolves by its name,
// which is how a project imports a historical state.
func TestResolveConfigNames(t *testing.T) {
	r := NewResolver(country.New(map[string]string{"SUN": "U.S.S.R."}))
	if got := r.Resolve("U.S.S.R."); got != "SUN" {
		t.Errorf("Resolve(U.S.S.R.) = %q, want SUN", got)
	}
}

func TestMappingErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, want string }{
		{"no date", "countries = [\"a\"]\nkind = \"visit\"\ntitle = \"x\"\n", "date: required"},
		{"unknown kind", "date = \"d\"\ncountries = [\"a\"]\nkind = \"visits\"\ntitle = \"x\"\n", `kind: "visits" is not a kind`},
		{"unknown key", "date = \"d\"\ncountries = [\"a\"]\nkind = \"visit\"\ntitle = \"x\"\ntitel = \"y\"\n", "titel: unknown key"},
		{"bad template", "date = \"d\"\ncountries = [\"a\"]\nkind = \"visit\"\ntitle = \"{{.x\"\n", "title: template:"},
		{"syntax", "date = \n", "map.toml:1:8: TOML syntax"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadMapping(writeFile(t, dir, "map.toml", tc.text), NewResolver(table))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	in := "a\"b\\c\nd\te\x01f\x7fg – ü"
	var doc struct{ S string }
	if _, err := toml.Decode("s = "+quote(in), &doc); err != nil || doc.S != in {
		t.Errorf("quote(%q) = %s reads back as %q (%v)", in, quote(in), doc.S, err)
	}
}

// TestXLSX reads a workbook's named sheet through the same mapping, with
// positions as row and column numbers.
func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	if _, err := f.NewSheet("Events"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"date", "a", "b", "what", "title", "publisher", "url"},
		{"2025-10-20", "Georgia", "Azerbaijan", "talks", "Talks in Tbilisi", "Agenda.ge", "https://agenda.ge/1"},
		{"2025-10-21", "GEO", "Narnia", "talks", "Unknown", "P", "https://p.org/"},
		{time.Date(2025, 10, 22, 0, 0, 0, 0, time.UTC), "GEO", "ARM", "signing", "Deal"}, // a date cell; trailing empty cells
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Events", "A"+strconv.Itoa(i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellValue("Sheet1", "A1", "not this sheet"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "events.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	opt := withMap(t, options(t, "csv", path), writeFile(t, dir, "map.toml", reportsMap))
	opt.Sheet = "Events"
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 3 || res.Bads != 1 || !strings.HasSuffix(res.Bad[0].String(), `events.xlsx:3:3: column b: "Narnia" is not a known country name or code`) {
		t.Errorf("rows %d, bad %v", res.Rows, res.Bad)
	}
	ev := readOut(t, opt.OutDir)
	var dates []string
	for _, e := range ev {
		dates = append(dates, e.Date.Format(time.DateOnly)+" "+e.Kind)
	}
	slices.Sort(dates)
	if !slices.Equal(dates, []string{"2025-10-20 meeting", "2025-10-22 agreement"}) {
		t.Errorf("events %v; want the date cell read as 2025-10-22", dates)
	}
	opt.Sheet = "Nope"
	if _, err := Run(opt); err == nil || !strings.Contains(err.Error(), `no sheet "Nope" (--sheet); the workbook has: [Sheet1 Events]`) {
		t.Errorf("unknown sheet: %v", err)
	}
}

// TestSeparator: a semicolon-separated export (as European spreadsheets
// write CSV) through the mapping's separator; a tab in a quoted header
// field does not fool it into tab-separated reading.
func TestSeparator(t *testing.T) {
	csv := "date;a;b;what;\"ti\ttle\";publisher;url\n2025-10-20;GEO;AZE;talks;Talks;P;https://p.org/1\n"
	opt := reportsOptions(t, csv, strings.Replace(reportsMap, `title = "{{.title}}"`, "separator = \"semicolon\"\ntitle = \"{{index . \\\"ti\\\\ttle\\\"}}\"", 1))
	res, err := Run(opt)
	if err != nil || res.Events != 1 {
		t.Fatalf("%v, %+v", err, res)
	}
	if _, err := LoadMapping(writeFile(t, t.TempDir(), "m.toml", "separator = \"pipe\"\n"+reportsMap), NewResolver(table)); err == nil ||
		!strings.Contains(err.Error(), `separator: "pipe" is not one of comma, semicolon, tab`) {
		t.Errorf("bad separator: %v", err)
	}
}

// TestSummaryParagraphs: a multi-line cell keeps its paragraphs in the
// summary, while a title's whitespace is collapsed.
func TestSummaryParagraphs(t *testing.T) {
	csv := "date,a,b,what,title,publisher,url\n2025-10-20,GEO,AZE,talks,\"Talks\n  in Tbilisi\",\"First.\n\nSecond.\",https://p.org/1\n"
	opt := reportsOptions(t, csv, strings.Replace(reportsMap, `title = "{{.title}}"`, "title = \"{{.title}}\"\nsummary = \"{{.publisher}}\"", 1))
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	for _, e := range readOut(t, opt.OutDir) {
		if e.Title != "Talks in Tbilisi" || e.Summary != "First.\n\nSecond." {
			t.Errorf("title %q, summary %q", e.Title, e.Summary)
		}
	}
}
