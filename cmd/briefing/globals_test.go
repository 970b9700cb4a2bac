package main

// Global flags anywhere (issue #16, point 1).

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGlobalFlagsAnywhere runs every command with each global flag before
// and after the command's name: both places give the same exit code and
// the same log, and the flag does what it says.
func TestGlobalFlagsAnywhere(t *testing.T) {
	t.Parallel()
	commands := [][]string{
		{"build", "--out", "out"},
		{"check"},
		{"summary"},
		{"init", "proj"},
		{"completion", "bash"},
		{"import", "csv", "--map", "map.toml", "rows.csv"},
		{"serve", "--addr", "127.0.0.1:0"}, // with serveOnceEnv: stops after its first build
		{"diff", "out/" + w43Manifest, "out/" + w43Manifest},
	}
	if n := len(newApp(nil, nil, nil).Commands); n != len(commands) {
		t.Errorf("the app has %d commands, the test %d: add the new one", n, len(commands))
	}
	flags := [][]string{{"--quiet"}, {"-q"}, {"--verbose"}, {"--log-format", "json"}, {"--log-format=json"}}
	for _, cmd := range commands {
		for _, flag := range flags {
			t.Run(cmd[0]+" "+strings.Join(flag, " "), func(t *testing.T) {
				t.Parallel()
				places := [][]string{
					append(append(append([]string{}, flag...), cmd[0]), cmd[1:]...), // briefing --flag cmd
					append(append([]string{cmd[0]}, flag...), cmd[1:]...),           // briefing cmd --flag
				}
				if cmd[0] == "import" { // briefing import csv --flag
					places = append(places, append(append(append([]string{}, cmd[:2]...), flag...), cmd[2:]...))
				}
				got := make([]result, len(places))
				for i, args := range places {
					dir := t.TempDir()
					if cmd[0] != "init" && cmd[0] != "completion" {
						dir = example(t)
					}
					if cmd[0] == "import" {
						writeTestFile(t, filepath.Join(dir, "map.toml"), "date = \"date\"\ncountries = [\"a\", \"b\"]\nkind = \"meeting\"\ntitle = \"{{.title}}\"\n")
						writeTestFile(t, filepath.Join(dir, "rows.csv"), "date,a,b,title\n2025-10-20,GEO,AZE,Talks\n")
					}
					if cmd[0] == "diff" {
						if r := runBriefing(t, dir, []string{epoch}, "build", "--out", "out"); r.code != ExitOK {
							t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
						}
					}
					got[i] = runBriefing(t, dir, []string{epoch, serveOnceEnv + "=1"}, args...)
					if got[i].code != ExitOK {
						t.Fatalf("briefing %s: exit %d\n%s", strings.Join(args, " "), got[i].code, got[i].stderr)
					}
				}
				for i := 1; i < len(got); i++ {
					before, after := normalizeLog(got[0].stderr), normalizeLog(got[i].stderr)
					if before != after {
						t.Errorf("flag before the command:\n%s\n%q:\n%s", before, places[i], after)
					}
					if got[0].stdout != got[i].stdout {
						t.Errorf("stdout differs:\n%s\n%s", got[0].stdout, got[i].stdout)
					}
				}
				log := got[1].stderr
				switch flag[0] {
				case "--quiet", "-q":
					if log != "" {
						t.Errorf("--quiet printed:\n%s", log)
					}
				case "--verbose":
					want := "stage done stage=load"
					switch cmd[0] {
					case "import":
						want = "briefing: wrote path=input/imported/csv/2025/week-43.toml"
					case "diff":
						want = "compared old=out/" + w43Manifest
					}
					if (cmd[0] != "init" && cmd[0] != "completion") && !strings.Contains(log, want) {
						t.Errorf("--verbose printed no stage timings:\n%s", log)
					}
				default:
					for _, line := range strings.Split(log, "\n") {
						if line == "" {
							continue // the end, or completion's empty log
						}
						var rec map[string]any
						if err := json.Unmarshal([]byte(line), &rec); err != nil {
							t.Errorf("not a JSON line: %q", line)
						}
					}
				}
			})
		}
	}
}

// TestGlobalFlagsChecked: a bad global flag is a usage error after the
// command as before it, and the later place wins over the earlier.
func TestGlobalFlagsChecked(t *testing.T) {
	t.Parallel()
	dir := example(t)
	for _, args := range [][]string{
		{"check", "--log-format", "xml"},
		{"--log-format", "xml", "check"},
		{"--log-format", "json", "check", "--log-format", "xml"},
		{"--log-format", "xml", "check", "--log-format", "json"}, // each value is checked
	} {
		r := runBriefing(t, dir, nil, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, `xml\": must be text or json`) && !strings.Contains(r.stderr, `--log-format "xml": must be text or json`) {
			t.Errorf("%q: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	r := runBriefing(t, dir, nil, "--quiet", "check", "--verbose")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "--quiet and --verbose cannot be used together") {
		t.Errorf("--quiet check --verbose: exit %d\n%s", r.code, r.stderr)
	}
	r = runBriefing(t, dir, nil, "--log-format", "json", "check", "--log-format", "text")
	if r.code != ExitOK || strings.Contains(r.stderr, "{") || !strings.Contains(r.stderr, "briefing: ok:") {
		t.Errorf("the command's --log-format text should win: exit %d\n%s", r.code, r.stderr)
	}
}

var (
	logTime     = regexp.MustCompile(`"time":"[^"]*"`)
	logDuration = regexp.MustCompile(`"?duration_ms"?[=:][0-9.]+`)
	logPort     = regexp.MustCompile(`127\.0\.0\.1:[0-9]+`) // serve --addr 127.0.0.1:0
)

// normalizeLog drops what differs between two runs of the same command:
// times and durations. The lines come in one order (point 7), except
// --verbose's "stage done" of render pdf, which ends beside render xlsx.
func normalizeLog(s string) string {
	s = logDuration.ReplaceAllString(logTime.ReplaceAllString(s, `"time":T`), "duration_ms=D")
	s = logPort.ReplaceAllString(s, "127.0.0.1:PORT")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "stage done") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
