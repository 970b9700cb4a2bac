package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// addOutline appends the PDF outline (bookmarks) to the document gofpdf
// wrote, as an incremental update (ISO 32000-1 §7.5.6): new outline
// objects, a new catalog pointing at them, and a cross-reference section
// for just those objects. The original bytes are kept as they are.
//
// maroto does not expose gofpdf's own bookmarks, and rewriting the file
// with pdfcpu would stamp it with the clock (dates, producer and a
// time-based /ID, none of which can be configured) and cost a full parse
// and rewrite. An update written here is deterministic and cheap.
//
// pages is the page count layout expects; a mismatch means the layout lost
// track of maroto's pagination, and the bookmarks would point to the wrong
// pages, so it is reported as an error.
func addOutline(doc []byte, marks []mark, pages int) ([]byte, error) {
	p, err := parseTrailer(doc)
	if err != nil {
		return nil, err
	}
	kids, err := p.pageRefs(doc)
	if err != nil {
		return nil, err
	}
	if len(kids) != pages {
		return nil, fmt.Errorf("pdf: layout counted %d pages but the document has %d", pages, len(kids))
	}
	if len(marks) == 0 {
		return doc, nil
	}
	catalog, err := p.object(doc, p.root)
	if err != nil {
		return nil, err
	}
	body, ok := dictBody(catalog)
	if !ok {
		return nil, errors.New("pdf: cannot read the document catalog")
	}

	items := outlineTree(marks)
	first := p.size // object number of the outline root; items follow
	num := func(i int) int { return first + 1 + i }

	var out bytes.Buffer
	out.Write(doc)
	if !bytes.HasSuffix(doc, []byte("\n")) {
		out.WriteByte('\n')
	}
	offsets := map[int]int{}
	obj := func(n int, dict string) {
		offsets[n] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n<<%s>>\nendobj\n", n, dict)
	}

	top := items.children(-1)
	obj(first, fmt.Sprintf("/Type /Outlines /First %d 0 R /Last %d 0 R /Count %d", num(top[0]), num(top[len(top)-1]), len(items)))
	for i, it := range items {
		m := it.mark
		parent := first
		if it.parent >= 0 {
			parent = num(it.parent)
		}
		var d bytes.Buffer
		fmt.Fprintf(&d, "/Title %s /Parent %d 0 R", textString(m.title), parent)
		sib := items.children(it.parent)
		for j, s := range sib {
			if s != i {
				continue
			}
			if j > 0 {
				fmt.Fprintf(&d, " /Prev %d 0 R", num(sib[j-1]))
			}
			if j < len(sib)-1 {
				fmt.Fprintf(&d, " /Next %d 0 R", num(sib[j+1]))
			}
		}
		if kids := items.children(i); len(kids) > 0 {
			fmt.Fprintf(&d, " /First %d 0 R /Last %d 0 R /Count %d", num(kids[0]), num(kids[len(kids)-1]), len(kids))
		}
		// Point a little above the heading, in PDF units (pt from the bottom).
		y := (pageHeight - m.y + 2) * 72 / 25.4
		fmt.Fprintf(&d, " /Dest [%d 0 R /XYZ null %.2f null]", kids[m.page-1], y)
		obj(num(i), d.String())
	}
	extra := " /Outlines " + strconv.Itoa(first) + " 0 R"
	if !bytes.Contains(body, []byte("/PageMode")) {
		extra += " /PageMode /UseOutlines"
	}
	obj(p.root, string(body)+extra)

	xref := out.Len()
	out.WriteString("xref\n")
	fmt.Fprintf(&out, "%d 1\n%010d 00000 n \n", p.root, offsets[p.root])
	fmt.Fprintf(&out, "%d %d\n", first, len(items)+1)
	for n := first; n <= num(len(items)-1); n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R", num(len(items)-1)+1, p.root)
	if p.info > 0 {
		fmt.Fprintf(&out, " /Info %d 0 R", p.info)
	}
	fmt.Fprintf(&out, " /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", p.startxref, xref)
	return out.Bytes(), nil
}

// item is a bookmark with the index of its parent (-1 for the top level).
type item struct {
	mark   mark
	parent int
}

type outline []item

// outlineTree nests each level-1 mark under the level-0 mark before it.
func outlineTree(marks []mark) outline {
	var items outline
	parent := -1
	for _, m := range marks {
		it := item{mark: m, parent: -1}
		if m.level > 0 && parent >= 0 {
			it.parent = parent
		}
		if it.parent == -1 {
			parent = len(items)
		}
		items = append(items, it)
	}
	return items
}

func (o outline) children(parent int) []int {
	var c []int
	for i, it := range o {
		if it.parent == parent {
			c = append(c, i)
		}
	}
	return c
}

