package pipeline

import "testing"

func TestClosest(t *testing.T) {
	fields := []string{"date", "end_date", "title", "countries"}
	areas := []string{"Border security", "Energy", "Defence Industry"}
	for _, tc := range []struct {
		s          string
		candidates []string
		want       string
	}{
		{"titel", fields, "title"},
		{"Title", fields, "title"},         // case does not count
		{"enddate", fields, "end_date"},    // one edit
		{"countreis", fields, "countries"}, // two edits
		{"locaton", fields, ""},            // nothing within two edits
		{"border securty", areas, "Border security"},
		{"BORDER  SECURITY", areas, "Border security"}, // spaces fold as names do
		{"defence  industry", areas, "Defence Industry"},
		{"Enrgy", areas, "Energy"},
		{"Trade", areas, ""},
		{"x", nil, ""},
	} {
		if got := closest(tc.s, tc.candidates); got != tc.want {
			t.Errorf("closest(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
