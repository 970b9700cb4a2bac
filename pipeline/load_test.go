package pipeline

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites golden files: go test ./pipeline -update
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// writeFiles creates files (slash-separated paths relative to dir) in dir.
func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// errorLines returns the lines of err's message with dir's prefix taken off
// the paths, so that expectations read "input/a.toml:3:9: ...". It fails
// the test when err is not an ErrorList marked ErrInvalid.
func errorLines(tb testing.TB, dir string, err error) []string {
	tb.Helper()
	if err == nil {
		return nil
	}
	var list ErrorList
	if !errors.As(err, &list) || !errors.Is(err, ErrInvalid) {
		tb.Fatalf("error is %T, want an ErrorList matching ErrInvalid: %v", err, err)
	}
	msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
	return strings.Split(msg, "\n")
}

// sameLines reports a difference between got and want, line by line.
func sameLines(tb testing.TB, got, want []string) {
	tb.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	var b strings.Builder
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := "  "
		if g != w {
			mark = "! "
		}
		b.WriteString(mark + "got:  " + g + "\n" + mark + "want: " + w + "\n")
	}
	tb.Errorf("messages differ:\n%s", b.String())
}

// inputConfig is the config of the event-file tests: every file in input/.
const inputConfig = "[input]\npaths = [\"input/*.toml\"]\n"

// loadProject writes files into a temporary project, loads it with its
// config.toml and returns the error lines of config and load together.
func loadProject(tb testing.TB, files map[string]string) []string {
	tb.Helper()
	dir := tb.TempDir()
	if _, ok := files["config.toml"]; !ok {
		files["config.toml"] = inputConfig
	}
	writeFiles(tb, dir, files)
	cfg, err := LoadConfig(filepath.Join(dir, "config.toml"))
	if err != nil {
		tb.Fatalf("config: %v", err)
	}
	ds, err := Load(cfg)
	if err == nil && ds == nil {
		tb.Fatal("Load returned neither events nor an error")
	}
	if err != nil && ds != nil {
		tb.Fatal("Load returned events together with an error")
	}
	return errorLines(tb, dir, err)
}

// valid is an event with every required field; cases append to it, so its
// lines 1–6 keep their numbers.
const valid = `[[event]]
id = "e1"
date = 2025-10-25
title = "Meeting in Tbilisi"
kind = "meeting"
countries = ["GEO", "AZE"]
`

// loadCase is one project of TestLoadValidation; FuzzLoad is seeded from
// its files.
type loadCase struct {
	name  string
	files map[string]string // input/a.toml etc.; config.toml defaults to inputConfig
	want  []string
}