// textString encodes s as a PDF text string: UTF-16BE with a byte order
// mark, in hex so that no character needs escaping.
func textString(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// trailer is what the update needs from the original file.
type trailer struct {
	size, root, info int
	startxref        int
	offsets          map[int]int // object number → byte offset, from the xref table
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefHeadRe  = regexp.MustCompile(`^xref\s+`)
	subsecRe    = regexp.MustCompile(`^(\d+) (\d+)\s+`)
	entryRe     = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])[ \r\n]{2}`)
	sizeRe      = regexp.MustCompile(`/Size (\d+)`)
	rootRe      = regexp.MustCompile(`/Root (\d+) 0 R`)
	infoRe      = regexp.MustCompile(`/Info (\d+) 0 R`)
	kidsRe      = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	pagesRe     = regexp.MustCompile(`/Pages (\d+) 0 R`)
	refRe       = regexp.MustCompile(`(\d+) 0 R`)
)

// parseTrailer reads the classic cross-reference table and trailer that
// gofpdf writes at the end of the file.
func parseTrailer(doc []byte) (*trailer, error) {
	bad := func(what string) error { return fmt.Errorf("pdf: unexpected document structure: %s", what) }
	m := startxrefRe.FindSubmatch(doc)
	if m == nil {
		return nil, bad("no startxref")
	}
	t := &trailer{offsets: map[int]int{}}
	t.startxref, _ = strconv.Atoi(string(m[1]))
	if t.startxref >= len(doc) {
		return nil, bad("startxref out of range")
	}
	rest := doc[t.startxref:]
	h := xrefHeadRe.Find(rest)
	if h == nil {
		return nil, bad("no xref table")
	}
	rest = rest[len(h):]
	for {
		s := subsecRe.FindSubmatch(rest)
		if s == nil {
			break
		}
		rest = rest[len(s[0]):]
		start, _ := strconv.Atoi(string(s[1]))
		count, _ := strconv.Atoi(string(s[2]))
		for i := range count {
			e := entryRe.FindSubmatch(rest)
			if e == nil {
				return nil, bad("malformed xref entry")
			}
			rest = rest[len(e[0]):]
			if string(e[3]) == "n" {
				off, _ := strconv.Atoi(string(e[1]))
				t.offsets[start+i] = off
			}
		}
	}
	end := bytes.Index(rest, []byte("startxref"))
	if !bytes.HasPrefix(bytes.TrimSpace(rest), []byte("trailer")) || end < 0 {
		return nil, bad("no trailer")
	}
	dict := rest[:end]
	for _, f := range []struct {
		re  *regexp.Regexp
		dst *int
	}{{sizeRe, &t.size}, {rootRe, &t.root}, {infoRe, &t.info}} {
		if v := f.re.FindSubmatch(dict); v != nil {
			*f.dst, _ = strconv.Atoi(string(v[1]))
		}
	}
	if t.size == 0 || t.root == 0 {
		return nil, bad("trailer without /Size or /Root")
	}
	return t, nil
}

// object returns the text of object n, from "n 0 obj" to "endobj".
func (t *trailer) object(doc []byte, n int) ([]byte, error) {
	off, ok := t.offsets[n]
	if !ok || off >= len(doc) {
		return nil, fmt.Errorf("pdf: object %d is not in the cross-reference table", n)
	}
	head := fmt.Appendf(nil, "%d 0 obj", n)
	if !bytes.HasPrefix(doc[off:], head) {
		return nil, fmt.Errorf("pdf: object %d is not where the cross-reference table says", n)
	}
	end := bytes.Index(doc[off:], []byte("endobj"))
	if end < 0 {
		return nil, fmt.Errorf("pdf: object %d has no end", n)
	}
	return doc[off+len(head) : off+end], nil
}

// pageRefs lists the page objects in order, from the page tree root. gofpdf
// writes a flat tree: one /Pages node whose kids are all the pages.
func (t *trailer) pageRefs(doc []byte) ([]int, error) {
	cat, err := t.object(doc, t.root)
	if err != nil {
		return nil, err
	}
	m := pagesRe.FindSubmatch(cat)
	if m == nil {
		return nil, errors.New("pdf: catalog without /Pages")
	}
	n, _ := strconv.Atoi(string(m[1]))
	pages, err := t.object(doc, n)
	if err != nil {
		return nil, err
	}
	k := kidsRe.FindSubmatch(pages)
	if k == nil {
		return nil, errors.New("pdf: page tree without /Kids")
	}
	var refs []int
	for _, r := range refRe.FindAllSubmatch(k[1], -1) {
		v, _ := strconv.Atoi(string(r[1]))
		refs = append(refs, v)
	}
	return refs, nil
}

// dictBody returns what is between the outermost << and >> of an object.
func dictBody(obj []byte) ([]byte, bool) {
	i := bytes.Index(obj, []byte("<<"))
	j := bytes.LastIndex(obj, []byte(">>"))
	if i < 0 || j < i {
		return nil, false
	}
	return obj[i+2 : j], true
}
