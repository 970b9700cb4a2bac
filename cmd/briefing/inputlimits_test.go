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
		want   []problem
	}{
		// Nesting: column 11 + 5*32 is the 33rd "{b = ", and so on.
		{name: "inline tables 10,500 deep", files: bad(deep("{b = ", "}", 10_500)),
			want: []problem{{"input/bad.toml:7:171:", "arrays and inline tables nest more than 32 deep here"}}},
		{name: "arrays 10,500 deep", files: bad(deep("[", "]", 10_500)),
			want: []problem{{"input/bad.toml:7:43:", "arrays and inline tables nest more than 32 deep here"}}},
		{name: "arrays of inline tables 10,500 deep", files: bad(deep("[{a = ", "}]", 5_250)),
			want: []problem{{"input/bad.toml:7:107:", "arrays and inline tables nest more than 32 deep here"}}},
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
			for _, cmd := range []string{"build", "check"} {
				r := runBounded(t, dir, env, "-q", cmd)
				checkProblems(t, cmd, r, ExitInvalid, tt.want)
			}
			sameFiles(t, "output/ after a failed build", before, snapshot(t, out))
		})
	}
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
	return result{code, stdout.String(), stderr.String()}
}
