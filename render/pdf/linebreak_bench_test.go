package pdf

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkLayoutLongTitle lays out a briefing whose one event has a title
// that is a single unbroken word (issue #11: a 1 MB title took 22.6 s, 3 MB
// 157 s). Line breaking must grow linearly with the text: compare the
// sizes' ns/op. The 3 MB case runs with BRIEFING_BENCH_LARGE set.
func BenchmarkLayoutLongTitle(b *testing.B) {
	sizes := []struct {
		name string
		n    int
	}{{"100KB", 100_000}, {"1MB", 1_000_000}}
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		sizes = append(sizes, struct {
			name string
			n    int
		}{"3MB", 3_000_000})
	}
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			evs := caucasusEvents()
			evs[0].Title = strings.Repeat("x", size.n)
			r := reportOf(b, "2025-W43", evs, map[string]string{"TUR": "Türkiye"})
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Layout(r, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
