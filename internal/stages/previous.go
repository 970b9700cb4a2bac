package stages

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/briefing-tool/briefing/internal/outdir"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// An edition is compared with the previous one in two stages: previous
// reads --previous FILE before anything is loaded, so a bad manifest
// stops the run at once (exit 2); compare, once the report exists, makes
// the report's edition, finds the previous manifest in the output
// directory when --previous was not given, and compares the two before
// the renderers, which show the changes.

// previousEdition carries the earlier edition from previous to compare.
type previousEdition struct {
	m    *Manifest
	path string // as given or found, for the log
	sum  string // SHA-256 of the manifest's bytes
}

type previousStage struct{ p *previousEdition }

func (previousStage) String() string { return "previous" }

func (s previousStage) Skip(c *pipeline.Context) bool {
	return c.Options.Previous == "" || c.Options.Previous == "none"
}

func (s previousStage) Run(c *pipeline.Context) error {
	m, sum, err := ReadManifest(c.Options.Previous)
	if err != nil {
		return err
	}
	*s.p = previousEdition{m: m, path: c.Options.Previous, sum: sum}
	return nil
}

type compareStage struct{ p *previousEdition }

func (compareStage) String() string { return "compare" }

func (s compareStage) Run(c *pipeline.Context) error {
	r := c.Report
	if c.Options.Previous == "none" {
		c.Log.Info("not compared with a previous edition (--previous none)", "stage", "compare")
		return nil
	}
	if s.p.m == nil {
		if err := s.discover(c); err != nil {
			return err
		}
		if s.p.m == nil {
			return nil
		}
	}
	// The edition is made here only to compare (the manifest stage makes
	// it otherwise, after the workbook's peak of memory), and the earlier
	// one is let go once compared.
	r.Edition = pipeline.NewEdition(r, c.Dataset.Events)
	r.Changes = pipeline.Compare(s.p.m.Edition(), r.Edition)
	r.Changes.AgainstSHA256 = s.p.sum
	s.p.m = nil
	if len(r.Changes.List) > 0 { // titles for the note's words: a manifest has none
		byID := make(map[string]*pipeline.Event, len(c.Dataset.Events))
		for _, e := range c.Dataset.Events {
			byID[e.ID] = e
		}
		for i := range r.Changes.List {
			if e := byID[r.Changes.List[i].ID]; e != nil {
				r.Changes.List[i].Title = e.Title
			}
		}
	}
	ch := r.Changes
	c.Log.Info("compared with the previous edition", "stage", "compare", "previous", pipeline.DisplayPath(s.p.path),
		"added", ch.Added, "removed", ch.Removed, "amended", ch.Amended, "pair_counts_moved", len(ch.Moves))
	return nil
}

// discover looks in the output directory for the manifest of this build's
// name, for the same period, else for the previous period. The name, not
// a scan, decides: a manifest of other --pair filters, another output.name
// or another period kind is never taken for this build's. One of an older
// schema is passed over with a note; a corrupt one stops the build.
func (s compareStage) discover(c *pipeline.Context) error {
	dir := outdir.Dir(c)
	try := []period.Period{c.Period}
	if prev, ok := c.Period.Previous(); ok {
		try = append(try, prev)
	}
	for _, p := range try {
		path := filepath.Join(dir, stemFor(c, p.ID)+".manifest.json")
		m, sum, err := ReadManifest(path)
		var me *pipeline.ManifestError
		switch {
		case errors.As(err, &me) && me.Missing:
			continue
		case errors.As(err, &me) && me.OldSchema:
			c.Log.Info("not compared: the previous edition's manifest has no event digests (schema 1); the next build will compare",
				"stage", "compare", "previous", pipeline.DisplayPath(path))
			return nil
		case err != nil:
			me.Msg += " (--previous none builds without comparing)"
			return err
		}
		*s.p = previousEdition{m: m, path: path, sum: sum}
		return nil
	}
	c.Log.Info("no previous edition found to compare with", "stage", "compare", "dir", pipeline.DisplayPath(dir))
	return nil
}

// Edition is the manifest's edition, for pipeline.Compare.
func (m *Manifest) Edition() *pipeline.Edition {
	return &pipeline.Edition{Period: m.Period.ID, Label: m.Period.Label, Previous: m.Period.Previous,
		PreviousLabel: m.Period.PreviousLabel, Filters: m.Filters, Events: m.Events}
}

// maxManifestBytes bounds what ReadManifest reads: a year of the
// 100,000-event archive is about 15 MB.
const maxManifestBytes = 1 << 30

// ReadManifest reads a manifest of schema 2, with the SHA-256 of its
// bytes. Every failure is a *pipeline.ManifestError.
func ReadManifest(path string) (*Manifest, string, error) {
	bad := func(format string, args ...any) (*Manifest, string, error) {
		return nil, "", &pipeline.ManifestError{Path: pipeline.DisplayPath(path), Msg: fmt.Sprintf(format, args...)}
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		// Missing: discover then finds no edition, and a bad output dir is
		// the write stage's to report.
		return nil, "", &pipeline.ManifestError{Path: pipeline.DisplayPath(path), Msg: errors.Unwrap(err).Error(), Missing: true}
	}
	if err != nil {
		return bad("%v", errors.Unwrap(err))
	}
	if !st.Mode().IsRegular() {
		return bad("not a regular file")
	}
	if st.Size() > maxManifestBytes {
		return bad("%d bytes: larger than a manifest can be (%d)", st.Size(), maxManifestBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return bad("%v", errors.Unwrap(err))
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + strings.Count(string(data[:se.Offset]), "\n")
			return bad("not a briefing manifest: invalid JSON at line %d: %v", line, err)
		}
		return bad("not a briefing manifest: %v", err)
	}
	if m.Tool != "briefing" {
		return bad("not a briefing manifest (its \"tool\" is %q, want \"briefing\")", m.Tool)
	}
	switch {
	case m.Schema == 0 || m.Schema == 1:
		return nil, "", &pipeline.ManifestError{Path: pipeline.DisplayPath(path), OldSchema: true,
			Msg: fmt.Sprintf("manifest schema 1 has no event digests; build that period again with this version (schema %d)", pipeline.EditionSchema)}
	case m.Schema != pipeline.EditionSchema:
		return bad("manifest schema %d: this version of briefing reads schema %d", m.Schema, pipeline.EditionSchema)
	case m.Period.ID == "":
		return bad("not a briefing manifest: no period id")
	}
	for i, e := range m.Events {
		if e.ID == "" || e.SHA256 == "" || e.Period == "" {
			return bad("event %d of \"events\" lacks its id, period or sha256", i+1)
		}
		if i > 0 && m.Events[i-1].ID >= e.ID {
			return bad("\"events\" not sorted by id at %q", e.ID)
		}
	}
	sum := sha256.Sum256(data)
	return &m, hex.EncodeToString(sum[:]), nil
}
