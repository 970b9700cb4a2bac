package xlsx

import (
	"github.com/briefing-tool/briefing/pipeline"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestSummaryMatchesReport renders a generated archive of a few thousand
// events and compares every Summary and Focus areas row, read back from
// the workbook, with the Report's numbers.
func TestSummaryMatchesReport(t *testing.T) {
	for _, period := range []string{"2025-Q1", "2024", "all"} {
		t.Run(period, func(t *testing.T) {
			r := generatedReport(t, 4000, 42, period)
			f := open(t, render(t, r, Options{}))
			raw := excelize.Options{RawCellValue: true}

			rows, err := f.GetRows("Summary", raw)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows)-1 != len(r.Pairs) {
				t.Fatalf("Summary has %d rows, report %d pairs", len(rows)-1, len(r.Pairs))
			}
			for i, p := range r.Pairs {
				areas := make([]string, len(p.FocusAreas))
				for j, a := range p.FocusAreas {
					areas[j] = a.Name
				}
				want := []string{p.Key, p.NameA, p.NameB, itoa(p.Events)}
				for _, n := range p.Kinds {
					want = append(want, itoa(n))
				}
				want = append(want,
					itoa(p.Multilateral), itoa(len(p.Participants)), itoa(len(p.FocusAreas)),
					serial(p.First), serial(p.Last), prevCell(r, p.Previous), prevCell(r, p.Change), r.Period.ID,
					strings.Join(areas, "; "),
				)
				compareRow(t, "Summary", i+2, rows[i+1], want)
			}

			rows, err = f.GetRows("Focus areas", raw)
			if err != nil {
				t.Fatal(err)
			}
			n := 1
			for _, p := range r.Pairs {
				for _, a := range p.FocusAreas {
					compareRow(t, "Focus areas", n+1, rows[n], []string{p.Key, a.Name, itoa(a.Events), serial(a.First), serial(a.Last)})
					n++
				}
			}
			if n != len(rows) {
				t.Errorf("Focus areas has %d rows, want %d", len(rows)-1, n-1)
			}

			for key, want := range map[string]int{
				"Events held in period": r.Totals.Events,
				"Pairs with events":     r.Totals.Pairs,
				"Countries":             r.Totals.Countries,
				"People":                r.Totals.People,
				"Rows in Events sheet":  len(r.Events),
			} {
				got, _ := f.GetCellValue("About", "B"+itoa(aboutRow(t, f, key)))
				if got != itoa(want) {
					t.Errorf("About %q = %s, want %d", key, got, want)
				}
			}
		})
	}
}

func compareRow(t *testing.T, sheet string, n int, got, want []string) {
	t.Helper()
	// GetRows drops trailing empty cells.
	for len(want) > 0 && want[len(want)-1] == "" && len(got) < len(want) {
		want = want[:len(want)-1]
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("%s row %d:\n got %q\nwant %q", sheet, n, got, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// serial is the raw cell value of a civil date: days since Excel's epoch
// 1899-12-30 (valid from March 1900, which every test date is).
func serial(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return strconv.Itoa(int(d.Sub(epoch).Hours() / 24))
}

// prevCell is how Previous events and Change read back: empty when the
// period has no previous one ("all").
func prevCell(r *pipeline.Report, n int) string {
	if r.Previous.IsZero() {
		return ""
	}
	return itoa(n)
}
