package main

// End-to-end tests of the journaled commit and the kernel lock (issue
// #11, points 1–3): builds killed at every rename, a rename that fails,
// lock files that are not files, a lock held by another process.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// holdLock takes output/.briefing.lock in dir as another run would, for
// the rest of the test.
func holdLock(t *testing.T, dir string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	f.Truncate(0)
	fmt.Fprintf(f, "%d %s\n", os.Getpid(), host)
	t.Cleanup(func() { f.Close() })
}

// needStrace skips without strace, except in CI, which installs it.
func needStrace(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("strace"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("strace is missing; .ci/run installs it")
		}
		t.Skip("strace is not installed: the kill sweep needs it")
	}
	// ptrace may be forbidden (containers without CAP_SYS_PTRACE).
	if out, err := exec.Command("strace", "-qq", "-o", "/dev/null", "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %v %s", err, out)
	}
}

// killAt runs briefing under strace, which kills it with SIGKILL on entry
// to its first call of sys on path (absolute, as the binary names it):
// linkat (a backup), renameat (os.Rename on Linux) or unlinkat
// (os.Remove). It reports whether the run was killed.
func killAt(t *testing.T, dir string, env []string, sys, path string, args ...string) bool {
	t.Helper()
	cmd := exec.Command("strace", append([]string{"-f", "-qq", "-o", "/dev/null", "-P", path, "-e", "trace=" + sys,
		"-e", "inject=" + sys + ":signal=SIGKILL:when=1", bin}, args...)...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return false
	}
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ok && (ws.Signaled() && ws.Signal() == syscall.SIGKILL || ws.ExitStatus() == 128+int(syscall.SIGKILL)) {
		return true
	}
	t.Fatalf("kill at %s %s: %v\n%s", sys, path, err, out)
	return false
}

// TestBuildKillSweep kills a build that replaces an earlier set at each
// step of its commit in turn (each backup link, the journal's rename,
// each output's rename, each removal of an earlier output, the journal's
// removal), then starts the next run (one that fails on its input, so
// that only the repair can have made the set whole) and checks that
// output/ holds exactly one complete set: every file the manifest lists,
// with its SHA-256, and nothing else. In between, `check` reports the
// interrupted commit and changes nothing.
func TestBuildKillSweep(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("dozens of builds")
	}
	needStrace(t)
	newer := []string{"SOURCE_DATE_EPOCH=1761642000"}
	const journal = ".briefing.journal"
	tests := []struct {
		name      string
		old, next []string // build arguments of the earlier set and the killed run
		replaced  []string // outputs of both
		added     []string // outputs only the killed run writes
		removed   []string // outputs only the earlier set has
	}{
		{"three files", []string{"build"}, []string{"build"}, w43Files, nil, nil},
		// The killed run replaces one pair's PDF, adds one, and removes
		// the third, which it does not write.
		// The pairs come from pairs.include (old.toml, next.toml): with
		// --pair each set would have names of its own (issue #16, point 6).
		{"per pair",
			[]string{"build", "--period", "all", "--per-pair", "--config", "old.toml"},
			[]string{"build", "--period", "all", "--per-pair", "--config", "next.toml"},
			append(defaultFiles("briefing-all"), "briefing-all-AZE-GEO.pdf"), []string{"briefing-all-AZE-TUR.pdf"}, []string{"briefing-all-GEO-TUR.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			base := example(t)
			b, err := os.ReadFile(filepath.Join(base, "config.toml"))
			if err != nil {
				t.Fatal(err)
			}
			for name, include := range map[string]string{"old.toml": `["AZE-GEO", "GEO-TUR"]`, "next.toml": `["AZE-GEO", "AZE-TUR"]`} {
				writeFile(t, filepath.Join(base, name), strings.Replace(string(b), "include = []", "include = "+include, 1))
			}
			if r := runBriefing(t, base, []string{epoch}, append([]string{"-q"}, tt.old...)...); r.code != ExitOK {
				t.Fatalf("earlier build: exit %d\n%s", r.code, r.stderr)
			}
			type point struct{ sys, name string }
			var points []point
			for _, n := range append(slices.Clone(tt.replaced), tt.removed...) {
				points = append(points, point{"linkat", n})
			}
			points = append(points, point{"renameat", journal})
			for _, n := range append(slices.Clone(tt.replaced), tt.added...) {
				points = append(points, point{"renameat", n})
			}
			for _, n := range tt.removed {
				points = append(points, point{"unlinkat", n})
			}
			points = append(points, point{"unlinkat", journal})
			kills, complete, journals := 0, 0, 0
			for _, p := range points {
				dir := t.TempDir()
				copyTree(t, base, dir)
				out := filepath.Join(dir, "output")
				if !killAt(t, dir, newer, p.sys, filepath.Join(out, p.name), append([]string{"-q"}, tt.next...)...) {
					t.Errorf("%s %s: the build was not killed", p.sys, p.name)
					continue
				}
				kills++
				if _, err := os.Stat(filepath.Join(out, journal)); err == nil {
					journals++
					before := snapshot(t, out)
					r := runBriefing(t, dir, nil, "check")
					if r.code != ExitOK || !strings.Contains(r.stderr, "warning: output/.briefing.journal: an interrupted commit of ") {
						t.Errorf("%s %s: check: exit %d, no warning of the journal:\n%s", p.sys, p.name, r.code, r.stderr)
					}
					sameFiles(t, fmt.Sprintf("%s %s: output/ after check", p.sys, p.name), before, snapshot(t, out))
				}
				writeFile(t, filepath.Join(dir, "input", "zz-bad.toml"), "[[event]]\nid = 1\n")
				if r := runBriefing(t, dir, newer, append([]string{"-q"}, tt.next...)...); r.code != ExitInvalid {
					t.Fatalf("%s %s: the next run: exit %d, want %d\n%s", p.sys, p.name, r.code, ExitInvalid, r.stderr)
				}
				os.Remove(filepath.Join(dir, "input", "zz-bad.toml"))
				if t.Run(p.sys+" "+p.name, func(t *testing.T) { verifyOutputs(t, dir, out, nil) }) {
					complete++
				}
				if r := runBriefing(t, dir, newer, append([]string{"-q"}, tt.next...)...); r.code != ExitOK {
					t.Errorf("%s %s: build after the repair: exit %d\n%s", p.sys, p.name, r.code, r.stderr)
				}
				verifyOutputs(t, dir, out, append(slices.Clone(tt.replaced), tt.added...))
			}
			t.Logf("%d kill points (%d left a journal): %d complete sets once the next run had started", kills, journals, complete)
		})
	}
}

