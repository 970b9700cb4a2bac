package pdf

import (
	"bytes"
	"io/fs"
	"text/template"

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
	Period      period.Period   // the briefing's period
	Previous    period.Period   // the previous period; zero when HasPrevious is false
	HasPrevious bool            // false for the period "all"
	Latest      *pipeline.Event // the pair's most recent event in the period, nil when none
}

// DevelopmentData is what development.tmpl receives for each key
// development.
type DevelopmentData struct {
	N         int // rank, from 1
	Event     *pipeline.Event
	Countries []string // display names of Event.Countries, in the order written
}

// funcs are the functions the narrative templates may call.
func funcs(r *pipeline.Report) template.FuncMap {
	return template.FuncMap{
		"date":   eventDate,
		"when":   when,
		"day":    day,
		"plural": plural,
		"kinds":  kindCounts,
		"kind":   kindLabel,
		"list":   list,
		"areas": func(fas []pipeline.FocusArea, n int) []string {
			var out []string
			for i := 0; i < len(fas) && i < n; i++ {
				out = append(out, inline(fas[i].Name))
			}
			return out
		},
		"country": func(code string) string { return countryName(r, code) },
		"abs": func(n int) int {
			if n < 0 {
				return -n
			}
			return n
		},
		"lower": lowerString,
	}
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

// exec runs a template and returns its text as paragraphs.
func (n *narrative) exec(name string, data any) ([]string, error) {
	var b bytes.Buffer
	if err := n.t.ExecuteTemplate(&b, name, data); err != nil {
		err = templates.Wrap(err, name, false)
		if te, ok := err.(*templates.Error); ok {
			te.Default = !n.overridden(te.File) // the failing file may be one the template called
		}
		return nil, err
	}
	return paragraphs(b.String()), nil
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
