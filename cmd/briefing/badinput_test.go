package main

// The bad-input suite (SPEC §6, "Clear on bad input"): one end-to-end run
// per kind of bad input, each asserting the exit code, every problem with
// its place (file:line:col, or file:line where no column is known), and
// that output/ (holding an earlier good build) is byte for byte as it was.

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// badEvent is a valid event; ev edits it line by line, so that the lines of
// its fields are known: 1 [[event]], 2 id, 3 date, 4 title, 5 kind,
// 6 countries, then any added lines from 7.
const badEvent = `[[event]]
id = "2025-10-22-bad-input"
date = 2025-10-22
title = "Test event"
kind = "meeting"
countries = ["GEO", "AZE"]
`

// ev returns badEvent edited: "key = value" replaces the event's line of
// key or is added at the end; "-key" removes the line of key; any other
// text (a table header such as [[event.sources]]) is added at the end, and
// so is every edit after it, into that table.
func ev(edits ...string) string {
	lines := strings.Split(strings.TrimSuffix(badEvent, "\n"), "\n")
	inTable := false
	for _, e := range edits {
		key, _, isKV := strings.Cut(e, " = ")
		switch {
		case strings.HasPrefix(e, "["):
			inTable = true
			lines = append(lines, e)
		case strings.HasPrefix(e, "-"):
			lines = deleteKey(lines, e[1:])
		case isKV && !inTable && indexKey(lines, key) >= 0:
			lines[indexKey(lines, key)] = e
		default:
			lines = append(lines, e)
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

func indexKey(lines []string, key string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, key+" = ") {
			return i
		}
	}
	return -1
}

func deleteKey(lines []string, key string) []string {
	if i := indexKey(lines, key); i >= 0 {
		return append(lines[:i:i], lines[i+1:]...)
	}
	return lines
}

// problem is one expected line of stderr: it starts with pos and a space,
// and contains msg.
type problem struct{ pos, msg string }

const badID = `event "2025-10-22-bad-input": `

func TestBadInput(t *testing.T) {
	t.Parallel()
	asRoot := os.Geteuid() == 0
	tests := []struct {
		name   string
		files  map[string]string        // written into the project (relative paths)
		config [][2]string              // replacements in config.toml
		setup  func(*testing.T, string) // anything else
		args   []string                 // more arguments to build
		skip   string
		code   int
		want   []problem // in order; for exit 1 every problem, then the summary is checked
	}{
		// Syntax and types.
		{name: "malformed TOML", files: bad(ev(`title = "unterminated`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:4:22:", "TOML syntax: strings cannot contain newlines"}}},
		{name: "malformed TOML: unclosed array", files: bad(ev(`countries = ["GEO", "AZE"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:6:26:", "TOML syntax: expected a comma (',') or array terminator (']'), but got end of file"}}},
		{name: "malformed TOML: duplicate key", files: bad(badEvent + `title = "again"` + "\n"), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:1:", "TOML syntax: Key 'event.title' has already been defined"}}},
		{name: "wrong type: string for array", files: bad(ev(`countries = "GEO"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:6:13:", badID + `countries: expected an array of strings, found a string ("GEO")`}}},
		{name: "wrong type: number for string", files: bad(ev(`title = 42`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:4:9:", badID + "title: expected a string, found an integer"}}},
		{name: "wrong type: float credibility", files: bad(ev("[[event.sources]]", `title = "Report"`, `credibility = 2.5`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:9:15:", badID + "sources[1].credibility: expected an integer, found a float (2.5)"}}},
		{name: "event is a table", files: bad("[event]\nid = \"x\"\n"), code: ExitInvalid,
			want: []problem{{"input/bad.toml:1:2:", "event: expected an array of tables ([[event]]), found a table"}}},

		// Unknown and missing keys.
		{name: "unknown field", files: bad(ev(`titel = "Typo"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:9:", badID + `titel: unknown field (did you mean "title"?)`}}},
		{name: "unknown participant field", files: bad(ev("[[event.participants]]", `name = "Ali Naghiyev"`, `rnak = "General"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:9:8:", badID + `participants[1].rnak: unknown field (did you mean "rank"?)`}}},
		{name: "unknown top-level key", files: bad("title = \"x\"\n" + ev()), code: ExitInvalid,
			want: []problem{{"input/bad.toml:1:9:", "title: unknown top-level key; event files hold [[event]] tables only"}}},
		{name: "missing id", files: bad(ev("-id")), code: ExitInvalid,
			want: []problem{{"input/bad.toml:1:", "event #1: id: required field is missing"}}},
		{name: "missing date, title and kind", files: bad(ev("-date", "-title", "-kind")), code: ExitInvalid,
			want: []problem{
				{"input/bad.toml:1:", badID + "date: required field is missing"},
				{"input/bad.toml:1:", badID + "kind: required field is missing"},
				{"input/bad.toml:1:", badID + "title: required field is missing"},
			}},
		{name: "missing countries", files: bad(ev("-countries")), code: ExitInvalid,
			want: []problem{{"input/bad.toml:1:", badID + "countries: required field is missing"}}},
		{name: "participant without name", files: bad(ev("[[event.participants]]", `role = "Minister"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:", badID + "participants[1].name: required field is missing"}}},
		{name: "participant with empty name", files: bad(ev("[[event.participants]]", `name = "  "`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:8:8:", badID + "participants[1].name: "}}},
		{name: "source without title, publisher or url", files: bad(ev("[[event.sources]]", `reliability = "B"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:", badID + "sources[1]"}}},

		// Dates.
		{name: "date as a string", files: bad(ev(`date = "22.10.2025"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:3:8:", badID + `date: expected a TOML date like 2025-10-25 without quotes, found the string "22.10.2025"`}}},
		{name: "date with a time", files: bad(ev(`date = 2025-10-22T09:00:00+04:00`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:3:8:", badID + "date: expected a date without time or offset like 2025-10-25, found 2025-10-22T09:00:00+04:00"}}},
		{name: "impossible date", files: bad(ev(`date = 2025-02-30`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:3:8:", "TOML syntax: "}}},
		{name: "end_date before date", files: bad(ev(`end_date = 2025-10-21`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:12:", badID + "end_date: 2025-10-21 is before date 2025-10-22"}}},
		{name: "unknown date_precision", files: bad(ev(`date_precision = "week"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:18:", badID + `date_precision: "week" is not one of day, month, year`}}},

		// Codes, ids, enumerations.
		{name: "unknown country code", files: bad(ev(`countries = ["GEO", "AZR"]`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:6:13:", badID + `countries: "AZR" is not an ISO 3166-1 alpha-3 code (did you mean "AZE"?)`}}},
		{name: "country name for a code", files: bad(ev(`countries = ["Georgia", "AZE"]`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:6:13:", badID + `countries: "Georgia" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`}}},
		{name: "one distinct country", files: bad(ev(`countries = ["GEO", "geo"]`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:6:13:", badID + "countries: needs at least 2 distinct countries, found 1"}}},
		{name: "participant with unknown country", files: bad(ev("[[event.participants]]", `name = "Ali Naghiyev"`, `country = "AZR"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:9:11:", badID + `participants[1].country: "AZR" is not an ISO 3166-1 alpha-3 code (did you mean "AZE"?)`}}},
		{name: "host outside countries", files: bad(ev(`host = "ARM"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:8:", badID + `host: "ARM" is not one of the event's countries (GEO, AZE)`}}},
		{name: "unknown kind", files: bad(ev(`kind = "summit"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:5:8:", badID + `kind: "summit" is not one of meeting, visit, call, agreement, exercise, statement, other`}}},
		{name: "unknown status", files: bad(ev(`status = "postponed"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:7:10:", badID + `status: "postponed" is not one of held, planned, cancelled`}}},
		{name: "bad id", files: bad(ev(`id = "Bad_ID"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:2:6:", `event "Bad_ID": id: "Bad_ID" must match [a-z0-9][a-z0-9-]*`}}},
		{name: "duplicate id across files", files: bad(ev(`id = "2025-10-25-tbilisi-security-services"`)), code: ExitInvalid,
			want: []problem{{"input/example.toml:162:", `event "2025-10-25-tbilisi-security-services": id: duplicate id; first used at input/bad.toml:1`}}},
		{name: "duplicate id in one file", files: bad(ev() + "\n" + ev()), code: ExitInvalid,
			want: []problem{{"input/bad.toml:8:", badID + "id: duplicate id; first used at input/bad.toml:1"}}},
		{name: "reliability out of range", files: bad(ev("[[event.sources]]", `title = "Report"`, `reliability = "G"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:9:15:", badID + `sources[1].reliability: "G" is not an admiralty reliability grade A–F`}}},
		{name: "credibility above range", files: bad(ev("[[event.sources]]", `title = "Report"`, `credibility = 9`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:9:15:", badID + "sources[1].credibility: 9 is not an admiralty credibility grade 1–6"}}},
		{name: "credibility below range", files: bad(ev("[[event.sources]]", `title = "Report"`, `credibility = 0`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:9:15:", badID + "sources[1].credibility: 0 is not an admiralty credibility grade 1–6"}}},
		{name: "URL without scheme", files: bad(ev("[[event.sources]]", `url = "apa.az/news/123"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:8:7:", badID + `sources[1].url: "apa.az/news/123" is not an absolute http(s) URL`}}},
		{name: "URL with another scheme", files: bad(ev("[[event.sources]]", `url = "ftp://report.az/x"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:8:7:", badID + `sources[1].url: "ftp://report.az/x" is not an absolute http(s) URL`}}},
		{name: "URL without host", files: bad(ev("[[event.sources]]", `url = "https://"`)), code: ExitInvalid,
			want: []problem{{"input/bad.toml:8:7:", badID + `sources[1].url: "https://" is not an absolute http(s) URL`}}},

		// Encoding and line endings.
		{name: "non-UTF-8 bytes", files: bad(ev("title = \"G\xfcrc\xfcstan\"")), code: ExitInvalid,
			want: []problem{{"input/bad.toml:4:11:", "file is not valid UTF-8 (byte 0xFC); save it as UTF-8"}}},
		{name: "non-UTF-8 after Georgian: columns count bytes", files: bad(ev("title = \"ქართული \xfc\"")), code: ExitInvalid,
			want: []problem{{"input/bad.toml:4:32:", "file is not valid UTF-8 (byte 0xFC)"}}},
		{name: "CRLF line endings", files: bad(strings.ReplaceAll(ev(`countries = ["GEO", "AZR"]`), "\n", "\r\n")), code: ExitInvalid,
			want: []problem{{"input/bad.toml:6:13:", badID + `countries: "AZR" is not an ISO 3166-1 alpha-3 code`}}},

		// The input set.
		{name: "glob matches nothing", config: [][2]string{{`paths = ["input/**/*.toml"]`, `paths = ["input/**/*.toml", "archive/*.toml"]`}}, code: ExitInvalid,
			want: []problem{{"config.toml:13:9:", `input.paths: "archive/*.toml" matches no files`}}},
		{name: "no events at all", files: map[string]string{"input/example.toml": "# events go here\n"}, code: ExitInvalid,
			want: []problem{{"config.toml:13:9:", "input.paths: no events found"}}},
		{name: "dangling symlink", setup: func(t *testing.T, dir string) {
			if err := os.Symlink(filepath.Join(dir, "gone.toml"), filepath.Join(dir, "input", "link.toml")); err != nil {
				t.Skip("no symlinks here:", err)
			}
		}, skip: skipIf(runtime.GOOS == "windows", "symlinks need privileges on Windows"), code: ExitInvalid,
			want: []problem{{"input/link.toml:", "cannot read file: no such file or directory"}}},
		{name: "unreadable input file", setup: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "input", "secret.toml"), ev())
			chmod(t, filepath.Join(dir, "input", "secret.toml"), 0)
		}, skip: skipIf(asRoot || runtime.GOOS == "windows", "root reads any file; Windows has no mode bits"), code: ExitInvalid,
			want: []problem{{"input/secret.toml:", "permission denied"}}},

		// The config.
		{name: "config unknown key", config: [][2]string{{"per_pair = false", "per_pair = false\nnmae = \"x\""}}, code: ExitInvalid,
			want: []problem{{"config.toml:20:8:", "output.nmae: unknown key"}}},
		{name: "config wrong type", config: [][2]string{{"per_pair = false", `per_pair = "yes"`}}, code: ExitInvalid,
			want: []problem{{"config.toml:19:12:", `output.per_pair: expected true or false, found a string ("yes")`}}},
		{name: "config unknown time zone", config: [][2]string{{`timezone = "Asia/Tbilisi"`, `timezone = "Asia/Tbilsi"`}}, code: ExitInvalid,
			want: []problem{{"config.toml:9:12:", `briefing.timezone: "Asia/Tbilsi" is not an IANA time zone name`}}},
		{name: "config unknown format", config: [][2]string{{`formats = ["pdf", "xlsx"]`, `formats = ["pdf", "docx"]`}}, code: ExitInvalid,
			want: []problem{{"config.toml:17:11:", `output.formats: "docx" is not one of pdf, xlsx`}}},

		// Names that would leave output.dir.
		{name: "name with parent", config: outName(`"../x"`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: "../x" must be a plain file name`}}},
		{name: "name absolute", config: outName(`"/abs"`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: "/abs" must be a plain file name`}}},
		{name: "name with directory", config: outName(`"a/b"`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: "a/b" must be a plain file name`}}},
		{name: "name with backslash", config: outName(`'a\b'`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: "a\\b" must be a plain file name`}}},
		{name: "name is dot-dot", config: outName(`".."`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: ".." must be a plain file name`}}},
		{name: "name with period and parent", config: outName(`"{period}/../../x"`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", "output.name: "}}},
		{name: "name empty", config: outName(`""`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", "output.name: must not be empty"}}},
		{name: "name with unknown placeholder", config: outName(`"x-{week}"`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", "output.name: unknown placeholder {week}"}}},
		{name: "name with control character", config: outName(`"a\u0000b"`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: "a\x00b" must not contain control characters`}}},
		{name: "name is a hidden file", config: outName(`"."`), code: ExitInvalid, want: []problem{{"config.toml:18:8:", `output.name: "." must not start with "."`}}},

		// Output directories that cannot be written (exit 3).
		{name: "output.dir under a regular file", files: map[string]string{"blocker": "a file\n"},
			config: [][2]string{{`dir = "output"`, `dir = "blocker/out"`}}, code: ExitFailure,
			want: []problem{{"briefing:", "cannot write blocker/out: not a directory"}}},
		{name: "--out under a regular file", files: map[string]string{"blocker": "a file\n"}, args: []string{"--out", "blocker/out"}, code: ExitFailure,
			want: []problem{{"briefing:", "cannot write blocker/out: not a directory"}}},
		{name: "read-only output dir", setup: func(t *testing.T, dir string) { chmod(t, filepath.Join(dir, "output"), 0o555) },
			skip: skipIf(asRoot || runtime.GOOS == "windows", "root writes anywhere; Windows has no mode bits"), code: ExitFailure,
			want: []problem{{"briefing:", "permission denied"}}},

		// Every problem of a run, sorted by file and place.
		{name: "several problems", files: map[string]string{
			"input/bad.toml":   ev(`id = "Bad_ID"`, `kind = "summit"`),
			"input/worse.toml": ev(`id = "2025-10-23-worse"`, `host = "ARM"`),
		}, config: [][2]string{{"per_pair = false", "per_pair = false\nnmae = \"x\""}}, code: ExitInvalid,
			want: []problem{
				{"config.toml:20:8:", "output.nmae: unknown key"},
				{"input/bad.toml:2:6:", `event "Bad_ID": id: `},
				{"input/bad.toml:5:8:", `event "Bad_ID": kind: "summit"`},
				{"input/worse.toml:7:8:", `event "2025-10-23-worse": host: "ARM"`},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			dir := builtExample(t)
			out := filepath.Join(dir, "output")
			before := snapshot(t, out)
			for name, content := range tt.files {
				writeFile(t, filepath.Join(dir, name), content)
			}
			for _, r := range tt.config {
				editConfig(t, dir, r[0], r[1])
			}
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			// Another SOURCE_DATE_EPOCH: a build that wrongly went ahead
			// would change the files.
			env := []string{"SOURCE_DATE_EPOCH=1761642000"}
			r := runBriefing(t, dir, env, append([]string{"-q", "build"}, tt.args...)...)
			checkProblems(t, "build", r, tt.code, tt.want)
			sameFiles(t, "output/ after a failed build", before, snapshot(t, out))
			if tt.code == ExitInvalid {
				// check finds the same problems and writes nothing either.
				r := runBriefing(t, dir, env, "-q", "check")
				checkProblems(t, "check", r, tt.code, tt.want)
			}
		})
	}
}

// checkProblems checks a failed run's exit code and stderr: for exit 1
// exactly the wanted problems, one per line, then the count; otherwise one
// line.
func checkProblems(t *testing.T, cmd string, r result, code int, want []problem) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: exit %d, want %d\n%s", cmd, r.code, code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if code == ExitInvalid {
		summary := closingLine(cmd, len(want))
		if lines[len(lines)-1] != summary {
			t.Errorf("%s: last line %q, want %q", cmd, lines[len(lines)-1], summary)
		}
		lines = lines[:len(lines)-1]
	}
	if len(lines) != len(want) {
		t.Errorf("%s: %d lines, want %d:\n%s", cmd, len(lines), len(want), r.stderr)
	}
	for i := range min(len(lines), len(want)) {
		if !strings.HasPrefix(lines[i], want[i].pos+" ") || !strings.Contains(lines[i], want[i].msg) {
			t.Errorf("%s: line %d\n  = %q\nwant %q … %q", cmd, i+1, lines[i], want[i].pos+" ", want[i].msg)
		}
	}
}

// bad is a project file input/bad.toml with content.
func bad(content string) map[string]string { return map[string]string{"input/bad.toml": content} }

// outName sets output.name (line 18 of the example's config.toml).
func outName(value string) [][2]string {
	return [][2]string{{`name = "briefing-{period}"`, "name = " + value}}
}
