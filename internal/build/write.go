package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/briefing-tool/briefing/pipeline"
)

// writeStage puts the rendered artifacts into the output directory. Each is
// written to a temporary file beside its target and synced; only when all
// of them are complete are they renamed into place, so a failed run leaves
// the earlier outputs as they were.
type writeStage struct {
	// create makes a temporary file; nil means os.CreateTemp. Tests inject
	// failures (a full disk) here.
	create func(dir, pattern string) (tempFile, error)
}

// tempFile is the part of *os.File the write stage uses.
type tempFile interface {
	Write([]byte) (int, error)
	Chmod(os.FileMode) error
	Sync() error
	Close() error
	Name() string
}

func (writeStage) String() string { return "write" }

func (w writeStage) Run(c *pipeline.Context) error {
	create := w.create
	if create == nil {
		create = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
	}
	dir := OutputDir(c)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &WriteError{Path: dir, Err: unwrapPath(err)}
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	type pending struct{ tmp, final string }
	var done []pending
	cleanup := func() {
		for _, p := range done {
			os.Remove(p.tmp)
		}
	}
	for _, a := range c.Artifacts {
		final := filepath.Join(dir, a.Name)
		tmp, err := writeTemp(create, dir, a.Name, a.Data)
		if err != nil {
			cleanup()
			return &WriteError{Path: final, Err: err}
		}
		done = append(done, pending{tmp, final})
	}
	// A target that is a directory would fail its rename after earlier ones
	// succeeded, leaving a mix of old and new outputs: check all first.
	for _, p := range done {
		if st, err := os.Lstat(p.final); err == nil && st.IsDir() {
			cleanup()
			return &WriteError{Path: p.final, Err: errors.New("a directory is in the way")}
		}
	}
	for i, p := range done {
		if err := os.Rename(p.tmp, p.final); err != nil {
			for _, q := range done[i:] {
				os.Remove(q.tmp)
			}
			return &WriteError{Path: p.final, Err: unwrapPath(err)}
		}
		c.Log.Info("wrote", "stage", "write", "path", pipeline.DisplayPath(p.final), "bytes", len(c.Artifacts[i].Data))
	}
	syncDir(dir)
	return nil
}

// writeTemp writes data to a new temporary file in dir and syncs it.
func writeTemp(create func(dir, pattern string) (tempFile, error), dir, name string, data []byte) (string, error) {
	f, err := create(dir, "."+name+".*.tmp")
	if err != nil {
		return "", unwrapPath(err)
	}
	_, err = f.Write(data)
	if err == nil {
		// CreateTemp makes files private (0600); outputs are to be shared.
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", unwrapPath(err)
	}
	return f.Name(), nil
}

// syncDir makes the renames durable; where directories cannot be synced
// (some file systems), the renames are still atomic.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteError is a failure to write an output (exit code 3).
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("cannot write %s: %v", pipeline.DisplayPath(e.Path), e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// unwrapPath drops the paths an *os.PathError or *os.LinkError repeats
// (WriteError names the output already).
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
