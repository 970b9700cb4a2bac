package pdf

import (
	"errors"
	"fmt"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
)

// layout adds rows to a maroto document while keeping its own copy of
// maroto's pagination, so that the renderer knows before adding a row
// whether it fits, on which page it lands and where. maroto keeps this to
// itself (FitlnCurrentPage also counts the page header twice), but the
// briefing needs it for what maroto does not do: repeating a table's
// header row on each continuation page, splitting text that is taller
// than the space left (a row taller than a page corrupts the pages after
// it), and naming a pair section in the running header of the pages it
// continues on. Bookmarks and links are not placed from this count: they
// are components drawn with their row, so their pages are the rendered
// ones (links.go).
//
// The arithmetic below mirrors maroto v2's Maroto.addRow and AddPages
// operation for operation, so the floating-point sums agree exactly; Bytes
// checks the page count against the document gofpdf drew. maroto's pages become
// the PDF's only if gofpdf breaks the pages where maroto does: see
// footerRow, which registerFooter puts around the footer.
type layout struct {
	m    core.Maroto
	meas core.Maroto // measures; see newLayout
	cfg  *entity.Config
	prov core.Provider // meas's provider, captured by a probe
	cell entity.Cell   // the content area of a page
	g    *glyphs       // replaces characters the font lacks
	met  *metrics      // measures text for breaking long words
	wr   *wrapper      // breaks text into lines as maroto does
	k    *links        // targets and links within the note; nil: none

	headerRows []core.Row
	footerH    float64

	// running names the section in progress ("" for none) and runningAt
	// the pages it continues on, which the page header names.
	running   string
	runningAt map[int]string

	used    float64 // height taken on the current page, the page header included
	page    int     // current page, from 1
	marks   []mark  // every entry of the outline, in order
	pending []mark  // the entries the next row added carries
	err     error   // first layout failure; later additions are ignored
}

// mark is an entry of the outline, drawn with the next row added.
type mark struct {
	title string
	level int
}

var errRowTooTall = errors.New("a row is taller than a page")

// newLayout lays out rows in the document m, measuring them with meas: a
// second maroto document with the same configuration (so the same fonts
// and the same measurements) that is never generated. Measuring text
// selects fonts, and gofpdf writes every font selection into the page it
// has open; through m's own provider all the measurements the layout makes
// would leave their font switches on page 1 of the PDF (85 MB of content
// stream for a year of 100,000 events). maroto caches a row's height in
// the row when layout measures it, so m never measures a row again.
func newLayout(m, meas core.Maroto, g *glyphs) *layout {
	cfg := m.GetCurrentConfig()
	return &layout{
		m:         m,
		meas:      meas,
		cfg:       cfg,
		g:         g,
		met:       g.m,
		wr:        newWrapper(),
		k:         newLinks(),
		runningAt: map[int]string{},
		cell:      entity.NewRootCell(cfg.Dimensions.Width, cfg.Dimensions.Height, entity.Margins{Left: cfg.Margins.Left, Top: cfg.Margins.Top, Right: cfg.Margins.Right, Bottom: cfg.Margins.Bottom}),
		page:      1,
	}
}

// registerHeader sets the rows repeated at the top of every page. It
// first captures the measuring document's provider: maroto has no accessor
// for it, but asks a probe in a header row for its height with it.
func (l *layout) registerHeader(rows ...core.Row) error {
	p := &probe{}
	if err := l.meas.RegisterHeader(row.New().Add(col.New().Add(p))); err != nil {
		return err
	}
	if p.provider == nil {
		return errors.New("pdf: the measuring document did not expose maroto's provider")
	}
	l.prov = p.provider
	if err := l.m.RegisterHeader(rows...); err != nil {
		return err
	}
	l.headerRows = rows
	// maroto adds the header rows to the first page one by one.
	for _, r := range rows {
		l.used += l.height(r)
	}
	return nil
}

// registerFooter sets the rows repeated at the bottom of every page. They
// must have no background or border (footerRow draws their cells 0 high).
func (l *layout) registerFooter(rows ...core.Row) error {
	wrapped := make([]core.Row, len(rows))
	for i, r := range rows {
		if styled(r) {
			return errors.New("pdf: a footer row or column has a cell style")
		}
		wrapped[i] = &footerRow{Row: r, cfg: l.cfg}
	}
	if err := l.m.RegisterFooter(wrapped...); err != nil {
		return err
	}
	l.footerH = 0
	for _, r := range wrapped {
		l.footerH += l.height(r)
	}
	return nil
}

