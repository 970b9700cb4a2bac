package pipeline

import "time"

// Statuses an event may have; held is the default.
var Statuses = []string{"held", "planned", "cancelled"}

// Precisions a date may have; day is the default.
var Precisions = []string{"day", "month", "year"}

// Event is one curated record after validation. Dates are civil dates held
// as time.Time at 00:00 UTC; a zero EndDate means a one-day event.
type Event struct {
	ID            string
	Date          time.Time
	EndDate       time.Time
	DatePrecision string // day | month | year
	Title         string
	Kind          Kind
	Status        string
	Countries     []string // upper-case, distinct, in the order written
	Host          string
	Location      string
	FocusAreas    []string // canonical names after normalization
	Summary       string
	Outcomes      []string
	Participants  []Participant
	Sources       []Source

	// AreasWritten holds, for each of FocusAreas after Normalize, its
	// first spelling as written and whether it is in [focus_areas]
	// (the workbook's Event focus areas sheet shows both); nil before.
	AreasWritten []AreaWritten

	Pos Position // the event's [[event]] header
}

// AreaWritten is one focus area of an event as its file wrote it.
type AreaWritten struct {
	Text  string // the first spelling in the file that normalizes to the area
	Known bool   // the area is in [focus_areas]
}

// Held reports whether the event counts (SPEC §3: only held events do).
func (e *Event) Held() bool { return e.Status == "held" }

// Multilateral reports whether the event has three or more countries.
func (e *Event) Multilateral() bool { return len(e.Countries) >= 3 }

// Participant is a person who took part in an event.
type Participant struct {
	Name         string // display name after normalization
	Rank         string
	Role         string
	Organization string
	Country      string // upper-case code or empty

	key string // identity: the canonical name folded to lower case
}

// Key is the participant's identity: equal keys are the same person.
func (p Participant) Key() string { return p.key }

// Source is a reference for an event.
type Source struct {
	Title       string
	Publisher   string
	URL         string
	Published   time.Time // zero when not given
	Reliability string    // admiralty code A–F, or empty
	Credibility int       // 1–6, or 0 when not given
}

// Grade returns the admiralty grading, e.g. "C3", "C" or "".
func (s Source) Grade() string {
	g := s.Reliability
	if s.Credibility > 0 {
		g += string(rune('0' + s.Credibility))
	}
	return g
}
