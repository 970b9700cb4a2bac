package pipeline

import (
	"testing"

	"time"

	"github.com/briefing-tool/briefing/pipeline/period"
)

func TestParseStaleAfter(t *testing.T) {
	for _, tt := range []struct {
		in   string
		days int
		ok   bool
	}{
		{"14d", 14, true}, {"2w", 14, true}, {"0", 0, true}, {" 1d ", 1, true}, {"3650d", 3650, true}, {"521w", 3647, true},
		{"", 0, false}, {"0d", 0, false}, {"14", 0, false}, {"14 days", 0, false}, {"-1d", 0, false}, {"+1d", 0, false},
		{"1m", 0, false}, {"3651d", 0, false}, {"d", 0, false},
	} {
		days, err := ParseStaleAfter(tt.in)
		if (err == nil) != tt.ok || days != tt.days {
			t.Errorf("ParseStaleAfter(%q) = %d, %v; want %d, ok %v", tt.in, days, err, tt.days, tt.ok)
		}
	}
}

func TestAge(t *testing.T) {
	today := period.Date(2025, 11, 1)
	for _, tt := range []struct {
		d    []int
		want string
	}{
		{[]int{2025, 10, 18}, "14 days"},
		{[]int{2025, 9, 3}, "59 days"},
		{[]int{2025, 9, 1}, "2 months"},
		{[]int{2024, 10, 2}, "12 months"},
		{[]int{2024, 10, 1}, "13 months"},
	} {
		if got := age(period.Date(tt.d[0], time.Month(tt.d[1]), tt.d[2]), today); got != tt.want {
			t.Errorf("age(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
