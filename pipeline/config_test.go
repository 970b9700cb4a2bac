package pipeline

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// configLines writes src as config.toml in a temporary directory, loads it
// and returns the error lines with the directory taken off the paths.
func configLines(tb testing.TB, src string) (*Config, []string) {
	tb.Helper()
	dir := tb.TempDir()
	writeFiles(tb, dir, map[string]string{"config.toml": src})
	cfg, err := LoadConfig(filepath.Join(dir, "config.toml"))
	return cfg, errorLines(tb, dir, err)
}

// specConfig is the example of SPEC §2; it must load without complaint.
const specConfig = `[briefing]
title = "South Caucasus Security Cooperation"
subtitle = "Weekly briefing"
organization = "Regional Analysis Unit"
classification = "UNCLASSIFIED"        # printed at top and bottom of every PDF page
timezone = "UTC"                       # IANA name; used for "generated at" and period maths
period = "latest-week"                 # default for --period (see §4)

[input]
paths = ["input/**/*.toml"]            # globs, relative to the config file

[output]
dir = "output"
formats = ["pdf", "xlsx"]
name = "briefing-{period}"             # file stem; {period} is the period's id, e.g. 2025-W43
per_pair = false                       # also write one PDF per pair: <name>-<PAIR>.pdf

[pairs]
include = []                           # e.g. ["GEO-AZE", "AZE-TUR"]; empty = every pair seen

[countries]                            # extra or renamed codes; ISO 3166-1 alpha-3 is built in
TUR = "Türkiye"

[focus_areas]                          # canonical area = [aliases]
"Intelligence sharing" = ["information sharing", "intelligence exchange"]

[people]                               # canonical name = [aliases]
"Zakir Hasanov" = ["Zakir Həsənov"]

[templates]
dir = "templates"                      # files here override the embedded defaults by name
`

