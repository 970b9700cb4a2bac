package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "mkdir", Path: "p/input", Err: fs.ErrPermission}, "init: p/input: permission denied"},
		// A failed write names its file once (it used to say it twice).
		{&fs.PathError{Op: "write", Path: "p/config.toml", Err: errors.New("no space left on device")}, "init: p/config.toml: no space left on device"},
		{errors.New("boom"), "init: boom"},
	} {
		if got := initError(tc.err).Error(); got != tc.want {
			t.Errorf("initError(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

func TestInitUnwritable(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(parent, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBriefing(t, ".", nil, "init", filepath.Join(parent, "project"))
	// MkdirAll names the path in the way, once, without "mkdir".
	want := "briefing: init: " + parent + ": not a directory\n"
	if r.code != ExitFailure || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %q", r.code, r.stderr, want)
	}
}

// TestInitScaffold: init starts a clean project (issue #16, point 5): a
// config whose comments stand on their own, a .gitignore for output/, a
// project that checks and builds; it refuses to overwrite, and --force
// overwrites only init's own files.
func TestInitScaffold(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "p")
	if r := runBriefing(t, parent, nil, "init", "p"); r.code != ExitOK {
		t.Fatalf("init: exit %d\n%s", r.code, r.stderr)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"README", "garbled", "article"} {
		if strings.Contains(string(cfg), s) {
			t.Errorf("the scaffold's config.toml mentions %q, which the new project does not have", s)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || !strings.Contains(string(b), "\n/output/\n") {
		t.Errorf(".gitignore (%v):\n%s", err, b)
	}
	if r := runBriefing(t, dir, []string{epoch}, "check", "--strict"); r.code != ExitOK {
		t.Errorf("check --strict in the new project: exit %d\n%s", r.code, r.stderr)
	}
	if r := runBriefing(t, dir, []string{epoch}, "-q", "build"); r.code != ExitOK {
		t.Errorf("build in the new project: exit %d\n%s", r.code, r.stderr)
	}

	// Refused: nothing changes.
	writeFile(t, filepath.Join(dir, "config.toml"), "# mine\n")
	before := snapshot(t, dir)
	r := runBriefing(t, parent, nil, "init", "p")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "refusing to overwrite p/config.toml, p/input/example.toml,") || !strings.Contains(r.stderr, "nothing was written (--force") {
		t.Errorf("second init: exit %d\n%s", r.code, r.stderr)
	}
	sameFiles(t, "after a refused init", before, snapshot(t, dir))

	// --force: init's files again; everything else as it was.
	writeFile(t, filepath.Join(dir, "templates", "extra.tmpl"), "mine")
	writeFile(t, filepath.Join(dir, "input", "mine.toml"), "# mine\n")
	elsewhere := filepath.Join(parent, "elsewhere.md")
	writeFile(t, elsewhere, "not init's")
	os.Remove(filepath.Join(dir, "notes", "2025-W43.md"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "notes", "2025-W43.md")); err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, dir)
	r = runBriefing(t, parent, nil, "init", "--force", "p")
	if r.code != ExitOK || !strings.Contains(r.stderr, "briefing: overwrote p/config.toml\n") {
		t.Fatalf("init --force: exit %d\n%s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "config.toml")); string(b) != string(cfg) {
		t.Errorf("--force did not write config.toml again")
	}
	if b, _ := os.ReadFile(elsewhere); string(b) != "not init's" {
		t.Errorf("--force wrote through a symlink: %q", b)
	}
	after := snapshot(t, dir)
	for path, content := range before {
		rel, _ := filepath.Rel(dir, path)
		switch rel {
		case "config.toml", filepath.Join("notes", "2025-W43.md"):
			continue
		}
		if after[path] != content {
			t.Errorf("--force changed %s, which init does not write", rel)
		}
	}
}

// TestInitGitignore: a project's own .gitignore is added to, never
// overwritten, and is no reason to refuse.
func TestInitGitignore(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ old, want string }{
		{"*.tmp", "*.tmp\n/output/\n"},
		{"*.tmp\n", "*.tmp\n/output/\n"},
		{"output/\n", "output/\n"},
	} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, ".gitignore"), tt.old)
		if r := runBriefing(t, dir, nil, "init"); r.code != ExitOK {
			t.Fatalf("init beside a .gitignore: exit %d\n%s", r.code, r.stderr)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, ".gitignore")); string(b) != tt.want {
			t.Errorf(".gitignore %q became %q, want %q", tt.old, b, tt.want)
		}
	}
	// A directory where init writes a file: an error, nothing written.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "config.toml"), 0o755)
	r := runBriefing(t, dir, nil, "init", "--force")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "init: config.toml is a directory; nothing was written") {
		t.Errorf("directory in the way: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err == nil {
		t.Error("wrote .gitignore before failing")
	}
}
