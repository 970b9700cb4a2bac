package pdf

import (
	"fmt"
	"testing"
)

// TestCountsFor: a multilateral event's pairs are named up to
// maxCountsFor; past that the line gives their number, so one event among
// all 249 ISO countries (30,876 pairs) is one line, not 120 pages.
func TestCountsFor(t *testing.T) {
	pairs := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("P%d", i+1)
		}
		return out
	}
	for _, c := range []struct {
		names     []string
		countries int
		want      string
	}{
		{pairs(3), 3, "Counts for 3 pairs: P1; P2; P3."},
		{pairs(10), 5, "Counts for 10 pairs: P1; P2; P3; P4; P5; P6; P7; P8; P9; P10."},
		{pairs(30876), 249, "Counts for 30876 pairs: every pair of its 249 countries."},
		// A scope (--pair GEO-*) keeps some of the pairs of 8 countries.
		{pairs(12), 8, "Counts for 12 pairs, among them P1; P2; P3; P4; P5; P6; P7; P8; P9; P10 and 2 others; the workbook's Events sheet lists them all."},
	} {
		if got := countsFor(c.names, c.countries); got != c.want {
			t.Errorf("%d pairs of %d countries:\n got %q\nwant %q", len(c.names), c.countries, got, c.want)
		}
	}
}
