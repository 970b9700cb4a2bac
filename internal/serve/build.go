// Package serve is `briefing serve`: it rebuilds the briefing in memory
// whenever the project's files change (Watch) and serves a local page
// showing the current PDF, the workbook, the input's problems, the
// warnings and the Summary numbers (Handler). It never touches output/:
// its builds run stages.Preview, whose artifacts stay in memory.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefing-tool/briefing/internal/stages"
	"github.com/briefing-tool/briefing/pipeline"
)

// Options are what serve builds and how.
type Options struct {
	// Base are the options of each build (config path, --period, the
	// version); Now and Formats are set per build.
	Base  pipeline.Options
	Pairs []string // --pair as given, checked against each build's config
	// Now is the time of each build: the clock, or SOURCE_DATE_EPOCH.
	Now func() time.Time
	// Log gets one record per rebuild; StageLog, when set, gets the
	// stages' own records (--verbose).
	Log      *slog.Logger
	StageLog *slog.Logger
	// Debounce is how long the watcher waits after a change for more
	// (an editor's save is several events); 0 means 100 ms.
	Debounce time.Duration
	// Loopback, when set, makes the handler answer only requests whose
	// Host is a loopback name or address (no DNS rebinding from a web
	// page a browser on this machine opened).
	Loopback bool
}

// Build is one rebuild's outcome, as the page shows it. A Build is never
// changed once published: a request made during a rebuild is answered
// from the last complete one.
type Build struct {
	Seq      int
	At       time.Time
	Duration time.Duration
	Problems []string // the input's errors, "file:line:col: message"
	Warnings []string

	// From the last build without problems (this one, unless Stale).
	Title   string
	Period  string
	Summary *Table
	PDF     *File
	XLSX    *File
	Stale   bool // this build failed; the above are an earlier build's
}

// File is one rendered output, from build Seq.
type File struct {
	Name string
	Data []byte
	Seq  int
}

// Table is the Summary numbers: the `summary` command's table.
type Table struct {
	Totals string
	Head   []string
	Rows   [][]string
}

// Server rebuilds and serves one project.
type Server struct {
	opt   Options
	cache *pipeline.DecodeCache
	ctx   context.Context // ends the running build when the server stops

	buildMu sync.Mutex // one build at a time
	seq     int
	cur     atomic.Pointer[Build]

	subMu sync.Mutex
	subs  map[chan int]struct{}
	done  chan struct{}
	once  sync.Once
}