// footerRow is a footer row that gofpdf cannot push onto a page of its own.
//
// maroto does not start pages itself: it draws its pages one after the
// other and lets gofpdf's automatic page break start each new one. Every
// row draws a cell (CellFormat) per column, the row's height high, and
// gofpdf starts a new page when such a cell would pass the bottom margin
// (y+h > page height - bottom margin). maroto fills each page with a
// spacer row down to the footer, so the footer's cells end exactly on that
// line, and rounding decides whether they pass it. maroto sums the heights
// of a page's rows from 0 and compares the sum with the content height;
// gofpdf's cursor adds the same heights to the top margin, which rounds
// differently. maroto truncates the spacer to 9 decimals, which normally
// leaves the footer a little above the line, but when the space left has
// no more than 9 decimals (the spacer was 7.6 mm on page 495 of the
// 2025-Q2 briefing that failed) there is nothing to truncate: gofpdf's
// cursor can end one ulp lower (278.00000000000006 mm for 278), the footer
// starts a page of its own and every later page is drawn one page down.
// Large briefings hit this on roughly one page in several hundred, and
// Render fails its page count check.
//
// Render is maroto's Row.Render for a row without a style, except that the
// cells that move gofpdf's cursor across the row are 0 high. Without a
// border or background they draw nothing at any height, and a cell 0 high
// never sets off a page break. The components are drawn in the full-height
// cell and the cursor moves down by the full height, as before. The next
// page still starts where maroto's does: its page header row does not fit
// in the 0 to 1e-9 mm left below the footer.
type footerRow struct {
	core.Row
	cfg *entity.Config
}

func (r *footerRow) SetConfig(cfg *entity.Config) {
	r.cfg = cfg
	r.Row.SetConfig(cfg)
}

func (r *footerRow) Render(prov core.Provider, cell entity.Cell) {
	cell.Height = r.GetHeight(prov, &cell)
	inner := cell.Copy()
	for _, c := range r.GetColumns() {
		percent := float64(c.GetSize()) / float64(r.cfg.MaxGridSize)
		inner.Width = cell.Width * percent
		prov.CreateCol(inner.Width, 0, r.cfg, nil)
		c.Render(prov, inner, false)
		inner.X += inner.Width
	}
	prov.CreateRow(cell.Height)
}

// styled reports whether r or one of its columns has a cell style.
func styled(r core.Row) bool {
	if len(r.GetStructure().GetData().Details) > 0 {
		return true
	}
	for _, c := range r.GetColumns() {
		if len(c.GetStructure().GetData().Details) > 0 {
			return true
		}
	}
	return false
}

// height is the height maroto will give r. maroto caches it in the row.
func (l *layout) height(r core.Row) float64 {
	r.SetConfig(l.cfg)
	return r.GetHeight(l.prov, &l.cell)
}

// headerHeight is the space the page header takes, summed as maroto sums it.
func (l *layout) headerHeight() float64 {
	h := 0.0
	for _, r := range l.headerRows {
		h += l.height(r)
	}
	return h
}

// capacity is the space for content on an empty page.
func (l *layout) capacity() float64 { return l.cell.Height - l.headerHeight() - l.footerH }

// remaining is the space left on the current page.
func (l *layout) remaining() float64 { return l.cell.Height - l.used - l.footerH }

// fits reports whether a row of height h fits on the current page, with
// maroto's own comparison.
func (l *layout) fits(h float64) bool { return h+l.used+l.footerH <= l.cell.Height }

// atTop reports whether nothing but the page header is on the current page.
func (l *layout) atTop() bool { return l.used == l.headerHeight() }

// add appends r, on a new page when it does not fit on this one.
func (l *layout) add(r core.Row) {
	if l.err != nil {
		return
	}
	if len(r.GetColumns()) == 0 {
		r.Add(col.New())
	}
	h := l.height(r)
	if h > l.capacity() {
		l.err = fmt.Errorf("pdf: page %d: %w (%.1f mm, the page holds %.1f mm)", l.page, errRowTooTall, h, l.capacity())
		return
	}
	if l.k != nil {
		for _, m := range l.pending {
			r.GetColumns()[0].Add(&bookmark{k: l.k, title: l.g.clean(m.title), level: m.level})
		}
		l.pending = nil
	}
	if h+l.used+l.footerH <= l.cell.Height {
		l.used += h
	} else {
		l.nextPage()
		l.used = l.headerHeight() + h
	}
	l.m.AddRows(r)
}

// newPage starts a new page unless the current one is still empty.
func (l *layout) newPage() {
	if l.err != nil || l.atTop() {
		return
	}
	l.m.AddPages(page.New())
	l.nextPage()
	l.used = l.headerHeight()
}

// nextPage counts a new page, on which the section in progress continues.
func (l *layout) nextPage() {
	l.page++
	if l.running != "" {
		l.runningAt[l.page] = l.running
	}
}

// need starts a new page unless h mm fit on this one: it keeps a heading
// with what follows it.
func (l *layout) need(h float64) {
	if !l.fits(h) {
		l.newPage()
	}
}

// space adds h mm of vertical space, but never at the top of a page, and
// breaks the page instead of leaving space at its bottom.
func (l *layout) space(h float64) {
	if l.atTop() {
		return
	}
	if !l.fits(h) {
		l.newPage()
		return
	}
	l.add(row.New(h))
}

// mark adds an entry to the outline: a bookmark component in the next row
// added, so that the entry points wherever maroto draws that row. Call it
// just before adding the row it names.
func (l *layout) mark(title string, level int) {
	l.marks = append(l.marks, mark{title: title, level: level})
	l.pending = append(l.pending, mark{title: title, level: level})
}
