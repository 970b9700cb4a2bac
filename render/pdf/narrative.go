package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sync/atomic"
	"text/template"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
	"github.com/briefing-tool/briefing/templates"
)

// The narrative templates and what they receive. The same contract is
// written at the top of each default .tmpl file, which is where users who
// override them look.
const (
	pairTemplate        = "pair.tmpl"
	developmentTemplate = "development.tmpl"
)

// PairData is what pair.tmpl receives for each country pair.
type PairData struct {
	Pair        *pipeline.PairReport
	First       string          // the pair's country named first in headings (Report.PairTitle)
	Second      string          // and the other
	Period      period.Period   // the briefing's period
	Previous    period.Period   // the previous period; zero when HasPrevious is false
	HasPrevious bool            // false for the period "all"
	Latest      *pipeline.Event // the pair's most recent event in the period, nil when none
	// Before is the pair's latest held event before the period, nil when
	// none is recorded or for the period "all" (PairReport.PreviousEvent).
	Before *pipeline.Event
	// Next is the pair's first planned event after the period, nil when none.
	Next *pipeline.Event
}

// DevelopmentData is what development.tmpl receives for each key
// development.
type DevelopmentData struct {
	N         int // rank, from 1
	Event     *pipeline.Event
	Countries []string // display names of Event.Countries, in the order written
}

// pairData is what pair.tmpl receives for p in r's period.
func pairData(r *pipeline.Report, p *pipeline.PairReport) PairData {
	d := PairData{Pair: p, Period: r.Period, Previous: r.Previous, HasPrevious: !r.Previous.IsZero(), Latest: p.Latest(), Before: p.PreviousEvent}
	d.First, d.Second = r.PairTitle(p)
	if len(p.Upcoming) > 0 {
		d.Next = p.Upcoming[0]
	}
	return d
}

// developmentData is what development.tmpl receives for e, ranked n.
func developmentData(r *pipeline.Report, n int, e *pipeline.Event) DevelopmentData {
	return DevelopmentData{N: n, Event: e, Countries: r.CountryNames(e.Countries)}
}

// funcs are the functions the narrative templates may call.
func funcs(r *pipeline.Report) template.FuncMap {
	return template.FuncMap{
		"date":   eventDate,
		"when":   when,
		"day":    day,
		"plural": plural,
		"kinds":  func(c pipeline.KindCounts) string { return kindCounts(r.Kinds(), c) },
		"kind": func(k any) (string, error) {
			kk, err := kindArg(r, k)
			return kindLabel(r.Kinds(), kk), err
		},
		"count": func(c pipeline.KindCounts, k any) (int, error) {
			kk, err := kindArg(r, k)
			return c.Of(kk), err
		},
		"list": list,
		"areas": func(fas []pipeline.FocusArea, n int) []string {
			var out []string
			for i := 0; i < len(fas) && i < n; i++ {
				out = append(out, inline(fas[i].Name))
			}
			return out
		},
		"leading": leading,
		"country": r.CountryName,
		"abs": func(n int) int {
			if n < 0 {
				return -n
			}
			return n
		},
		"lower": lowerString,
	}
}

// leading names the focus areas with the most events, lower-cased for a
// sentence: all of those tied for the most, not the first few of them.
// When every area has as many events, none leads and the list is empty.
func leading(fas []pipeline.FocusArea) []string {
	if len(fas) == 0 {
		return nil
	}
	var out []string
	for _, fa := range fas { // by events, most first
		if fa.Events != fas[0].Events {
			break
		}
		out = append(out, inline(fa.Name))
	}
	if len(out) == len(fas) && len(fas) > 1 {
		return nil
	}
	return out
}

// kindArg is a template's kind argument: a Kind (.Kind of an event) or a
// kind's name ("meeting"), as templates written before kinds were a table
// passed them.
func kindArg(r *pipeline.Report, k any) (pipeline.Kind, error) {
	switch k := k.(type) {
	case pipeline.Kind:
		return k, nil
	case string:
		for i, info := range r.Kinds() {
			if info.Name == k {
				return pipeline.Kind(i), nil
			}
		}
		return 0, fmt.Errorf("%q is not a kind of event", k)
	}
	return 0, fmt.Errorf("%v (%T) is not a kind of event", k, k)
}

// narrative executes the briefing's templates.
type narrative struct {
	t         *template.Template
	overrides fs.FS
}

