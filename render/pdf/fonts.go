package pdf

import (
	"math"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// family is the name the embedded DejaVu Sans faces are registered under.
// It must not be one of the PDF core fonts (helvetica, arial…), which
// maroto would translate to a single-byte code page.
const family = "dejavusans"

// fontName is how warnings name the font.
const fontName = "DejaVu Sans"

// customFonts registers the embedded faces with maroto. Oblique is only
// used for the renderer's own fixed wording, never for report data, so
// report data is checked against the regular and bold faces only.
func customFonts() []*entity.CustomFont {
	return []*entity.CustomFont{
		{Family: family, Style: fontstyle.Normal, Bytes: dejavusans.TTF},
		{Family: family, Style: fontstyle.Bold, Bytes: dejavusansbold.TTF},
		{Family: family, Style: fontstyle.Italic, Bytes: dejavusansoblique.TTF},
	}
}

// boldOblique is registered only for a note whose assessment asks for
// bold and emphasis at once: gofpdf embeds every registered face, used or
// not, and a note without it must keep its bytes.
var boldOblique = &entity.CustomFont{Family: family, Style: fontstyle.BoldItalic, Bytes: dejavusansboldoblique.TTF}

// faces holds the parsed regular and bold faces. sfnt.Font is read-only
// after Parse and safe to share; each user brings its own sfnt.Buffer.
type faces struct {
	regular, bold *sfnt.Font
	err           error
}

var loadFaces = sync.OnceValue(func() *faces {
	f := &faces{}
	if f.regular, f.err = sfnt.Parse(dejavusans.TTF); f.err != nil {
		return f
	}
	f.bold, f.err = sfnt.Parse(dejavusansbold.TTF)
	return f
})

// metrics answers two questions about the fonts for one render: does a
// rune have a glyph, and how wide is a string. It caches per rune and is
// not safe for concurrent use; every Render makes its own.
type metrics struct {
	f       *faces
	buf     sfnt.Buffer
	covered map[rune]bool
	widths  [2]map[rune]int // [regular, bold] advance in 1/1000 em
	ascii   [2][128]int32   // the same for ASCII, plus one; 0 = not yet known
}

func newMetrics() (*metrics, error) {
	f := loadFaces()
	if f.err != nil {
		return nil, f.err
	}
	return &metrics{f: f, covered: map[rune]bool{}, widths: [2]map[rune]int{{}, {}}}, nil
}

// has reports whether r can be drawn with every face report data is set
// in. gofpdf reads only the font's BMP character map (format 4) and writes
// two-byte codes, so a rune above U+FFFF cannot be drawn even when DejaVu
// has a glyph for it.
func (m *metrics) has(r rune) bool {
	if r < 0x7f && r >= 0x20 {
		return true // DejaVu covers printable ASCII
	}
	if ok, seen := m.covered[r]; seen {
		return ok
	}
	ok := r <= 0xffff && m.glyph(m.f.regular, r) && m.glyph(m.f.bold, r)
	m.covered[r] = ok
	return ok
}

func (m *metrics) glyph(f *sfnt.Font, r rune) bool {
	i, err := f.GlyphIndex(&m.buf, r)
	return err == nil && i != 0
}

// width returns the width of s in mm at size pt, the way gofpdf measures
// it: advances rounded to 1/1000 em, summed, scaled by the size.
func (m *metrics) width(s string, size float64, bold bool) float64 {
	face, f := 0, m.f.regular
	if bold {
		face, f = 1, m.f.bold
	}
	w, ascii := m.widths[face], &m.ascii[face]
	total := 0
	for _, r := range s {
		if r < 128 {
			a := ascii[r]
			if a == 0 {
				a = int32(m.advance(f, r)) + 1
				ascii[r] = a
			}
			total += int(a) - 1
			continue
		}
		a, ok := w[r]
		if !ok {
			a = m.advance(f, r)
			w[r] = a
		}
		total += a
	}
	return float64(total) * size / 1000 * 25.4 / 72
}

func (m *metrics) advance(f *sfnt.Font, r rune) int {
	upem := f.UnitsPerEm()
	i, err := f.GlyphIndex(&m.buf, r)
	if err != nil || i == 0 {
		return 500 // gofpdf's width for a character the font lacks
	}
	adv, err := f.GlyphAdvance(&m.buf, i, fixed.I(int(upem)), 0)
	if err != nil {
		return 500
	}
	units := float64(adv) / 64
	return int(math.Round(units * 1000 / float64(upem)))
}
