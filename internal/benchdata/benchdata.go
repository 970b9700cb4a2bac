// Package benchdata gives benchmarks the synthetic archives they run on,
// generated once by cmd/eventgen and shared with scripts/bench.sh through
// $BENCH_DIR (default: <tmp>/briefing-bench). Only test code imports it.
package benchdata

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var archives sync.Map // archive{events, years} → dir

type archive struct{ events, years int }

// Archive returns the directory of a generated archive of n events (seed 1,
// 5 years, eventgen's fixed end date), generating it when missing. Archives
// are keyed by size and years only: delete $BENCH_DIR when cmd/eventgen
// changes.
func Archive(tb testing.TB, n int) string {
	tb.Helper()
	return ArchiveYears(tb, n, 5)
}

// ArchiveYears is Archive over the given number of years: the same number
// of events over fewer years makes busier weeks.
func ArchiveYears(tb testing.TB, n, years int) string {
	tb.Helper()
	key := archive{n, years}
	if d, ok := archives.Load(key); ok {
		return d.(string)
	}
	root := os.Getenv("BENCH_DIR")
	if root == "" {
		root = filepath.Join(os.TempDir(), "briefing-bench")
	}
	name := "events-" + strconv.Itoa(n)
	if years != 5 {
		name += "-" + strconv.Itoa(years) + "y"
	}
	dir := filepath.Join(root, name)
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil {
		if err := os.MkdirAll(root, 0o755); err != nil {
			tb.Fatal(err)
		}
		tmp, err := os.MkdirTemp(root, ".gen-*")
		if err != nil {
			tb.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		cmd := exec.Command("go", "run", "./cmd/eventgen", "--events", strconv.Itoa(n), "--years", strconv.Itoa(years), "--seed", "1", "--out", filepath.Join(tmp, "a"))
		cmd.Dir = ModuleRoot(tb)
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("eventgen: %v\n%s", err, out)
		}
		// Another benchmark process may have won the race; either copy is
		// the same bytes.
		if err := os.Rename(filepath.Join(tmp, "a"), dir); err != nil {
			if _, statErr := os.Stat(filepath.Join(dir, "config.toml")); statErr != nil {
				tb.Fatal(err)
			}
		}
	}
	archives.Store(key, dir)
	return dir
}

// ModuleRoot is the directory holding go.mod.
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// WithFile returns a copy of the archive of n events with one more input
// file, input/<name>, holding content: an archive with one unusual event.
// The copy is made once, in a directory named after n and name.
func WithFile(tb testing.TB, n int, name, content string) string {
	tb.Helper()
	src := Archive(tb, n)
	dir := src + "-" + strings.TrimSuffix(name, filepath.Ext(name))
	if b, err := os.ReadFile(filepath.Join(dir, "input", name)); err == nil && string(b) == content {
		return dir
	}
	tmp, err := os.MkdirTemp(filepath.Dir(src), ".copy-*")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	cp := exec.Command("cp", "-R", src, filepath.Join(tmp, "a"))
	if out, err := cp.CombinedOutput(); err != nil {
		tb.Fatalf("copying %s: %v\n%s", src, err, out)
	}
	if err := os.WriteFile(filepath.Join(tmp, "a", "input", name), []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	os.RemoveAll(dir)
	if err := os.Rename(filepath.Join(tmp, "a"), dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}