func newNarrative(r *pipeline.Report, dir fs.FS) (*narrative, error) {
	t, err := templates.Load(dir, funcs(r))
	if err != nil {
		return nil, err
	}
	for _, name := range []string{pairTemplate, developmentTemplate} {
		if t.Lookup(name) == nil {
			return nil, &templates.Error{File: name, Msg: "template is missing"}
		}
	}
	return &narrative{t: t, overrides: dir}, nil
}

// Limits of one execution of a narrative template. A project template is
// code: {{range 9223372036854775807}} would hang the run, and a long range
// that prints would fill memory. No real narrative comes near either: the
// defaults take microseconds and write a few hundred bytes per pair.
var (
	execTimeout = 2 * time.Second // a var so that tests can shorten it
	execMaxOut  = 64 << 10        // bytes of text per execution, plus outputBudget's share of the data
)

// errOutputLimit stops an execution that writes more than its budget.
var errOutputLimit = errors.New("output longer than its limit")

// outputBudget is the most text one execution may write: execMaxOut plus
// four times the text of the events it is given. A 1 MB title is data
// the note prints (and lays out in linear time), not a runaway template;
// a template that prints it a few times stays within the budget, one
// that loops does not.
func outputBudget(data any) int {
	n := 0
	add := func(e *pipeline.Event) {
		if e == nil {
			return
		}
		n += len(e.Title) + len(e.Summary) + len(e.Location)
		for _, o := range e.Outcomes {
			n += len(o)
		}
		for _, p := range e.Participants {
			n += len(p.Name) + len(p.Rank) + len(p.Role) + len(p.Organization)
		}
	}
	switch d := data.(type) {
	case DevelopmentData:
		add(d.Event)
	case PairData:
		add(d.Latest)
		add(d.Before)
		add(d.Next)
		if d.Pair != nil {
			for _, e := range d.Pair.EventList {
				add(e)
			}
		}
	}
	return execMaxOut + 4*n
}

// errAbandoned stops an execution that exec has given up waiting for.
var errAbandoned = errors.New("execution abandoned")

// limitedWriter keeps at most max bytes; the write that would pass them
// fails, and text/template stops executing on a failed write. Once stop
// is set, every write fails: an abandoned execution that writes ends at
// its next write.
type limitedWriter struct {
	b    bytes.Buffer
	max  int
	stop atomic.Bool
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	if w.stop.Load() {
		return 0, errAbandoned
	}
	if w.b.Len()+len(p) > w.max {
		return 0, errOutputLimit
	}
	return w.b.Write(p)
}

// exec runs a template, within the limits above, and returns its text as
// paragraphs.
//
// text/template cannot be cancelled, so the execution runs on its own
// goroutine and exec stops waiting at the time limit. An execution that
// still writes ends at its next write; one that loops without writing
// ({{range 9223372036854775807}}{{end}}) is abandoned, still running.
// That is acceptable for a CLI: the error ends the command (exit 1) and
// the process with it, and meanwhile the goroutine only reads the report
// and writes to its own bounded buffer.
func (n *narrative) exec(name string, data any) ([]string, error) {
	w := &limitedWriter{max: outputBudget(data)}
	done := make(chan error, 1) // buffered: an abandoned run must not block forever on send
	go func() {
		defer func() {
			// text/template re-panics runtime errors; on this goroutine
			// nothing else would recover them.
			if r := recover(); r != nil {
				done <- fmt.Errorf("internal error executing %s: %v", name, r)
			}
		}()
		done <- n.t.ExecuteTemplate(w, name, data)
	}()
	timer := time.NewTimer(execTimeout)
	defer timer.Stop()
	var err error
	select {
	case err = <-done:
	case <-timer.C:
		w.stop.Store(true)
		err = fmt.Errorf("execution took longer than %v (an endless range?)", execTimeout)
	}
	if errors.Is(err, errOutputLimit) {
		err = fmt.Errorf("output longer than %d bytes (64 KiB plus four times the text of the events it is given: an endless range?)", w.max)
	}
	if err != nil {
		err = templates.Wrap(err, name, false)
		if te, ok := err.(*templates.Error); ok {
			te.Default = !n.overridden(te.File) // the failing file may be one the template called
		}
		return nil, err
	}
	return paragraphs(w.b.String()), nil
}

// overridden reports whether the project's directory has its own name, to
// say in errors which copy failed.
func (n *narrative) overridden(name string) bool {
	if n.overrides == nil {
		return false
	}
	_, err := fs.Stat(n.overrides, name)
	return err == nil
}
