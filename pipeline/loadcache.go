package pipeline

import (
	"crypto/sha256"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// DecodeCache keeps each input file's decoded events (and its problems)
// between loads, keyed by the file's path and the SHA-256 of its bytes, so
// that a load after one file changed decodes that file alone. Every file
// is still read and hashed on each load: a changed file is found by its
// bytes, never by a modification time. The decoding also depends on the
// config's [countries], so a change there empties the cache. Loads hand
// out copies: later stages change events in place (Normalize), and the
// cache's own stay as decoded. It is safe for use by one load at a time.
type DecodeCache struct {
	mu        sync.Mutex
	countries string // the [countries] the entries were decoded with
	files     map[string]cachedFile
	hits      int
}

type cachedFile struct {
	sum [sha256.Size]byte
	r   fileResult
}

// NewDecodeCache returns an empty cache.
func NewDecodeCache() *DecodeCache { return &DecodeCache{files: map[string]cachedFile{}} }

// Hits is how many files the last load took from the cache.
func (c *DecodeCache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// loadFile is the package's loadFile through the cache.
func (c *DecodeCache) loadFile(path, display string, maxBytes int64, countries *country.Table) fileResult {
	src, err := readRegular(path, maxBytes, "input.max_file_bytes")
	if err != nil {
		var r fileResult
		r.input.Path = display
		r.errs.Add(Position{File: display}, "", "", "cannot read file: %v", UnwrapPath(err))
		return r
	}
	sum := sha256.Sum256(src)
	c.mu.Lock()
	e, ok := c.files[display]
	if ok && e.sum == sum {
		c.hits++
	}
	c.mu.Unlock()
	if ok && e.sum == sum {
		return e.r.clone()
	}
	r := decodeFile(display, src, sum, countries)
	c.mu.Lock()
	c.files[display] = cachedFile{sum: sum, r: r.clone()}
	c.mu.Unlock()
	return r
}

// begin starts a load with cfg: it counts hits from zero, and empties
// the cache when cfg's [countries] differ from those its entries were
// decoded with.
func (c *DecodeCache) begin(cfg *Config) {
	key := countriesKey(cfg)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits = 0
	if c.countries != key {
		c.countries, c.files = key, map[string]cachedFile{}
	}
}

// keepOnly drops the files a load did not read (deleted, renamed, no
// longer matched).
func (c *DecodeCache) keepOnly(results []fileResult) {
	keep := make(map[string]bool, len(results))
	for _, r := range results {
		keep[r.input.Path] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	maps.DeleteFunc(c.files, func(k string, _ cachedFile) bool { return !keep[k] })
}

// countriesKey is the config's [countries] as one comparable string.
func countriesKey(cfg *Config) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(cfg.Countries)) {
		b.WriteString(k + "=" + cfg.Countries[k] + "\n")
	}
	return b.String()
}

// clone copies r deeply enough that changing the copy's events and
// diagnostics (Normalize, Strict, PlaceWarnings) leaves r as it was.
// Strings are shared: they cannot change.
func (r fileResult) clone() fileResult {
	out := fileResult{input: r.input}
	if r.events != nil {
		out.events = make([]*Event, len(r.events))
		for i, e := range r.events {
			c := *e
			c.Countries = slices.Clone(e.Countries)
			c.FocusAreas = slices.Clone(e.FocusAreas)
			c.Outcomes = slices.Clone(e.Outcomes)
			c.Participants = slices.Clone(e.Participants)
			c.Sources = slices.Clone(e.Sources)
			c.AreasWritten = slices.Clone(e.AreasWritten)
			out.events[i] = &c
		}
	}
	if r.errs != nil {
		out.errs = make(ErrorList, len(r.errs))
		for i, d := range r.errs {
			c := *d
			out.errs[i] = &c
		}
	}
	return out
}
