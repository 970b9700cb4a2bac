package xlsx

import (
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// kind is what a column holds; it decides the column's style and width.
type kind int

const (
	textCol   kind = iota
	wrapCol        // long text, wrapped
	numberCol      // counts
	changeCol      // signed counts
	dateCol
	linkCol  // URLs
	valueCol // About's values: each cell is styled by its type
	boolCol  // TRUE/FALSE
)

// column is one column of a table.
type column struct {
	name string
	kind kind
	max  float64 // the widest the column grows, in characters; 0 = the kind's default
	min  float64 // the narrowest, in characters, beyond the header's width
	// fit is the share of the sampled texts the column is wide enough
	// for, the longest ones wrapping (a wrapCol); 0 fits them all.
	fit float64
	// field names the input field a text longer than a cell holds is
	// cut from, in warnings; %d is the participant's or source's number.
	field string
}

// table is the rows of one sheet, continued on "Name (2)", "Name (3)", …
// when they pass the row limit.
type table struct {
	sheet string // name of the first sheet
	name  string // Excel table name, for structured references: Events[Date]
	cols  []column
	rows  int
	// row fills dst with row i's values: string, int, nil, day, stamp or
	// a string in a linkCol.
	row func(i int, dst []any)
	// event is the event row i shows and, for a participant or source
	// row, the item's index (else -1): warnings name it. nil for sheets
	// that are not about one event.
	event func(i int) (*pipeline.Event, int)
	// decorate adds to the first sheet before it is closed (Summary's chart).
	decorate func(b *book, sheet string, rows int) error
}

// day is a civil date (00:00 UTC) shown at a precision: day, month or year.
type day struct {
	t         time.Time
	precision string
}

// stamp is a point in time shown as its wall-clock date and time.
type stamp time.Time
