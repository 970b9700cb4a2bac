// Command eventgen writes a synthetic archive of event records for scale
// tests and benchmarks of briefing (issue #7):
//
//	eventgen --events 100000 --years 5 --seed 1 --out DIR
//
// writes DIR/config.toml and weekly files DIR/input/YYYY/week-WW.toml (ISO
// year and week of the events in each). The records look like curated data:
// mostly bilateral events around the South Caucasus, people spelled in
// Latin, Azerbaijani, Turkish and Georgian script with the aliases the
// config lists, focus-area aliases and case variants, a few unknown areas,
// planned and cancelled events, graded sources. Names, quotes and sources
// are invented; URLs use example.org-style domains.
//
// The same flags give byte-identical files on every machine: the random
// stream is seeded, --end defaults to a fixed date rather than today, and
// nothing is written in map order. Events are generated in date order and
// written week by week, so memory does not grow with --events.
//
// Exit codes: 0 success, 1 writing failed, 2 usage error (including an --out
// directory that is not empty without --force).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

type options struct {
	events, years int
	seed          uint64
	end           time.Time
	out           string
	force         bool
}

// usageError is a problem with the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is main without the process, for tests.
func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("eventgen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: eventgen --out DIR [--events N] [--years N] [--seed N] [--end YYYY-MM-DD] [--force]\n\n")
		fl.PrintDefaults()
	}
	var o options
	var end string
	fl.IntVar(&o.events, "events", 1000, "number of `N` events to generate")
	fl.IntVar(&o.years, "years", 5, "the archive spans `N` years back from --end")
	fl.Uint64Var(&o.seed, "seed", 1, "random `seed`; the same flags give the same files")
	fl.StringVar(&end, "end", "2025-10-26", "last `day` of held events; announced (planned) events reach up to 12 weeks later")
	fl.StringVar(&o.out, "out", "", "output `DIR` (required); must be empty or missing unless --force")
	fl.BoolVar(&o.force, "force", false, "write into a non-empty DIR, replacing config.toml and the week files of an earlier run")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "eventgen: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'eventgen -h' for usage")
		return exitUsage
	}
	switch {
	case fl.NArg() > 0:
		return usage("unexpected argument %q; all options are flags", fl.Arg(0))
	case o.out == "":
		return usage("--out DIR is required")
	case o.events < 1:
		return usage("--events must be at least 1, got %d", o.events)
	case o.years < 1 || o.years > 100:
		return usage("--years must be between 1 and 100, got %d", o.years)
	}
	var err error
	if o.end, err = time.Parse(time.DateOnly, end); err != nil {
		return usage("--end %q is not a date like 2025-10-26", end)
	}

	start := time.Now()
	st, err := generate(o)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			return usage("%s", ue.msg)
		}
		fmt.Fprintf(stderr, "eventgen: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stderr, "eventgen: %d events, %d files, %d bytes, %d bytes/event on average, in %s (%s)\n",
		st.events, st.files, st.bytes, st.bytes/int64(st.events), o.out, time.Since(start).Round(time.Millisecond))
	return exitOK
}

type stats struct {
	events, files int
	bytes         int64 // of the event files
}

func generate(o options) (stats, error) {
	if err := prepareDir(o.out, o.force); err != nil {
		return stats{}, err
	}
	g := newGenerator(o.seed, o.end, o.years)
	if err := writeConfig(filepath.Join(o.out, "config.toml"), g, o); err != nil {
		return stats{}, err
	}
	w := &weekWriter{dir: filepath.Join(o.out, "input"), seed: o.seed}
	var buf []byte
	for day, n := range g.allocate(o.events) {
		date := g.start.AddDate(0, 0, day)
		for range n {
			buf = appendEvent(buf[:0], g.event(day, date))
			if err := w.write(date, buf); err != nil {
				w.close()
				return stats{}, err
			}
			w.st.events++
		}
	}
	if err := w.close(); err != nil {
		return stats{}, err
	}
	return w.st, nil
}

