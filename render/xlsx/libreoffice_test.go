package xlsx

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// libreOffice returns the LibreOffice binary, or skips the test.
func libreOffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the LibreOffice round trip")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui); CI runs this test")
	return ""
}

// TestLibreOffice opens the workbooks in a real client: LibreOffice
// converts every sheet to CSV, values as shown, and they must match what
// excelize reads back, and the Summary must match the Report.
func TestLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	for _, tc := range []struct {
		name string
		r    *pipeline.Report
		o    Options
	}{
		{"example", exampleReport(t), Options{}},
		{"generated", generatedReport(t, 300, 13, "2025"), Options{RowLimit: 200, Warnings: loWarnings()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := render(t, tc.r, tc.o)
			f := open(t, b)
			dir := t.TempDir()
			sheets := convertCSV(t, soffice, dir, b)
			if !slices.Equal(sheets, f.GetSheetList()) {
				t.Fatalf("LibreOffice wrote sheets %q, workbook has %q", sheets, f.GetSheetList())
			}
			for _, sheet := range sheets {
				got := readCSV(t, filepath.Join(dir, "book-"+sheet+".csv"))
				want, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				want = trimRows(want)
				for _, row := range want {
					for c, v := range row {
						// excelize formats zero with the positive section of
						// "+0;-0;0"; Excel and LibreOffice use the zero section.
						if v == "+0" {
							row[c] = "0"
						}
					}
				}
				if len(got) != len(want) {
					t.Errorf("%s: LibreOffice has %d rows, excelize %d", sheet, len(got), len(want))
					continue
				}
				for i := range want {
					if !slices.Equal(got[i], want[i]) {
						t.Errorf("%s row %d:\nLibreOffice %q\n   excelize %q", sheet, i+1, got[i], want[i])
					}
				}
			}
			summary := readCSV(t, filepath.Join(dir, "book-Summary.csv"))
			for i, p := range tc.r.Pairs[:min(len(tc.r.Pairs), len(summary)-1)] {
				row := summary[i+1]
				if row[0] != p.Key || row[3] != strconv.Itoa(p.Events) || row[16] != prevCell(tc.r, p.Previous) {
					t.Errorf("Summary row %d = %q, want %s with %d events, %d before", i+2, row, p.Key, p.Events, p.Previous)
				}
			}
		})
	}
}

// loWarnings fills the Diagnostics sheet: a position in full, a file
// alone, and a message that starts like a formula.
func loWarnings() pipeline.ErrorList {
	var w pipeline.ErrorList
	w.Warn(pipeline.Position{File: "input/a.toml", Line: 14, Col: 3}, "ev-1", "focus_areas", `"Energy" is not in [focus_areas]; kept as written`)
	w.Warn(pipeline.Position{File: "input/b.toml"}, "", "", "%s", "=1+1, and a long message that wraps in its cell: "+strings.Repeat("more words ", 20))
	return w
}

// convertCSV has LibreOffice write every sheet of b as dir/book-<sheet>.csv
// (UTF-8, comma-separated, values as shown) and returns the sheet names
// in workbook order, as LibreOffice reports them.
func convertCSV(t *testing.T, soffice, dir string, b []byte) []string {
	t.Helper()
	book := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(book, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Tokens: separator ',', quote '"', UTF-8, from line 1, no cell formats,
	// system language, don't quote all text, detect special numbers,
	// save values as shown, no formulas, keep spaces, all sheets (7.2+).
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", filter, "--outdir", dir, book)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	var sheets []string
	for _, m := range regexpSheet.FindAllSubmatch(out, -1) {
		sheets = append(sheets, string(m[1]))
	}
	if len(sheets) == 0 {
		t.Fatalf("LibreOffice wrote no sheet files (multi-sheet CSV export needs 7.2 or later):\n%s", out)
	}
	return sheets
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return trimRows(rows)
}

// trimRows drops trailing empty cells and rows, which the two readers
// report differently.
func trimRows(rows [][]string) [][]string {
	for i, row := range rows {
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		rows[i] = row
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// regexpSheet matches LibreOffice's report of each sheet it wrote:
// "Writing sheet Focus areas -> /tmp/…/book-Focus areas.csv".
var regexpSheet = regexp.MustCompile(`Writing sheet (.+?) -> `)