// loadCases cover every rule of the event loader (issue #2): one case per
// rule, each with the exact messages, positions included.
var loadCases = []loadCase{
	{"valid", map[string]string{"input/a.toml": valid}, nil},

	// TOML syntax: line and column from the parser.
	{"syntax/missing value", map[string]string{"input/a.toml": "[[event]]\nid = \"e1\"\ndate =\n"},
		[]string{`input/a.toml:3:7: TOML syntax: expected value but found '\n' instead`}},
	{"syntax/unterminated string", map[string]string{"input/a.toml": "[[event]]\nid = \"e1\"\ntitle = \"Meeting\n"},
		[]string{`input/a.toml:3:17: TOML syntax: strings cannot contain newlines`}},
	{"syntax/duplicate key", map[string]string{"input/a.toml": valid + "id = \"e2\"\n"},
		[]string{`input/a.toml:7:1: TOML syntax: Key 'event.id' has already been defined.`}},
	{"syntax/unclosed header", map[string]string{"input/a.toml": "[[event]\nid = \"e1\"\n"},
		[]string{`input/a.toml:1:8: TOML syntax: expected end of table array name delimiter ']', but got '\n' instead`}},
	{"syntax/message quoting a newline", map[string]string{"input/a.toml": valid + "location = \"Tbilisi\\\n\"\n"},
		[]string{`input/a.toml:7:13: TOML syntax: invalid escape in string '\\n'`}},
	{"syntax/garbage after value", map[string]string{"input/a.toml": valid + "location = \"Baku\" x\n"},
		[]string{`input/a.toml:7:18: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead`}},

	// Wrong types.
	{"type/title integer", map[string]string{"input/a.toml": strings.Replace(valid, `"Meeting in Tbilisi"`, "5", 1)},
		[]string{`input/a.toml:4:9: event "e1": title: expected a string, found an integer (5)`}},
	{"type/countries string", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `"GEO"`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: expected an array of strings, found a string ("GEO")`}},
	{"type/countries element", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["GEO", 7, "AZE"]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: element 2: expected a string, found an integer (7)`}},
	{"type/focus_areas boolean", map[string]string{"input/a.toml": valid + "focus_areas = true\n"},
		[]string{`input/a.toml:7:15: event "e1": focus_areas: expected an array of strings, found a boolean (true)`}},
	{"type/participants not tables", map[string]string{"input/a.toml": valid + "participants = [\"Ali Naghiyev\"]\n"},
		[]string{`input/a.toml:7:16: event "e1": participants: element 1: expected a table, found a string ("Ali Naghiyev")`}},
	{"type/sources string", map[string]string{"input/a.toml": valid + "sources = \"https://example.com\"\n"},
		[]string{`input/a.toml:7:11: event "e1": sources: expected an array of tables ([[event.sources]]), found a string ("https://example.com")`}},
	{"type/event table", map[string]string{"input/a.toml": "[event]\nid = \"e1\"\n"},
		[]string{`input/a.toml:1:2: event: expected an array of tables ([[event]]), found a table`}},
	{"type/date integer", map[string]string{"input/a.toml": strings.Replace(valid, "2025-10-25", "20251025", 1)},
		[]string{`input/a.toml:3:8: event "e1": date: expected a TOML date like 2025-10-25, found an integer (20251025)`}},

	// Unknown keys, with a suggestion when one is close.
	{"unknown/event field", map[string]string{"input/a.toml": valid + "titel = \"x\"\nweather = \"fine\"\n"},
		[]string{
			`input/a.toml:7:9: event "e1": titel: unknown field (did you mean "title"?)`,
			`input/a.toml:8:11: event "e1": weather: unknown field; known fields: id, date, end_date, date_precision, title, kind, status, countries, host, location, focus_areas, summary, outcomes, participants, sources`,
		}},
	{"unknown/participant field", map[string]string{"input/a.toml": valid + "\n[[event.participants]]\nnmae = \"Ali Naghiyev\"\nname = \"Ali Naghiyev\"\n"},
		[]string{`input/a.toml:9:8: event "e1": participants[1].nmae: unknown field (did you mean "name"?)`}},
	{"unknown/source field", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\ntitle = \"Report\"\nlink = \"https://example.com\"\n"},
		[]string{`input/a.toml:10:8: event "e1": sources[1].link: unknown field; known fields: title, publisher, url, published, reliability, credibility`}},
	{"unknown/quoted field", map[string]string{"input/a.toml": valid + "\"first\\nsecond\" = 1\n"},
		[]string{`input/a.toml:7:19: event "e1": "first\nsecond": unknown field; known fields: id, date, end_date, date_precision, title, kind, status, countries, host, location, focus_areas, summary, outcomes, participants, sources`}},
	{"unknown/dotted key", map[string]string{"input/a.toml": valid + "source.url = \"https://example.com\"\n"},
		[]string{`input/a.toml:7:1: event "e1": source: unknown field (did you mean "sources"?)`}},
	{"unknown/dotted key in a participant", map[string]string{"input/a.toml": valid + "\n[[event.participants]]\nname = \"Ali Naghiyev\"\n  rank.title = \"General\"\n"},
		[]string{`input/a.toml:10:3: event "e1": participants[1].rank: expected a string, found a table`}},
	{"unknown/top-level key", map[string]string{"input/a.toml": "version = 2\n\n" + valid},
		[]string{`input/a.toml:1:11: version: unknown top-level key; event files hold [[event]] tables only`}},
	{"unknown/top-level table", map[string]string{"input/a.toml": valid + "\n[meta]\nauthor = \"me\"\n"},
		[]string{`input/a.toml:8:2: meta: unknown top-level key; event files hold [[event]] tables only`}},

	// Missing required fields: the line of the event's header.
	{"missing/id", map[string]string{"input/a.toml": strings.Replace(valid, "id = \"e1\"\n", "", 1)},
		[]string{`input/a.toml:1: event #1: id: required field is missing`}},
	{"missing/date", map[string]string{"input/a.toml": strings.Replace(valid, "date = 2025-10-25\n", "", 1)},
		[]string{`input/a.toml:1: event "e1": date: required field is missing`}},
	{"missing/title", map[string]string{"input/a.toml": strings.Replace(valid, "title = \"Meeting in Tbilisi\"\n", "", 1)},
		[]string{`input/a.toml:1: event "e1": title: required field is missing`}},
	{"missing/kind", map[string]string{"input/a.toml": strings.Replace(valid, "kind = \"meeting\"\n", "", 1)},
		[]string{`input/a.toml:1: event "e1": kind: required field is missing`}},
	{"missing/countries", map[string]string{"input/a.toml": strings.Replace(valid, "countries = [\"GEO\", \"AZE\"]\n", "", 1)},
		[]string{`input/a.toml:1: event "e1": countries: required field is missing`}},
	{"missing/second event numbered", map[string]string{"input/a.toml": valid + "\n[[event]]\ndate = 2025-10-26\ntitle = \"Call\"\nkind = \"call\"\ncountries = [\"GEO\", \"TUR\"]\n"},
		[]string{`input/a.toml:8: event #2: id: required field is missing`}},
	{"missing/empty title", map[string]string{"input/a.toml": strings.Replace(valid, `"Meeting in Tbilisi"`, `"  "`, 1)},
		[]string{`input/a.toml:4:9: event "e1": title: must not be empty`}},

	{"missing/blank kind", map[string]string{"input/a.toml": strings.Replace(valid, `"meeting"`, `" "`, 1)},
		[]string{`input/a.toml:5:8: event "e1": kind: must not be empty`}},
	{"id pattern", map[string]string{"input/a.toml": strings.Replace(valid, `"e1"`, `"Meeting_1"`, 1)},
		[]string{`input/a.toml:2:6: event "Meeting_1": id: "Meeting_1" must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and hyphens)`}},

	// Duplicate ids name both places.
	{"duplicate/same file", map[string]string{"input/a.toml": valid + "\n" + valid},
		[]string{`input/a.toml:8: event "e1": id: duplicate id; first used at input/a.toml:1`}},
	{"duplicate/across files", map[string]string{"input/a.toml": valid, "input/b.toml": "# second file\n" + valid},
		[]string{`input/b.toml:2: event "e1": id: duplicate id; first used at input/a.toml:1`}},

	{"end_date before date", map[string]string{"input/a.toml": valid + "end_date = 2025-10-24\n"},
		[]string{`input/a.toml:7:12: event "e1": end_date: 2025-10-24 is before date 2025-10-25`}},

	// Enumerations.
	{"unknown kind", map[string]string{"input/a.toml": strings.Replace(valid, `"meeting"`, `"summit"`, 1)},
		[]string{`input/a.toml:5:8: event "e1": kind: "summit" is not one of meeting, visit, call, agreement, exercise, statement, other`}},
	{"kind any case", map[string]string{"input/a.toml": strings.Replace(valid, `"meeting"`, `"Meeting"`, 1)}, nil},
	{"unknown status", map[string]string{"input/a.toml": valid + "status = \"postponed\"\n"},
		[]string{`input/a.toml:7:10: event "e1": status: "postponed" is not one of held, planned, cancelled`}},
	{"unknown date_precision", map[string]string{"input/a.toml": valid + "date_precision = \"week\"\n"},
		[]string{`input/a.toml:7:18: event "e1": date_precision: "week" is not one of day, month, year`}},

	// Countries.
	{"countries/one", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["GEO"]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: needs at least 2 distinct countries, found 1`}},
	{"countries/same code twice in two cases", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["GEO", "geo"]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: needs at least 2 distinct countries, found 1`}},
	{"countries/empty", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `[]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: needs at least 2 distinct countries, found 0`}},
	{"countries/unknown with suggestion", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["GOE", "AZE"]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: "GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`}},
	{"countries/alpha-2 code", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["GE", "AZE"]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: "GE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`}},
	{"countries/unknown without suggestion", map[string]string{"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["GEO", "QQQQ"]`, 1)},
		[]string{`input/a.toml:6:13: event "e1": countries: "QQQQ" is not an ISO 3166-1 alpha-3 code or a code from [countries] in the config`}},
	{"countries/code from config", map[string]string{
		"config.toml":  inputConfig + "\n[countries]\nXKX = \"Kosovo\"\n",
		"input/a.toml": strings.Replace(valid, `["GEO", "AZE"]`, `["xkx", "SRB"]`, 1)}, nil},

	{"host not in countries", map[string]string{"input/a.toml": valid + "host = \"TUR\"\n"},
		[]string{`input/a.toml:7:8: event "e1": host: "TUR" is not one of the event's countries (GEO, AZE)`}},
	{"host any case", map[string]string{"input/a.toml": valid + "host = \"geo\"\n"}, nil},

	// Participants.
	{"participant/without name", map[string]string{"input/a.toml": valid + "\n[[event.participants]]\nname = \"Ali Naghiyev\"\n\n[[event.participants]]\nrank = \"Colonel\"\n"},
		[]string{`input/a.toml:11: event "e1": participants[2].name: required field is missing`}},
	{"participant/empty name", map[string]string{"input/a.toml": valid + "\n[[event.participants]]\nname = \"\"\n"},
		[]string{`input/a.toml:9:8: event "e1": participants[1].name: must not be empty`}},
	{"participant/inline without name", map[string]string{"input/a.toml": valid + "participants = [{ rank = \"Colonel\" }]\n"},
		[]string{`input/a.toml:7: event "e1": participants[1].name: required field is missing`}},
	{"participant/unknown country", map[string]string{"input/a.toml": valid + "\n[[event.participants]]\nname = \"Ali Naghiyev\"\ncountry = \"AZR\"\n"},
		[]string{`input/a.toml:10:11: event "e1": participants[1].country: "AZR" is not an ISO 3166-1 alpha-3 code (did you mean "AZE"?)`}},

	// Sources.
	{"source/reliability", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\ntitle = \"Report\"\nreliability = \"G\"\n\n[[event.sources]]\ntitle = \"Other\"\nreliability = \"AB\"\n"},
		[]string{
			`input/a.toml:10:15: event "e1": sources[1].reliability: "G" is not an admiralty reliability grade A–F`,
			`input/a.toml:14:15: event "e1": sources[2].reliability: "AB" is not an admiralty reliability grade A–F`,
		}},
	{"source/credibility range", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\ntitle = \"Report\"\ncredibility = 0\n\n[[event.sources]]\ntitle = \"Other\"\ncredibility = 7\n"},
		[]string{
			`input/a.toml:10:15: event "e1": sources[1].credibility: 0 is not an admiralty credibility grade 1–6`,
			`input/a.toml:14:15: event "e1": sources[2].credibility: 7 is not an admiralty credibility grade 1–6`,
		}},
	{"source/credibility not an integer", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\ntitle = \"Report\"\ncredibility = 3.0\n\n[[event.sources]]\ntitle = \"Other\"\ncredibility = \"3\"\n"},
		[]string{
			`input/a.toml:10:15: event "e1": sources[1].credibility: expected an integer, found a float (3.0)`,
			`input/a.toml:14:15: event "e1": sources[2].credibility: expected an integer, found a string ("3")`,
		}},
	{"source/valid grades", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\ntitle = \"Report\"\nreliability = \"c\"\ncredibility = 6\n"}, nil},
	{"source/malformed url", map[string]string{"input/a.toml": valid + `
[[event.sources]]
url = "example.com/report"

[[event.sources]]
url = "ftp://example.com/report"

[[event.sources]]
url = "https://"

[[event.sources]]
url = "https://exa mple.com/"
`},
		[]string{
			`input/a.toml:9:7: event "e1": sources[1].url: "example.com/report" is not an absolute http(s) URL`,
			`input/a.toml:12:7: event "e1": sources[2].url: "ftp://example.com/report" is not an absolute http(s) URL`,
			`input/a.toml:15:7: event "e1": sources[3].url: "https://" is not an absolute http(s) URL`,
			`input/a.toml:18:7: event "e1": sources[4].url: "https://exa mple.com/" is not an absolute http(s) URL`,
		}},
	{"source/empty", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\nreliability = \"B\"\n"},
		[]string{`input/a.toml:8: event "e1": sources[1].title: a source needs at least a title, publisher or url`}},

	// Dates.
	{"date/string", map[string]string{"input/a.toml": strings.Replace(valid, "2025-10-25", `"2025-10-25"`, 1)},
		[]string{`input/a.toml:3:8: event "e1": date: expected a TOML date like 2025-10-25 without quotes, found the string "2025-10-25"`}},
	{"date/offset datetime", map[string]string{"input/a.toml": strings.Replace(valid, "2025-10-25", "2025-10-25T10:00:00+04:00", 1)},
		[]string{`input/a.toml:3:8: event "e1": date: expected a date without time or offset like 2025-10-25, found 2025-10-25T10:00:00+04:00`}},
	{"date/local datetime", map[string]string{"input/a.toml": valid + "end_date = 2025-10-26T18:30:00\n"},
		[]string{`input/a.toml:7:12: event "e1": end_date: expected a date without time or offset like 2025-10-25, found 2025-10-26T18:30:00`}},
	{"date/source published", map[string]string{"input/a.toml": valid + "\n[[event.sources]]\ntitle = \"Report\"\npublished = \"yesterday\"\n"},
		[]string{`input/a.toml:10:13: event "e1": sources[1].published: expected a TOML date like 2025-10-25 without quotes, found the string "yesterday"`}},

	// Dates the outputs can hold: 1900-01-01 to 9999-12-31 (issue #11).
	{"date/range", map[string]string{"input/a.toml": strings.Replace(valid, "2025-10-25", "1899-12-31", 1) + "end_date = 0000-01-01\n" +
		"\n[[event.sources]]\ntitle = \"Report\"\npublished = 0001-01-01\n\n[[event.sources]]\ntitle = \"Old\"\npublished = 1900-01-01\n"},
		[]string{
			`input/a.toml:3:8: event "e1": date: 1899-12-31 is outside the supported dates 1900-01-01 to 9999-12-31 (those a workbook can hold)`,
			`input/a.toml:7:12: event "e1": end_date: 0000-01-01 is outside the supported dates 1900-01-01 to 9999-12-31 (those a workbook can hold)`,
			`input/a.toml:11:13: event "e1": sources[1].published: 0001-01-01 is outside the supported dates 1900-01-01 to 9999-12-31 (those a workbook can hold)`,
		}},
	{"date/range ends", map[string]string{"input/a.toml": strings.Replace(valid, "2025-10-25", "1900-01-01", 1) + "end_date = 9999-12-31\n"}, nil},

	// Files.
	{"not UTF-8", map[string]string{"input/a.toml": valid + "location = \"Tbil\xe4si\"\n"},
		[]string{`input/a.toml:7:17: file is not valid UTF-8 (byte 0xE4); save it as UTF-8`}},
	{"not UTF-8 after multi-byte", map[string]string{"input/a.toml": "# Həsənov\n# ə\xff\n"},
		[]string{`input/a.toml:2:5: file is not valid UTF-8 (byte 0xFF); save it as UTF-8`}},
	{"NUL in a string", map[string]string{"input/a.toml": valid + "location = \"Tbi\x00lisi\"\n"},
		[]string{`input/a.toml:7:16: TOML syntax: TOML files cannot contain control characters: '0x00'`}},
	{"NUL starting a line", map[string]string{"input/a.toml": valid + "\x00\n"},
		[]string{`input/a.toml:7:1: TOML syntax: TOML files cannot contain control characters: '0x00'`}},
	{"NUL in a key", map[string]string{"input/a.toml": valid + "loca\x00tion = \"Tbilisi\"\n"},
		[]string{`input/a.toml:7:5: TOML syntax: TOML files cannot contain control characters: '0x00'`}},
	{"NUL in a comment", map[string]string{"input/a.toml": valid + "# a\x00b\n"},
		[]string{`input/a.toml:7:4: TOML syntax: TOML files cannot contain control characters: '0x00'`}},
	{"NUL in a multi-line string", map[string]string{"input/a.toml": valid + "summary = \"\"\"a\x00b\"\"\"\n"},
		[]string{`input/a.toml:7:15: TOML syntax: TOML files cannot contain control characters: '0x00'`}},
	{"CR without LF", map[string]string{"input/a.toml": valid + "location = \"Tbilisi\"\rhost = \"GEO\"\n"},
		[]string{`input/a.toml:7:21: TOML syntax: TOML files cannot contain control characters: '0x0d'`}},
	{"CR in a comment", map[string]string{"input/a.toml": valid + "# a\rb\n"},
		[]string{`input/a.toml:7:4: TOML syntax: TOML files cannot contain control characters: '0x0d'`}},
	{"DEL", map[string]string{"input/a.toml": valid + "location = \"\x7f\"\n"},
		[]string{`input/a.toml:7:13: TOML syntax: TOML files cannot contain control characters: '0x7f'`}},
	{"byte order mark", map[string]string{"input/a.toml": "\ufeff" + valid}, nil},
	{"glob matches nothing", map[string]string{
		"config.toml":  "[input]\npaths = [\"input/*.toml\", \"archive/**/*.toml\"]\n",
		"input/a.toml": valid},
		[]string{`config.toml:2:9: input.paths: "archive/**/*.toml" matches no files (looked in archive)`}},
	{"no events", map[string]string{"input/a.toml": "# nothing yet\n", "input/b.toml": ""},
		[]string{`config.toml:2:9: input.paths: no events found in 2 file(s); add [[event]] tables`}},

	// Nesting past maxNesting is refused before decoding (issue #11).
	{"nesting/inline tables", map[string]string{"input/a.toml": valid + "summary = " + strings.Repeat("{a = ", 100) + "1" + strings.Repeat("}", 100) + "\n"},
		[]string{`input/a.toml:7:171: arrays and inline tables nest more than 32 deep here; valid files need at most 3`}},
	{"nesting/arrays", map[string]string{"input/a.toml": valid + "outcomes = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"},
		[]string{`input/a.toml:7:44: arrays and inline tables nest more than 32 deep here; valid files need at most 3`}},
	{"nesting/mixed", map[string]string{"input/a.toml": valid + "outcomes = " + strings.Repeat("[{a = ", 50) + "1" + strings.Repeat("}]", 50) + "\n"},
		[]string{`input/a.toml:7:108: arrays and inline tables nest more than 32 deep here; valid files need at most 3`}},
	{"nesting/at the limit", map[string]string{"input/a.toml": valid + "outcomes = " + strings.Repeat("[", 32) + strings.Repeat("]", 32) + "\n"},
		[]string{`input/a.toml:7:12: event "e1": outcomes: element 1: expected a string, found an array`}},

	// Every problem is reported, sorted by file and line.
	{"all problems sorted", map[string]string{
		"input/b.toml": "[[event]]\nid = \"b1\"\ndate = 2025-10-25\ntitle = \"x\"\nkind = \"meating\"\ncountries = [\"GEO\", \"ARM\"]\nhost = \"AZE\"\n",
		"input/a.toml": strings.Replace(valid, `"GEO"`, `"GOE"`, 1) + "status = \"done\"\n"},
		[]string{
			`input/a.toml:6:13: event "e1": countries: "GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`,
			`input/a.toml:7:10: event "e1": status: "done" is not one of held, planned, cancelled`,
			`input/b.toml:5:8: event "b1": kind: "meating" is not one of meeting, visit, call, agreement, exercise, statement, other`,
			`input/b.toml:7:8: event "b1": host: "AZE" is not one of the event's countries (GEO, ARM)`,
		}},
}

