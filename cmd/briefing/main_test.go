package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// bin is the real binary, built once: end-to-end tests run it as users do.
var bin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "briefing-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "briefing")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building briefing: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// runBriefing runs the binary in dir with args and a clean environment.
// Its stderr is the log without the final record, which it checks.
func runBriefing(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	r := runRaw(t, dir, env, args...)
	r.stderr = finalRecordChecked(t, r.code, r.stderr)
	return r
}

// runRaw is runBriefing with the whole log.
func runRaw(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
		t.Errorf("stack trace in front of the user:\n%s", stderr.String())
	}
	return result{code, stdout.String(), stderr.String()}
}

var (
	finalText = regexp.MustCompile(`(?m)^briefing: (?:error: failed|done) exit_code=(\d+) duration_ms=[0-9.]+ outputs=\[.*\]\n\z`)
	finalJSON = regexp.MustCompile(`(?m)^\{"time":"[^"]*","level":"(?:INFO|ERROR)","msg":"(?:done|failed)","exit_code":(\d+),"duration_ms":[0-9.e+-]+,"outputs":\[.*\]\}\n\z`)
)

// finalRecordChecked checks the final record of a run's log (issue #16,
// point 7; TestFinalRecord tests it in full) against the exit code, and
// returns the log without it, for the tests about the rest.
func finalRecordChecked(t *testing.T, code int, stderr string) string {
	t.Helper()
	for _, re := range []*regexp.Regexp{finalText, finalJSON} {
		if m := re.FindStringSubmatchIndex(stderr); m != nil {
			if got := stderr[m[2]:m[3]]; got != strconv.Itoa(code) {
				t.Errorf("final record says exit_code=%s, the process exited %d", got, code)
			}
			return stderr[:m[0]]
		}
	}
	return stderr
}

// example copies the shipped example project into a temp dir.
func example(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, "../../config.toml", filepath.Join(dir, "config.toml"))
	copyFile(t, "../../input/example.toml", filepath.Join(dir, "input", "example.toml"))
	copyFile(t, "../../notes/2025-W43.md", filepath.Join(dir, "notes", "2025-W43.md"))
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot lists every file under dir with its content, to prove a failed
// run wrote nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != lockFile { // rewritten by each run that locks
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	return files
}

func TestCheckExample(t *testing.T) {
	r := runBriefing(t, "../..", nil, "check", "--strict")
	if r.code != ExitOK {
		t.Fatalf("check on the shipped example: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "ok: 6 events in 1 file") {
		t.Errorf("stderr = %q", r.stderr)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		env    []string
		code   int
		stderr string
	}{
		{"no command", nil, nil, ExitUsage, "no command given"},
		{"unknown command", []string{"publish"}, nil, ExitUsage, `unknown command "publish"`},
		{"unknown flag", []string{"build", "--colour"}, nil, ExitUsage, "flag provided but not defined: -colour"},
		{"bad period", []string{"build", "--period", "2025-W54"}, nil, ExitUsage, `--period: invalid period "2025-W54": 2025 has 52 ISO weeks; accepted forms: 2025-W43,`},
		{"bad pair", []string{"summary", "--pair", "GEO-GOE"}, nil, ExitUsage, `--pair: pair "GEO-GOE": "GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`},
		{"bad format", []string{"build", "--format", "docx"}, nil, ExitUsage, `--format: "docx" is not one of pdf, xlsx`},
		{"bad log format", []string{"--log-format", "xml", "check"}, nil, ExitUsage, `--log-format "xml": must be text or json`},
		{"bad SOURCE_DATE_EPOCH", []string{"check"}, []string{"SOURCE_DATE_EPOCH=yesterday"}, ExitUsage, `SOURCE_DATE_EPOCH="yesterday"`},
		{"stray argument", []string{"check", "input"}, nil, ExitUsage, `check takes no arguments, got "input"`},
		{"missing config", []string{"check", "--config", "nope.toml"}, nil, ExitInvalid, "nope.toml: cannot read config: no such file or directory"},
		{"summary", []string{"summary", "--period", "2025-W43"}, nil, ExitOK, ""},
		// Values the config would reject, or the outputs cannot hold
		// (issue #11, points 11 and 12).
		{"format listed twice", []string{"build", "--format", "pdf,pdf"}, nil, ExitUsage, `--format: "pdf" is listed twice`},
		{"format listed twice, any case", []string{"build", "--format", "xlsx, XLSX"}, nil, ExitUsage, `--format: "xlsx" is listed twice`},
		{"format empty element", []string{"build", "--format", "pdf,"}, nil, ExitUsage, `--format "pdf,": empty format; list pdf, xlsx separated by commas`},
		{"format empty", []string{"build", "--format="}, nil, ExitUsage, `--format "": empty format; list pdf, xlsx separated by commas`},
		{"epoch past 9998", []string{"check"}, []string{"SOURCE_DATE_EPOCH=9223372036854775807"}, ExitUsage,
			`SOURCE_DATE_EPOCH="9223372036854775807": must be a whole number of seconds from 0 (1970-01-01T00:00:00Z) to 253370764799 (9998-12-31T23:59:59Z)`},
		{"epoch first second of 9999", []string{"build"}, []string{"SOURCE_DATE_EPOCH=253370764800"}, ExitUsage, `SOURCE_DATE_EPOCH="253370764800": must be`},
		{"epoch negative", []string{"check"}, []string{"SOURCE_DATE_EPOCH=-1"}, ExitUsage, `SOURCE_DATE_EPOCH="-1": must be`},
		// The bounds themselves are accepted.
		{"epoch last second of 9998", []string{"summary", "--period", "this-week"}, []string{"SOURCE_DATE_EPOCH=253370764799"}, ExitOK, ""},
		{"epoch zero", []string{"summary", "--period", "this-week"}, []string{"SOURCE_DATE_EPOCH=0"}, ExitOK, ""},
		{"format once each", []string{"-q", "build", "--format", "xlsx,pdf", "--out", "out"}, []string{epoch}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := example(t)
			before := snapshot(t, dir)
			r := runBriefing(t, dir, tt.env, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.stderr, r.stderr)
			}
			if tt.code != ExitOK && fmt.Sprint(snapshot(t, dir)) != fmt.Sprint(before) {
				t.Errorf("a failed run changed the project directory")
			}
		})
	}
}

