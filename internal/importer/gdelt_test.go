package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// gdeltLine is a headerless GDELT 2.0 export row with the given columns
// set, joined by sep.
func gdeltLine(sep string, set map[string]string) string {
	f := make([]string, len(gdeltColumns))
	for i, c := range gdeltColumns {
		f[i] = set[c]
	}
	return strings.Join(f, sep) + "\n"
}

func gdeltRowOf(id, date, a1, a2, code, url string, more ...string) map[string]string {
	m := map[string]string{"GLOBALEVENTID": id, "SQLDATE": date, "Actor1CountryCode": a1, "Actor2CountryCode": a2,
		"Actor1Name": a1 + " NAME", "Actor2Name": a2 + " NAME", "EventCode": code, "DATEADDED": date + "120000", "SOURCEURL": url,
		"ActionGeo_FullName": "Somewhere"}
	for i := 0; i+1 < len(more); i += 2 {
		m[more[i]] = more[i+1]
	}
	return m
}

// TestGDELT reads headerless tab-separated rows: CAMEO actor codes (with
// their exceptions), never the FIPS geography codes, PLOVER kinds, and
// corroboration across publishers.
func TestGDELT(t *testing.T) {
	rows := []map[string]string{
		gdeltRowOf("1", "20171002", "USA", "CHN", "042", "https://www.nytimes.com/a", "ActionGeo_CountryCode", "CH"),
		gdeltRowOf("2", "20171002", "CHN", "USA", "0421", "https://bbc.co.uk/b"), // same visit, another publisher
		gdeltRowOf("3", "20171002", "", "", "040", "https://x.org/c", "Actor1Geo_CountryCode", "GG", "Actor2Geo_CountryCode", "AJ"),
		gdeltRowOf("4", "20171003", "ROM", "RUS", "057", "https://x.org/d"),
		gdeltRowOf("5", "20171003", "SAF", "ZAF", "040", "https://x.org/e"), // a region and a state
		gdeltRowOf("6", "20171003", "USA", "RUS", "190", "https://x.org/f"), // conflictual
		gdeltRowOf("7", "20171003", "USA", "RUS", "010", "https://x.org/g"), // no PLOVER type
		gdeltRowOf("8", "2017-10-03", "USA", "RUS", "040", "https://x.org/h"),
		gdeltRowOf("9", "20171003", "USA", "RUS", "X40", "https://x.org/i"),
		gdeltRowOf("10", "20171004", "GEO", "AZE", "062", "https://x.org/j"),
		gdeltRowOf("11", "20171004", "IGO", "AZE", "062", "https://x.org/k"),
		gdeltRowOf("12", "20171004", "KSV", "SRB", "040", "https://x.org/l"),
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(gdeltLine("\t", r))
	}
	dir := t.TempDir()
	opt := options(t, "gdelt", writeFile(t, dir, "20171004.export.CSV", b.String()))
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 12 || res.Events != 3 || res.Unresolved["KSV"] == nil || res.MergedRows != 2 || res.MergedEvents != 1 ||
		res.Skipped["fewer than two distinct state countries"] != 3 || res.Skipped[skipConflict] != 1 || res.Skipped[skipNoPLOVER] != 1 {
		t.Errorf("rows %d events %d merged %d→%d skipped %v", res.Rows, res.Events, res.MergedRows, res.MergedEvents, res.Skipped)
	}
	var bad []string
	for _, p := range res.Bad {
		bad = append(bad, strings.TrimPrefix(p.String(), dir+"/"))
	}
	want := []string{
		`20171004.export.CSV:8:3: column SQLDATE: "2017-10-03" is not a date like 20170701`,
		`20171004.export.CSV:9:` + colOf(rows[8], "EventCode") + `: column EventCode: "X40" is not a CAMEO event code`,
		`20171004.export.CSV:12:` + colOf(rows[11], "Actor1CountryCode") + `: column Actor1CountryCode: "KSV" is not a known country name or code`,
	}
	if !slices.Equal(bad, want) {
		t.Errorf("bad rows:\n%s\nwant\n%s", strings.Join(bad, "\n"), strings.Join(want, "\n"))
	}
	ev := readOut(t, opt.OutDir)
	visit := ev["gdelt-1"]
	if visit.Kind != "visit" || visit.Title != "United States and China: make a visit" || len(visit.Sources) != 2 ||
		visit.Sources[0].Credibility != 1 || visit.Sources[1].Publisher != "bbc.co.uk" || visit.Sources[0].Publisher != "nytimes.com" {
		t.Errorf("visit: %+v", visit)
	}
	if e := ev["gdelt-4"]; e.Kind != "agreement" || !slices.Equal(e.Countries, []string{"ROU", "RUS"}) {
		t.Errorf("ROM-RUS agreement: %+v", e)
	}
	if e := ev["gdelt-10"]; e.Kind != "exercise" || e.Sources[0].Credibility != 0 {
		t.Errorf("GEO-AZE military cooperation: %+v", e)
	}
}

