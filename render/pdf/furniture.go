package pdf

import (
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// footerHeight is the footer row; its text sits just below it, on the
// baseline maroto uses for the page number.
const footerHeight = 6.0

// furniture registers what every page carries: the classification marking
// at top and bottom, a running title, the period and the page number.
func (b *briefing) furniture() error {
	r := b.r
	marking := smallBold.colored(ink).sized(8.5).with(align.Center)
	// The header row has an automatic height, so that a long title or
	// marking wraps.
	lower := marking.lineHeight() - small.lineHeight() // puts the smaller text on the marking's baseline
	headerCols := []core.Col{
		col.New(30).Add(text.New(b.fit(r.Title, small, 30, false), small.text(lower, 2, 0, 0))),
		col.New(40).Add(text.New(b.fit(r.Classification, marking, 40, false), marking.text(0, 2, 2, 2))),
		col.New(30).Add(text.New(b.fit(r.Period.Label, small, 30, false), small.with(align.Right).text(lower, 2, 0, 0))),
	}
	head := row.New().Add(headerCols...).WithStyle(&props.Cell{BorderType: border.Bottom, BorderColor: rule, BorderThickness: 0.2})
	if err := b.l.registerHeader(head, row.New(5)); err != nil {
		return err
	}
	// The footer row holds a rule; its text sits just below the row, in
	// the bottom margin, on the baseline maroto gives the page number
	// (Top = the row's height, less the difference in font height). The
	// running organization name is cut to one line, which keeps it inside
	// the margin; the marking is never cut.
	ruleLine := func() core.Component {
		return line.New(props.Line{Color: rule, Thickness: 0.2, OffsetPercent: 70, SizePercent: 100})
	}
	below := func(st style) props.Text {
		return st.text(footerHeight-(st.lineHeight()-small.lineHeight()), 0, 0, 0)
	}
	foot := row.New(footerHeight).Add(
		col.New(30).Add(ruleLine(), text.New(b.fit(r.Organization, small, 30, true), below(small))),
		col.New(40).Add(ruleLine(), text.New(b.fit(r.Classification, marking, 40, false), below(marking))),
		col.New(30).Add(ruleLine()),
	)
	return b.l.registerFooter(foot)
}

// fit prepares a running header or footer text for a column of size grid
// columns: characters the font lacks replaced, words too wide broken, and
// with cut, shortened to one line with an ellipsis.
func (b *briefing) fit(s string, st style, size int, cut bool) string {
	width := textWidth * float64(size) / grid
	s = b.l.breakLong(b.g.clean(strings.Join(strings.Fields(s), " ")), st, width)
	if !cut || b.l.met.width(s, st.size, st.bold()) <= width*0.97 {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && b.l.met.width(string(rs)+"…", st.size, st.bold()) > width*0.97 {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}
