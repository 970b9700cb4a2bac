package main

// Inputs that could exhaust the machine (issue #11): each is one clear,
// positioned problem and exit 1 within seconds, never a hang, an
// out-of-memory death or a stack trace, and output/ keeps the earlier
// build. The table follows TestBadInput and shares its helpers.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// deep is an event whose summary nests open (repeated n times) around 1,
// closed by close: the 10,500-deep inline tables of the issue took the
// decoder past 3.8 GB.
func deep(open, close string, n int) string {
	return ev("summary = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n))
}

func TestInputLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		files  map[string]string
		config [][2]string
		setup  func(*testing.T, string)
		skip   string
		code   int       // ExitInvalid unless ExitOK is set
		ok     bool      // the build succeeds
		want   []problem // for exit 1, every problem in order
	}{
		// Nesting: column 11 + 5*32 is the 33rd "{b = ", and so on.
		{name: "inline tables 10,500 deep", files: bad(deep("{b = ", "}", 10_500)),
			want: []problem{{"input/bad.toml:7:171:", "arrays and inline tables nest more than 32 deep here"}}},
		{name: "arrays 10,500 deep", files: bad(deep("[", "]", 10_500)),
			want: []problem{{"input/bad.toml:7:43:", "arrays and inline tables nest more than 32 deep here"}}},
		{name: "arrays of inline tables 10,500 deep", files: bad(deep("[{a = ", "}]", 5_250)),
			want: []problem{{"input/bad.toml:7:107:", "arrays and inline tables nest more than 32 deep here"}}},

		// Dates the workbook can hold: 1900-01-01 to 9999-12-31. Earlier
		// ones vanished from latest-week or became text in the workbook.
		{name: "date 0001-01-01", files: bad(ev("date = 0001-01-01")),
			want: []problem{{"input/bad.toml:3:8:", badID + "date: 0001-01-01 is outside the supported dates 1900-01-01 to 9999-12-31"}}},
		{name: "date 0000-01-01", files: bad(ev("date = 0000-01-01")),
			want: []problem{{"input/bad.toml:3:8:", badID + "date: 0000-01-01 is outside the supported dates"}}},
		{name: "end_date and published before 1900", files: bad(ev("end_date = 1899-12-31", "[[event.sources]]", `title = "Report"`, "published = 1899-12-31")),
			want: []problem{
				{"input/bad.toml:7:12:", badID + "end_date: 1899-12-31 is outside the supported dates"},
				{"input/bad.toml:10:13:", badID + "sources[1].published: 1899-12-31 is outside the supported dates"},
			}},

		// Positions point at the offending byte (they were one early, and a
		// NUL starting a line was placed on the line before).
		{name: "NUL starting a line", files: bad(ev("\x00")),
			want: []problem{{"input/bad.toml:7:1:", "TOML syntax: TOML files cannot contain control characters: '0x00'"}}},
		{name: "NUL in a string", files: bad(ev("title = \"Te\x00st\"")),
			want: []problem{{"input/bad.toml:4:12:", "TOML syntax: TOML files cannot contain control characters: '0x00'"}}},
		{name: "CR without LF", files: bad(ev("title = \"Te\rst\"")),
			want: []problem{{"input/bad.toml:4:12:", "TOML syntax: TOML files cannot contain control characters: '0x0d'"}}},

		// A dotted key is placed at itself, not at the event's header.
		{name: "dotted key", files: bad(ev(`source.url = "https://apa.az/news/1"`)),
			want: []problem{{"input/bad.toml:7:1:", badID + `source: unknown field (did you mean "sources"?)`}}},

		// output.name: a bidi override would disguise the file's type.
		{name: "output.name with U+202E", config: outName(`"x\u202Egpj.exe"`),
			want: []problem{{"config.toml:18:8:", `output.name: "x\u202egpj.exe" must not contain control characters, format characters such as bidi controls, or any of < > : " | ? * (found U+202E RIGHT-TO-LEFT OVERRIDE)`}}},

		// Only regular files are read, each at most input.max_file_bytes.
		{name: "link to /dev/zero", setup: symlink("/dev/zero", "input/zero.toml"), skip: needFile("/dev/zero"),
			want: []problem{{"input/zero.toml:", "cannot read file: not a regular file (a character device); only regular files are read"}}},
		{name: "FIFO", setup: func(t *testing.T, dir string) {
			if out, err := exec.Command("mkfifo", filepath.Join(dir, "input", "f.toml")).CombinedOutput(); err != nil {
				t.Skipf("no FIFO: %v %s", err, out)
			}
		}, want: []problem{{"input/f.toml:", "cannot read file: not a regular file (a named pipe); only regular files are read"}}},
		{name: "sparse file past the default limit", setup: func(t *testing.T, dir string) {
			p := filepath.Join(dir, "input", "huge.toml")
			writeFile(t, p, "")
			if err := os.Truncate(p, 256<<20+1); err != nil {
				t.Fatal(err)
			}
		}, want: []problem{{"input/huge.toml:", "cannot read file: 268435457 bytes is more than input.max_file_bytes (268435456)"}}},
		{name: "file past input.max_file_bytes", files: bad(ev()), config: maxFileBytes("2000"),
			want: []problem{{"input/example.toml:", "bytes is more than input.max_file_bytes (2000)"}}},
		{name: "input.max_file_bytes not an integer", config: maxFileBytes(`"1G"`),
			want: []problem{{"config.toml:14:18:", `input.max_file_bytes: expected an integer, found a string ("1G")`}}},
		{name: "input.max_file_bytes zero", config: maxFileBytes("0"),
			want: []problem{{"config.toml:14:18:", "input.max_file_bytes: must be a number of bytes, 1 or more, not 0"}}},

		// Directories: links are followed, each real directory and file once.
		{name: "link loop", setup: symlink(".", "input/self"), ok: true},
		{name: "link loop further down", setup: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "input", "a", "b", "w.toml"), ev())
			symlink("../..", "input/a/b/up")(t, dir)
		}, ok: true},
		{name: "link to a file also matched", setup: symlink("example.toml", "input/again.toml"), ok: true},
		{name: "linked directory is read", files: map[string]string{"elsewhere/w44.toml": ev(`kind = "summit"`)},
			setup: symlink("../elsewhere", "input/linked"),
			want:  []problem{{"input/linked/w44.toml:5:8:", badID + `kind: "summit" is not one of`}}},
		{name: "input/ is a file", setup: func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "input")); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "input"), "not a directory\n")
		}, want: []problem{{"config.toml:13:9:", `input.paths: "input/**/*.toml": cannot read directory input: not a directory`}}},
		{name: "input/ unreadable", setup: func(t *testing.T, dir string) { chmod(t, filepath.Join(dir, "input"), 0) },
			skip: skipIf(os.Geteuid() == 0 || runtime.GOOS == "windows", "root reads any directory; Windows has no mode bits"),
			want: []problem{{"config.toml:13:9:", `input.paths: "input/**/*.toml": cannot read directory input: permission denied`}}},
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
			env := []string{"SOURCE_DATE_EPOCH=1761642000"}
			if tt.ok {
				r := runBounded(t, dir, env, "-q", "build")
				if r.code != 0 || r.stderr != "" {
					t.Fatalf("build: exit %d, want 0\n%s", r.code, r.stderr)
				}
				return
			}
			for _, cmd := range []string{"build", "check"} {
				r := runBounded(t, dir, env, "-q", cmd)
				checkProblems(t, cmd, r, ExitInvalid, tt.want)
			}
			sameFiles(t, "output/ after a failed build", before, snapshot(t, out))
		})
	}
}