func TestCheckInvalidWritesNothing(t *testing.T) {
	dir := example(t)
	writeFile(t, filepath.Join(dir, "input", "bad.toml"), `[[event]]
id = "Bad ID"
date = 2025-10-20
title = "x"
kind = "meeting"
countries = ["GEO", "GOE"]
`)
	writeFile(t, filepath.Join(dir, "output", "briefing-old.pdf"), "earlier output")
	before := snapshot(t, dir)
	for _, cmd := range []string{"check", "build", "summary"} {
		r := runBriefing(t, dir, nil, cmd)
		if r.code != ExitInvalid {
			t.Errorf("%s: exit %d, want %d\n%s", cmd, r.code, ExitInvalid, r.stderr)
		}
		want := []string{
			`input/bad.toml:2:6: event "Bad ID": id: "Bad ID" must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and hyphens)`,
			`input/bad.toml:6:13: event "Bad ID": countries: "GOE" is not an ISO 3166-1 alpha-3 code (did you mean "GEO"?)`,
		}
		want = append(want, closingLine(cmd, 2)+"\n")
		for _, w := range want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd, w, r.stderr)
			}
		}
	}
	if fmt.Sprint(snapshot(t, dir)) != fmt.Sprint(before) {
		t.Errorf("an invalid run changed the project directory")
	}
}

// closingLine is the last line of a run of cmd that found n problems:
// check and summary never write, so they do not say that nothing was.
func closingLine(cmd string, n int) string {
	if cmd != "build" {
		return "briefing: " + plural(n, "problem")
	}
	return "briefing: " + plural(n, "problem") + "; nothing was written"
}

// TestCheckBrokenGolden runs check on the broken fixture project: every
// problem, one per line, with positions, and exit 1.
func TestCheckBrokenGolden(t *testing.T) {
	r := runBriefing(t, "../../pipeline/testdata/broken", nil, "check")
	if r.code != ExitInvalid {
		t.Fatalf("exit %d, want %d", r.code, ExitInvalid)
	}
	golden(t, "testdata/check-broken.golden", r.stderr)
}

