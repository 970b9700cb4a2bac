package pipeline

import (
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
	// Filters is the scope from pairs.include and --pair, sorted: pair
	// keys ("AZE-GEO") and wildcards ("GEO-*", every pair with GEO);
	// empty = all pairs.
	Filters []string
	scope   *scope
	// upcomingEnd is the last day of the Upcoming window (Covers).
	upcomingEnd time.Time

	ConfigPath string  // "" when the defaults were used
	Inputs     []Input // every input file read, sorted by path

	Totals Totals
	// Assessment is the period's notes file, parsed; nil when there is
	// none (the notes stage sets it).
	Assessment *Assessment
	Pairs      []*PairReport // sorted by Events descending, then key

	// KeyDevelopments ranks the period's held events (see RankKeyDevelopments).
	KeyDevelopments []*Event
	// Upcoming lists planned events dated after the period's end, up to
	// [pdf] upcoming_weeks weeks after it, by date (see upcomingRule).
	Upcoming []*Event
	// Unconfirmed lists planned events dated in the period, not recorded
	// as held, by date.
	Unconfirmed []*Event
	// Multilateral lists the period's held events with three or more
	// countries, each once, the most significant first (key-developments
	// rule); Report.EventPairs gives the pairs each counts for.
	Multilateral []*Event

	// Trend counts held events in the TrendPeriods periods of the report's
	// kind ending with its period, oldest first (ranges: ranges of the same
	// length); nil for all.
	Trend []PeriodCount
	// BusiestSince is the most recent earlier period with as many held
	// events, when it is not the previous one (see busiestSince).
	BusiestSince *period.Period
	// Edition is the report's events with their digests (the manifest's
	// "events"), and Changes what changed since the previous edition: nil
	// when there is none to compare with (the compare stage sets both).
	Edition *Edition
	Changes *Changes

	// Events lists every event of the Events sheet: all statuses dated in the
	// period, plus upcoming planned events, by date then id.
	Events []*Event

	// KindTable is the table of kinds that events' Kind and pairs' Kinds
	// index (AggregateOptions.Kinds). Read it with Report.Kinds.
	KindTable []KindInfo

	// Names holds the display name of every country code in the report.
	Names map[string]string
	// countries is the config's country table, which names the codes
	// Names lacks (a pair asked for that no event has).
	countries *country.Table
	// byKey indexes Pairs by key for Report.Pair, which renderers call per
	// pair: a linear search made one 249-country event (30,876 pairs)
	// quadratic. Set by Aggregate; a Report made by hand searches Pairs.
	byKey map[string]*PairReport

	// files maps input and config paths as loaded (relative to the
	// working directory) to the paths the outputs show (relative to the
	// config file).
	files map[string]string
	// configFile is the config file as loaded, "" for the defaults.
	configFile string
}

// relPath returns an input or config file's path as the outputs show it:
// relative to the config file's directory, so outputs do not depend on
// where the run started. Other paths (a template's) are returned unchanged.
func (r *Report) relPath(p string) string {
	if q, ok := r.files[p]; ok {
		return q
	}
	return p
}

// Shown returns d as the outputs (the manifest, the Diagnostics sheet, the PDF's
// annex, summary --json) list it: with its file relative to the config
// file, as they list the inputs, where messages on stderr have it relative
// to the working directory.
func (r *Report) Shown(d *Diagnostic) string {
	c := *d
	c.Pos.File = r.relPath(d.Pos.File)
	return c.Error()
}

// ShownPath returns a diagnostic's file as Shown has it, for outputs
// that list the parts of a diagnostic apart (the workbook's Diagnostics).
func (r *Report) ShownPath(p string) string { return r.relPath(p) }

// ConfigPos is where a diagnostic about the config's values points: the
// config file as loaded, or "config" for the built-in defaults.
func (r *Report) ConfigPos() Position {
	if r.configFile == "" {
		return Position{File: "config"}
	}
	return Position{File: r.configFile}
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

	// Trend counts the pair's held events in the periods of Report.Trend;
	// nil for all.
	Trend []int
	// PreviousEvent is the pair's latest held event before the period,
	// nil when none (or for all): "first engagement since 3 March 2025".
	PreviousEvent *Event
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
