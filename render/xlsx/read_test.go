package xlsx

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// contract lists the SPEC §5 header names of each sheet, in order.
var contract = map[string][]string{
	"Summary":      {"Pair", "Country A", "Country B", "Events", "Meetings", "Visits", "Calls", "Agreements", "Exercises", "Statements", "Other", "Multilateral", "Participants", "Focus areas", "First date", "Last date", "Previous events", "Change"},
	"Events":       {"Event ID", "Date", "Kind", "PLOVER", "Status", "Title", "Countries", "Pairs", "Host", "Location", "Focus areas", "Sources"},
	"Participants": {"Event ID", "Date", "Name", "Rank", "Role", "Organization", "Country"},
	"Focus areas":  {"Pair", "Focus area", "Events", "First date", "Last date"},
	"Sources":      {"Event ID", "Title", "Publisher", "URL", "Published", "Reliability"},
	// Issue 15's long tables: not in SPEC §5's table, but named in its §7.
	"Event pairs":       {"Event ID", "Date", "Pair", "Country A", "Country B", "Kind", "PLOVER", "Status", "In period", "Multilateral", "Week", "Month", "Title"},
	"Event countries":   {"Event ID", "Date", "Country", "Country name", "Host", "In period", "Status"},
	"Event focus areas": {"Event ID", "Date", "Focus area", "As written", "In taxonomy", "In period", "Status"},
	"About":             {"Setting", "Value"},
	"Chart":             {"Pair", "Events"},
	"Inputs":            {"File", "Events", "Bytes", "SHA-256"},
	"Diagnostics":       {"Severity", "File", "Line", "Column", "Event", "Field", "Message"},
}

var sheetOrder = []string{"Summary", "Chart", "Events", "Event pairs", "Event countries", "Event focus areas", "Participants", "Focus areas", "Sources", "About", "Inputs", "Diagnostics"}

func TestSheetsHeadersTablesPanes(t *testing.T) {
	r := generatedReport(t, 500, 7, "2025-Q1")
	f := open(t, render(t, r, Options{}))
	if got := f.GetSheetList(); !slices.Equal(got, sheetOrder) {
		t.Fatalf("sheets = %q, want %q", got, sheetOrder)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0 (Summary)", got)
	}
	rowsIn := map[string]int{
		"Summary": len(r.Pairs), "Chart": min(len(r.Pairs), chartPairs), "Events": len(r.Events),
		"About": len(settings(r, nil)), "Inputs": len(r.Inputs), "Diagnostics": 0,
	}
	for _, sheet := range sheetOrder {
		t.Run(sheet, func(t *testing.T) {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			header := rows[0]
			if want := contract[sheet]; len(header) < len(want) || !slices.Equal(header[:len(want)], want) {
				t.Errorf("header = %q, want it to start with %q", header, want)
			}
			if n, ok := rowsIn[sheet]; ok && len(rows)-1 != n {
				t.Errorf("%d data rows, want %d", len(rows)-1, n)
			}
			tables, err := f.GetTables(sheet)
			if err != nil || len(tables) != 1 {
				t.Fatalf("tables = %v, %v; want one", tables, err)
			}
			last, _ := excelize.CoordinatesToCellName(len(header), max(len(rows), 2))
			if tb := tables[0]; tb.Range != "A1:"+last || tb.StyleName != tableStyle {
				t.Errorf("table %s %s %s, want range A1:%s style %s", tb.Name, tb.Range, tb.StyleName, last, tableStyle)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
				t.Errorf("panes = %+v, want the header row frozen", panes)
			}
		})
	}
}

