package xlsx

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/internal/benchdata"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// Column indexes of the long tables, as the README lists them.
const (
	epEventID, epPair, epStatus, epInPeriod = 0, 2, 7, 8
)

// pairSums counts the Event pairs rows that a pivot filtered on In period
// TRUE and Status held counts, per Pair, across every part of the sheet.
func pairSums(t *testing.T, f *excelize.File) (map[string]int, [][]string) {
	t.Helper()
	sums := map[string]int{}
	var all [][]string
	for _, sheet := range f.GetSheetList() {
		if sheet != "Event pairs" && !isPart(sheet, "Event pairs") {
			continue
		}
		// Row by row: a sheet may have a million rows.
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; rows.Next(); n++ {
			row, err := rows.Columns()
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				if row[epPair] != "Pair" || row[epStatus] != "Status" || row[epInPeriod] != "In period" {
					t.Fatalf("%s header %q", sheet, row)
				}
				continue
			}
			// Only what the checks read, so that a million rows fit.
			all = append(all, []string{row[epEventID], "", row[epPair]})
			if row[epInPeriod] == "TRUE" && row[epStatus] == "held" {
				sums[row[epPair]]++
			}
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return sums, all
}

func isPart(sheet, base string) bool {
	n := len(base) + 2
	return len(sheet) > n && sheet[:n] == base+" (" && sheet[len(sheet)-1] == ')'
}

// summaryEvents reads Summary's Events column back, per Pair.
func summaryEvents(t *testing.T, f *excelize.File) map[string]int {
	t.Helper()
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, row := range rows[1:] {
		n, err := strconv.Atoi(row[3])
		if err != nil {
			t.Fatalf("Summary %q: Events %q", row[0], row[3])
		}
		if n > 0 {
			got[row[0]] = n
		}
	}
	return got
}

// checkPairIdentity holds the workbook to issue 15's identity: the Event
// pairs rows with In period TRUE and Status held sum, per pair, to the
// Summary's Events exactly; and each event has one row per pair it
// counts for, in the Events sheet's order.
func checkPairIdentity(t *testing.T, r *pipeline.Report, b []byte) {
	t.Helper()
	f := open(t, b)
	sums, rows := pairSums(t, f)
	want := summaryEvents(t, f)
	if !maps.Equal(sums, want) {
		for k := range want {
			if sums[k] != want[k] {
				t.Errorf("pair %s: Event pairs sum to %d, Summary says %d", k, sums[k], want[k])
			}
		}
		for k := range sums {
			if _, ok := want[k]; !ok {
				t.Errorf("pair %s: Event pairs sum to %d, Summary has no events", k, sums[k])
			}
		}
	}
	// The report's own numbers, so that a Summary and a long table wrong
	// the same way cannot agree.
	for _, p := range r.Pairs {
		if sums[p.Key] != p.Events {
			t.Errorf("pair %s: Event pairs sum to %d, report %d", p.Key, sums[p.Key], p.Events)
		}
	}
	n := 0
	for _, e := range r.Events {
		for _, k := range r.EventPairs(e) {
			if n >= len(rows) || rows[n][epEventID] != e.ID || rows[n][epPair] != k {
				t.Fatalf("Event pairs row %d = %q, want %s %s", n+2, rows[min(n, len(rows)-1)], e.ID, k)
			}
			n++
		}
	}
	if n != len(rows) {
		t.Errorf("Event pairs has %d rows, want %d", len(rows), n)
	}
}

// TestEventPairsSumToSummary renders generated archives over several
// periods, a pair scope, and a row limit that splits Event pairs over
// many sheets.
func TestEventPairsSumToSummary(t *testing.T) {
	for _, tc := range []struct {
		period string
		pairs  []string
		limit  int
	}{
		{period: "all"},
		{period: "2025"},
		{period: "2025-Q1"},
		{period: "2024-11"},
		{period: "2025-W10"},
		{period: "2024-12-20..2025-01-10"},
		{period: "2025-Q2", pairs: []string{"GEO-*", "AZE-TUR"}},
		{period: "all", limit: 97},
	} {
		t.Run(tc.period+"/"+strconv.Itoa(len(tc.pairs))+"/"+strconv.Itoa(tc.limit), func(t *testing.T) {
			r := generatedReport(t, 3000, 15, tc.period, tc.pairs...)
			if r.Totals.Events == 0 {
				t.Fatal("no held events in the period: the test would prove nothing")
			}
			checkPairIdentity(t, r, render(t, r, Options{RowLimit: tc.limit}))
		})
	}
}

// TestEventPairsSumToSummaryEventgen does the same on cmd/eventgen's
// archive (the benchmarks' data: multilateral events, planned events up
// to 12 weeks after the last held one, aliases and unknown focus areas).
func TestEventPairsSumToSummaryEventgen(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: generating and loading a 26,000-event archive")
	}
	cfg, err := pipeline.LoadConfig(filepath.Join(benchdata.Archive(t, 26_000), "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := pipeline.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pipeline.Normalize(cfg, ds)
	for _, p := range []string{"all", "2025-Q3", "2025-W43", "2025-09-29..2025-10-12"} {
		t.Run(p, func(t *testing.T) {
			per, err := period.Parse(p, period.Context{})
			if err != nil {
				t.Fatal(err)
			}
			r := pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{
				Period: per, GeneratedAt: time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC), Version: "test",
			})
			if r.Totals.Events == 0 {
				t.Fatal("no held events in the period")
			}
			checkPairIdentity(t, r, render(t, r, Options{}))
		})
	}
}

