package pdf

import "testing"

// BenchmarkRender renders a pair with 2,000 events (events table,
// participants, focus chart, summaries and sources).
func BenchmarkRender(b *testing.B) {
	r := reportOf(b, "2025-10", manyEvents(2000), nil)
	var size int
	for b.Loop() {
		out, _, err := Render(r, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// BenchmarkRenderExample renders the shipped example.
func BenchmarkRenderExample(b *testing.B) {
	r := exampleReport(b)
	for b.Loop() {
		if _, _, err := Render(r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