func TestLoadValidation(t *testing.T) {
	for _, tt := range loadCases {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range tt.files {
				files[k] = v
			}
			sameLines(t, loadProject(t, files), tt.want)
		})
	}
}

// TestLoadDataset checks what a valid load returns.
func TestLoadDataset(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":         "[input]\npaths = [\"input/**/*.toml\", \"input/2025/*.toml\"]\n",
		"input/2025/w43.toml": valid + "host = \"geo\"\nend_date = 2025-10-26\n\n[[event.participants]]\nname = \"Ali Naghiyev\"\ncountry = \"aze\"\n\n[[event.sources]]\nurl = \"https://example.com/a\"\npublished = 2025-10-25\nreliability = \"b\"\ncredibility = 2\n",
		"input/a.toml":        strings.Replace(valid, `"e1"`, `"e2"`, 1) + "\n" + strings.Replace(valid, `"e1"`, `"e3"`, 1),
	})
	cfg, err := LoadConfig(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range ds.Events {
		ids = append(ids, e.ID)
	}
	// Files in path order, each counted once though two globs match it.
	if got := strings.Join(ids, " "); got != "e1 e2 e3" {
		t.Errorf("events = %s, want e1 e2 e3", got)
	}
	if len(ds.Inputs) != 2 || ds.Inputs[0].Events != 1 || ds.Inputs[1].Events != 2 || len(ds.Inputs[0].SHA256) != 64 {
		t.Errorf("inputs = %+v", ds.Inputs)
	}
	e := ds.Events[0]
	if e.Host != "GEO" || e.Status != "held" || e.DatePrecision != "day" || strings.Join(e.Countries, ",") != "GEO,AZE" {
		t.Errorf("event = %+v", e)
	}
	if e.EndDate.Format("2006-01-02") != "2025-10-26" || e.Date.Location().String() != "UTC" {
		t.Errorf("dates = %v, %v", e.Date, e.EndDate)
	}
	if len(e.Participants) != 1 || e.Participants[0].Country != "AZE" {
		t.Errorf("participants = %+v", e.Participants)
	}
	if len(e.Sources) != 1 || e.Sources[0].Grade() != "B2" || e.Sources[0].Published.IsZero() {
		t.Errorf("sources = %+v", e.Sources)
	}
	if e.Pos.Line != 1 || !strings.HasSuffix(e.Pos.File, filepath.Join("input", "2025", "w43.toml")) {
		t.Errorf("pos = %v", e.Pos)
	}
}