// TestEventPairsPastExcelLimit renders more event-pair rows than a sheet
// holds, with Excel's own limit: Event pairs continues on "Event pairs
// (2)", the first sheet full to the last row, and the identity holds over
// both. It takes minutes and gigabytes; run it with BRIEFING_BENCH_HUGE=1
// (BenchmarkRenderPastExcelLimit's flag).
func TestEventPairsPastExcelLimit(t *testing.T) {
	if testing.Short() || os.Getenv("BRIEFING_BENCH_HUGE") == "" {
		t.Skip("set BRIEFING_BENCH_HUGE=1 to render 1.1 million event-pair rows")
	}
	r := generatedReport(t, 340_000, 3, "all")
	total := 0
	for _, e := range r.Events {
		total += len(r.EventPairs(e))
	}
	if total <= ExcelRowLimit-1 || len(r.Events) >= ExcelRowLimit-1 {
		t.Fatalf("%d event-pair rows and %d events: want Event pairs alone past the limit", total, len(r.Events))
	}
	b := render(t, r, Options{})
	f := open(t, b)
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, "Event pairs (2)") || slices.Contains(sheets, "Event pairs (3)") || slices.Contains(sheets, "Events (2)") {
		t.Errorf("sheets %q, want Event pairs (2) and no other continuation", sheets)
	}
	for sheet, want := range map[string]int{"Event pairs": ExcelRowLimit, "Event pairs (2)": total - (ExcelRowLimit - 1) + 1} {
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		if n != want {
			t.Errorf("%s has %d rows, want %d", sheet, n, want)
		}
	}
	checkPairIdentity(t, r, b)
}

