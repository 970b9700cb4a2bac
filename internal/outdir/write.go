package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// writeStage puts the rendered artifacts into the output directory as one
// set. Each is written to a temporary file beside its target and synced;
// only when all of them are complete are they committed, through a journal
// (journal.go), so that a failed or killed run leaves either the earlier
// set or the new one, never a mix once the next run has started.
type writeStage struct {
	// create makes a temporary file; nil means os.CreateTemp. Tests inject
	// failures (a full disk) here.
	create func(dir, pattern string) (tempFile, error)
	// ops rename, remove and link in the output directory; tests fail or
	// "crash" the commit at each step.
	ops fsOps
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
	ops := w.ops.orDefaults()
	dir := Dir(c)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &WriteError{Path: dir, Err: pipeline.UnwrapPath(err)}
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	// First repair what a killed run left, then clear its temporaries.
	if err := recoverJournal(c, dir, ops); err != nil {
		return err
	}
	removeStale(dir)

	var set []pending
	cleanup := func() {
		for _, p := range set {
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
		sum := sha256.Sum256(a.Data)
		set = append(set, pending{tmp: tmp, final: final, sha: hex.EncodeToString(sum[:]), bytes: int64(len(a.Data))})
	}
	// A target that is a directory cannot be replaced: fail before
	// changing anything rather than roll back.
	for _, p := range set {
		if st, err := os.Lstat(p.final); err == nil && st.IsDir() {
			cleanup()
			return &WriteError{Path: p.final, Err: errors.New("a directory is in the way")}
		}
	}
	stale := staleOutputs(dir, c.Artifacts)
	if err := commit(c.Log, dir, set, stale, ops); err != nil {
		return err
	}
	for i, p := range set {
		c.Log.Info("wrote", "stage", "write", "path", pipeline.DisplayPath(p.final), "bytes", len(c.Artifacts[i].Data))
	}
	for _, n := range stale {
		c.Log.Info("removed earlier output", "stage", "write", "path", pipeline.DisplayPath(filepath.Join(dir, n)))
	}
	return nil
}

// pending is a new file written and synced, not yet in place.
type pending struct {
	tmp, final string
	sha        string
	bytes      int64
}

// commit replaces the outputs in dir by the set, and removes the stale
// earlier outputs, all or nothing (see journal.go for the steps). A step
// that fails rolls everything back at once and returns its error.
func commit(log *slog.Logger, dir string, set []pending, stale []string, ops fsOps) error {
	j := &journal{Version: 1, Run: newRunID()}
	var backups []string
	undo := func() {
		for _, b := range backups {
			os.Remove(b)
		}
		for _, p := range set {
			os.Remove(p.tmp)
		}
	}
	backup := func(name string) (string, error) {
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err != nil {
			return "", nil // nothing to keep
		}
		b := backupName(name, j.Run)
		if err := makeBackup(ops, path, filepath.Join(dir, b)); err != nil {
			return "", &WriteError{Path: path, Err: fmt.Errorf("cannot keep a backup: %v", pipeline.UnwrapPath(err))}
		}
		backups = append(backups, filepath.Join(dir, b))
		return b, nil
	}
	for _, p := range set {
		e := journalEntry{Final: filepath.Base(p.final), Temp: filepath.Base(p.tmp), SHA256: p.sha, Bytes: p.bytes}
		var err error
		if e.Backup, err = backup(e.Final); err != nil {
			undo()
			return err
		}
		j.Entries = append(j.Entries, e)
	}
	for _, n := range stale {
		e := journalEntry{Final: n}
		var err error
		if e.Backup, err = backup(n); err != nil {
			undo()
			return err
		}
		if e.Backup != "" {
			j.Entries = append(j.Entries, e)
		}
	}
	if err := writeJournal(dir, j, ops); err != nil {
		undo()
		return &WriteError{Path: filepath.Join(dir, journalName), Err: pipeline.UnwrapPath(err)}
	}
	for _, e := range j.Entries {
		final := filepath.Join(dir, e.Final)
		var err error
		if e.Temp != "" {
			err = ops.rename(filepath.Join(dir, e.Temp), final)
		} else if err = ops.remove(final); errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
		if err != nil {
			if rerr := j.back(dir, ops); rerr != nil {
				return &WriteError{Path: final, Err: fmt.Errorf("%v; restoring the earlier outputs failed too (%v); the next build will retry from %s",
					pipeline.UnwrapPath(err), pipeline.UnwrapPath(rerr), journalName)}
			}
			return &WriteError{Path: final, Err: fmt.Errorf("%v; the earlier outputs were kept", pipeline.UnwrapPath(err))}
		}
	}
	// The set is in place: the commit has succeeded. A journal that cannot
	// be removed now is completed (a no-op) by the next run.
	if err := j.finish(dir, ops); err != nil {
		log.Warn("the outputs are written, but the commit journal could not be removed; the next build removes it",
			"stage", "write", "path", pipeline.DisplayPath(filepath.Join(dir, journalName)), "error", pipeline.UnwrapPath(err).Error())
	}
	return nil
}

// staleOutputs are the earlier outputs of the same name (stem) and of
// the formats this run writes that it does not write again: with the PDF,
// <stem>.pdf and every per-pair <stem>-<PAIR>.pdf; with the workbook,
// <stem>.xlsx; always <stem>.manifest.json. The commit removes them, so
// that the per-pair notes of an earlier --per-pair run do not outlive it.
// A format left out with --format is left alone: `--format xlsx` refreshes
// the workbook and keeps the PDF, as the user asked.
func staleOutputs(dir string, arts []pipeline.Artifact) []string {
	stem := ""
	writes := map[string]bool{}
	kinds := map[string]bool{}
	for _, a := range arts {
		writes[a.Name] = true
		kinds[a.Kind] = true
		if a.Kind == "manifest" {
			stem = strings.TrimSuffix(a.Name, ".manifest.json")
		}
	}
	if stem == "" {
		return nil
	}
	suffixes := []string{`\.manifest\.json`}
	if kinds["pdf"] {
		suffixes = append(suffixes, `\.pdf`, `-[A-Z]{3}-[A-Z]{3}\.pdf`)
	}
	if kinds["xlsx"] {
		suffixes = append(suffixes, `\.xlsx`)
	}
	ours := regexp.MustCompile(`^` + regexp.QuoteMeta(stem) + `(` + strings.Join(suffixes, "|") + `)$`)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && ours.MatchString(e.Name()) && !writes[e.Name()] {
			out = append(out, e.Name())
		}
	}
	return out
}

// writeTemp writes data to a new temporary file in dir and syncs it.
func writeTemp(create func(dir, pattern string) (tempFile, error), dir, name string, data []byte) (string, error) {
	f, err := create(dir, "."+name+".*.tmp")
	if err != nil {
		return "", pipeline.UnwrapPath(err)
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
		return "", pipeline.UnwrapPath(err)
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