// TestBuildImmutable: a rename that fails partway (the workbook is
// immutable) is exit 3 and leaves the earlier set as it was, not a new PDF
// beside the old workbook and manifest.
func TestBuildImmutable(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("chattr +i needs root")
	}
	if _, err := exec.LookPath("chattr"); err != nil {
		t.Skip("no chattr")
	}
	dir := builtExample(t)
	out := filepath.Join(dir, "output")
	xlsx := filepath.Join(out, w43XLSX)
	if b, err := exec.Command("chattr", "+i", xlsx).CombinedOutput(); err != nil {
		t.Skipf("this file system has no immutable flag: %v %s", err, b)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", xlsx).Run() })
	before := snapshot(t, out)
	r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, "-q", "build")
	if r.code != ExitFailure {
		t.Errorf("exit %d, want %d\n%s", r.code, ExitFailure, r.stderr)
	}
	if want := "briefing: write: cannot write output/" + w43XLSX + ": operation not permitted; the earlier outputs were kept\n"; r.stderr != want {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}
	sameFiles(t, "output/ after a failed rename", before, snapshot(t, out))
	exec.Command("chattr", "-i", xlsx).Run()
	verifyOutputs(t, dir, out, w43Files)
}

// TestBuildLockFile: a lock path that is not a regular file is a clear
// error (exit 3), never followed, read or waited on; a lock file left with
// any content by an earlier version does not block.
func TestBuildLockFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(t *testing.T, lock string)
		code  int
		want  string
	}{
		{"fifo", func(t *testing.T, lock string) {
			if err := unix.Mkfifo(lock, 0o644); err != nil {
				t.Fatal(err)
			}
		}, ExitFailure, "briefing: write: cannot write output/.briefing.lock: the lock file is a FIFO; remove it (briefing makes a regular file there)\n"},
		{"symlink to /dev/zero", func(t *testing.T, lock string) {
			if err := os.Symlink("/dev/zero", lock); err != nil {
				t.Fatal(err)
			}
		}, ExitFailure, "briefing: write: cannot write output/.briefing.lock: the lock file is a symbolic link, which is not followed; remove it (briefing makes a regular file there)\n"},
		{"directory", func(t *testing.T, lock string) {
			if err := os.Mkdir(lock, 0o755); err != nil {
				t.Fatal(err)
			}
		}, ExitFailure, "briefing: write: cannot write output/.briefing.lock: the lock file is a directory; remove it (briefing makes a regular file there)\n"},
		{"pid cut to 32 bits", func(t *testing.T, lock string) { writeFile(t, lock, "4294967295\n") }, ExitOK, ""},
		{"garbage", func(t *testing.T, lock string) { writeFile(t, lock, "\x00\x01 not a pid\n") }, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := example(t)
			os.Mkdir(filepath.Join(dir, "output"), 0o755)
			tt.setup(t, filepath.Join(dir, "output", lockFile))
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "-q", "build")
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), epoch}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatal("the build hangs")
			}
			var ee *exec.ExitError
			if code := cmd.ProcessState.ExitCode(); code != tt.code || (err != nil && !errors.As(err, &ee)) {
				t.Errorf("exit %d (%v), want %d\n%s", code, err, tt.code, stderr.String())
			}
			if got := finalRecordChecked(t, cmd.ProcessState.ExitCode(), stderr.String()); tt.want != "" && got != tt.want {
				t.Errorf("stderr = %q\nwant %q", got, tt.want)
			}
			if tt.code == ExitOK {
				verifyOutputs(t, dir, filepath.Join(dir, "output"), w43Files)
			}
		})
	}
}