// TestInPeriod holds In period, Week and Month to the period rules: both
// boundary days are in, the days either side are out, a cancelled or
// planned event dated in the period is in (and not counted), a planned
// event after the period is listed as upcoming and is out; a date known
// only to the month or year has no week (nor, for a year, month).
func TestInPeriod(t *testing.T) {
	d := func(m time.Month, day int) time.Time { return time.Date(2025, m, day, 0, 0, 0, 0, time.UTC) }
	ev := func(id string, date time.Time, status, precision string) *pipeline.Event {
		return &pipeline.Event{
			ID: id, Date: date, DatePrecision: precision, Kind: kindOf("meeting"), Status: status,
			Title: id, Countries: []string{"AZE", "GEO", "TUR"}, Host: "GEO",
			FocusAreas: []string{"Border security"},
		}
	}
	events := []*pipeline.Event{
		ev("held-sunday-before", d(10, 19), "held", "day"),
		ev("held-first-day", d(10, 20), "held", "day"),
		ev("cancelled-in", d(10, 22), "cancelled", "day"),
		ev("planned-in", d(10, 24), "planned", "day"),
		ev("held-last-day", d(10, 26), "held", "day"),
		ev("held-monday-after", d(10, 27), "held", "day"),
		ev("planned-monday-after", d(10, 27), "planned", "day"),
		ev("planned-far-after", d(12, 29), "planned", "day"),
		ev("held-month", d(10, 1), "held", "month"),
		ev("held-year", d(1, 1), "held", "year"),
	}
	type want struct {
		in          string // "" = not on the Events sheet
		week, month string
	}
	for _, tc := range []struct {
		period string
		want   map[string]want
	}{
		{"2025-W43", map[string]want{
			"held-first-day":       {"TRUE", "2025-W43", "2025-10"},
			"cancelled-in":         {"TRUE", "2025-W43", "2025-10"},
			"planned-in":           {"TRUE", "2025-W43", "2025-10"},
			"held-last-day":        {"TRUE", "2025-W43", "2025-10"},
			"planned-monday-after": {"FALSE", "2025-W44", "2025-10"},
		}},
		{"2025-10", map[string]want{
			"held-sunday-before":   {"TRUE", "2025-W42", "2025-10"},
			"held-first-day":       {"TRUE", "2025-W43", "2025-10"},
			"cancelled-in":         {"TRUE", "2025-W43", "2025-10"},
			"planned-in":           {"TRUE", "2025-W43", "2025-10"},
			"held-last-day":        {"TRUE", "2025-W43", "2025-10"},
			"held-monday-after":    {"TRUE", "2025-W44", "2025-10"},
			"planned-monday-after": {"TRUE", "2025-W44", "2025-10"},
			"held-month":           {"TRUE", "", "2025-10"},
		}},
		{"2025-10-20..2025-10-22", map[string]want{
			"held-first-day":       {"TRUE", "2025-W43", "2025-10"},
			"cancelled-in":         {"TRUE", "2025-W43", "2025-10"},
			"planned-in":           {"FALSE", "2025-W43", "2025-10"},
			"planned-monday-after": {"FALSE", "2025-W44", "2025-10"},
		}},
		{"2025", map[string]want{
			"held-sunday-before":   {"TRUE", "2025-W42", "2025-10"},
			"held-first-day":       {"TRUE", "2025-W43", "2025-10"},
			"cancelled-in":         {"TRUE", "2025-W43", "2025-10"},
			"planned-in":           {"TRUE", "2025-W43", "2025-10"},
			"held-last-day":        {"TRUE", "2025-W43", "2025-10"},
			"held-monday-after":    {"TRUE", "2025-W44", "2025-10"},
			"planned-monday-after": {"TRUE", "2025-W44", "2025-10"},
			"planned-far-after":    {"TRUE", "2026-W01", "2025-12"},
			"held-month":           {"TRUE", "", "2025-10"},
			"held-year":            {"TRUE", "", ""},
		}},
	} {
		t.Run(tc.period, func(t *testing.T) {
			cfg := pipeline.DefaultConfig()
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			ds := &pipeline.Dataset{Events: slices.Clone(events)}
			pipeline.Normalize(cfg, ds)
			per, err := period.Parse(tc.period, period.Context{})
			if err != nil {
				t.Fatal(err)
			}
			// Generated on the period's last day, as a weekly run would be.
			r := pipeline.Aggregate(cfg, ds, pipeline.AggregateOptions{Period: per, GeneratedAt: per.End.Add(9 * time.Hour)})
			b := render(t, r, Options{})
			f := open(t, b)
			rows, err := f.GetRows("Events")
			if err != nil {
				t.Fatal(err)
			}
			h := rows[0]
			inCol, weekCol, monthCol := slices.Index(h, "In period"), slices.Index(h, "Week"), slices.Index(h, "Month")
			got := map[string]want{}
			for i, row := range rows[1:] {
				row = append(row, make([]string, len(h)-len(row))...)
				got[row[0]] = want{row[inCol], row[weekCol], row[monthCol]}
				ref, _ := excelize.CoordinatesToCellName(inCol+1, i+2)
				if typ, _ := f.GetCellType("Events", ref); typ != excelize.CellTypeBool {
					t.Errorf("Events!%s (In period) has type %v, want a boolean", ref, typ)
				}
				ref, _ = excelize.CoordinatesToCellName(monthCol+1, i+2)
				if row[monthCol] != "" && classify(t, f, "Events", ref) != dateCell {
					t.Errorf("Events!%s (Month) = %q is not a date cell", ref, row[monthCol])
				}
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("Events (In period, Week, Month):\n got %v\nwant %v", got, tc.want)
			}
			// The long tables agree with Events row by row.
			for _, sheet := range []string{"Event pairs", "Event countries", "Event focus areas"} {
				rows, _ := f.GetRows(sheet)
				col := slices.Index(rows[0], "In period")
				for _, row := range rows[1:] {
					if row[col] != got[row[0]].in {
						t.Errorf("%s: %s In period %s, Events says %s", sheet, row[0], row[col], got[row[0]].in)
					}
				}
			}
			checkPairIdentity(t, r, b)
		})
	}
}

// TestEventCountriesAndAreas checks the other two long tables' cells on
// the shipped example: one row per country (Host TRUE once per event with
// a host) and per focus area, spelled as written, with In taxonomy.
func TestEventCountriesAndAreas(t *testing.T) {
	r := exampleReport(t)
	f := open(t, render(t, r, Options{}))
	rows, _ := f.GetRows("Event countries")
	n := 1
	for _, e := range r.Events {
		for _, c := range slices.Sorted(slices.Values(e.Countries)) {
			host := strconv.FormatBool(c == e.Host)
			want := []string{e.ID, "", c, r.CountryName(c), map[string]string{"true": "TRUE", "false": "FALSE"}[host], "TRUE", e.Status}
			got := slices.Clone(rows[n])
			got[1] = ""
			if !slices.Equal(got, want) {
				t.Errorf("Event countries row %d = %q, want %q", n+1, got, want)
			}
			n++
		}
	}
	if n != len(rows) {
		t.Errorf("Event countries has %d rows, want %d", len(rows)-1, n-1)
	}
	rows, _ = f.GetRows("Event focus areas")
	n = 1
	for _, e := range r.Events {
		for j, a := range e.FocusAreas {
			w := e.AreasWritten[j]
			known := map[bool]string{true: "TRUE", false: "FALSE"}[w.Known]
			if rows[n][0] != e.ID || rows[n][2] != a || rows[n][3] != w.Text || rows[n][4] != known {
				t.Errorf("Event focus areas row %d = %q, want %s %q %q %s", n+1, rows[n], e.ID, a, w.Text, known)
			}
			n++
		}
	}
	if n != len(rows) {
		t.Errorf("Event focus areas has %d rows, want %d", len(rows)-1, n-1)
	}
}
