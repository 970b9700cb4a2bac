package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing/internal/logx"
	"github.com/briefing-tool/briefing/internal/stages"
	"github.com/briefing-tool/briefing/pipeline"
)

// diffCommand is `briefing diff OLD NEW`: the comparison build makes
// with --previous, from two manifests alone. Like diff(1), it exits 0
// when they are equal, 1 when they differ, 2 on bad input.
func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare two builds' manifests event by event: added, removed, amended events and pair counts; exit 1 when they differ",
		ArgsUsage: "OLD.manifest.json NEW.manifest.json",
		Flags:     []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "print JSON"}},
		Action:    cmdDiff,
	}
}

// errDiffer is the outcome of a diff that found changes: exit 1, with no
// message (the changes are the output).
type errDiffer struct{}

func (errDiffer) Error() string { return "the editions differ" }

func cmdDiff(c *cli.Context) error {
	if c.Args().Len() != 2 {
		return usagef("diff takes two manifests, OLD and NEW, got %d arguments", c.Args().Len())
	}
	old, oldSum, err := stages.ReadManifest(c.Args().Get(0))
	if err != nil {
		return err
	}
	cur, curSum, err := stages.ReadManifest(c.Args().Get(1))
	if err != nil {
		return err
	}
	ch := pipeline.Compare(old.Edition(), cur.Edition())
	logx.New(c.App.ErrWriter, logOptions(c)).Debug("compared", "old", c.Args().Get(0), "new", c.Args().Get(1),
		"added", ch.Added, "removed", ch.Removed, "amended", ch.Amended, "pair_counts_moved", len(ch.Moves))
	if c.Bool("json") {
		err = writeDiffJSON(c.App.Writer, old, cur, oldSum, curSum, ch)
	} else {
		err = writeDiffText(c.App.Writer, old, cur, ch)
	}
	if err != nil {
		return err
	}
	if !ch.Empty() {
		return errDiffer{}
	}
	return nil
}

func writeDiffText(w io.Writer, old, cur *stages.Manifest, ch *pipeline.Changes) error {
	fmt.Fprintf(w, "%s (%s), against %s (%s)\n", cur.Period.Label, cur.Period.ID, old.Period.Label, old.Period.ID)
	if len(ch.Periods) == 0 {
		fmt.Fprintln(w, "No period counted by both editions: nothing to compare.")
		return nil
	}
	fmt.Fprintf(w, "Compared: %s\n", strings.Join(ch.Periods, ", "))
	if ch.Empty() {
		fmt.Fprintln(w, "No changes.")
		return nil
	}
	fmt.Fprintf(w, "%s: %d added, %d removed, %d amended\n\n", plural(len(ch.List), "change"), ch.Added, ch.Removed, ch.Amended)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, x := range ch.List {
		detail := x.After
		switch x.Change {
		case "removed":
			detail = x.Before
		case "amended":
			detail = x.What()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", x.Change, x.ID, x.Date, x.Period, orDash(strings.Join(x.Pairs, " ")), detail)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(ch.Moves) > 0 {
		fmt.Fprintln(w, "\nPair counts:")
		for _, m := range ch.Moves {
			fmt.Fprintln(w, "  "+m.String())
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// writeDiffJSON prints the comparison as JSON; its fields are a contract
// (README "Editions").
func writeDiffJSON(w io.Writer, old, cur *stages.Manifest, oldSum, curSum string, ch *pipeline.Changes) error {
	type side struct {
		Period string `json:"period"`
		Label  string `json:"label"`
		SHA256 string `json:"sha256"`
	}
	type change struct {
		Change string   `json:"change"`
		ID     string   `json:"id"`
		Date   string   `json:"date"`
		Period string   `json:"period"`
		Kind   string   `json:"kind"`
		Pairs  []string `json:"pairs"`
		Fields []string `json:"fields"`
		Before string   `json:"before"`
		After  string   `json:"after"`
	}
	type move struct {
		Pair   string `json:"pair"`
		Period string `json:"period"`
		Label  string `json:"label"`
		Before int    `json:"before"`
		After  int    `json:"after"`
	}
	doc := struct {
		Old        side     `json:"old"`
		New        side     `json:"new"`
		Equal      bool     `json:"equal"`
		Periods    []string `json:"periods"`
		Added      int      `json:"added"`
		Removed    int      `json:"removed"`
		Amended    int      `json:"amended"`
		Changes    []change `json:"changes"`
		PairCounts []move   `json:"pair_counts"`
	}{
		Old: side{old.Period.ID, old.Period.Label, oldSum}, New: side{cur.Period.ID, cur.Period.Label, curSum},
		Equal: ch.Empty(), Periods: append([]string{}, ch.Periods...), Added: ch.Added, Removed: ch.Removed, Amended: ch.Amended,
		Changes: []change{}, PairCounts: []move{},
	}
	for _, x := range ch.List {
		doc.Changes = append(doc.Changes, change{x.Change, x.ID, x.Date, x.Period, x.Kind,
			append([]string{}, x.Pairs...), append([]string{}, x.Fields...), x.Before, x.After})
	}
	for _, m := range ch.Moves {
		doc.PairCounts = append(doc.PairCounts, move{m.Pair, m.Period, m.Label, m.Before, m.After})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
