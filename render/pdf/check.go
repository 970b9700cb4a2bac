package pdf

import (
	"cmp"
	"fmt"
	"io/fs"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// dryRunPairs is how many pairs Checker runs pair.tmpl on: enough to meet
// the common shapes of data, few enough that a check of a large archive
// stays quick (a build runs it once per pair shown).
const dryRunPairs = 8

// ParseTemplates parses the narrative templates of dir over the embedded
// defaults, as Render does, without rendering anything; a broken one is a
// *templates.Error naming the file and line.
func ParseTemplates(dir fs.FS) error {
	_, err := newNarrative(nil, dir)
	return err
}

// Checker finds, without laying anything out, what Render would warn
// about or reject: characters the font lacks, right-to-left text, and
// templates that do not parse or fail on representative data. `briefing
// check` uses it to report in one run everything `build` would. Its
// checks are wider than a render's: every event, not only those of one
// period.
type Checker struct {
	dir  fs.FS
	g    *glyphs
	sent int // warnings already returned by Warnings
}

// NewChecker prepares the font's coverage, for the templates of dir
// (parsed by Report; see ParseTemplates to parse them alone).
func NewChecker(dir fs.FS) (*Checker, error) {
	met, err := newMetrics()
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	return &Checker{dir: dir, g: newGlyphs(met)}, nil
}

// Config checks the config's strings a briefing shows (see Render): the
// briefing's title, subtitle, organization and classification, and the
// [countries] display names, all of them, used or not.
func (c *Checker) Config(cfg *pipeline.Config) {
	b := cfg.Briefing
	c.g.checkConfig(pipeline.Position{File: cmp.Or(cfg.Path, "config")}, [4]string{b.Title, b.Subtitle, b.Organization, b.Classification}, cfg.Countries)
}

// Report checks every string r can show: its config strings and country
// names, and every event of r.Events (aggregate r over the period "all"
// to check them all). Then it executes the templates, with the limits of
// a render, on r's first pairs (as r's period has them, and as the week
// of the pair's latest event would, with a previous period) and on its
// key developments, and checks what they write. The first template error
// is returned; warnings are collected for Warnings.
func (c *Checker) Report(r *pipeline.Report) error {
	c.g.checkConfig(r.ConfigPos(), [4]string{r.Title, r.Subtitle, r.Organization, r.Classification}, r.Names)
	for _, e := range r.Events {
		c.g.checkEvent(e)
	}
	n, err := newNarrative(r, c.dir)
	if err != nil {
		return err
	}
	for i, p := range r.Pairs {
		if i == dryRunPairs {
			break
		}
		for _, data := range pairSamples(r, p) {
			paras, err := n.exec(pairTemplate, data)
			if err != nil {
				return err
			}
			c.g.checkNew(pipeline.Position{File: pairTemplate}, "", "narrative of "+p.Key, strings.Join(paras, " "))
		}
	}
	for i, e := range r.KeyDevelopments {
		paras, err := n.exec(developmentTemplate, developmentData(r, i+1, e))
		if err != nil {
			return err
		}
		c.g.checkNew(pipeline.Position{File: developmentTemplate}, e.ID, "key development", strings.Join(paras, " "))
	}
	return nil
}

// pairSamples is what pair.tmpl would receive for p: as r's period has it,
// and, when that period has no previous one (all), as the ISO week of the
// pair's latest event would, so that the template's branches for a
// previous period run too. The numbers of the second are r's; only their
// shape matters here.
func pairSamples(r *pipeline.Report, p *pipeline.PairReport) []PairData {
	data := pairData(r, p)
	out := []PairData{data}
	if data.HasPrevious || p.Last.IsZero() {
		return out
	}
	y, w := p.Last.ISOWeek()
	week, err := period.Parse(fmt.Sprintf("%d-W%02d", y, w), period.Context{})
	if err != nil {
		return out
	}
	if prev, ok := week.Previous(); ok {
		data.Period, data.Previous, data.HasPrevious = week, prev, true
		out = append(out, data)
	}
	return out
}

// Assessment checks the characters of a notes file's assessment against
// the font, as a render that prints it would.
func (c *Checker) Assessment(a *pipeline.Assessment) { c.g.checkAssessment(a) }

// Warnings returns the warnings found since the last call.
func (c *Checker) Warnings() pipeline.ErrorList {
	w := c.g.warns[c.sent:]
	c.sent = len(c.g.warns)
	return w
}
