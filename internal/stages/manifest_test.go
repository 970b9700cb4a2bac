package stages

import (
	"encoding/json"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestAppendEvent: the manifest's hand-written events are json.Marshal's
// bytes, whatever the strings hold.
func TestAppendEvent(t *testing.T) {
	for _, s := range []string{"", "plain-id_1", `q"uote`, `back\slash`, "<tag>&amp;", "tab\there", "nl\n", "Türkiye", "\u2028", "\x7f", "\xff"} {
		for _, e := range []pipeline.EditionEvent{
			{ID: s, Period: "2025-W42", Date: "2025-10-14", Kind: "meeting", Status: "held", Countries: []string{"AZE", s}, Grades: s, SHA256: "ab", Fields: "1 2"},
			{ID: "x", Period: s, Date: s, Kind: s, Status: s, SHA256: s, Fields: s},
			{ID: "y", Countries: []string{}},
		} {
			want, err := json.Marshal(&e)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendEvent(nil, &e); string(got) != string(want) {
				t.Errorf("%q:\n got %s\nwant %s", s, got, want)
			}
		}
	}
}
