package main

import (
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
	"github.com/briefing-tool/briefing/render/pdf"
	"github.com/briefing-tool/briefing/render/xlsx"
)

// TestAddedKind adds a kind to a copy of the table of kinds, as one line,
// and checks that every output that lists kinds follows: the workbook's
// Summary columns and Events sheet, the PDF's counts, labels and method
// notes, and the `summary` command's table and JSON. The new kind goes
// before "other", so the kinds after it move: their counts must too.
func TestAddedKind(t *testing.T) {
	kinds := pipeline.Kinds()
	kinds = slices.Insert(kinds, len(kinds)-1, pipeline.KindInfo{Name: "protest", Singular: "protest", Plural: "protests", Label: "Protest", Column: "Protests", JSON: "protests", Short: "Prot", PLOVER: "PROTEST", Weight: 0})

	kind := func(name string) pipeline.Kind {
		i := slices.IndexFunc(kinds, func(k pipeline.KindInfo) bool { return k.Name == name })
		if i < 0 {
			t.Fatalf("no kind %q", name)
		}
		return pipeline.Kind(i)
	}
	event := func(id string, day int, k string) *pipeline.Event {
		return &pipeline.Event{
			ID: id, Date: period.Date(2025, 10, day), DatePrecision: "day", Title: "Event " + id, Kind: kind(k), Status: "held",
			Countries: []string{"AZE", "GEO"},
		}
	}
	evs := []*pipeline.Event{event("p1", 20, "protest"), event("p2", 21, "protest"), event("m1", 22, "meeting"), event("o1", 23, "other"), event("p3", 30, "protest")}
	evs[4].Status = "planned" // upcoming: listed, not counted
	cfg := pipeline.DefaultConfig()
	ds := &pipeline.Dataset{Events: evs}
	warns := pipeline.Normalize(cfg, ds)
	per, err := period.Parse("2025-W43", period.Context{Today: period.Date(2025, 10, 27)})
	if err != nil {
		t.Fatal(err)
	}
	r := pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
		Period: per, GeneratedAt: time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC), Version: "test", Kinds: kinds,
	})

	// Key developments rank by the table's weights: protest (0) last.
	var ranked []string
	for _, e := range r.KeyDevelopments {
		ranked = append(ranked, e.ID)
	}
	if want := []string{"m1", "o1", "p2", "p1"}; !slices.Equal(ranked, want) {
		t.Errorf("key developments %q, want %q", ranked, want)
	}

	t.Run("summary", func(t *testing.T) {
		var b bytes.Buffer
		if err := writeSummaryText(&b, r); err != nil {
			t.Fatal(err)
		}
		var lines []string // with the columns' padding collapsed
		for l := range strings.Lines(b.String()) {
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
		for _, want := range []string{
			"Pair Events Meet Visit Call Agree Exer Stmt Prot Other Multi People Areas Prev Change",
			"AZE-GEO 4 1 0 0 0 0 0 2 1 0 0 0 0 +4",
		} {
			if !slices.Contains(lines, want) {
				t.Errorf("summary lacks the line %q:\n%s", want, b.String())
			}
		}

		b.Reset()
		if err := writeSummaryJSON(&b, r, warns); err != nil {
			t.Fatal(err)
		}
		if want := `"statements": 0,
      "protests": 2,
      "other": 1,
      "multilateral": 0,`; !strings.Contains(b.String(), want) {
			t.Errorf("summary --json lacks\n%s\nin\n%s", want, b.String())
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		data, _, err := xlsx.Render(r, xlsx.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Summary")
		if err != nil || len(rows) != 2 {
			t.Fatalf("Summary rows %v, %v", rows, err)
		}
		wantHead := []string{"Pair", "Country A", "Country B", "Events", "Meetings", "Visits", "Calls", "Agreements", "Exercises", "Statements", "Protests", "Other", "Multilateral"}
		if got := rows[0][:len(wantHead)]; !slices.Equal(got, wantHead) {
			t.Errorf("Summary columns\n%q\nwant\n%q", got, wantHead)
		}
		if got, want := rows[1][3:12], []string{"4", "1", "0", "0", "0", "0", "0", "2", "1"}; !slices.Equal(got, want) {
			t.Errorf("Summary counts %q, want %q", got, want)
		}
		rows, err = f.GetRows("Events")
		if err != nil {
			t.Fatal(err)
		}
		var kindCells []string
		for _, row := range rows[1:] {
			kindCells = append(kindCells, row[2]+" "+row[3])
		}
		if want := []string{"protest PROTEST", "protest PROTEST", "meeting CONSULT", "other OTHER", "protest PROTEST"}; !slices.Equal(kindCells, want) {
			t.Errorf("Events sheet Kind and PLOVER: %q, want %q", kindCells, want)
		}
	})

	t.Run("pdf", func(t *testing.T) {
		data, _, err := pdf.Render(r, pdf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, data)
		for _, want := range []string{
			"The 4 engagements were 1 meeting, 2 protests and 1 other engagement.",
			"Event p1 · Protest",
			"Event o1 · Other",
			"Protest Event p3", // Upcoming
			"a meeting, visit, call, agreement, exercise, statement, protest or other event",
			"(agreement, exercise, visit, meeting, call, statement, other, protest)",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	})
}

// pdfText returns a PDF's text with its white space collapsed, so that
// assertions do not depend on where pdftotext breaks lines. It skips the
// test when pdftotext (poppler-utils) is not installed.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