// TestLoadBrokenGolden checks the whole error list of a project with many
// problems of many kinds against testdata/broken/check.golden. The test
// runs in the package directory, so paths print as testdata/broken/...
func TestLoadBrokenGolden(t *testing.T) {
	var all ErrorList
	cfg, err := LoadConfig(filepath.Join("testdata", "broken", "config.toml"))
	if cfg == nil {
		t.Fatalf("config: %v", err)
	}
	var list ErrorList
	if errors.As(err, &list) {
		all = append(all, list...)
	}
	ds, err := Load(cfg)
	if ds != nil || !errors.As(err, &list) {
		t.Fatalf("Load = %v, %v; want an ErrorList", ds, err)
	}
	all = append(all, list...)
	all.Sort()
	got := filepath.ToSlash(all.Error()) + "\n"

	golden := filepath.Join("testdata", "broken", "check.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline -update to create it)", err)
	}
	sameLines(t, strings.Split(got, "\n"), strings.Split(string(want), "\n"))

	// Every input file has at least one problem.
	for _, in := range []string{"a.toml", "b.toml", "c.toml", "latin1.toml", "2025/w43.toml"} {
		if !strings.Contains(got, "testdata/broken/input/"+in+":") {
			t.Errorf("no problem reported in %s", in)
		}
	}
}
