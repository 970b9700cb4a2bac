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
type writeStage struct{}

func (writeStage) String() string { return "write" }

func (writeStage) Run(c *pipeline.Context) error {
	dir := OutputDir(c)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &WriteError{Path: dir, Err: unwrapPath(err)}
	}
	type pending struct{ tmp, final string }
	var done []pending
	cleanup := func() {
		for _, p := range done {
			os.Remove(p.tmp)
		}
	}
	for _, a := range c.Artifacts {
		final := filepath.Join(dir, a.Name)
		tmp, err := writeTemp(dir, a.Name, a.Data)
		if err != nil {
			cleanup()
			return &WriteError{Path: final, Err: err}
		}
		done = append(done, pending{tmp, final})
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
	return nil
}

func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", unwrapPath(err)
	}
	_, err = f.Write(data)
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

// WriteError is a failure to write an output (exit code 3).
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("cannot write %s: %v", pipeline.DisplayPath(e.Path), e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
