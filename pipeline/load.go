package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/sync/errgroup"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// Input is one event file that was read.
type Input struct {
	Path   string // as shown to people: relative to the working directory when inside it
	SHA256 string // hex digest of the file's bytes
	Size   int64
	Events int
}

// Dataset is what loading produces: every valid event of every input file,
// in file order and then in order of appearance.
type Dataset struct {
	Events []*Event
	Inputs []Input
}

// Load reads every file matched by cfg.Input.Paths, decodes and validates
// its events and checks ids across files. All problems are returned together
// as an ErrorList; no event is returned when there is any.
func Load(cfg *Config) (*Dataset, error) { return LoadWithOptions(cfg, LoadOptions{}) }

// LoadOptions tune Load.
type LoadOptions struct {
	// Progress, when set, is called with the number of files to read before
	// the first and after each file is read (from several goroutines, but
	// never concurrently).
	Progress func(done, total int)
	// Cache, when set, keeps each file's decoded events between loads
	// (briefing serve): a file whose bytes did not change is not decoded
	// again.
	Cache *DecodeCache
}

// LoadWithOptions is Load with options.
func LoadWithOptions(cfg *Config, o LoadOptions) (*Dataset, error) {
	var errs ErrorList
	files := matchInputs(cfg, &errs)
	countries := cfg.CountryTable()
	progress := func(int) {}
	if o.Progress != nil {
		var mu sync.Mutex
		done := 0
		o.Progress(0, len(files))
		progress = func(n int) {
			mu.Lock()
			defer mu.Unlock()
			done += n
			o.Progress(done, len(files))
		}
	}

	// One file per CPU at a time; each file's problems go to its result,
	// so no goroutine returns an error.
	results := make([]fileResult, len(files))
	if o.Cache != nil {
		o.Cache.begin(cfg)
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, path := range files {
		g.Go(func() error {
			// A panic here would kill the process past main's recover;
			// report it against the file instead.
			defer func() {
				if r := recover(); r != nil {
					results[i].errs.Add(Position{File: DisplayPath(path)}, "", "", "internal error while reading this file: %v; please report it", r)
				}
			}()
			if o.Cache != nil {
				results[i] = o.Cache.loadFile(path, DisplayPath(path), int64(cfg.Input.MaxFileBytes), countries)
			} else {
				results[i] = loadFile(path, DisplayPath(path), int64(cfg.Input.MaxFileBytes), countries)
			}
			progress(1)
			return nil
		})
	}
	g.Wait()
	if o.Cache != nil {
		o.Cache.keepOnly(results)
	}

	n := 0
	for _, r := range results {
		n += len(r.events)
	}
	ds := &Dataset{Events: make([]*Event, 0, n), Inputs: make([]Input, 0, len(results))}
	for _, r := range results {
		errs = append(errs, r.errs...)
		ds.Inputs = append(ds.Inputs, r.input)
		ds.Events = append(ds.Events, r.events...)
	}
	checkDuplicateIDs(ds.Events, &errs)
	if len(files) > 0 && len(ds.Events) == 0 && len(errs) == 0 {
		errs.Add(cfg.keyPos("input", "paths"), "", "input.paths", "no events found in %d file(s); add [[event]] tables", len(files))
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return ds, nil
}

// matchInputs expands the input globs into a sorted, de-duplicated list of
// absolute paths. A glob that matches nothing is an error: it is almost
// always a typo, and a briefing silently built from fewer files is worse.
// So is a directory that cannot be listed: its error is reported, not
// taken for "no files".
//
// The walk is ours, not doublestar.Glob's, which follows a symlink loop
// (input/self -> .) until the path is too long and reports nothing it
// could not read. Symbolic links are followed, but every real directory is
// listed once, and a file reached by several paths (a link to a file that
// is also matched directly) is read once, under the first of its paths in
// sorted order. doublestar still decides what a pattern matches.
func matchInputs(cfg *Config, errs *ErrorList) []string {
	shown := map[string]string{} // real path → the first path that reached it
	for _, pattern := range cfg.Input.Paths {
		if !doublestar.ValidatePattern(filepath.ToSlash(pattern)) {
			continue // Config.Validate reports it
		}
		abs := cfg.resolve(pattern)
		base, rel := doublestar.SplitPattern(filepath.ToSlash(abs))
		w := walker{pattern: rel, maxDepth: patternDepth(rel), seenDirs: map[string]bool{}}
		w.walk(filepath.FromSlash(base), "", 0)
		for _, e := range w.errs {
			errs.Add(cfg.keyPos("input", "paths"), "", "input.paths", "%q: %s", pattern, e)
		}
		if len(w.files) == 0 && len(w.errs) == 0 {
			errs.Add(cfg.keyPos("input", "paths"), "", "input.paths", "%q matches no files (looked in %s)", pattern, DisplayPath(filepath.FromSlash(base)))
			continue
		}
		for _, f := range w.files {
			if p, ok := shown[f.real]; !ok || f.path < p {
				shown[f.real] = f.path
			}
		}
	}
	files := make([]string, 0, len(shown))
	for _, p := range shown {
		files = append(files, p)
	}
	sort.Strings(files)
	return files
}

// walker lists the files under one glob's base directory that match its
// pattern.
type walker struct {
	pattern  string // relative to the base, slash-separated
	maxDepth int    // directories below the base the pattern can reach; -1: any
	seenDirs map[string]bool
	files    []walkedFile
	errs     []string
}

type walkedFile struct{ path, real string }

// walk lists dir (rel from the base, slash-separated; "" for the base) and
// what lies below it, as far as the pattern can reach.
func (w *walker) walk(dir, rel string, depth int) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		if depth == 0 && errors.Is(err, fs.ErrNotExist) {
			return // the base does not exist: the glob matches no files
		}
		w.errs = append(w.errs, "cannot read directory "+DisplayPath(dir)+": "+UnwrapPath(err).Error())
		return
	}
	if w.seenDirs[real] {
		return // a link back to a directory already listed (a loop)
	}
	w.seenDirs[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		// Entries read before the error still count; the error is reported.
		w.errs = append(w.errs, "cannot read directory "+DisplayPath(dir)+": "+UnwrapPath(err).Error())
	}
	for _, d := range entries {
		path := filepath.Join(dir, d.Name())
		name := d.Name()
		if rel != "" {
			name = rel + "/" + name
		}
		isDir, realPath := d.IsDir(), filepath.Join(real, d.Name())
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow the link; a dangling or looping link that matches is
			// kept, so that reading it reports why it cannot be read.
			if fi, err := os.Stat(path); err == nil && fi.IsDir() {
				isDir = true
			} else if r, err := filepath.EvalSymlinks(path); err == nil {
				realPath = r
			}
		}
		switch {
		case isDir:
			if w.maxDepth < 0 || depth < w.maxDepth {
				w.walk(path, name, depth+1)
			}
		case doublestar.MatchUnvalidated(w.pattern, name):
			w.files = append(w.files, walkedFile{path: path, real: realPath})
		}
	}
}

