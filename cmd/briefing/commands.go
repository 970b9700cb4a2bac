package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing"
	"github.com/briefing-tool/briefing/internal/logx"
	"github.com/briefing-tool/briefing/internal/outdir"
	"github.com/briefing-tool/briefing/internal/stages"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/templates"
)

func checkStages() []pipeline.Stage { return stages.Check() }

func cmdBuild(c *cli.Context, getenv func(string) string) error {
	ctx, err := buildContext(c, getenv)
	if err != nil {
		return err
	}
	err = pipeline.Run(ctx, stages.Build())
	// With --strict, a failed run's warnings are its errors: exitCode
	// prints them once, as problems, and warn finds none.
	warn(ctx)
	if err == nil {
		var outputs []string
		for _, a := range ctx.Artifacts {
			outputs = append(outputs, pipeline.DisplayPath(filepath.Join(outdir.Dir(ctx), a.Name)))
		}
		c.App.Metadata[outputsKey] = outputs
	}
	return err
}

// buildContext is newContext plus build's own flags.
func buildContext(c *cli.Context, getenv func(string) string) (*pipeline.Context, error) {
	var formats []string
	if c.IsSet("format") {
		var err error
		if formats, err = parseFormats(c.String("format")); err != nil {
			return nil, err
		}
	}
	ctx, err := newContext(c, getenv)
	if err != nil {
		return nil, err
	}
	ctx.Options.Formats = formats
	ctx.Options.OutDir = c.String("out")
	ctx.Options.PerPair = c.Bool("per-pair")
	ctx.Options.Appendix = c.Bool("appendix")
	ctx.Options.Previous = c.String("previous")
	return ctx, nil
}

// parseFormats reads --format, a comma-separated list, by the rules of
// output.formats (pipeline.ParseFormat).
func parseFormats(f string) ([]string, error) {
	var out []string
	for _, x := range strings.Split(f, ",") {
		if strings.TrimSpace(x) == "" {
			return nil, usagef("--format %q: empty format; list %s separated by commas", f, strings.Join(pipeline.Formats, ", "))
		}
		x, err := pipeline.ParseFormat(x, out)
		if err != nil {
			return nil, usagef("--format: %v", err)
		}
		out = append(out, x)
	}
	return out, nil
}

func cmdSummary(c *cli.Context, getenv func(string) string) error {
	ctx, err := newContext(c, getenv)
	if err != nil {
		return err
	}
	if err := pipeline.Run(ctx, stages.Summary()); err != nil {
		return err
	}
	warn(ctx)
	if c.Bool("json") {
		return writeSummaryJSON(c.App.Writer, ctx.Report, ctx.Diagnostics.Warnings())
	}
	return writeSummaryText(c.App.Writer, ctx.Report)
}

// summaryRow is one pair in `briefing summary --json`. Its fields are a
// contract (README "Outputs") and match the workbook's Summary columns:
// the counts per kind come from the report's table of kinds, in its order.
func summaryRow(r *pipeline.Report, p *pipeline.PairReport) jsonObject {
	row := jsonObject{{"pair", p.Key}, {"country_a", p.NameA}, {"country_b", p.NameB}, {"events", p.Events}}
	for i, k := range r.Kinds() {
		row = append(row, jsonField{k.JSON, p.Kinds.Of(pipeline.Kind(i))})
	}
	row = append(row, jsonField{"multilateral", p.Multilateral}, jsonField{"participants", len(p.Participants)},
		jsonField{"focus_areas", len(p.FocusAreas)})
	if !p.First.IsZero() {
		row = append(row, jsonField{"first_date", p.First.Format("2006-01-02")}, jsonField{"last_date", p.Last.Format("2006-01-02")})
	}
	var prev, change any // null when the period has no previous one (all)
	if !r.Previous.IsZero() {
		prev, change = p.Previous, p.Change
	}
	return append(row, jsonField{"previous_events", prev}, jsonField{"change", change})
}

// jsonObject is a JSON object that keeps its fields in order.
type jsonObject []jsonField

type jsonField struct {
	key   string
	value any
}