func TestSummaryExample(t *testing.T) {
	r := runBriefing(t, "../..", nil, "summary", "--period", "2025-W43", "--json")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Period string
		Totals struct{ Events, Pairs, Countries, People int }
		Pairs  []struct {
			Pair         string
			CountryA     string `json:"country_a"`
			CountryB     string `json:"country_b"`
			Events       int
			Meetings     int
			Participants int
			FocusAreas   int `json:"focus_areas"`
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("summary --json: %v\n%s", err, r.stdout)
	}
	if doc.Period != "2025-W43" || len(doc.Pairs) != 1 {
		t.Fatalf("W43 summary = %+v", doc)
	}
	p := doc.Pairs[0]
	if p.Pair != "AZE-GEO" || p.CountryA != "Azerbaijan" || p.CountryB != "Georgia" || p.Events != 1 || p.Meetings != 1 || p.Participants != 2 || p.FocusAreas != 3 {
		t.Errorf("W43 AZE-GEO row = %+v; want the Tbilisi meeting: 1 meeting, 2 participants, 3 focus areas", p)
	}

	r = runBriefing(t, "../..", nil, "summary", "--period", "all")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	// The trilateral Kars meeting counts for all three pairs.
	for _, key := range []string{"AZE-GEO", "AZE-TUR", "GEO-TUR"} {
		if !strings.Contains(r.stdout, key) {
			t.Errorf("summary --period all lacks %s:\n%s", key, r.stdout)
		}
	}
	golden(t, "testdata/summary-all.golden", r.stdout)
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "project")
	r := runBriefing(t, ".", nil, "init", dir)
	if r.code != ExitOK {
		t.Fatalf("init: exit %d\n%s", r.code, r.stderr)
	}
	for _, f := range []string{"config.toml", "input/example.toml", "notes/2025-W43.md", "templates/pair.tmpl"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not create %s", f)
		}
	}
	// The scaffold checks clean from its own directory and from elsewhere.
	if r := runBriefing(t, dir, nil, "check", "--strict"); r.code != ExitOK {
		t.Errorf("check in the scaffold: exit %d\n%s", r.code, r.stderr)
	}
	if r := runBriefing(t, t.TempDir(), nil, "check", "--config", filepath.Join(dir, "config.toml")); r.code != ExitOK {
		t.Errorf("check --config from elsewhere: exit %d\n%s", r.code, r.stderr)
	}
	// A second init refuses and changes nothing.
	writeFile(t, filepath.Join(dir, "config.toml"), "# mine\n")
	before := snapshot(t, dir)
	r = runBriefing(t, ".", nil, "init", dir)
	if r.code == ExitOK || !strings.Contains(r.stderr, "refusing to overwrite") {
		t.Errorf("second init: exit %d\n%s", r.code, r.stderr)
	}
	if fmt.Sprint(snapshot(t, dir)) != fmt.Sprint(before) {
		t.Errorf("a refused init changed files")
	}
}

func TestLogFormatJSON(t *testing.T) {
	r := runBriefing(t, "../..", nil, "--log-format", "json", "--verbose", "summary", "--period", "all")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	stages := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not one JSON object per line: %q", line)
		}
		if s, ok := obj["stage"].(string); ok && obj["duration_ms"] != nil {
			stages[s] = true
		}
	}
	for _, s := range []string{"load", "normalize", "period", "aggregate"} {
		if !stages[s] {
			t.Errorf("no timing for stage %q in JSON logs:\n%s", s, r.stderr)
		}
	}
	if q := runBriefing(t, "../..", nil, "--quiet", "check"); q.stderr != "" {
		t.Errorf("--quiet printed %q", q.stderr)
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		writeFile(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGuardPanic(t *testing.T) {
	var buf bytes.Buffer
	code := guard(func(err error) int { return exitCode(err, &buf, "text", "") }, func() int { panic("nil map") })
	if code != ExitFailure || buf.String() != "briefing: internal error: nil map; please report it\n" {
		t.Errorf("guard: exit %d, stderr %q; want exit 3 and one line", code, buf.String())
	}
	if code := guard(func(error) int { return -1 }, func() int { return ExitOK }); code != ExitOK {
		t.Errorf("guard without panic: %d", code)
	}
}

// TestRelativePeriods: this-week and last-week count from SOURCE_DATE_EPOCH
// in the configured time zone (Asia/Tbilisi, UTC+4, in the example).
func TestRelativePeriods(t *testing.T) {
	tests := []struct {
		epoch, period, want string
	}{
		{"1761555600", "this-week", `"period": "2025-W44"`}, // Mon 27 Oct 2025 09:00 UTC
		{"1761555600", "last-week", `"period": "2025-W43"`},
		{"1761508800", "this-week", `"period": "2025-W44"`}, // Sun 26 Oct 20:00 UTC = Mon 00:00 in Tbilisi
		{"1761505200", "this-week", `"period": "2025-W43"`}, // Sun 26 Oct 19:00 UTC = Sun 23:00 in Tbilisi
		{"1761555600", "latest-week", `"period": "2025-W43"`},
	}
	for _, tt := range tests {
		t.Run(tt.period+"@"+tt.epoch, func(t *testing.T) {
			r := runBriefing(t, "../..", []string{"SOURCE_DATE_EPOCH=" + tt.epoch}, "summary", "--json", "--period", tt.period)
			if r.code != ExitOK || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("exit %d, stdout lacks %s:\n%s%s", r.code, tt.want, r.stdout, r.stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	r := runBriefing(t, ".", nil, "--version")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "briefing version ") {
		t.Errorf("--version: exit %d, %q", r.code, r.stdout)
	}
}