// patternDepth is how many directories below its base a pattern can
// reach, or -1 when ** or a {...} alternative makes that open.
func patternDepth(pattern string) int {
	if strings.Contains(pattern, "**") || strings.ContainsAny(pattern, "{") {
		return -1
	}
	return strings.Count(pattern, "/")
}

type fileResult struct {
	input  Input
	events []*Event
	errs   ErrorList
}

// loadFile decodes one event file of at most maxBytes bytes. It never
// panics on bad bytes: the decoder's errors become positioned messages.
func loadFile(path, display string, maxBytes int64, countries *country.Table) (r fileResult) {
	r.input.Path = display
	src, err := readRegular(path, maxBytes, "input.max_file_bytes")
	if err != nil {
		r.errs.Add(Position{File: display}, "", "", "cannot read file: %v", UnwrapPath(err))
		return r
	}
	return decodeFile(display, src, sha256.Sum256(src), countries)
}

// decodeFile decodes the bytes of one event file, src, whose SHA-256 is sum.
func decodeFile(display string, src []byte, sum [sha256.Size]byte, countries *country.Table) (r fileResult) {
	r.input.Path = display
	r.input.SHA256 = hex.EncodeToString(sum[:])
	r.input.Size = int64(len(src))
	r.events, r.errs = parseEvents(display, src, countries)
	r.input.Events = len(r.events)
	if len(r.errs) == 0 {
		compact(r.events)
	}
	return r
}

// readRegular reads the regular file at path, of at most max bytes (limit
// names the setting in messages). Anything else a glob or a link can lead
// to would be read until memory runs out (/dev/zero) or forever (a FIFO
// with no writer), so the file is opened without blocking, checked on the
// open descriptor (no race with a rename) and refused unless it is a
// regular file no larger than max; a file that grows while it is read is
// cut off at max+1 bytes and refused too.
func readRegular(path string, max int64, limit string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s); only regular files are read", fileKind(fi.Mode()))
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("%d bytes is more than %s (%d)", fi.Size(), limit, max)
	}
	b := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := b.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > max {
		return nil, fmt.Errorf("grew past %s (%d bytes) while it was read", limit, max)
	}
	return b.Bytes(), nil
}