// TestCellTypes checks that dates are date serials with a date format,
// counts are numbers and text is text, column by column.
func TestCellTypes(t *testing.T) {
	r := generatedReport(t, 300, 3, "2025")
	f := open(t, render(t, r, Options{}))
	want := map[string]map[string]cellKindT{
		"Summary": {
			"Events": numberCell, "Meetings": numberCell, "Multilateral": numberCell, "Participants": numberCell,
			"First date": dateCell, "Last date": dateCell, "Previous events": numberCell, "Change": numberCell,
			"Pair": textCell, "Country A": textCell, "Focus areas": numberCell, "Focus area names": textCell,
		},
		"Events":       {"Event ID": textCell, "Date": dateCell, "Sources": numberCell, "Title": textCell, "Countries": textCell},
		"Participants": {"Date": dateCell, "Name": textCell},
		"Focus areas":  {"Events": numberCell, "First date": dateCell, "Last date": dateCell},
		"Sources":      {"Published": dateCell, "URL": textCell, "Credibility": numberCell},
	}
	rows, _ := f.GetRows("Summary")
	for r := 2; r <= len(rows); r++ {
		if got := numFmt(t, f, "Summary", "R"+strconv.Itoa(r)); got != fmtChange {
			t.Fatalf("Summary!R%d (Change) format %q, want %q", r, got, fmtChange)
		}
	}
	for sheet, cols := range want {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for c, name := range rows[0] {
			kind, ok := cols[name]
			if !ok {
				continue
			}
			for r := 2; r <= min(len(rows), 50); r++ {
				ref, _ := excelize.CoordinatesToCellName(c+1, r)
				if got := classify(t, f, sheet, ref); got != kind {
					t.Errorf("%s!%s (%s) is %v, want %v", sheet, ref, name, got, kind)
				}
			}
		}
	}
}

// TestDates checks the stored serials: civil dates at midnight, month and
// year precision kept as a real date with a coarser format, and the
// generated-at time as its wall clock in the configured zone.
func TestDates(t *testing.T) {
	tbilisi, err := time.LoadLocation("Asia/Tbilisi")
	if err != nil {
		t.Skip(err)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	r := &pipeline.Report{
		GeneratedAt: time.Date(2025, 10, 27, 9, 30, 0, 0, tbilisi),
		Events: []*pipeline.Event{
			{ID: "a", Date: day(2025, 10, 25), DatePrecision: "day", Kind: kindOf("meeting"), Status: "held", Countries: []string{"AZE", "GEO"}},
			{ID: "b", Date: day(2023, 2, 1), EndDate: day(2023, 3, 1), DatePrecision: "month", Kind: kindOf("meeting"), Status: "held", Countries: []string{"AZE", "GEO"}},
			{ID: "c", Date: day(2023, 1, 1), DatePrecision: "year", Kind: kindOf("meeting"), Status: "held", Countries: []string{"AZE", "GEO"}},
		},
	}
	f := open(t, render(t, r, Options{}))
	for _, tc := range []struct {
		sheet, ref string
		want       time.Time
		format     string
	}{
		{"Events", "B2", day(2025, 10, 25), fmtDate},
		{"Events", "B3", day(2023, 2, 1), fmtMonth},
		{"Events", "M3", day(2023, 3, 1), fmtMonth},
		{"Events", "B4", day(2023, 1, 1), fmtYear},
		{"About", "B" + strconv.Itoa(aboutRow(t, f, "Generated at")), time.Date(2025, 10, 27, 9, 30, 0, 0, time.UTC), fmtDateTime},
	} {
		raw, err := f.GetCellValue(tc.sheet, tc.ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Errorf("%s!%s = %q, want a date serial number", tc.sheet, tc.ref, raw)
			continue
		}
		got, _ := excelize.ExcelDateToTime(serial, false)
		if !got.Equal(tc.want) {
			t.Errorf("%s!%s = %v (%s), want %v", tc.sheet, tc.ref, got, raw, tc.want)
		}
		if got := numFmt(t, f, tc.sheet, tc.ref); got != tc.format {
			t.Errorf("%s!%s format %q, want %q", tc.sheet, tc.ref, got, tc.format)
		}
	}
	// Zero dates are empty cells, not 1899-12-30.
	if v, _ := f.GetCellValue("Events", "M2"); v != "" {
		t.Errorf("End date of a one-day event = %q, want empty", v)
	}
}

// aboutRow returns the row of the About sheet holding key.
func aboutRow(tb testing.TB, f *excelize.File, key string) int {
	tb.Helper()
	rows, err := f.GetRows("About")
	if err != nil {
		tb.Fatal(err)
	}
	for i, row := range rows {
		if len(row) > 0 && row[0] == key {
			return i + 1
		}
	}
	tb.Fatalf("About has no %q", key)
	return 0
}

func TestAbout(t *testing.T) {
	r := generatedReport(t, 50, 1, "2025-W10")
	r.Filters = []string{"AZE-GEO", "GEO-TUR"}
	r.ConfigPath = "conf/briefing.toml"
	r.Inputs = []pipeline.Input{
		{Path: "input/a.toml", SHA256: "aa", Events: 3, Size: 100},
		{Path: "input/b.toml", SHA256: "bb", Events: 4, Size: 200},
	}
	f := open(t, render(t, r, Options{}))
	rows, _ := f.GetRows("Inputs", excelize.Options{RawCellValue: true})
	if want := [][]string{contract["Inputs"], {"input/a.toml", "3", "100", "aa"}, {"input/b.toml", "4", "200", "bb"}}; !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("Inputs = %q, want %q", rows, want)
	}
	if rows, _ := f.GetRows("About"); len(rows) > 30 {
		t.Errorf("About has %d rows, want a short block", len(rows))
	}
	for key, want := range map[string]string{
		"Period":                r.Period.ID,
		"Period label":          r.Period.Label,
		"Period start":          "2025-03-03",
		"Period end":            "2025-03-09",
		"Previous period":       "2025-W09",
		"Previous period start": "2025-02-24",
		"Pair filters":          "AZE-GEO, GEO-TUR",
		"Config file":           "conf/briefing.toml",
		"Input files":           "2",
		"Input bytes":           "300",
		"Tool version":          "test",
		"Generated at":          "2025-10-27 09:00",
		"Time zone":             "UTC (UTC+00:00)",
	} {
		got, err := f.GetCellValue("About", "B"+strconv.Itoa(aboutRow(t, f, key)))
		if err != nil || got != want {
			t.Errorf("About %q = %q, %v; want %q", key, got, err, want)
		}
	}
	r.Filters = nil
	f = open(t, render(t, r, Options{}))
	if got, _ := f.GetCellValue("About", "B"+strconv.Itoa(aboutRow(t, f, "Pair filters"))); got != "all pairs" {
		t.Errorf("Pair filters without filters = %q, want all pairs", got)
	}
}