// TestBuildStaleOutputs: per-pair PDFs of an earlier --per-pair run do not
// outlive it (issue #11, point 12): the next build of the same name
// removes them in its commit and says so. A format left out with --format
// is left alone.
func TestBuildStaleOutputs(t *testing.T) {
	t.Parallel()
	dir := example(t)
	out := filepath.Join(dir, "output")
	env := []string{epoch}
	all := defaultFiles("briefing-all")
	pairs := []string{"briefing-all-AZE-GEO.pdf", "briefing-all-AZE-TUR.pdf", "briefing-all-GEO-TUR.pdf"}
	if r := runBriefing(t, dir, env, "-q", "build", "--period", "all", "--per-pair"); r.code != ExitOK {
		t.Fatalf("--per-pair: exit %d\n%s", r.code, r.stderr)
	}
	verifyOutputs(t, dir, out, append(slices.Clone(all), pairs...))

	// pairs.include, not --pair: a build filtered with --pair has names
	// of its own (issue #16, point 6).
	editConfig(t, dir, "include = []", `include = ["AZE-GEO"]`)
	r := runBriefing(t, dir, env, "build", "--period", "all", "--per-pair")
	if r.code != ExitOK {
		t.Fatalf("--pair AZE-GEO: exit %d\n%s", r.code, r.stderr)
	}
	verifyOutputs(t, dir, out, append(slices.Clone(all), pairs[0]))
	for _, p := range pairs[1:] {
		if want := "removed earlier output path=output/" + p; !strings.Contains(r.stderr, want) {
			t.Errorf("the log lacks %q:\n%s", want, r.stderr)
		}
	}

	// Without --per-pair no pair PDF is written, so the last one goes too.
	if r := runBriefing(t, dir, env, "-q", "build", "--period", "all"); r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	verifyOutputs(t, dir, out, all)

	// --format xlsx refreshes the workbook and manifest; the PDF stays.
	pdfBefore, err := os.ReadFile(filepath.Join(out, "briefing-all.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if r := runBriefing(t, dir, env, "-q", "build", "--period", "all", "--format", "xlsx"); r.code != ExitOK {
		t.Fatalf("--format xlsx: exit %d\n%s", r.code, r.stderr)
	}
	if names := listDir(t, out); !slices.Equal(names, all) {
		t.Errorf("after --format xlsx output/ holds %q, want %q", names, all)
	}
	if pdfAfter, err := os.ReadFile(filepath.Join(out, "briefing-all.pdf")); err != nil || string(pdfAfter) != string(pdfBefore) {
		t.Errorf("--format xlsx changed or removed the earlier PDF (%v)", err)
	}
}
