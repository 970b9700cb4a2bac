package pdf

import (
	"sync"

	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/phpdave11/gofpdf"
)

// gofpdfWidths answers "how wide is this rune" with gofpdf's own character
// widths, which maroto wraps text by. One gofpdf document holding the
// embedded faces serves every render; it is never drawn on.
type gofpdfWidths struct {
	mu  sync.Mutex
	pdf *gofpdf.Fpdf
}

var sharedWidths = sync.OnceValue(func() *gofpdfWidths {
	// gofpdf.New reads the package defaults newMaroto sets for a moment.
	fpdfDefaults.Lock()
	defer fpdfDefaults.Unlock()
	p := gofpdf.New("P", "mm", "A4", "")
	for _, f := range append(customFonts(), boldOblique) {
		p.AddUTF8FontFromBytes(f.Family, string(f.Style), f.Bytes)
	}
	return &gofpdfWidths{pdf: p}
})

// symbol is gofpdf's width of r in the face, in 1/1000 of the font size.
func (g *gofpdfWidths) symbol(face fontstyle.Type, r rune) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pdf.SetFont(family, string(face), sizeBody)
	return g.pdf.GetStringSymbolWidth(string(r))
}

// unit is gofpdf's font size in mm for size pt (GetStringWidth's factor).
func (g *gofpdfWidths) unit(face fontstyle.Type, size float64) float64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pdf.SetFont(family, string(face), size)
	_, u := g.pdf.GetFontSize()
	return u
}

// wrapper breaks text into lines exactly as maroto does (greedy, at
// spaces, widths summed as gofpdf sums them), in one pass over the words,
// so that the layout can split a long text across pages without measuring
// what is left of it again on every page. It caches widths per rune and is
// not safe for concurrent use; every layout makes its own.
type wrapper struct {
	g     *gofpdfWidths
	ascii map[fontstyle.Type]*[128]int32 // width + 1; 0 = not yet known
	other map[fontstyle.Type]map[rune]int
	units map[unitKey]float64
}

type unitKey struct {
	face fontstyle.Type
	size float64
}

func newWrapper() *wrapper {
	return &wrapper{
		g:     sharedWidths(),
		ascii: map[fontstyle.Type]*[128]int32{},
		other: map[fontstyle.Type]map[rune]int{},
		units: map[unitKey]float64{},
	}
}

// symbols is gofpdf's GetStringSymbolWidth(s) for the face.
func (w *wrapper) symbols(face fontstyle.Type, s string) int {
	ascii := w.ascii[face]
	if ascii == nil {
		ascii = new([128]int32)
		w.ascii[face] = ascii
		w.other[face] = map[rune]int{}
	}
	other := w.other[face]
	total := 0
	for _, r := range s {
		if r >= 0 && r < 128 {
			a := ascii[r]
			if a == 0 {
				a = int32(w.g.symbol(face, r)) + 1
				ascii[r] = a
			}
			total += int(a) - 1
			continue
		}
		a, ok := other[r]
		if !ok {
			a = w.g.symbol(face, r)
			other[r] = a
		}
		total += a
	}
	return total
}

func (w *wrapper) unit(face fontstyle.Type, size float64) float64 {
	k := unitKey{face, size}
	u, ok := w.units[k]
	if !ok {
		u = w.g.unit(face, size)
		w.units[k] = u
	}
	return u
}

// lineStarts wraps words (none empty, none holding a space) in a column
// width mm wide and returns the index of the first word of each line. It
// is maroto's getLinesBreakingLineFromSpace operation for operation, the
// floating-point sums included, so len(result) is what maroto's
// GetLinesQuantity returns for strings.Join(words, " "). Greedy wrapping
// starts each line afresh, so the words from a line start on wrap into the
// remaining lines: a text split at line starts needs wrapping only once.
func (w *wrapper) lineStarts(words []string, face fontstyle.Type, size, width float64) []int {
	if len(words) == 0 {
		return nil
	}
	unit := w.unit(face, size)
	space := w.symbols(face, " ")
	starts := []int{0}
	cur := float64(w.symbols(face, words[0])) * unit / 1000
	for i := 1; i < len(words); i++ {
		sw := w.symbols(face, words[i])
		piece := float64(space+sw) * unit / 1000 // " " + word, as maroto measures it
		if cur+piece <= width {
			cur += piece
			continue
		}
		starts = append(starts, i)
		cur = float64(sw) * unit / 1000
	}
	return starts
}
