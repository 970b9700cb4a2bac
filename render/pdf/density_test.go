package pdf

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestSourceEntry: in the note's sections a source with an address is
// named by publisher, date, grade and site, the entry linking to it;
// without an address or a publisher its title is how a reader finds it,
// and the appendix's full record always gives it.
func TestSourceEntry(t *testing.T) {
	web := pipeline.Source{Title: "Ministers meet in Baku", Publisher: "Ministry of Defence", URL: "https://www.mod.gov.az/en/news/1", Published: date(2025, 10, 22), Reliability: "B", Credibility: 2}
	paper := web
	paper.URL = ""
	anon := web
	anon.Publisher = ""
	bare := pipeline.Source{URL: "https://example.org/a"}
	for _, tc := range []struct {
		name   string
		s      pipeline.Source
		titled bool
		want   string
	}{
		{"web", web, false, "Ministry of Defence, 22 Oct 2025. Grade B2. mod.gov.az"},
		{"web titled", web, true, "Ministers meet in Baku. Ministry of Defence, 22 Oct 2025. Grade B2. mod.gov.az"},
		{"no address", paper, false, "Ministers meet in Baku. Ministry of Defence, 22 Oct 2025. Grade B2."},
		{"no publisher", anon, false, "Ministers meet in Baku. 22 Oct 2025. Grade B2. mod.gov.az"},
		{"address only", bare, false, "example.org"},
	} {
		if got := sourceEntry(tc.s, tc.titled); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestParticipantsNamed: a person with a rank or role and a country is
// named by them; the organization is given only when it is what says who
// they are.
func TestParticipantsNamed(t *testing.T) {
	e := caucasusEvents()[0]
	e.Participants = []pipeline.Participant{
		{Name: "Alpha Person", Role: "Minister of Defence", Organization: "Ministry of Defence of Azerbaijan", Country: "AZE"},
		{Name: "Beta Person", Role: "Deputy Minister", Organization: "Ministry of Internal Affairs of Georgia"},
		{Name: "Gamma Person", Organization: "State Security Service of Georgia", Country: "GEO"},
	}
	r := reportOf(t, "2025-W43", []*pipeline.Event{e}, nil)
	all := flat(strings.Join(pageTexts(t, mustRender(t, r, Options{})), " "))
	for _, want := range []string{
		"Alpha Person (Minister of Defence, Azerbaijan)",
		"Beta Person (Deputy Minister, Ministry of Internal Affairs of Georgia)",
		"Gamma Person (State Security Service of Georgia, Georgia)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in %q", want, all)
		}
	}
	if strings.Contains(all, "Ministry of Defence of Azerbaijan") {
		t.Error("the organization of a minister with a country is repeated")
	}
}

// TestFocusChartBeside: a pair's focus-area chart is one row, the caption
// beside the bars, unless a label needs two lines; then each bar has a row
// of its own and the caption goes under them.
func TestFocusChartBeside(t *testing.T) {
	for _, tc := range []struct {
		name     string
		long     string
		wantRows int // bars drawn one per row
	}{
		{"short labels", "Border security", 0},
		{"a long label", strings.Repeat("Very long focus area ", 4), 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := manyEvents(12)
			for i, e := range evs {
				e.FocusAreas = []string{"Border security", "Cybersecurity", "Demining", tc.long, "Area " + itoa(i%5)}[:2+i%4]
			}
			b, err := build(reportOf(t, "2025-10", evs, nil), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(toStructNode(b.l.m.GetStructure()))
			if err != nil {
				t.Fatal(err)
			}
			beside := strings.Count(string(got), `"type":"focusbars"`)
			rows := strings.Count(string(got), `"thickness":2.8`) / 2 // a track and a bar each
			if tc.wantRows == 0 && (beside != 1 || rows != 0) {
				t.Errorf("%d charts beside their caption, %d bars in rows; want 1 and 0", beside, rows)
			}
			if tc.wantRows > 0 && (beside != 0 || rows != tc.wantRows) {
				t.Errorf("%d charts beside their caption, %d bars in rows; want 0 and %d", beside, rows, tc.wantRows)
			}
		})
	}
}

// TestTitleAt: a table of planned events gives the place after the title
// unless the title names it.
func TestTitleAt(t *testing.T) {
	for _, tc := range []struct{ title, loc, want string }{
		{"Joint exercise begins", "Ganja", "Joint exercise begins · Ganja"},
		{"Signing ceremony planned in Baku", "Baku", "Signing ceremony planned in Baku"},
		{"Talks planned in BAKU", "Baku", "Talks planned in BAKU"},
		{"Call planned", "", "Call planned"},
	} {
		if got := titleAt(&pipeline.Event{Title: tc.title, Location: tc.loc}); got != tc.want {
			t.Errorf("%q at %q: %q, want %q", tc.title, tc.loc, got, tc.want)
		}
	}
}
