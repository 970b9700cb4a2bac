package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// event is a valid event file of n events with ids prefixed by id.
func eventFile(id string, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("[[event]]\nid = \"" + id + string(rune('a'+i)) + "\"\ndate = 2025-10-22\ntitle = \"Talks\"\nkind = \"meeting\"\ncountries = [\"GEO\", \"ARM\"]\n\n")
	}
	return b.String()
}

// TestWatch edits a temp project as staff would: each change (a file
// created, edited, renamed, deleted; a new directory with a new file;
// notes and templates; the config) is one rebuild that sees it, a burst
// of writes is one rebuild, and writes to output/ are none.
func TestWatch(t *testing.T) {
	config := project(t)
	dir := filepath.Dir(config)
	s := newServer(t, config, "all", io.Discard)
	s.Rebuild()
	builds := s.subscribe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Watch(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	time.Sleep(200 * time.Millisecond) // the watches are set up

	seq := 1
	// next waits for the build after the last one and returns it.
	next := func(what string) *Build {
		t.Helper()
		select {
		case n := <-builds:
			if n != seq+1 {
				t.Errorf("%s: build %d after build %d: a change was more than one rebuild", what, n, seq)
			}
			seq = n
			return s.Current()
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no rebuild within 10 s", what)
		}
		return nil
	}
	steps := []struct {
		name   string
		change func()
		want   int // events added to the example's after the rebuild
	}{
		{"create", func() { writeFile(t, filepath.Join(dir, "input", "new.toml"), eventFile("new-", 1)) }, 1},
		{"edit", func() { writeFile(t, filepath.Join(dir, "input", "new.toml"), eventFile("new-", 2)) }, 2},
		{"rename", func() {
			rename(t, filepath.Join(dir, "input", "new.toml"), filepath.Join(dir, "input", "renamed.toml"))
		}, 2},
		{"rename out of the glob", func() {
			rename(t, filepath.Join(dir, "input", "renamed.toml"), filepath.Join(dir, "input", "renamed.txt"))
		}, 0},
		{"delete", func() { remove(t, filepath.Join(dir, "input", "renamed.txt")) }, 0},
		{"new directory, new file", func() {
			if err := os.MkdirAll(filepath.Join(dir, "input", "2026", "w01"), 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "input", "2026", "w01", "a.toml"), eventFile("deep-", 3))
		}, 3},
		{"edit in the new directory", func() { writeFile(t, filepath.Join(dir, "input", "2026", "w01", "a.toml"), eventFile("deep-", 1)) }, 1},
		{"burst of writes", func() {
			// Output first: no rebuild of its own (the next build is
			// seq+1, which next checks).
			writeFile(t, filepath.Join(dir, "output", "x.pdf"), "not ours")
			for i := range 5 {
				writeFile(t, filepath.Join(dir, "input", "2026", "w01", "a.toml"), eventFile("deep-", i+1))
			}
		}, 5},
		{"notes", func() { writeFile(t, filepath.Join(dir, "notes", "2025-W44.md"), "# Assessment\n\nNothing new.\n") }, 5},
		{"templates (a new directory)", func() {
			writeFile(t, filepath.Join(dir, "templates", "README"), "our templates\n")
		}, 5},
	}
	count := func(b *Build) int {
		n, err := strconv.Atoi(strings.Fields(b.Summary.Totals)[0])
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	n0 := count(s.Current())
	for _, st := range steps {
		st.change()
		b := next(st.name)
		if len(b.Problems) > 0 {
			t.Fatalf("%s: problems %q", st.name, b.Problems)
		}
		if got := count(b); got != n0+st.want {
			t.Errorf("%s: %d events, want %d", st.name, got, n0+st.want)
		}
	}
	// The config: its title, read again.
	src, _ := os.ReadFile(config)
	writeFile(t, config, strings.Replace(string(src), "South Caucasus Security Cooperation", "Edited title", 1))
	if b := next("config"); b.Title != "Edited title" {
		t.Errorf("config edit: title %q", b.Title)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

// TestWatchIgnoresOutput: with an input glob rooted at the project's
// directory, the output directory and .git lie under a watched root;
// writes there are no reason to rebuild (a build beside serve, a commit).
func TestWatchIgnoresOutput(t *testing.T) {
	config := project(t)
	dir := filepath.Dir(config)
	src, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, config, strings.Replace(string(src), `paths = ["input/**/*.toml"]`, `paths = ["{input,more}/**/*.toml"]`, 1))
	writeFile(t, filepath.Join(dir, "output", "old.pdf"), "an earlier build")
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	s := newServer(t, config, "all", io.Discard)
	b1 := s.Rebuild()
	if len(b1.Problems) > 0 {
		t.Fatalf("problems: %q", b1.Problems)
	}
	n0, _ := strconv.Atoi(strings.Fields(b1.Summary.Totals)[0])
	builds := s.subscribe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Watch(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(200 * time.Millisecond) // the watches are set up

	writeFile(t, filepath.Join(dir, "output", "briefing-2025-W43.pdf"), "a build beside serve")
	writeFile(t, filepath.Join(dir, "output", "new", "x.pdf"), "in a new directory")
	writeFile(t, filepath.Join(dir, ".git", "index"), "a commit")
	// A rebuild would come after the debounce (150 ms); a slow machine
	// could only make this pass wrongly, never fail wrongly.
	select {
	case n := <-builds:
		t.Fatalf("build %d after writes to output/ and .git/", n)
	case <-time.After(600 * time.Millisecond):
	}
	writeFile(t, filepath.Join(dir, "more", "a.toml"), eventFile("more-", 1))
	select {
	case n := <-builds:
		if b := s.Current(); n != 2 || len(b.Problems) > 0 || !strings.HasPrefix(b.Summary.Totals, strconv.Itoa(n0+1)+" events") {
			t.Errorf("build %d: %q, %s", n, b.Problems, b.Summary.Totals)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no rebuild for a new input directory at the project's root")
	}
}