// prepareDir refuses a non-empty directory unless force. With force it
// removes only what an earlier run wrote (week files), so that a smaller
// archive does not inherit stale weeks; anything else is left alone.
func prepareDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return usageError{fmt.Sprintf("--out %s is not a directory", dir)}
		}
		return err
	case len(entries) > 0 && !force:
		return usageError{fmt.Sprintf("--out %s is not empty (%d entries); refusing to write into it. Use an empty directory, or --force to replace an earlier archive there", dir, len(entries))}
	}
	old, err := filepath.Glob(filepath.Join(dir, "input", "[0-9][0-9][0-9][0-9]", "week-[0-9][0-9].toml"))
	if err != nil {
		return err
	}
	var years []string
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
		years = append(years, filepath.Dir(f))
	}
	for _, y := range slices.Compact(years) {
		os.Remove(y) // only succeeds when the year directory is now empty
	}
	return nil
}

// weekWriter appends events to the file of their ISO week, opening each
// file once: events arrive in date order.
type weekWriter struct {
	dir        string
	seed       uint64
	f          *os.File
	w          *bufio.Writer
	year, week int
	st         stats
}

func (ww *weekWriter) write(date time.Time, event []byte) error {
	y, wk := date.ISOWeek()
	if ww.f == nil || y != ww.year || wk != ww.week {
		if err := ww.close(); err != nil {
			return err
		}
		dir := filepath.Join(ww.dir, fmt.Sprintf("%04d", y))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("week-%02d.toml", wk)))
		if err != nil {
			return err
		}
		ww.f, ww.w, ww.year, ww.week = f, bufio.NewWriterSize(f, 256<<10), y, wk
		ww.st.files++
		n, err := fmt.Fprintf(ww.w, "# Synthetic events for ISO week %04d-W%02d, written by eventgen (seed %d).\n# Not real events: people, quotes and sources are invented.\n\n", y, wk, ww.seed)
		ww.st.bytes += int64(n)
		if err != nil {
			return err
		}
	}
	n, err := ww.w.Write(event)
	ww.st.bytes += int64(n)
	return err
}

func (ww *weekWriter) close() error {
	if ww.f == nil {
		return nil
	}
	f := ww.f
	ww.f = nil
	if err := ww.w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeConfig writes config.toml in the shape of the project's own, with
// the [focus_areas] and [people] aliases the events use.
func writeConfig(path string, g *generator, o options) error {
	var b []byte
	b = fmt.Appendf(b, "# Synthetic archive: eventgen --events %d --years %d --seed %d --end %s\n", o.events, o.years, o.seed, o.end.Format(time.DateOnly))
	b = append(b, "# Relative paths are relative to this file's directory.\n\n[briefing]\n"...)
	b = kvString(b, "title", "South Caucasus Security Cooperation")
	b = kvString(b, "subtitle", "Weekly briefing (synthetic test archive)")
	b = kvString(b, "organization", "Regional Analysis Unit")
	b = kvString(b, "classification", "UNCLASSIFIED")
	b = kvString(b, "timezone", "UTC")
	b = kvString(b, "period", "latest-week")
	b = append(b, "\n[input]\n"...)
	b = kvStrings(b, "paths", []string{"input/**/*.toml"})
	b = append(b, "\n[output]\n"...)
	b = kvString(b, "dir", "output")
	b = kvStrings(b, "formats", []string{"pdf", "xlsx"})
	b = kvString(b, "name", "briefing-{period}")
	b = append(b, "per_pair = false\n\n[pairs]\ninclude = []\n\n[countries]\n"...)
	b = kvString(b, "TUR", "Türkiye")
	b = kvString(b, "EUR", "European Union") // PLOVER's EUR is "Europe"; events use it for the EU
	b = append(b, "\n[focus_areas]\n"...)
	for _, a := range focusAreas {
		b = appendString(b, a.name)
		b = append(b, " = "...)
		b = appendStrings(b, a.aliases)
		b = append(b, '\n')
	}
	b = append(b, "\n[people]\n"...)
	people := slices.Clone(g.ro.people)
	slices.SortFunc(people, func(x, y *person) int { return strings.Compare(x.name, y.name) })
	for _, p := range people {
		if p.alias == "" {
			continue
		}
		b = appendString(b, p.name)
		b = append(b, " = "...)
		b = appendStrings(b, []string{p.alias})
		b = append(b, '\n')
	}
	b = append(b, "\n[templates]\n"...)
	b = kvString(b, "dir", "templates")
	return os.WriteFile(path, b, 0o644)
}