// TestConfigValidation covers every rule of the config loader, each case
// with the exact messages and positions.
func TestConfigValidation(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"spec example", specConfig, nil},
		{"empty file", "", nil},

		{"syntax", "[output\ndir = \"out\"\n",
			[]string{`config.toml:1:8: TOML syntax: expected '.' or ']' to end table name, but got '\n' instead`}},

		// Bytes: the position is the offending byte's (issue #11).
		{"not UTF-8", "[briefing]\ntitle = \"a\xffb\"\n",
			[]string{`config.toml:2:11: file is not valid UTF-8 (byte 0xFF); save it as UTF-8`}},
		{"not UTF-8 in a comment", "# \xff\n",
			[]string{`config.toml:1:3: file is not valid UTF-8 (byte 0xFF); save it as UTF-8`}},
		{"NUL", "[briefing]\ntitle = \"a\x00b\"\n",
			[]string{`config.toml:2:11: TOML syntax: TOML files cannot contain control characters: '0x00'`}},
		{"nested too deep", "[briefing]\ntitle = " + strings.Repeat("[", 40) + "\n",
			[]string{`config.toml:2:41: arrays and inline tables nest more than 32 deep here; valid files need at most 3`}},
		{"max_file_bytes", "[input]\nmax_file_bytes = -1\n",
			[]string{`config.toml:2:18: input.max_file_bytes: must be a number of bytes, 1 or more, not -1`}},

		// Unknown keys name the full key path.
		{"unknown/key in table", "[output]\ndir = \"out\"\nnmae = \"briefing\"\n",
			[]string{`config.toml:3:8: output.nmae: unknown key (did you mean "output.name"?)`}},
		{"unknown/table", "[outptu]\ndir = \"out\"\nformats = [\"pdf\"]\n",
			[]string{`config.toml:1:2: outptu: unknown key (did you mean "output"?)`}},
		{"unknown/top-level key", "title = \"Weekly\"\n\n[briefing]\ntitle = \"Weekly\"\n",
			[]string{`config.toml:1:9: title: unknown key`}},
		{"unknown/quoted header", "[ \"pairs\" ]\nexclude = [\"GEO-AZE\"]\n",
			[]string{`config.toml:2:11: pairs.exclude: unknown key (did you mean "pairs.include"?)`}},
		// Naming an unknown table is enough: not its dotted keys, nor a
		// table repeated as an array of tables.
		{"unknown/dotted key under unknown table", "[foo]\na = 1\n[foo.bar]\nx.y.z = 1\n",
			[]string{`config.toml:1:2: foo: unknown key`}},
		{"unknown/array of tables", "[[foo]]\na = 1\n[[foo]]\na = 2\n",
			[]string{`config.toml:1:3: foo: unknown key`}},
		// A wrong type elsewhere does not change how unknown keys read.
		{"unknown/dotted key", "[output]\nextra.deep = 1\n",
			[]string{`config.toml:2:1: output.extra.deep: unknown key`}},
		{"unknown/dotted key and a wrong type", "[output]\nextra.deep = 1\nper_pair = 1\n",
			[]string{`config.toml:2:1: output.extra.deep: unknown key`, `config.toml:3:12: output.per_pair: expected true or false, found an integer (1)`}},
		{"unknown/under a value of the wrong type", "[countries]\nGEO = \"Georgia\"\n[countries.ABC]\nx.y = 1\n",
			[]string{`config.toml:3:2: countries.ABC: expected a string, found a table`}},

		// Wrong types: every one reported, with its position.
		{"types", "[briefing]\ntitle = 5\n\n[output]\nper_pair = \"yes\"\nformats = \"pdf\"\n\n[input]\npaths = [\"input/*.toml\", 3]\n\n[countries]\nXKX = 1\n\n[people]\n\"Zakir Hasanov\" = \"Zakir Həsənov\"\n",
			[]string{
				`config.toml:2:9: briefing.title: expected a string, found an integer (5)`,
				`config.toml:5:12: output.per_pair: expected true or false, found a string ("yes")`,
				`config.toml:6:11: output.formats: expected an array of strings, found a string ("pdf")`,
				`config.toml:9:9: input.paths: element 2: expected a string, found an integer (3)`,
				`config.toml:12:7: countries.XKX: expected a string, found an integer (1)`,
				`config.toml:15:19: people."Zakir Hasanov": expected an array of strings, found a string ("Zakir Həsənov")`,
			}},
		{"types/table expected", "output = \"out\"\n",
			[]string{`config.toml:1:10: output: expected a table, found a string ("out")`}},

		{"timezone/unknown", "[briefing]\ntimezone = \"Mars/Olympus_Mons\"\n",
			[]string{`config.toml:2:12: briefing.timezone: "Mars/Olympus_Mons" is not an IANA time zone name such as "UTC" or "Asia/Tbilisi"`}},
		{"timezone/local", "[briefing]\ntimezone = \"Local\"\n",
			[]string{`config.toml:2:12: briefing.timezone: "Local" is not an IANA time zone name such as "UTC" or "Asia/Tbilisi"`}},
		{"timezone/empty", "[briefing]\ntimezone = \"\"\n",
			[]string{`config.toml:2:12: briefing.timezone: "" is not an IANA time zone name such as "UTC" or "Asia/Tbilisi"`}},
		{"timezone/valid", "[briefing]\ntimezone = \"Asia/Tbilisi\"\n", nil},

		{"period/week out of range", "[briefing]\nperiod = \"2025-W60\"\n",
			[]string{`config.toml:2:10: briefing.period: invalid period "2025-W60": 2025 has 52 ISO weeks; accepted forms: 2025-W43, 2025-10, 2025-Q4, 2025, 2025-10-01..2025-10-31, this-week, last-week, latest-week, all`}},
		{"period/valid range", "[briefing]\nperiod = \"2025-10-01..2025-10-31\"\n", nil},

		{"format/unknown", "[output]\nformats = [\"pdf\", \"docx\"]\n",
			[]string{`config.toml:2:11: output.formats: "docx" is not one of pdf, xlsx`}},
		{"format/duplicate", "[output]\nformats = [\"pdf\", \"xlsx\", \"PDF\"]\n",
			[]string{`config.toml:2:11: output.formats: "pdf" is listed twice`}},
		{"format/empty", "[output]\nformats = []\n",
			[]string{`config.toml:2:11: output.formats: must list at least one of pdf, xlsx`}},

		{"name/unknown placeholder", "[output]\nname = \"briefing-{date}\"\n",
			[]string{`config.toml:2:8: output.name: unknown placeholder {date}; the placeholders are {period} and {pairs}`}},
		{"name/path separator", "[output]\nname = \"weekly/{period}\"\n",
			[]string{`config.toml:2:8: output.name: "weekly/{period}" must be a plain file name: no path separators or "..", so outputs stay inside output.dir`}},
		{"name/backslash", "[output]\nname = 'weekly\\{period}'\n",
			[]string{`config.toml:2:8: output.name: "weekly\\{period}" must be a plain file name: no path separators or "..", so outputs stay inside output.dir`}},
		{"name/dot dot", "[output]\nname = \"..{period}\"\n",
			[]string{`config.toml:2:8: output.name: "..{period}" must be a plain file name: no path separators or "..", so outputs stay inside output.dir`}},
		{"name/control character", "[output]\nname = \"a\\u0000b\"\n",
			[]string{`config.toml:2:8: output.name: "a\x00b" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+0000, a control character)`}},
		{"name/right-to-left override", "[output]\nname = \"x\u202egpj.exe\"\n",
			[]string{`config.toml:2:8: output.name: "x\u202egpj.exe" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+202E RIGHT-TO-LEFT OVERRIDE)`}},
		{"name/bidi isolate", "[output]\nname = \"b-{period}\u2066\"\n",
			[]string{`config.toml:2:8: output.name: "b-{period}\u2066" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+2066 LEFT-TO-RIGHT ISOLATE)`}},
		{"name/zero width joiner", "[output]\nname = \"a\u200db\"\n",
			[]string{`config.toml:2:8: output.name: "a\u200db" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+200D ZERO WIDTH JOINER)`}},
		{"name/line separator", "[output]\nname = \"a\u2028b\"\n",
			[]string{`config.toml:2:8: output.name: "a\u2028b" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+2028 LINE SEPARATOR)`}},
		{"name/Georgian letters", "[output]\nname = \"ბრიფინგი-{period}\"\n", nil},
		{"name/colon", "[output]\nname = \"C:{period}\"\n",
			[]string{`config.toml:2:8: output.name: "C:{period}" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+003A COLON)`}},
		{"name/hidden", "[output]\nname = \".\"\n",
			[]string{`config.toml:2:8: output.name: "." must not start with ".": the outputs would be hidden files`}},
		{"name/unbalanced brace", "[output]\nname = \"briefing-{period}}\"\n",
			[]string{`config.toml:2:8: output.name: "briefing-{period}}" has an unbalanced brace`}},
		{"name/empty", "[output]\nname = \" \"\n",
			[]string{`config.toml:2:8: output.name: must not be empty`}},

		{"pairs/bad entries", "[pairs]\ninclude = [\"AZE-GEO\", \"geo-tur\", \"GEO\", \"GEO-GOE\", \"GEO-geo\"]\n",
			[]string{
				`config.toml:2:11: pairs.include: "GEO" is not a pair like GEO-AZE or GEO-* (every pair with GEO)`,
				`config.toml:2:11: pairs.include: pair "GEO-GOE": "GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`,
				`config.toml:2:11: pairs.include: pair "GEO-geo" names the same country twice`,
			}},
		{"pairs/code from config", "[countries]\nXKX = \"Kosovo\"\n\n[pairs]\ninclude = [\"SRB-XKX\"]\n", nil},

		{"countries/bad code", "[countries]\nTURK = \"Türkiye\"\nARM = \"\"\n",
			[]string{
				`config.toml:2:8: countries.TURK: "TURK" is not a three-letter code`,
				`config.toml:3:7: countries.ARM: name must not be empty`,
			}},

		// An alias may map to one canonical name only.
		{"aliases/focus area to two names", "[focus_areas]\n\"Intelligence sharing\" = [\"information sharing\"]\n\"Information exchange\" = [\"Information  Sharing\"]\n",
			[]string{`config.toml:2:26: focus_areas."Intelligence sharing": alias "information sharing" already belongs to "Information exchange"; each spelling may map to one name only`}},
		{"aliases/person alias is another canonical name", "[people]\n\"Zakir Hasanov\" = [\"Zakir Həsənov\"]\n\"Z. Hasanov\" = [\"zakir hasanov\"]\n",
			[]string{`config.toml:3:16: people."Z. Hasanov": alias "zakir hasanov" is also a canonical name; each spelling may map to one name only`}},
		{"aliases/empty alias", "[people]\n\"Zakir Hasanov\" = [\" \"]\n",
			[]string{`config.toml:2:19: people."Zakir Hasanov": an alias must not be empty`}},

		{"input/no paths", "[input]\npaths = []\n",
			[]string{`config.toml:2:9: input.paths: must list at least one glob such as "input/**/*.toml"`}},
		{"input/bad glob", "[input]\npaths = [\"input/[a-\"]\n",
			[]string{`config.toml:2:9: input.paths: "input/[a-" is not a valid glob`}},
		{"output/empty dir", "[output]\ndir = \"\"\n",
			[]string{`config.toml:2:7: output.dir: must not be empty`}},
		{"notes/empty dir", "[notes]\ndir = \" \"\n",
			[]string{`config.toml:2:7: notes.dir: must not be empty`}},
		{"notes/wrong type", "[notes]\ndir = 3\n",
			[]string{`config.toml:2:7: notes.dir: expected a string, found an integer (3)`}},

		{"pdf/negative limits", "[pdf]\nmax_events = -1\nmax_summaries = -5\nmax_participants = -2\nmax_pairs = -3\n",
			[]string{
				`config.toml:2:14: pdf.max_events: must be 0 (no limit) or more, not -1`,
				`config.toml:3:17: pdf.max_summaries: must be 0 (no limit) or more, not -5`,
				`config.toml:4:20: pdf.max_participants: must be 0 (no limit) or more, not -2`,
				`config.toml:5:13: pdf.max_pairs: must be 0 (no limit) or more, not -3`,
			}},
		{"pdf/no limits", "[pdf]\nmax_events = 0\nmax_summaries = 0\nmax_participants = 0\nmax_pairs = 0\nmax_pair_rows = 0\nmax_multilateral = 0\nupcoming_weeks = 0\n", nil},
		{"pdf/note keys", "[pdf]\nmax_pair_rows = -1\nmax_multilateral = -2\nupcoming_weeks = -1\nappendix = \"yes\"\n",
			[]string{
				`config.toml:2:17: pdf.max_pair_rows: must be 0 (no limit) or more, not -1`,
				`config.toml:3:20: pdf.max_multilateral: must be 0 (no limit) or more, not -2`,
				`config.toml:4:18: pdf.upcoming_weeks: must be a number of weeks from 0 (no upcoming list) to 520, not -1`,
				`config.toml:5:12: pdf.appendix: expected true or false, found a string ("yes")`,
			}},
		{"pdf/upcoming too far", "[pdf]\nupcoming_weeks = 521\n",
			[]string{`config.toml:2:18: pdf.upcoming_weeks: must be a number of weeks from 0 (no upcoming list) to 520, not 521`}},
		{"pairs/wildcard", "[pairs]\ninclude = [\"GEO-*\", \"*-arm\", \"AZE-TUR\"]\n", nil},
		{"pairs/bad wildcard", "[pairs]\ninclude = [\"XYZ-*\", \"*-*\"]\n",
			[]string{
				`config.toml:2:11: pairs.include: "*-*" names no country; write GEO-* for every pair with GEO`,
				`config.toml:2:11: pairs.include: pair "XYZ-*": "XYZ" is not an ISO 3166-1 alpha-3 code or a code from [countries] in the config`,
			}},
		{"pdf/wrong type", "[pdf]\nmax_events = \"all\"\n",
			[]string{`config.toml:2:14: pdf.max_events: expected an integer, found a string ("all")`}},
		{"pdf/float", "[pdf]\nmax_summaries = 2.5\n",
			[]string{`config.toml:2:17: pdf.max_summaries: expected an integer, found a float (2.5)`}},
		{"pdf/unknown key", "[pdf]\nmax_pages = 10\n",
			[]string{`config.toml:2:13: pdf.max_pages: unknown key (did you mean "pdf.max_pairs"?)`}},

		// Every problem at once, sorted by line.
		{"all problems sorted", "[output]\nformats = [\"pdf\", \"html\"]\nname = \"{stem}\"\nnmae = \"x\"\n\n[briefing]\ntimezone = \"CET/Tbilisi\"\n",
			[]string{
				`config.toml:2:11: output.formats: "html" is not one of pdf, xlsx`,
				`config.toml:3:8: output.name: unknown placeholder {stem}; the placeholders are {period} and {pairs}`,
				`config.toml:4:8: output.nmae: unknown key (did you mean "output.name"?)`,
				`config.toml:7:12: briefing.timezone: "CET/Tbilisi" is not an IANA time zone name such as "UTC" or "Asia/Tbilisi"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := configLines(t, tt.src)
			sameLines(t, got, tt.want)
		})
	}
}

// TestConfigDefaults: without --config and without ./config.toml the
// defaults apply; with ./config.toml present, it is read.
func TestConfigDefaults(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	cfg, err := LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultConfig()
	if cfg.Path != "" || cfg.Briefing != def.Briefing || cfg.Output.Name != "briefing-{period}" ||
		cfg.Output.Dir != "output" || cfg.Output.PerPair || cfg.Templates.Dir != "templates" ||
		!slices.Equal(cfg.Output.Formats, []string{"pdf", "xlsx"}) ||
		!slices.Equal(cfg.Input.Paths, []string{"input/**/*.toml"}) || len(cfg.Pairs.Include) != 0 {
		t.Errorf("defaults = %+v", cfg)
	}
	if cfg.Location == nil || cfg.Location.String() != "UTC" {
		t.Errorf("location = %v, want UTC", cfg.Location)
	}
	if got, want := cfg.Resolve("output"), filepath.Join(dir, "output"); got != want {
		t.Errorf("Resolve(output) = %s, want %s", got, want)
	}

	writeFiles(t, dir, map[string]string{"config.toml": "[output]\ndir = \"out\"\nnmae = \"x\"\n"})
	cfg, err = LoadConfig("")
	if cfg == nil || cfg.Output.Dir != "out" || cfg.Path != "config.toml" {
		t.Errorf("./config.toml not used: %+v", cfg)
	}
	// Inside the working directory, paths print relative to it.
	sameLines(t, errorLines(t, dir, err), []string{`config.toml:3:8: output.nmae: unknown key (did you mean "output.name"?)`})
}

// TestConfigListsReplaceDefaults: a list in the file replaces the default
// list; keys left out keep their defaults.
func TestConfigListsReplaceDefaults(t *testing.T) {
	cfg, errs := configLines(t, "[input]\npaths = [\"events/*.toml\"]\n\n[output]\nformats = [\"XLSX\"]\n")
	sameLines(t, errs, nil)
	if !slices.Equal(cfg.Input.Paths, []string{"events/*.toml"}) {
		t.Errorf("input.paths = %q, want only events/*.toml", cfg.Input.Paths)
	}
	if !slices.Equal(cfg.Output.Formats, []string{"xlsx"}) {
		t.Errorf("output.formats = %q, want only xlsx", cfg.Output.Formats)
	}
	if cfg.Output.Name != "briefing-{period}" || cfg.Output.Dir != "output" || cfg.Briefing.Timezone != "UTC" {
		t.Errorf("other defaults lost: %+v", cfg)
	}

	cfg, errs = configLines(t, "[briefing]\ntitle = \"Other\"\n")
	sameLines(t, errs, nil)
	if !slices.Equal(cfg.Input.Paths, []string{"input/**/*.toml"}) || !slices.Equal(cfg.Output.Formats, []string{"pdf", "xlsx"}) {
		t.Errorf("lists left out must keep their defaults: %q %q", cfg.Input.Paths, cfg.Output.Formats)
	}
	if cfg.Briefing.Title != "Other" || cfg.Briefing.Subtitle != "" || cfg.Briefing.Organization != "Regional Analysis Unit" {
		t.Errorf("briefing = %+v", cfg.Briefing)
	}
}

// TestConfigRelativePaths: relative paths are relative to the config file's
// directory, whatever the working directory.
func TestConfigRelativePaths(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"project/config.toml":  inputConfig,
		"project/input/a.toml": valid,
	})
	t.Chdir(dir)
	cfg, err := LoadConfig(filepath.Join("project", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cfg.Resolve("output"), filepath.Join(dir, "project", "output"); got != want {
		t.Errorf("Resolve(output) = %s, want %s", got, want)
	}
	ds, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Inputs) != 1 || ds.Inputs[0].Path != filepath.Join("project", "input", "a.toml") {
		t.Errorf("inputs = %+v", ds.Inputs)
	}
}

// TestConfigMissingFile names the file that cannot be read.
func TestConfigMissingFile(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadConfig(filepath.Join(dir, "nope.toml"))
	sameLines(t, errorLines(t, dir, err), []string{"nope.toml: cannot read config: no such file or directory"})
	if _, err := os.Stat(filepath.Join(dir, "nope.toml")); err == nil {
		t.Error("LoadConfig created the file")
	}
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		f       string
		before  []string
		want    string
		wantErr string
	}{
		{"pdf", nil, "pdf", ""},
		{" XLSX ", []string{"pdf"}, "xlsx", ""},
		{"docx", nil, "docx", `"docx" is not one of pdf, xlsx`},
		{"", nil, "", `"" is not one of pdf, xlsx`},
		{"Pdf", []string{"pdf"}, "pdf", `"pdf" is listed twice`},
	} {
		got, err := ParseFormat(tc.f, tc.before)
		if got != tc.want || fmt.Sprint(err) != fmt.Sprint(cmp.Or(tc.wantErr, "<nil>")) {
			t.Errorf("ParseFormat(%q, %q) = %q, %v; want %q, %s", tc.f, tc.before, got, err, tc.want, cmp.Or(tc.wantErr, "nil"))
		}
	}
}

// TestShippedPDFDefaults: the shipped config.toml spells out the [pdf]
// defaults, so that what staff read there is what they get without it.
func TestShippedPDFDefaults(t *testing.T) {
	cfg, err := LoadConfig(filepath.Join("..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if def := DefaultConfig().PDF; cfg.PDF != def {
		t.Errorf("config.toml [pdf] = %+v, defaults %+v", cfg.PDF, def)
	}
}
