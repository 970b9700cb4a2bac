package pipeline

import (
	"slices"
	"strconv"
)

// Kind is the kind of an event (SPEC §2): its index in a table of kinds,
// the built-in one ([Kinds]) unless a Report says otherwise. The zero Kind
// is the table's first.
type Kind uint8

// KindInfo is everything the tool says about one kind of event. Column and
// JSON are a contract (README "Outputs"): workbooks and scripts rely on them.
type KindInfo struct {
	Name     string // as written in event files and in the Events sheet: "meeting"
	Singular string // noun in prose: "1 meeting"
	Plural   string // "2 meetings"
	Label    string // in a table cell of the PDF: "Meeting"
	Column   string // its column of the Summary sheet: "Meetings"
	JSON     string // its field in a pair of `summary --json`: "meetings"
	Short    string // its column head in the `summary` text table: "Meet"
	PLOVER   string // PLOVER event type, with its mode when it has one: "CONSULT (visit)"
	Weight   int    // how much it changes a relationship; see RankKeyDevelopments
}

// builtinKinds is the one table of kinds. Its order is the order of every
// per-kind column and list (Summary, `summary`, the PDF's counts in prose,
// the accepted values in messages). Adding a kind is one line here, plus
// the README, which lists the kinds and the Summary columns.
//
// The weights follow PLOVER's cooperative scale: a signed agreement
// (SUPPORT) above a joint exercise (COOPERATE), above visits, meetings and
// calls (CONSULT), above statements (AGREE) and anything else.
var builtinKinds = []KindInfo{
	{Name: "meeting", Singular: "meeting", Plural: "meetings", Label: "Meeting", Column: "Meetings", JSON: "meetings", Short: "Meet", PLOVER: "CONSULT", Weight: 4},
	{Name: "visit", Singular: "visit", Plural: "visits", Label: "Visit", Column: "Visits", JSON: "visits", Short: "Visit", PLOVER: "CONSULT (visit)", Weight: 5},
	{Name: "call", Singular: "call", Plural: "calls", Label: "Call", Column: "Calls", JSON: "calls", Short: "Call", PLOVER: "CONSULT (phone)", Weight: 3},
	{Name: "agreement", Singular: "agreement", Plural: "agreements", Label: "Agreement", Column: "Agreements", JSON: "agreements", Short: "Agree", PLOVER: "SUPPORT", Weight: 7},
	{Name: "exercise", Singular: "exercise", Plural: "exercises", Label: "Exercise", Column: "Exercises", JSON: "exercises", Short: "Exer", PLOVER: "COOPERATE", Weight: 6},
	{Name: "statement", Singular: "statement", Plural: "statements", Label: "Statement", Column: "Statements", JSON: "statements", Short: "Stmt", PLOVER: "AGREE", Weight: 2},
	{Name: "other", Singular: "other engagement", Plural: "other engagements", Label: "Other", Column: "Other", JSON: "other", Short: "Other", PLOVER: "OTHER", Weight: 1},
}

// kindNames are the kinds' names in table order: the values Load accepts.
var kindNames = func() []string {
	names := make([]string, len(builtinKinds))
	for i, k := range builtinKinds {
		names[i] = k.Name
	}
	return names
}()

// Kinds returns a copy of the built-in table of kinds, the one Load
// decodes events with, indexed by Kind.
func Kinds() []KindInfo { return slices.Clone(builtinKinds) }

// KindNamed returns the kind of that name in the built-in table.
func KindNamed(name string) (Kind, bool) {
	i := slices.Index(kindNames, name)
	return Kind(i), i >= 0
}

// String returns the kind's name in the built-in table, so that a template's {{.Kind}} prints
// "meeting".
func (k Kind) String() string {
	if int(k) < len(builtinKinds) {
		return builtinKinds[k].Name
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Kinds returns the report's table of kinds: KindTable, or the built-in
// table when the Report was made without one.
func (r *Report) Kinds() []KindInfo {
	if r.KindTable == nil {
		return builtinKinds
	}
	return r.KindTable
}

// KindCounts counts held events by kind, indexed by Kind. The zero
// KindCounts counts nothing.
type KindCounts []int

// Of returns the count of kind k.
func (c KindCounts) Of(k Kind) int {
	if int(k) < len(c) {
		return c[k]
	}
	return 0
}
