package pdf

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMiniBarRects(t *testing.T) {
	for _, tc := range []struct {
		name   string
		series []int
		top    int
		want   []rect // w 10, h 4, gap 0 unless said
	}{
		{"scaled to the largest", []int{1, 2, 4, 0}, 0, []rect{{0, 3, 2.5, 1}, {2.5, 2, 2.5, 2}, {5, 0, 2.5, 4}, {7.5, 4 - zeroMark, 2.5, zeroMark}}},
		{"shared scale", []int{1, 2}, 8, []rect{{0, 3.5, 5, 0.5}, {5, 3, 5, 1}}},
		{"all zero", []int{0, 0}, 0, []rect{{0, 4 - zeroMark, 5, zeroMark}, {5, 4 - zeroMark, 5, zeroMark}}},
		{"a small value is still visible", []int{1, 1000}, 0, []rect{{0, 4 - zeroMark, 5, zeroMark}, {5, 0, 5, 4}}},
		{"empty", nil, 0, nil},
	} {
		got := miniBarRects(tc.series, tc.top, 10, 4, 0)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %d bars, want %d", tc.name, len(got), len(tc.want))
		}
		for i := range got {
			g, w := got[i], tc.want[i]
			if !near(g.x, w.x) || !near(g.y, w.y) || !near(g.w, w.w) || !near(g.h, w.h) {
				t.Errorf("%s: bar %d = %+v, want %+v", tc.name, i, g, w)
			}
		}
	}
	// Gaps come out of the bars' width, not the chart's.
	rs := miniBarRects([]int{1, 1, 1}, 0, 10, 4, 1)
	if last := rs[2]; !near(last.x+last.w, 10) || !near(rs[0].w, 8.0/3) {
		t.Errorf("with gaps: %+v", rs)
	}
}

func TestStackRects(t *testing.T) {
	// Two periods, two kinds; the busier period (4 events) fills the height.
	got := stackRects([][]int{{1, 1}, {3, 1}}, 10, 8, 0)
	want := [][]rect{
		{{0, 6, 5, 2}, {0, 4, 5, 2}},
		{{5, 2, 5, 6}, {5, 0, 5, 2}},
	}
	for i := range want {
		for k := range want[i] {
			g, w := got[i][k], want[i][k]
			if !near(g.x, w.x) || !near(g.y, w.y) || !near(g.w, w.w) || !near(g.h, w.h) {
				t.Errorf("period %d kind %d = %+v, want %+v", i, k, g, w)
			}
		}
	}
	// Segments stack without gaps or overlaps, bottom up.
	for _, bar := range stackRects([][]int{{2, 0, 5, 1}}, 10, 8, 0) {
		y := 8.0
		for _, r := range bar {
			if !near(r.y+r.h, y) {
				t.Errorf("segment %+v does not sit on %v", r, y)
			}
			y = r.y
		}
		if !near(y, 0) {
			t.Errorf("the tallest bar ends at %v, want 0", y)
		}
	}
	if stackRects([][]int{{0}, {0}}, 10, 8, 0)[0][0].h != 0 {
		t.Error("a period without events has a bar")
	}
}
