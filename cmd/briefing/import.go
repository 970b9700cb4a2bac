package main

import (
	"fmt"
	"log/slog"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing/internal/importer"
	"github.com/briefing-tool/briefing/internal/logx"
	"github.com/briefing-tool/briefing/pipeline"
)

// importCommand is `briefing import FORMAT [flags] FILE...` (README
// "Importing events").
func importCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: ./config.toml if present)"},
		&cli.StringFlag{Name: "out-dir", Usage: "where the week files go (default: input/imported/<format> beside the config file)"},
		&cli.StringSliceFlag{Name: "country", Usage: "only events involving this `COUNTRY` (code or English name; repeatable)"},
		&cli.StringFlag{Name: "since", Usage: "only events on or after this `DATE` (2025-10-01)"},
		&cli.StringFlag{Name: "until", Usage: "only events on or before this `DATE`"},
		&cli.BoolFlag{Name: "strict", Usage: "any row that cannot be used is an error: nothing is written"},
		&cli.BoolFlag{Name: "force", Usage: "overwrite imported files that were edited since"},
	}
	// Each format is a subcommand, so that its flags may follow it:
	// `briefing import csv --map m.toml FILE`.
	var subs []*cli.Command
	for _, f := range importer.Formats {
		sub := &cli.Command{Name: f, ArgsUsage: "FILE...", Flags: flags, Action: func(c *cli.Context) error { return cmdImport(c, f) }}
		switch f {
		case "csv":
			sub.Usage = "any table (.csv, tab-separated, .xlsx) described by a mapping file"
			sub.Flags = append(slices.Clip(flags),
				&cli.StringFlag{Name: "map", Aliases: []string{"m"}, Usage: "the mapping `FILE` (columns → event fields; see examples/import/)"},
				&cli.StringFlag{Name: "sheet", Usage: "of an .xlsx: the `SHEET` to read (default: the first)"})
		case "gdelt":
			sub.Usage = "GDELT 2.0 event exports (61 columns, tab- or comma-separated, with or without a header)"
		case "icews":
			sub.Usage = "ICEWS coded event files (tab-separated, with a header)"
		}
		subs = append(subs, sub)
	}
	return &cli.Command{
		Name:        "import",
		Usage:       "turn CSV/XLSX (with a mapping file), ICEWS or GDELT event files into event TOML, one file per ISO week",
		ArgsUsage:   "FORMAT [flags] FILE...",
		Subcommands: subs,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("import: unknown format %q; formats: %s", c.Args().First(), strings.Join(importer.Formats, ", "))
			}
			return usagef("import needs a format (%s) and one or more files", strings.Join(importer.Formats, ", "))
		},
	}
}

func cmdImport(c *cli.Context, format string) error {
	files := c.Args().Slice()
	if len(files) == 0 {
		return usagef("import %s needs one or more files", format)
	}
	for _, f := range files {
		if strings.HasPrefix(f, "-") {
			return usagef("import %s: flags go before the files: %q", format, f)
		}
	}
	if format == "csv" && c.String("map") == "" {
		return usagef("import csv needs a mapping file: --map FILE (see examples/import/)")
	}
	var since, until time.Time
	for _, d := range []struct {
		flag string
		t    *time.Time
	}{{"since", &since}, {"until", &until}} {
		if s := c.String(d.flag); s != "" {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return usagef("--%s %q: expected a date like 2025-10-01", d.flag, s)
			}
			*d.t = t
		}
	}
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return usagef("--until %s is before --since %s", until.Format(time.DateOnly), since.Format(time.DateOnly))
	}
	cfg, err := pipeline.LoadConfig(c.String("config"))
	if err != nil {
		return err
	}
	table := cfg.CountryTable()
	res := importer.NewResolver(table)
	opt := &importer.Options{
		Format:  format,
		Files:   files,
		OutDir:  c.String("out-dir"),
		Since:   since,
		Until:   until,
		Strict:  c.Bool("strict"),
		Force:   c.Bool("force"),
		Version: toolVersion(),
		Table:   table,
		Sheet:   c.String("sheet"),
	}
	if opt.OutDir == "" {
		opt.OutDir = pipeline.DisplayPath(filepath.Join(cfg.Dir, "input", "imported", format))
	}
	for _, s := range c.StringSlice("country") {
		code := res.Resolve(s)
		if code == "" {
			msg := fmt.Sprintf("--country %q: not a known country code or name", s)
			if sug := table.Suggest(s); len(sug) > 0 {
				msg += " (did you mean " + pipeline.OrList(sug) + "?)"
			}
			return usagef("%s", msg)
		}
		opt.Countries = append(opt.Countries, code)
	}
	if format == "csv" {
		m, err := importer.LoadMapping(c.String("map"), res)
		if err != nil {
			return err
		}
		opt.Map = m
	}
	log := logx.New(c.App.ErrWriter, logOptions(c))
	r, err := importer.Run(opt)
	if r != nil && (err == nil || !opt.Strict) {
		reportRows(log, r, logOptions(c).Format == "json")
	}
	if r != nil && err == nil {
		for _, f := range r.Written {
			log.Debug("wrote", "path", f)
		}
		for _, f := range r.Unchanged {
			log.Debug("unchanged", "path", f)
		}
		c.App.Metadata[outputsKey] = r.Written // the final record's outputs, as init's
	}
	if err == nil {
		if len(r.Skipped) > 0 {
			n := 0
			for _, v := range r.Skipped {
				n += v
			}
			log.Info(fmt.Sprintf("skipped %s: %s", plural(n, "row"), byReason(r.Skipped)))
		}
		log.Info(fmt.Sprintf("import %s: %s read, %s used → %s (%s merged into %s); %s written, %s unchanged in %s",
			opt.Format, plural(r.Rows, "row"), plural(r.Used, "row"), plural(r.Events, "event"),
			plural(r.MergedRows, "row"), plural(r.MergedEvents, "event"),
			plural(len(r.Written), "file"), plural(len(r.Unchanged), "file"), opt.OutDir))
	}
	return err
}

// reportRows prints the rows that could not be used: the first
// importer.MaxShown in full, then counts by reason, then the unresolved
// countries with their counts and first rows.
func reportRows(log *slog.Logger, r *importer.Result, json bool) {
	for _, p := range r.Bad {
		if !json {
			log.Warn(p.String())
			continue
		}
		// Machines get the parts as fields, as a failed run's problems.
		attrs := []any{"file", p.Pos.File, "line", p.Pos.Line, "col", p.Pos.Col, "reason", p.Reason}
		if p.Column != "" {
			attrs = append(attrs, "column", p.Column)
		}
		log.Warn(p.String(), attrs...)
	}
	if r.Bads > 0 {
		log.Warn(fmt.Sprintf("%s could not be used: %s", plural(r.Bads, "row"), byReason(r.BadCount)))
	}
	for _, name := range slices.Sorted(maps.Keys(r.Unresolved)) {
		u := r.Unresolved[name]
		var at []string
		for _, p := range u.Rows {
			at = append(at, p.String())
		}
		more := ""
		if u.Count > len(u.Rows) {
			more = ", …"
		}
		log.Warn(fmt.Sprintf("unresolved country %q in %s (%s%s); add it to [countries] in the config or fix the data", name, plural(u.Count, "row"), strings.Join(at, ", "), more))
	}
}

// byReason lists counts by reason, largest first.
func byReason(m map[string]int) string {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