// colOf is the 1-based byte column of a field in a tab-separated row.
func colOf(row map[string]string, name string) string {
	line := gdeltLine("\t", row)
	i := slices.Index(gdeltColumns, name)
	col := 1
	for _, f := range strings.Split(line, "\t")[:i] {
		col += len(f) + 1
	}
	return strconv.Itoa(col)
}

func TestGDELTNotTheFormat(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, want string }{
		{"60 columns", strings.Repeat("x\t", 59) + "x\n", "f.csv:1:119: 60 fields, expected 61 (the GDELT 2.0 event export's 61 columns, tab- or comma-separated)"},
		{"header without SOURCEURL", "GLOBALEVENTID,SQLDATE\n1,20170101\n", "f.csv:1:1: not a GDELT 2.0 event export: the header lacks Actor1Name"},
		{"ICEWS instead", "Event ID\tEvent Date\tSource Name\n", "f.csv:1:21: 3 fields, expected 61"},
		{"empty", "", "f.csv: empty file; expected GDELT 2.0 event rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(options(t, "gdelt", writeFile(t, dir, "f.csv", tc.text)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestGDELTReal imports the GDELT 2.0 sample (../shared/data/real: three
// 15-minute updates of 2017 from linwoodc3/gdeltPyR, data/events2samps.csv;
// GDELT Project, free to use with citation): comma-separated with a header
// and an extra CAMEOCodeDescription column.
func TestGDELTReal(t *testing.T) {
	opt := options(t, "gdelt", realData(t, "gdelt2_events_sample_2017.csv"))
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 6090 || res.Bads != 0 || res.Events == 0 || res.Skipped[skipConflict] == 0 || res.Skipped["fewer than two distinct state countries"] == 0 {
		t.Errorf("rows %d bad %d %v events %d skipped %v", res.Rows, res.Bads, res.Bad, res.Events, res.Skipped)
	}
	ev := readOut(t, opt.OutDir)
	// Row 669666590: Afghanistan → China, 046 (negotiation), from dawn.com.
	e := ev["gdelt-669666590"]
	if e.Kind != "meeting" || !slices.Equal(e.Countries, []string{"AFG", "CHN"}) || e.Sources[0].Publisher != "dawn.com" ||
		e.Location != "Kabul, Kabol, Afghanistan" {
		t.Errorf("gdelt-669666590: %+v", e)
	}
	if _, err := os.Stat(filepath.Join(opt.OutDir, "2017", "week-26.toml")); err != nil {
		t.Error(err)
	}
}

// TestREADMEQueries keeps the README's BigQuery and Spark SQL (not run:
// no network) selecting the 61 columns this reader expects, in order.
func TestREADMEQueries(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	cut := func(from, to string) string {
		i := strings.Index(s, from)
		if i < 0 {
			t.Fatalf("README has no %q", from)
		}
		j := strings.Index(s[i+len(from):], to)
		if j < 0 {
			t.Fatalf("README has no %q after %q", to, from)
		}
		return s[i+len(from) : i+len(from)+j]
	}
	var bq, spark []string
	for _, c := range strings.Split(cut("AS\nSELECT\n", "\nFROM `gdelt-bq.gdeltv2.events_partitioned`"), ",") {
		bq = append(bq, strings.TrimSpace(c))
	}
	for _, c := range strings.Split(cut("CREATE TEMPORARY VIEW gdelt (\n", "\n) USING csv"), ",") {
		spark = append(spark, strings.TrimSuffix(strings.TrimSpace(c), " STRING"))
	}
	if !slices.Equal(bq, gdeltColumns) || !slices.Equal(spark, gdeltColumns) {
		t.Errorf("README's queries do not list the GDELT 2.0 columns in order:\nBigQuery %v\nSpark %v", bq, spark)
	}
}
