package pdf

import (
	"sync"
	"time"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/phpdave11/gofpdf"
)

// fpdfDefaults guards gofpdf's package-level defaults, which gofpdf.New
// (called by maroto.New) copies into the document it creates: newMaroto
// sets them for one document, and every other gofpdf.New takes it too.
var fpdfDefaults sync.Mutex

// newMaroto creates the document with gofpdf's reproducibility switches
// on: the creation and modification dates are the report's, not the clock,
// and catalog objects (fonts among them) are written in sorted order
// rather than map order. gofpdf only offers these as package defaults;
// they are reset right after, so nothing else sees them.
func newMaroto(cfg *configured) core.Maroto {
	fpdfDefaults.Lock()
	defer fpdfDefaults.Unlock()
	gofpdf.SetDefaultCatalogSort(true)
	// gofpdf writes dates without a zone, which readers take as UTC.
	gofpdf.SetDefaultCreationDate(cfg.at.UTC())
	gofpdf.SetDefaultModificationDate(cfg.at.UTC())
	defer func() {
		gofpdf.SetDefaultCreationDate(time.Time{})
		gofpdf.SetDefaultModificationDate(time.Time{})
		gofpdf.SetDefaultCatalogSort(false)
	}()
	return maroto.New(cfg.b.Build())
}

// configured is a maroto configuration with the time it is dated.
type configured struct {
	b  config.Builder
	at time.Time
}

func (b *briefing) config() *configured {
	r := b.r
	at := r.GeneratedAt
	if at.IsZero() {
		at = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) // never "now": bytes must not depend on the clock
	}
	cb := config.NewBuilder().
		WithDimensions(pageWidth, pageHeight).
		WithLeftMargin(marginLeft).WithRightMargin(marginRight).
		WithTopMargin(marginTop).WithBottomMargin(marginBottom).
		WithSequentialMode().
		WithMaxGridSize(grid).
		WithCompression(true).
		WithCustomFonts(b.fonts()).
		WithDefaultFont(&props.Font{Family: family, Size: sizeBody, Color: ink}).
		WithPageNumber(props.PageNumber{
			Pattern: "Page {current} of {total}", Place: props.RightBottom,
			Family: family, Size: sizeSmall, Color: muted,
		}).
		WithTitle(b.g.clean(b.title()), true).
		WithSubject(b.g.clean(r.Period.Label), true).
		WithCreator("briefing "+r.Version, true).
		WithCreationDate(at.UTC())
	if r.Organization != "" {
		cb = cb.WithAuthor(b.g.clean(r.Organization), true)
	}
	return &configured{b: cb, at: at}
}

// title is the document title, with the pair for a per-pair briefing.
func (b *briefing) title() string {
	if b.s.only != nil {
		return b.r.Title + ": " + b.pairName(b.s.only)
	}
	return b.r.Title
}

// fonts are the faces the note embeds: bold oblique only when the
// assessment uses it.
func (b *briefing) fonts() []*entity.CustomFont {
	fs := customFonts()
	if usesBoldOblique(b.a) {
		fs = append(fs, boldOblique)
	}
	return fs
}