// fileKind names the type of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// compact copies every string of the file's events into one allocation.
// BurntSushi's strings (in the files go-toml leaves to it) are mostly
// slices of its own copy of the whole file, so that an event's id alone
// would keep the file's bytes, its comments and TOML syntax in memory for
// the rest of the run; go-toml's are small allocations of their own, and
// one block of them leaves a smaller heap (measured: peak RSS of a
// 100,000-event build is 20-50 MB lower with compact). After compact,
// only the values stay, at the cost of one copy of them.
func compact(events []*Event) {
	each := func(f func(*string)) {
		for _, e := range events {
			f(&e.ID)
			f(&e.DatePrecision)
			f(&e.Title)
			f(&e.Status)
			for i := range e.Countries {
				f(&e.Countries[i])
			}
			f(&e.Host)
			f(&e.Location)
			for i := range e.FocusAreas {
				f(&e.FocusAreas[i])
			}
			f(&e.Summary)
			for i := range e.Outcomes {
				f(&e.Outcomes[i])
			}
			for i := range e.Participants {
				p := &e.Participants[i]
				f(&p.Name)
				f(&p.Rank)
				f(&p.Role)
				f(&p.Organization)
				f(&p.Country)
			}
			for i := range e.Sources {
				s := &e.Sources[i]
				f(&s.Title)
				f(&s.Publisher)
				f(&s.URL)
				f(&s.Reliability)
			}
		}
	}
	n := 0
	each(func(s *string) { n += len(*s) })
	var b strings.Builder
	b.Grow(n)
	each(func(s *string) { b.WriteString(*s) })
	all := b.String() // no copy: the builder's bytes become the string
	each(func(s *string) {
		k := len(*s)
		*s, all = all[:k], all[k:]
	})
}

// parseEvents decodes and validates the events in src, naming file in
// every message.
func parseEvents(file string, src []byte, countries *country.Table) ([]*Event, ErrorList) {
	if errs := checkBytes(file, src); len(errs) > 0 {
		return nil, errs
	}
	var errs ErrorList
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // a BOM is harmless; drop it
	doc, err := decodeDoc(src)
	if err != nil {
		errs.Add(tomlErrorPos(file, src, err))
		// One broken event must not hide the others' problems.
		if events, more, ok := recoverEvents(file, src, countries, errs[0]); ok {
			errs = append(errs, more...)
			return events, errs
		}
		return nil, errs
	}
	// A file without problems needs only the lines of its event headers;
	// one with problems is scanned again for the position of every key.
	events, errs, placed := checkEvents(file, src, doc, countries, false, 0)
	if len(errs) > 0 || !placed {
		events, errs, _ = checkEvents(file, src, doc, countries, true, 0)
	}
	return events, errs
}

// tomlErrorPos returns the arguments of ErrorList.Add for a file the TOML
// decoder rejected.
func tomlErrorPos(file string, src []byte, err error) (Position, string, string, string, any) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return syntaxPos(file, src, pe), "", "", "TOML syntax: %s", pe.Message
	}
	return Position{File: file}, "", "", "TOML: %v", err
}

// eventHeader is a line that opens an [[event]] table.
var eventHeader = regexp.MustCompile(`^[ \t]*\[\[[ \t]*event[ \t]*\]\][ \t]*(#.*)?\r?$`)

// recoverEvents decodes a file the decoder rejected table by table, from
// each [[event]] header to the next, so that one run reports the
// problems of every event, not only the syntax error that stopped the
// whole file. Each part is decoded with the lines before it left blank,
// so that positions are the file's. A part that fails too reports its
// own syntax error (the first is already first, at its position). When
// no part fails, the error lies between the parts (a key defined twice,
// say): then ok is false and the file's one error stands alone, as does
// a file with no [[event]] header. A header line inside a multi-line
// string would split it; its parts then fail as syntax errors of their own.
func recoverEvents(file string, src []byte, countries *country.Table, first *Diagnostic) (events []*Event, errs ErrorList, ok bool) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var starts []int // line indexes of the headers
	for i, l := range lines {
		if eventHeader.Match(bytes.TrimSuffix(l, []byte("\n"))) {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return nil, nil, false
	}
	bounds := append([]int{0}, starts...)
	bounds = append(bounds, len(lines))
	failed := false
	for p := 0; p+1 < len(bounds); p++ {
		from, to := bounds[p], bounds[p+1]
		if from == to {
			continue
		}
		part := append(bytes.Repeat([]byte("\n"), from), bytes.Join(lines[from:to], nil)...)
		doc, err := decodeDoc(part)
		if err != nil {
			failed = true
			pos, ev, field, format, arg := tomlErrorPos(file, part, err)
			if pos.Line != first.Pos.Line {
				errs.Add(pos, ev, field, format, arg)
			}
			continue
		}
		before := p - 1 // [[event]] headers before this part's own
		if p == 0 {
			before = 0
		}
		evs, more, _ := checkEvents(file, part, doc, countries, true, before)
		events = append(events, evs...)
		errs = append(errs, more...)
	}
	return events, errs, failed
}