func (o jsonObject) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(f.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(f.value)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

func writeSummaryJSON(w io.Writer, r *pipeline.Report, warns pipeline.ErrorList) error {
	doc := struct {
		Period   string          `json:"period"`
		Label    string          `json:"label"`
		Start    string          `json:"start,omitempty"`
		End      string          `json:"end,omitempty"`
		Filters  []string        `json:"filters"`
		Totals   pipeline.Totals `json:"totals"`
		Pairs    []jsonObject    `json:"pairs"`
		Upcoming int             `json:"upcoming"`
		Warnings []string        `json:"warnings"`
	}{Period: r.Period.ID, Label: r.Period.Label, Filters: r.Filters, Totals: r.Totals, Pairs: make([]jsonObject, len(r.Pairs)), Upcoming: len(r.Upcoming), Warnings: []string{}}
	if doc.Filters == nil {
		doc.Filters = []string{}
	}
	for i, p := range r.Pairs {
		doc.Pairs[i] = summaryRow(r, p)
	}
	if !r.Period.Start.IsZero() {
		doc.Start, doc.End = r.Period.Start.Format("2006-01-02"), r.Period.End.Format("2006-01-02")
	}
	for _, wn := range warns {
		doc.Warnings = append(doc.Warnings, r.Shown(wn))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func writeSummaryText(w io.Writer, r *pipeline.Report) error {
	fmt.Fprintf(w, "%s (%s)\n", r.Period.Label, r.Period.ID)
	fmt.Fprintf(w, "%s, %s, %s, %s\n\n", plural(r.Totals.Events, "event"), plural(r.Totals.Pairs, "pair"),
		plural(r.Totals.Countries, "country", "countries"), plural(r.Totals.People, "person", "people"))
	if len(r.Pairs) == 0 {
		fmt.Fprintln(w, "No events in this period.")
		return nil
	}
	head, rows := r.SummaryTable()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, row := range rows {
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	return tw.Flush()
}

// cmdInit scaffolds a project from the shipped example. It never
// overwrites, unless --force: then it overwrites the files it writes, and
// only those. If any target exists without --force, it writes nothing.
func cmdInit(c *cli.Context) error {
	if c.Args().Len() > 1 {
		return usagef("init takes at most one directory, got %d arguments", c.Args().Len())
	}
	dir := c.Args().First()
	if dir == "" {
		dir = "."
	}
	log := logx.New(c.App.ErrWriter, logOptions(c))
	files, err := scaffold()
	if err != nil {
		return err
	}
	force := c.Bool("force")
	var exists []string
	for name := range files {
		path := filepath.Join(dir, name)
		if name == ".gitignore" {
			continue // added to, never overwritten (gitignore)
		}
		st, err := os.Lstat(path)
		switch {
		case err != nil:
			continue
		case st.IsDir():
			// --force replaces files, never a directory and what it holds.
			return fmt.Errorf("init: %s is a directory; nothing was written", path)
		case !force:
			exists = append(exists, path)
		}
	}
	if len(exists) > 0 {
		slices.Sort(exists)
		return fmt.Errorf("init: refusing to overwrite %s; nothing was written (--force overwrites the files init writes, and no others)", strings.Join(exists, ", "))
	}
	var created []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return initError(err)
		}
		if name == ".gitignore" {
			verb, err := gitignore(path, files[name])
			if err != nil {
				return initError(err)
			}
			if verb != "" {
				log.Info(verb + path)
				created = append(created, path)
			}
			continue
		}
		verb := "created "
		if force {
			// A symlink is replaced, not followed: --force writes
			// init's files, not whatever a link points at.
			if err := os.Remove(path); err == nil {
				verb = "overwrote "
			} else if !errors.Is(err, fs.ErrNotExist) {
				return initError(err)
			}
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return initError(err)
		}
		_, err = f.Write(files[name])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return initError(err)
		}
		log.Info(verb + path)
		created = append(created, path)
	}
	if err := os.MkdirAll(filepath.Join(dir, "output"), 0o755); err != nil {
		return initError(err)
	}
	c.App.Metadata[outputsKey] = created
	log.Info(fmt.Sprintf("next: cd %s && briefing check && briefing build", dir))
	return nil
}

// gitignore writes init's .gitignore at path, or, when the project has
// one, adds its line to it unless a line already ignores output/: a
// project's own ignore rules are kept, with or without --force. It
// returns what it did ("created ", "updated "), or "" for nothing.
func gitignore(path string, ours []byte) (string, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "created ", os.WriteFile(path, ours, 0o644)
	}
	if err != nil {
		return "", err
	}
	for _, l := range strings.Split(string(old), "\n") {
		switch strings.TrimSpace(l) {
		case "output", "output/", "/output", "/output/":
			return "", nil
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return "", err
	}
	add := "/output/\n"
	if len(old) > 0 && old[len(old)-1] != '\n' {
		add = "\n" + add
	}
	_, err = f.WriteString(add)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return "updated ", err
}

// scaffold is what init writes: the shipped example's config, events and
// notes, the default templates, and a .gitignore for the outputs.
func scaffold() (map[string][]byte, error) {
	files := map[string][]byte{
		// Outputs are made from the inputs: version the inputs only.
		".gitignore": []byte("# briefing's outputs, made again by `briefing build`\n/output/\n"),
	}
	read := func(fsys fs.FS, name, target string) error {
		b, err := fs.ReadFile(fsys, name)
		files[target] = b
		return err
	}
	if err := read(briefing.Example, "config.toml", "config.toml"); err != nil {
		return nil, err
	}
	if err := read(briefing.Example, "input/example.toml", filepath.Join("input", "example.toml")); err != nil {
		return nil, err
	}
	// The written assessment of the example's latest week (2025-W43).
	if err := read(briefing.Example, "notes/2025-W43.md", filepath.Join("notes", "2025-W43.md")); err != nil {
		return nil, err
	}
	tmpls, err := fs.Glob(templates.Defaults(), "*.tmpl")
	if err != nil {
		return nil, err
	}
	for _, t := range tmpls {
		if err := read(templates.Defaults(), t, filepath.Join("templates", t)); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// initError is err as "init: PATH: reason", without the operation
// ("mkdir", "open", "write") an *fs.PathError names.
func initError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("init: %s: %w", pe.Path, pe.Err)
	}
	return fmt.Errorf("init: %w", err)
}
