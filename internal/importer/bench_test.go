package importer

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var benchRows = flag.Int("import.rows", 1_000_000, "rows of the generated GDELT file of BenchmarkImportGDELT")

// gdeltTemplate returns GDELT rows to repeat: the shared sample's
// (../shared/data/real) as 61 tab-separated columns, or, where it is
// absent, rows made here in the same layout.
func gdeltTemplate(b *testing.B) [][]string {
	dir := os.Getenv("BRIEFING_REAL_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "real")
	}
	f, err := os.Open(filepath.Join(dir, "gdelt2_events_sample_2017.csv"))
	if err != nil {
		b.Logf("GDELT sample absent (%v): rows made in its layout instead", err)
		var out [][]string
		codes := []string{"USA", "CHN", "RUS", "GEO", "AZE", "TUR", "ARM", "", "EUR", "FRA"}
		events := []string{"040", "042", "043", "057", "062", "036", "190", "010", "112", "046"}
		for i := range 1000 {
			row := make([]string, len(gdeltColumns))
			m := gdeltRowOf(strconv.Itoa(i), "20170701", codes[i%len(codes)], codes[(i/3+1)%len(codes)], events[i%len(events)],
				fmt.Sprintf("https://www.outlet%d.example/news/%d", i%37, i))
			for j, c := range gdeltColumns {
				row[j] = m[c]
			}
			out = append(out, row)
		}
		return out
	}
	defer f.Close()
	rs := newCSV(f.Name(), f)
	head, err := rs.Next()
	if err != nil {
		b.Fatal(err)
	}
	idx := map[string]int{}
	for i, h := range head {
		idx[h] = i
	}
	var out [][]string
	for {
		rec, err := rs.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			b.Fatal(err)
		}
		row := make([]string, len(gdeltColumns))
		for j, c := range gdeltColumns {
			row[j] = strings.ReplaceAll(rec[idx[c]], "\t", " ")
		}
		out = append(out, row)
	}
}

// writeGDELT writes n rows in GDELT's own export layout (tab-separated,
// no header): the template repeated, each repetition one day later and
// with new ids, so that the events do not all merge.
func writeGDELT(b *testing.B, path string, n int) {
	tmpl := gdeltTemplate(b)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	day0 := time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC)
	row := make([]string, len(gdeltColumns))
	for i := range n {
		copy(row, tmpl[i%len(tmpl)])
		row[0] = strconv.Itoa(800_000_000 + i)
		row[1] = day0.AddDate(0, 0, i/len(tmpl)).Format("20060102")
		w.WriteString(strings.Join(row, "\t"))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImportGDELT imports a generated GDELT file of -import.rows
// rows (1,000,000 by default; the budget is 15 s and 600 MB peak
// RSS on two cores). It reports rows/s and the process's peak RSS, which
// includes the generator's (streamed, small).
func BenchmarkImportGDELT(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "gdelt.export.CSV")
	writeGDELT(b, in, *benchRows)
	b.ResetTimer()
	for i := range b.N {
		opt := &Options{Format: "gdelt", Files: []string{in}, OutDir: filepath.Join(dir, "out", strconv.Itoa(i)), Version: "bench", Table: table}
		res, err := Run(opt)
		if err != nil {
			b.Fatal(err)
		}
		if res.Rows != *benchRows {
			b.Fatalf("%d rows read, want %d", res.Rows, *benchRows)
		}
		b.ReportMetric(float64(res.Events), "events")
	}
	b.StopTimer()
	b.ReportMetric(float64(*benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB") // Linux: KiB
	}
}