// checkBytes rejects, before any decoder sees them, files that are not
// UTF-8 and files whose arrays and inline tables nest deeper than
// maxNesting, with the position of the offending byte.
func checkBytes(file string, src []byte) ErrorList {
	var errs ErrorList
	if !utf8.Valid(src) {
		line, col, b := firstInvalidUTF8(src)
		errs.Add(Position{File: file, Line: line, Col: col}, "", "", "file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", b)
		return errs
	}
	if line, col := tooDeep(src); line > 0 {
		errs.Add(Position{File: file, Line: line, Col: col}, "", "", "arrays and inline tables nest more than %d deep here; valid files need at most 3", maxNesting)
	}
	return errs
}

// checkEvents validates the decoded doc of file and turns its event tables
// into Events; before is the number of events of the file ahead of doc's
// (recoverEvents decodes a file part by part), for events without an id. With keys, problems point at the key they are about;
// without, the scan is cheaper but problems point only at their table's
// header, and placed reports whether every event had a header of its own
// (events written as inline tables take their position from a key).
func checkEvents(file string, src []byte, doc map[string]any, countries *country.Table, keys bool, before int) (events []*Event, errs ErrorList, placed bool) {
	secs := scan(file, src, keys)
	var eventSecs []*section
	subs := map[*section]map[string][]*section{}
	var cur *section
	for _, s := range secs {
		switch {
		case s.array && s.name == "event":
			cur = s
			eventSecs = append(eventSecs, s)
			subs[s] = map[string][]*section{}
		case cur != nil && s.array && strings.HasPrefix(s.name, "event."):
			k := strings.TrimPrefix(s.name, "event.")
			subs[cur][k] = append(subs[cur][k], s)
		}
	}

	top := &fields{errs: &errs, sec: secs[0], file: file, m: doc}
	if _, ok := doc["event"]; len(doc) > 1 || len(doc) == 1 && !ok {
		for _, k := range slices.Sorted(maps.Keys(doc)) {
			if k != "event" {
				top.fail(k, "unknown top-level key; event files hold [[event]] tables only")
			}
		}
	}
	tables := top.tables("event")
	placed = len(tables) <= len(eventSecs)
	events = make([]*Event, 0, len(tables))
	for i, m := range tables {
		var sec *section
		if i < len(eventSecs) {
			sec = eventSecs[i]
		} else {
			sec = top.at("event")
		}
		events = append(events, decodeEvent(m, before+i+1, file, sec, subs[sec], countries, &errs))
	}
	return events, errs, placed
}

// syntaxPos places a TOML syntax error. The decoder's own line and column
// disagree at line starts and ends (a duplicate key at the start of line 5
// is reported as line 5, column 10 of line 4's length), so both are counted
// again from the byte offset, which is exact.
func syntaxPos(file string, src []byte, pe toml.ParseError) Position {
	start := pe.Position.Start
	if strings.HasPrefix(pe.Message, "TOML files cannot contain control characters") {
		// v1.6.0 places these one byte early, at the newline before a
		// character that starts a line; the character itself is the
		// first one TOML forbids from there on.
		for i := max(start, 0); i < len(src); i++ {
			if forbiddenControl(src, i) {
				start = i
				break
			}
		}
	}
	if start < 0 || start > len(src) || (start == 0 && pe.Position.Line > 1) {
		return Position{File: file, Line: pe.Position.Line, Col: pe.Position.Col}
	}
	before := src[:start]
	return Position{File: file, Line: 1 + bytes.Count(before, []byte("\n")), Col: start - bytes.LastIndexByte(before, '\n')}
}

// forbiddenControl reports whether src[i] is a control character TOML
// allows nowhere: any but tab and newline, and CR unless before LF.
func forbiddenControl(src []byte, i int) bool {
	switch c := src[i]; {
	case c == '\r':
		return i+1 == len(src) || src[i+1] != '\n'
	case c == '\t' || c == '\n':
		return false
	default:
		return c < 0x20 || c == 0x7f
	}
}

func firstInvalidUTF8(src []byte) (line, col int, b byte) {
	line, col = 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, src[i]
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
	return line, col, 0
}

// checkDuplicateIDs reports every id used more than once, naming all places.
func checkDuplicateIDs(events []*Event, errs *ErrorList) {
	first := make(map[string]*Event, len(events))
	for _, e := range events {
		if e.ID == "" {
			continue
		}
		if f, ok := first[e.ID]; ok {
			errs.Add(e.Pos, e.ID, "id", "duplicate id; first used at %s", f.Pos)
			continue
		}
		first[e.ID] = e
	}
}

// UnwrapPath drops the *fs.PathError or *os.LinkError around err, whose
// paths repeat what a message names already ("cannot read file: …",
// outdir's WriteError): "permission denied", not "open a/b: permission
// denied".
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// DisplayPath shows path relative to the working directory when it lies
// inside it, as people expect in messages; otherwise absolute.
func DisplayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
