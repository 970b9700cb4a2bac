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
