package build

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// fullDisk is a temp file whose writes fail once limit bytes are written,
// as on a full disk.
type fullDisk struct {
	*os.File
	limit int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.limit -= len(p)
	return f.File.Write(p)
}

func writeContext(t *testing.T, dir string, artifacts ...pipeline.Artifact) *pipeline.Context {
	t.Helper()
	return &pipeline.Context{
		Options:   pipeline.Options{OutDir: dir},
		Log:       slog.New(slog.NewTextHandler(io.Discard, nil)),
		Artifacts: artifacts,
	}
}

func listDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	old := map[string]string{"b.pdf": "old pdf", "b.xlsx": "old xlsx"}
	for n, c := range old {
		os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644)
	}
	arts := []pipeline.Artifact{{Name: "b.pdf", Data: []byte("new pdf")}, {Name: "b.xlsx", Data: bytes.Repeat([]byte("x"), 1000)}}

	t.Run("full disk on the second file", func(t *testing.T) {
		calls := 0
		w := writeStage{create: func(dir, pattern string) (tempFile, error) {
			f, err := os.CreateTemp(dir, pattern)
			if err != nil {
				return nil, err
			}
			calls++
			limit := 1 << 30
			if calls == 2 {
				limit = 100
			}
			return &fullDisk{File: f, limit: limit}, nil
		}}
		err := w.Run(writeContext(t, dir, arts...))
		var we *WriteError
		if !errors.As(err, &we) || !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("err = %v, want a WriteError for ENOSPC", err)
		}
		if !strings.Contains(err.Error(), "b.xlsx: no space left on device") {
			t.Errorf("message = %q", err)
		}
		if got := listDir(t, dir); len(got) != 2 || got["b.pdf"] != "old pdf" || got["b.xlsx"] != "old xlsx" {
			t.Errorf("after a failed write the directory holds %v; want the old files only, no temporaries, no lock", keys(got))
		}
	})

	t.Run("success replaces all", func(t *testing.T) {
		if err := (writeStage{}).Run(writeContext(t, dir, arts...)); err != nil {
			t.Fatal(err)
		}
		got := listDir(t, dir)
		if len(got) != 2 || got["b.pdf"] != "new pdf" || len(got["b.xlsx"]) != 1000 {
			t.Errorf("directory = %v", keys(got))
		}
		st, _ := os.Stat(filepath.Join(dir, "b.pdf"))
		if st.Mode().Perm()&0o044 == 0 {
			t.Errorf("output mode %v: not readable by others", st.Mode())
		}
	})
}

func TestWriteCannotCreateDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	err := (writeStage{}).Run(writeContext(t, filepath.Join(file, "out"), pipeline.Artifact{Name: "a.pdf", Data: []byte("x")}))
	var we *WriteError
	if !errors.As(err, &we) || !strings.Contains(err.Error(), "not a directory") {
		t.Fatalf("err = %v, want a WriteError naming 'not a directory'", err)
	}
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Held by a live process (this one, as another run would be):
	os.WriteFile(filepath.Join(dir, lockName), []byte("1\n"), 0o644) // pid 1 is alive
	if _, err := lockDir(dir); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another run is writing to") || !strings.Contains(err.Error(), "(pid 1)") {
		t.Errorf("second lock: %v", err)
	}
	unlock()

	// A lock and temporaries left by a killed run are taken over and removed.
	os.WriteFile(filepath.Join(dir, lockName), []byte("999999999\n"), 0o644)
	stale := []string{".b.pdf.12345.tmp", ".b-AZE-GEO.pdf.1.tmp", ".b.manifest.json.77.tmp"}
	for _, n := range stale {
		os.WriteFile(filepath.Join(dir, n), []byte("partial"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, ".notes.tmp"), []byte("mine"), 0o644) // not ours: kept
	unlock, err = lockDir(dir)
	if err != nil {
		t.Fatalf("stale lock not taken over: %v", err)
	}
	unlock()
	got := listDir(t, dir)
	if len(got) != 1 || got[".notes.tmp"] != "mine" {
		t.Errorf("after taking over a stale lock: %v, want only .notes.tmp", keys(got))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
