package pipeline

import (
	"sort"
	"time"

	"github.com/briefing-tool/briefing/pipeline/country"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// Report is everything the outputs show, computed once by Aggregate. The
// renderers only read it; all ordering in it is deterministic.
type Report struct {
	Title          string
	Subtitle       string
	Organization   string
	Classification string
	GeneratedAt    time.Time // in the configured time zone
	Version        string    // tool version

	Period   period.Period
	Previous period.Period // zero when the period has none (all)
	Filters  []string      // pair keys from pairs.include and --pair, sorted; empty = all pairs

	ConfigPath string  // "" when the defaults were used
	Inputs     []Input // every input file read, sorted by path

	Totals Totals
	Pairs  []*PairReport // sorted by Events descending, then key

	// KeyDevelopments ranks the period's held events (see RankKeyDevelopments).
	KeyDevelopments []*Event
	// Upcoming lists planned events dated after the period's start, by date.
	Upcoming []*Event
	// Events lists every event of the Events sheet: all statuses dated in the
	// period, plus upcoming planned events, by date then id.
	Events []*Event

	Warnings []Warning

	// KindTable is the table of kinds that events' Kind and pairs' Kinds
	// index (AggregateOptions.Kinds). Read it with Report.Kinds.
	KindTable []KindInfo

	// Names holds the display name of every country code in the report.
	Names map[string]string
	// countries is the config's country table, which names the codes
	// Names lacks (a pair asked for that no event has).
	countries *country.Table

	// files maps input paths as loaded (relative to the working directory)
	// to the paths the outputs show (relative to the config file).
	files map[string]string
}

// RelPath returns an input file's path as the outputs show it: relative to
// the config file's directory, so outputs do not depend on where the run
// started. Unknown paths are returned unchanged.
func (r *Report) RelPath(p string) string {
	if q, ok := r.files[p]; ok {
		return q
	}
	return p
}

// CountryName returns the display name of code from the config's table
// ([countries] over the built-in names), or the code itself.
func (r *Report) CountryName(code string) string {
	if n, ok := r.Names[code]; ok {
		return n
	}
	if r.countries != nil {
		if n, ok := r.countries.Name(code); ok {
			return n
		}
	}
	return code
}

// Totals are the key figures over the pairs shown.
type Totals struct {
	Events    int `json:"events"`    // distinct held events in the period
	Pairs     int `json:"pairs"`     // pairs with at least one held event in the period
	Countries int `json:"countries"` // distinct countries of those pairs
	People    int `json:"people"`    // distinct participants of those pairs
}

// PairReport is one row of the Summary and one section of the PDF: all a
// renderer needs of a pair, computed once by Aggregate (see Report.Pair and
// pairview.go for the questions asked of it).
type PairReport struct {
	Key          string // "AZE-GEO"
	A, B         string // codes in key order
	NameA, NameB string // display names in key order

	Events       int // held events in the period
	Kinds        KindCounts
	Multilateral int
	First, Last  time.Time // of held events in the period; zero when none

	Previous int // held events in the previous period
	Change   int // Events − Previous

	Participants []PairParticipant // distinct, by display name
	FocusAreas   []FocusArea       // by Events descending, then name
	EventList    []*Event          // held events in the period, by date then id
	Sources      []Citation        // numbered in order of first citation

	// KeyDevelopments ranks EventList as the report's are ranked (see
	// RankKeyDevelopments), at most KeyDevelopmentsLimit.
	KeyDevelopments []*Event
	// Upcoming lists the report's upcoming events that involve both
	// countries, by date.
	Upcoming []*Event
}

// PairParticipant is a distinct person of a pair, with the details of their
// most recent appearance.
type PairParticipant struct {
	Name         string
	Rank         string
	Role         string
	Organization string
	Country      string // code or ""
	Events       int    // pair events the person took part in
}

// FocusArea counts a pair's events per focus area.
type FocusArea struct {
	Name        string
	Events      int
	First, Last time.Time
}

// Citation is a numbered source in a pair section.
type Citation struct {
	N        int
	EventIDs []string // the pair's events citing it, in citation order
	Source   Source
}

// Warning is a problem that does not stop the run (an unknown focus area, a
// character the PDF font lacks). Under --strict warnings are errors.
type Warning struct {
	Pos   Position
	Event string
	Field string
	Msg   string
}

// SortWarnings orders warnings like errors: by file, line, column, message.
func SortWarnings(ws []Warning) {
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i].Pos, ws[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return ws[i].String() < ws[j].String()
	})
}

func (w Warning) String() string {
	e := Error(w)
	return e.Error()
}
