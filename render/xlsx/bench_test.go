package xlsx

import (
	"os"
	"testing"
)

// BenchmarkRender renders a generated archive of 100,000 events: about
// 100,000 Events rows, 150,000 Participants and Sources rows.
func BenchmarkRender(b *testing.B) {
	r := generatedReport(b, 100_000, 1, "all")
	b.ReportAllocs()
	var size int
	for b.Loop() {
		size = len(render(b, r, Options{}))
	}
	b.ReportMetric(float64(size)/1e6, "MB/workbook")
}

// BenchmarkRenderPastExcelLimit renders more events than one sheet holds,
// so Events continues on "Events (2)". It takes minutes and gigabytes;
// run it with BRIEFING_BENCH_HUGE=1.
func BenchmarkRenderPastExcelLimit(b *testing.B) {
	if testing.Short() || os.Getenv("BRIEFING_BENCH_HUGE") == "" {
		b.Skip("set BRIEFING_BENCH_HUGE=1 to render 1.1 million events")
	}
	r := generatedReport(b, 1_100_000, 1, "all")
	b.ReportAllocs()
	for b.Loop() {
		render(b, r, Options{})
	}
}
