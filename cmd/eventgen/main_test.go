package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// generateInto runs the command in-process and fails the test on a non-zero
// exit code.
func generateInto(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	if code := run(append([]string{"--out", dir}, args...), &stderr); code != exitOK {
		t.Fatalf("eventgen %v: exit %d\n%s", args, code, stderr.String())
	}
	return stderr.String()
}

// readTree maps each file's path relative to dir to its contents.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDeterministic(t *testing.T) {
	base := t.TempDir()
	args := []string{"--events", "1500", "--years", "2", "--seed", "7"}
	a, b, c := filepath.Join(base, "a"), filepath.Join(base, "b"), filepath.Join(base, "c")
	generateInto(t, a, args...)
	generateInto(t, b, args...)
	generateInto(t, c, "--events", "1500", "--years", "2", "--seed", "8")

	ta, tb, tc := readTree(t, a), readTree(t, b), readTree(t, c)
	if len(ta) != len(tb) {
		t.Fatalf("same seed: %d files vs %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("same seed: %s differs between runs", name)
		}
	}
	differ := 0
	for name, data := range ta {
		if name != "config.toml" && !bytes.Equal(data, tc[name]) {
			differ++
		}
	}
	if differ == 0 {
		t.Error("seeds 7 and 8 gave identical event files")
	}
}

func TestRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	code := run([]string{"--events", "10", "--out", dir}, &stderr)
	if code != exitUsage {
		t.Fatalf("exit code %d, want %d", code, exitUsage)
	}
	msg := stderr.String()
	if !strings.Contains(msg, "not empty") || !strings.Contains(msg, "--force") {
		t.Errorf("message should say the directory is not empty and mention --force:\n%s", msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err == nil {
		t.Error("config.toml written although the run was refused")
	}
}

// TestForceReplacesArchive: --force removes the week files of an earlier,
// larger archive (stale weeks would add events and clash on ids) and leaves
// everything else alone.
func TestForceReplacesArchive(t *testing.T) {
	dir := t.TempDir()
	generateInto(t, dir, "--events", "400", "--years", "3")
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	generateInto(t, dir, "--force", "--events", "50", "--years", "1")

	fresh := t.TempDir()
	generateInto(t, fresh, "--events", "50", "--years", "1")
	got, want := readTree(t, dir), readTree(t, fresh)
	if string(got["notes.txt"]) != "mine" {
		t.Error("--force removed a file it did not write")
	}
	delete(got, "notes.txt")
	if len(got) != len(want) {
		t.Errorf("after --force: %d files, want %d as in a fresh directory", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("after --force: %s differs from a fresh run", name)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--events", "10"}, "--out DIR is required"},
		{[]string{"--out", dir, "--events", "0"}, "--events must be at least 1"},
		{[]string{"--out", dir, "--years", "0"}, "--years must be between"},
		{[]string{"--out", dir, "--end", "26.10.2025"}, "is not a date"},
		{[]string{"--out", dir, "extra"}, "unexpected argument"},
		{[]string{"--out", dir, "--nope"}, "flag provided but not defined"},
	} {
		var stderr bytes.Buffer
		if code := run(tc.args, &stderr); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tc.args, code, exitUsage)
		}
		if !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: message %q does not contain %q", tc.args, stderr.String(), tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("usage errors wrote %d entries", len(entries))
	}
}

// TestEndFlag: held events fall in the --years before --end; only announced
// (planned or cancelled) events lie after it, within the horizon.
func TestEndFlag(t *testing.T) {
	dir := t.TempDir()
	generateInto(t, dir, "--events", "600", "--years", "1", "--end", "2021-03-31")
	first, end := time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC)
	var after int
	for _, e := range decodeArchive(t, dir).events {
		date := e["date"].(time.Time)
		if date.Before(first) || date.After(end.AddDate(0, 0, horizonDays)) {
			t.Errorf("%v: dated %s, outside %s..%s plus the horizon", e["id"], date.Format(time.DateOnly), first.Format(time.DateOnly), end.Format(time.DateOnly))
		}
		if date.After(end) {
			after++
			if st, _ := e["status"].(string); st != "planned" && st != "cancelled" {
				t.Errorf("%v: held event after --end", e["id"])
			}
		}
	}
	if after == 0 {
		t.Error("no announced events after --end")
	}
}