// TestQuietPair checks a pair with events only in the previous period: it
// has a Summary row with Events 0, a negative Change and empty dates.
func TestQuietPair(t *testing.T) {
	r := generatedReport(t, 1500, 5, "2025-W20")
	f := open(t, render(t, r, Options{}))
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i, p := range r.Pairs {
		if p.Events != 0 {
			continue
		}
		found = true
		row := rows[i+1]
		if row[0] != p.Key || row[3] != "0" || row[17] != strconv.Itoa(p.Change) || p.Change >= 0 {
			t.Errorf("row %d = %q, want %s with 0 events and change %d", i+2, row, p.Key, p.Change)
		}
		for _, col := range []string{"O", "P"} {
			if v, _ := f.GetCellValue("Summary", col+strconv.Itoa(i+2)); v != "" {
				t.Errorf("%s%d = %q, want an empty date", col, i+2, v)
			}
		}
	}
	if !found {
		t.Fatal("the generated archive has no quiet pair; pick another seed or period")
	}
}

func TestEventsPairsColumn(t *testing.T) {
	r := generatedReport(t, 200, 2, "2025", "AZE-GEO")
	f := open(t, render(t, r, Options{}))
	hits := 0
	for i, e := range r.Events {
		got, _ := f.GetCellValue("Events", "H"+strconv.Itoa(i+2))
		// The filter keeps AZE-GEO alone, whatever else the event has.
		want := ""
		if slices.Contains(e.Countries, "AZE") && slices.Contains(e.Countries, "GEO") {
			want = "AZE-GEO"
			hits++
		}
		if got != want {
			t.Fatalf("Events!H%d = %q, want %q", i+2, got, want)
		}
	}
	if hits == 0 {
		t.Fatal("no event of the generated archive has AZE-GEO; pick another seed")
	}
}