// symlink makes a link at name (relative to the project) to target.
func symlink(target, name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
}

// needFile skips a case on systems without path.
func needFile(path string) string {
	_, err := os.Stat(path)
	return skipIf(err != nil, path+" does not exist here")
}

// maxFileBytes sets input.max_file_bytes (line 14 of the example's config).
func maxFileBytes(value string) [][2]string {
	return [][2]string{{`paths = ["input/**/*.toml"]`, "paths = [\"input/**/*.toml\"]\nmax_file_bytes = " + value}}
}

// runBounded is runBriefing for inputs that used to hang the run or eat
// the machine's memory: the run is killed after a minute, and on Linux its
// address space is capped at 4 GiB, so that a regression fails the test
// instead of the machine.
func runBounded(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name, argv := bin, args
	if runtime.GOOS == "linux" {
		if sh, err := exec.LookPath("sh"); err == nil {
			name, argv = sh, append([]string{"-c", `ulimit -v 4194304 && exec "$0" "$@"`, bin}, args...)
		}
	}
	cmd := exec.CommandContext(ctx, name, argv...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("briefing %s did not finish within a minute", strings.Join(args, " "))
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if s := stderr.String(); strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") || strings.Contains(s, "fatal error") {
		t.Errorf("crash in front of the user:\n%.2000s", s)
	}
	return result{code, stdout.String(), finalRecordChecked(t, code, stderr.String())}
}
