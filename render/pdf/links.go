package pdf

import (
	"reflect"
	"unsafe"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
)

// linker is the part of gofpdf's document that links within the note
// and bookmarks need: maroto draws URI links (props.Text.Hyperlink) but
// has neither links within the document nor an outline.
type linker interface {
	AddLink() int
	SetLink(link int, y float64, page int)
	Link(x, y, w, h float64, link int)
	Bookmark(txtStr string, level int, y float64)
	GetMargins() (left, top, right, bottom float64)
	PageNo() int
}

// fpdfOf returns the gofpdf document behind maroto's provider, which keeps
// it in an unexported field: maroto v2 offers no other way to it. The
// field's name and type are checked (not assumed), and a provider without
// it gives nil: links are then left out, and TestLinks fails.
func fpdfOf(prov core.Provider) linker {
	v := reflect.ValueOf(prov)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("fpdf")
	if !f.IsValid() || f.Kind() != reflect.Interface || !f.CanAddr() {
		return nil
	}
	f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	l, _ := f.Interface().(linker)
	return l
}

// document returns the gofpdf document being drawn, once a component
// has been drawn with its provider.
func (k *links) document(prov core.Provider) linker {
	if k.doc == nil {
		k.doc = fpdfOf(prov)
	}
	return k.doc
}

// pages is the number of pages drawn, 0 before any.
func (k *links) pages() int {
	if k.doc == nil {
		return 0
	}
	return k.doc.PageNo()
}

// links connects the places a note links from to the places it links to,
// by name ("pair:AZE-GEO"). Layout registers every target it lays out
// before any page is drawn, so a link is drawn only when its target
// exists; gofpdf numbers the links as the pages are drawn.
type links struct {
	targets map[string]bool
	ids     map[string]int
	doc     linker // the document being drawn; set by the first component drawn
}

func newLinks() *links { return &links{targets: map[string]bool{}, ids: map[string]int{}} }

func (k *links) id(prov core.Provider, name string) (linker, int, bool) {
	if k.document(prov) == nil {
		return nil, 0, false
	}
	id, ok := k.ids[name]
	if !ok {
		id = k.doc.AddLink()
		k.ids[name] = id
	}
	return k.doc, id, true
}

// anchor is an invisible component that marks where a link target is: the
// top of its cell, on the page it is drawn on.
type anchor struct {
	k    *links
	name string
}

func (a *anchor) GetHeight(core.Provider, *entity.Cell) float64 { return 0 }
func (a *anchor) SetConfig(*entity.Config)                      {}
func (a *anchor) Render(prov core.Provider, cell *entity.Cell) {
	if doc, id, ok := a.k.id(prov, a.name); ok {
		_, top, _, _ := doc.GetMargins()
		doc.SetLink(id, top+cell.Y, -1)
	}
}
func (a *anchor) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "anchor", Value: a.name})
}

// linkArea is an invisible component that makes its whole cell a link to
// a target, when the note has it.
type linkArea struct {
	k    *links
	name string
}

func (a *linkArea) GetHeight(core.Provider, *entity.Cell) float64 { return 0 }
func (a *linkArea) SetConfig(*entity.Config)                      {}
func (a *linkArea) Render(prov core.Provider, cell *entity.Cell) {
	if !a.k.targets[a.name] {
		return
	}
	if doc, id, ok := a.k.id(prov, a.name); ok {
		left, top, _, _ := doc.GetMargins()
		doc.Link(left+cell.X, top+cell.Y, cell.Width, cell.Height, id)
	}
}
func (a *linkArea) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "link", Value: a.name})
}

// bookmark is an invisible component that adds an entry to the PDF
// outline (gofpdf's bookmarks) at the top of its cell, on the page it is
// drawn on: the page numbers are those of the rendered document.
type bookmark struct {
	k     *links
	title string
	level int
}

func (b *bookmark) GetHeight(core.Provider, *entity.Cell) float64 { return 0 }
func (b *bookmark) SetConfig(*entity.Config)                      {}
func (b *bookmark) Render(prov core.Provider, cell *entity.Cell) {
	if doc := b.k.document(prov); doc != nil {
		_, top, _, _ := doc.GetMargins()
		doc.Bookmark(b.title, b.level, top+cell.Y)
	}
}
func (b *bookmark) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "bookmark", Value: b.title, Details: map[string]any{"level": b.level}})
}