// New returns a server with no build yet; ctx's end stops a running build.
func New(ctx context.Context, opt Options) *Server {
	if opt.Debounce == 0 {
		opt.Debounce = 100 * time.Millisecond
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Server{opt: opt, cache: pipeline.NewDecodeCache(), ctx: ctx, subs: map[chan int]struct{}{}, done: make(chan struct{})}
}

// Current is the last complete build, nil before the first.
func (s *Server) Current() *Build { return s.cur.Load() }

// Close ends the page's event streams, so that an http.Server's Shutdown
// does not wait for them.
func (s *Server) Close() { s.once.Do(func() { close(s.done) }) }

// Rebuild builds the project once, publishes the result to the page and
// its open event streams, logs it and returns it.
func (s *Server) Rebuild() *Build {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	b := &Build{At: start}
	ctx, err := s.context()
	if err == nil {
		err = pipeline.Run(ctx, stages.Preview())
	}
	b.Duration = time.Since(start)
	if ctx != nil {
		for _, w := range ctx.Diagnostics.Warnings() {
			b.Warnings = append(b.Warnings, w.Error())
		}
	}
	if err != nil {
		b.Problems = problems(err)
		if prev := s.cur.Load(); prev != nil {
			b.Title, b.Period, b.Summary, b.PDF, b.XLSX = prev.Title, prev.Period, prev.Summary, prev.PDF, prev.XLSX
			b.Stale = prev.PDF != nil || prev.XLSX != nil
		}
	} else {
		s.take(b, ctx)
	}
	s.seq++
	b.Seq = s.seq
	if b.PDF != nil && b.PDF.Seq == 0 {
		b.PDF.Seq = b.Seq
	}
	if b.XLSX != nil && b.XLSX.Seq == 0 {
		b.XLSX.Seq = b.Seq
	}
	s.cur.Store(b)
	s.notify(b.Seq)
	level := slog.LevelInfo
	if len(b.Problems) > 0 {
		level = slog.LevelWarn
	}
	s.opt.Log.Log(context.Background(), level, "rebuilt", "build", b.Seq, "duration_ms", float64(b.Duration.Microseconds())/1000,
		"problems", len(b.Problems), "warnings", len(b.Warnings), "cached_files", s.cache.Hits())
	return b
}

// context is a pipeline context for one build: the config read again,
// the --pair keys checked against it.
func (s *Server) context() (*pipeline.Context, error) {
	opt := s.opt.Base
	opt.Now = s.opt.Now()
	opt.Formats = []string{"pdf", "xlsx"} // the page shows both, whatever output.formats says
	opt.StrictScope, opt.Strict = true, false
	cfg, err := pipeline.LoadConfig(opt.ConfigPath)
	var cfgErrs pipeline.ErrorList
	if err != nil && (cfg == nil || !errors.As(err, &cfgErrs)) {
		return nil, err
	}
	log := s.opt.StageLog
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx := &pipeline.Context{Context: s.ctx, Options: opt, Config: cfg, Diagnostics: cfgErrs, Log: log, LoadCache: s.cache}
	if len(cfgErrs) > 0 {
		return ctx, nil // load reports them with the events' problems
	}
	for _, p := range s.opt.Pairs {
		key, err := cfg.ParseScope(p)
		if err != nil {
			return ctx, fmt.Errorf("--pair: %w", err)
		}
		ctx.PairKeys = append(ctx.PairKeys, key)
	}
	return ctx, nil
}

// take fills b from a build without problems.
func (s *Server) take(b *Build, ctx *pipeline.Context) {
	r := ctx.Report
	b.Title, b.Period = r.Title, r.Period.Label+" ("+r.Period.ID+")"
	b.Summary = summary(r)
	for _, a := range ctx.Artifacts {
		switch {
		case a.Kind == "pdf" && b.PDF == nil:
			b.PDF = &File{Name: a.Name, Data: a.Data}
		case a.Kind == "xlsx":
			b.XLSX = &File{Name: a.Name, Data: a.Data}
		}
	}
}

// problems are err's lines: each problem of the input at its position, or
// the one failure of a stage.
func problems(err error) []string {
	var list pipeline.ErrorList
	if errors.As(err, &list) {
		var out []string
		for _, d := range list {
			out = append(out, d.Error())
		}
		return out
	}
	return []string{err.Error()}
}

// summary is the Summary numbers of r, as `briefing summary` prints them.
func summary(r *pipeline.Report) *Table {
	t := &Table{Totals: strings.Join([]string{plural(r.Totals.Events, "event", "events"), plural(r.Totals.Pairs, "pair", "pairs"),
		plural(r.Totals.Countries, "country", "countries"), plural(r.Totals.People, "person", "people")}, ", ")}
	t.Head, t.Rows = r.SummaryTable()
	return t
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// subscribe returns a channel that gets the number of each new build;
// only the newest matters, so a slow reader skips to it.
func (s *Server) subscribe() chan int {
	ch := make(chan int, 1)
	s.subMu.Lock()
	s.subs[ch] = struct{}{}
	s.subMu.Unlock()
	return ch
}

func (s *Server) unsubscribe(ch chan int) {
	s.subMu.Lock()
	delete(s.subs, ch)
	s.subMu.Unlock()
}

func (s *Server) notify(seq int) {
	s.subMu.Lock()
	defer s.subMu.Unlock()
	for ch := range s.subs {
		select {
		case <-ch: // a number not yet read is replaced by the newer one
		default:
		}
		ch <- seq // cannot block: one slot, emptied above, and only notify sends
	}
}
