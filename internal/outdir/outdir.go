// Package outdir is the only code that touches the output directory: it
// writes a run's files there as one set (a temporary file per file, then a
// journaled commit), under an flock lock, and repairs or reports a commit
// a killed run left. Its three stages (Recover, Report, Write) run in the
// stage lists of package stages.
package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"slices"

	"github.com/briefing-tool/briefing/pipeline"
)

// The stages of this package.
var (
	// Recover repairs a commit a killed run left, before anything else.
	Recover pipeline.Stage = recoverStage{}
	// Report warns of an interrupted commit and changes nothing (check).
	Report pipeline.Stage = journalReport{}
	// Write puts the run's artifacts into the output directory as one set.
	Write pipeline.Stage = writeStage{}
)

// Dir is --out, else output.dir relative to the config file.
func Dir(c *pipeline.Context) string {
	if c.Options.OutDir != "" {
		abs, err := filepath.Abs(c.Options.OutDir)
		if err == nil {
			return abs
		}
		return c.Options.OutDir
	}
	return c.Config.Resolve(c.Config.Output.Dir)
}

// recoverStage repairs a commit a killed run left in the output directory
// (journal.go), and clears its temporaries, before the build does anything
// else: output/ holds one complete set from the moment a build starts,
// even one that then fails on its input. The write stage checks again
// under its own lock. A directory with nothing to repair is not touched.
type recoverStage struct{}

func (recoverStage) String() string { return "recover" }

func (recoverStage) Run(c *pipeline.Context) error {
	if c.Config == nil && c.Options.OutDir == "" {
		return nil
	}
	dir := Dir(c)
	entries, err := os.ReadDir(dir)
	if err != nil || !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return leftover(e.Name()) }) {
		return nil // the write stage reports an unusable directory
	}
	unlock, err := lockDir(dir)
	if errors.Is(err, ErrLocked) {
		return nil // the run holding it repairs it first
	}
	if err != nil {
		return err
	}
	defer unlock()
	if err := recoverJournal(c, dir, fsOps{}); err != nil {
		return err
	}
	removeStale(dir)
	return nil
}

// journalReport is check's view of an interrupted commit: a warning, and
// nothing changed (check writes nothing).
type journalReport struct{}

func (journalReport) String() string { return "journal" }

func (journalReport) Run(c *pipeline.Context) error {
	if c.Config == nil {
		return nil
	}
	if msg := JournalStatus(Dir(c)); msg != "" {
		c.Log.Warn(msg)
	}
	return nil
}
