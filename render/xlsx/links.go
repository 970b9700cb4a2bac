package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
)

// maxLinks is Excel's limit of hyperlinks in one worksheet; the URLs of
// later rows stay readable text.
const maxLinks = 65530

// maxURL is the longest address Excel accepts in a hyperlink.
const maxURL = 2079

// linkIDBase numbers the hyperlink relationships of a sheet (rId1001, …)
// clear of the ones excelize gives its table and drawing, which it writes
// only after the sheet; addLinkRels checks that they do not collide.
const linkIDBase = 1000

// link is a hyperlink from a cell to an external address.
type link struct {
	ref    string // "D2"
	target string
}

// linkTarget returns the address a URL cell links to, or false when the
// text should not become a link: only absolute http(s) addresses do, so a
// source can never make a cell open a file or run something.
func linkTarget(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	t := u.String() // escapes spaces and the like, which a relationship target may not hold
	if len(t) > maxURL {
		return "", false
	}
	return t, true
}

// linkID is the relationship id of a sheet's i-th hyperlink.
func linkID(i int) string { return "rId" + strconv.Itoa(linkIDBase+i+1) }

// hyperlinksXML is the <hyperlinks> element of a worksheet. It follows
// </sheetData> directly: the elements the schema puts in between
// (sheetProtection, autoFilter, mergeCells, conditionalFormatting,
// dataValidations, …) are never written by this package.
func hyperlinksXML(ls []link) []byte {
	var b bytes.Buffer
	b.WriteString("<hyperlinks>")
	for i, l := range ls {
		b.WriteString(`<hyperlink ref="`)
		b.WriteString(l.ref)
		b.WriteString(`" r:id="`)
		b.WriteString(linkID(i))
		b.WriteString(`"/>`)
	}
	b.WriteString("</hyperlinks>")
	return b.Bytes()
}

const nsRels = "http://schemas.openxmlformats.org/package/2006/relationships"

const relHyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

const emptyRels = xml.Header + `<Relationships xmlns="` + nsRels + `"></Relationships>`

type relationships struct {
	XMLName xml.Name       `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Rels    []relationship `xml:"Relationship"`
}

type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr,omitempty"`
}

// addLinkRels adds the relationships of a sheet's hyperlinks to its
// relationships part.
func addLinkRels(src []byte, ls []link) ([]byte, error) {
	var rs relationships
	if err := xml.Unmarshal(src, &rs); err != nil {
		return nil, err
	}
	for _, r := range rs.Rels {
		if n, err := strconv.Atoi(r.ID[min(3, len(r.ID)):]); err == nil && n > linkIDBase {
			return nil, fmt.Errorf("relationship %s collides with the hyperlink ids", r.ID)
		}
	}
	for i, l := range ls {
		rs.Rels = append(rs.Rels, relationship{ID: linkID(i), Type: relHyperlink, Target: l.target, TargetMode: "External"})
	}
	out, err := xml.Marshal(rs)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

// injector copies a worksheet to w, writing the rows before the first
// occurrence of marker (</sheetData>) and the hyperlinks they return, with
// those already in *links, right after it. It holds back at most
// len(marker)-1 bytes, so a sheet of any size passes through in constant
// memory. In a worksheet the marker cannot occur earlier: cell text has
// its '<' escaped.
type injector struct {
	w      io.Writer
	marker []byte
	before func(io.Writer) ([]link, error) // nil: no rows to add
	links  *[]link
	tail   []byte // held-back bytes that may start the marker
	buf    []byte // tail + the current write, reused
	done   bool
}

func (in *injector) Write(p []byte) (int, error) {
	n := len(p)
	if in.done {
		_, err := in.w.Write(p)
		return n, err
	}
	data := p
	if len(in.tail) > 0 {
		// The marker may straddle this write and earlier ones.
		in.buf = append(append(in.buf[:0], in.tail...), p...)
		data = in.buf
	}
	if i := bytes.Index(data, in.marker); i >= 0 {
		end := i + len(in.marker)
		in.done, in.tail, in.buf = true, nil, nil
		if _, err := in.w.Write(data[:i]); err != nil {
			return 0, err
		}
		if in.before != nil {
			ls, err := in.before(in.w)
			if err != nil {
				return 0, err
			}
			*in.links = append(*in.links, ls...)
		}
		var insert []byte
		if len(*in.links) > 0 {
			insert = hyperlinksXML(*in.links)
		}
		for _, b := range [][]byte{data[i:end], insert, data[end:]} {
			if _, err := in.w.Write(b); err != nil {
				return 0, err
			}
		}
		return n, nil
	}
	keep := min(len(data), len(in.marker)-1)
	if _, err := in.w.Write(data[:len(data)-keep]); err != nil {
		return 0, err
	}
	// Copied: data may be the caller's p or in.buf, both reused.
	in.tail = append(in.tail[:0:0], data[len(data)-keep:]...)
	return n, nil
}

// Close writes what was held back; it fails when the marker never came.
func (in *injector) Close() error {
	if in.done {
		return nil
	}
	if _, err := in.w.Write(in.tail); err != nil {
		return err
	}
	return errors.New("no </sheetData> to put rows and hyperlinks at")
}
