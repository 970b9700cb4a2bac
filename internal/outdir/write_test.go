package outdir

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
		if e.Name() == lockName {
			continue // stays, empty of meaning once unlocked (lock.go)
		}
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
			t.Errorf("after a failed write the directory holds %v; want the old files only, no temporaries", slices.Sorted(maps.Keys(got)))
		}
	})

	t.Run("success replaces all", func(t *testing.T) {
		if err := (writeStage{}).Run(writeContext(t, dir, arts...)); err != nil {
			t.Fatal(err)
		}
		got := listDir(t, dir)
		if len(got) != 2 || got["b.pdf"] != "new pdf" || len(got["b.xlsx"]) != 1000 {
			t.Errorf("directory = %v", slices.Sorted(maps.Keys(got)))
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
