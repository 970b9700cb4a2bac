package xlsx

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The rows of a table are written here, not by excelize's StreamWriter:
// its SetRow was half of a large workbook's time (a cell struct, an
// inline string struct and its escaped copy per cell, and a cell name
// formatted per cell). excelize writes each sheet with its header row;
// when it saves, zipWriter puts the rows this file writes before the
// sheet's </sheetData>, so no row is held in memory, and they are
// deflated with the rest of the part. The cells are those excelize
// writes, byte for byte in content (TestFastRowsMatchExcelize): inline
// strings escaped and cut as excelize does, numbers, booleans and dates
// as serial numbers with the package's styles.

// sheetJob is what zipWriter adds to one worksheet part: the rows (nil
// when excelize wrote them) and the hyperlinks of its URL cells.
type sheetJob struct {
	rows  func(w io.Writer) ([]link, error)
	links []link
}

// rowWriter writes rows [lo, hi) of a table as worksheet XML.
type rowWriter struct {
	b      *book
	t      *table
	lo, hi int
	widths []float64
	cols   [][]byte // column letters
	styles []int    // column styles
	buf    []byte
}

func (b *book) rowWriter(t *table, lo, hi int, widths []float64) *rowWriter {
	rw := &rowWriter{b: b, t: t, lo: lo, hi: hi, widths: widths}
	for c, col := range t.cols {
		name, _ := excelize.ColumnNumberToName(c + 1)
		rw.cols = append(rw.cols, []byte(name))
		rw.styles = append(rw.styles, b.colStyle(col.kind))
	}
	return rw
}

// flushAt is how much XML is gathered before it is written on.
const flushAt = 256 << 10

// write writes the rows to w and returns the hyperlinks of their URL
// cells, at most maxLinks.
func (rw *rowWriter) write(w io.Writer) ([]link, error) {
	t, s := rw.t, rw.b.styles
	vals := make([]any, len(t.cols))
	var links []link
	rw.buf = make([]byte, 0, flushAt+64<<10)
	for i := rw.lo; i < rw.hi; i++ {
		clear(vals)
		t.row(i, vals)
		r := i - rw.lo + 2
		lines := 1
		for c, col := range t.cols {
			if v, ok := vals[c].(string); ok && col.kind == wrapCol {
				lines = max(lines, wrappedLines(v, rw.widths[c]))
			}
		}
		rw.buf = append(rw.buf, `<row r="`...)
		rw.buf = strconv.AppendInt(rw.buf, int64(r), 10)
		rw.buf = append(rw.buf, '"')
		if lines > 1 {
			rw.buf = append(rw.buf, ` ht="`...)
			rw.buf = strconv.AppendFloat(rw.buf, rowHeight(lines), 'f', -1, 64)
			rw.buf = append(rw.buf, `" customHeight="1"`...)
		}
		rw.buf = append(rw.buf, '>')
		for c, v := range vals {
			style := rw.styles[c]
			switch v := v.(type) {
			case string:
				if v == "" {
					continue
				}
				if t.cols[c].kind == linkCol {
					target, ok := linkTarget(v)
					if !ok || len(links) == maxLinks {
						style = s.text // not a link: plain text, not blue and underlined
					} else {
						ref, _ := excelize.CoordinatesToCellName(c+1, r)
						links = append(links, link{ref: ref, target: target})
					}
				}
				rw.cellStart(c, r, style, "inlineStr")
				rw.inlineString(v)
			case int:
				rw.cellStart(c, r, style, "")
				rw.buf = append(rw.buf, `<v>`...)
				rw.buf = strconv.AppendInt(rw.buf, int64(v), 10)
				rw.buf = append(rw.buf, `</v></c>`...)
			case bool:
				rw.cellStart(c, r, s.boolean, "b")
				if v {
					rw.buf = append(rw.buf, `<v>1</v></c>`...)
				} else {
					rw.buf = append(rw.buf, `<v>0</v></c>`...)
				}
			case day:
				if v.t.IsZero() {
					continue
				}
				rw.serial(c, r, s.dateStyle(v.precision), v.t.UTC())
			case stamp:
				t := time.Time(v)
				if t.IsZero() {
					continue
				}
				rw.serial(c, r, s.dateTime, time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC))
			case nil:
			default:
				panic(fmt.Sprintf("xlsx: a row value of type %T", v))
			}
		}
		rw.buf = append(rw.buf, `</row>`...)
		if len(rw.buf) >= flushAt {
			if _, err := w.Write(rw.buf); err != nil {
				return nil, err
			}
			rw.buf = rw.buf[:0]
		}
	}
	if _, err := w.Write(rw.buf); err != nil {
		return nil, err
	}
	rw.buf = nil
	return links, nil
}

// cellStart writes <c r="B7" s="3" t="...">, without the closing tag's
// content.
func (rw *rowWriter) cellStart(c, r, style int, typ string) {
	rw.buf = append(rw.buf, `<c r="`...)
	rw.buf = append(rw.buf, rw.cols[c]...)
	rw.buf = strconv.AppendInt(rw.buf, int64(r), 10)
	rw.buf = append(rw.buf, '"')
	if style != 0 {
		rw.buf = append(rw.buf, ` s="`...)
		rw.buf = strconv.AppendInt(rw.buf, int64(style), 10)
		rw.buf = append(rw.buf, '"')
	}
	if typ != "" {
		rw.buf = append(rw.buf, ` t="`...)
		rw.buf = append(rw.buf, typ...)
		rw.buf = append(rw.buf, '"')
	}
	rw.buf = append(rw.buf, '>')
}

// excel1900 is day 0 of Excel's 1900 date system; excelBug is the first
// day Excel counts one too many (it has a 29 February 1900).
var (
	excel1900 = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelBug  = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC)
)

const dayNanos = int64(24 * time.Hour)

// serial writes a date cell: its Excel serial number, as excelize
// computes it (days since excel1900, plus one from March 1900).
func (rw *rowWriter) serial(c, r, style int, t time.Time) {
	if t.Before(excel1900) {
		// excelize stores such a time as text; no date of the package's
		// range (1900–9999) is one.
		rw.cellStart(c, r, style, "")
		rw.buf = append(rw.buf, `<v>`...)
		rw.buf = append(rw.buf, t.Format(time.RFC3339Nano)...)
		rw.buf = append(rw.buf, `</v></c>`...)
		return
	}
	secs := t.Unix() - excel1900.Unix()
	days := secs / 86400
	rem := (secs%86400)*int64(time.Second) + int64(t.Nanosecond())
	v := float64(days) + float64(rem)/float64(dayNanos)
	if !t.Before(excelBug) {
		v++
	}
	rw.cellStart(c, r, style, "")
	rw.buf = append(rw.buf, `<v>`...)
	rw.buf = strconv.AppendFloat(rw.buf, v, 'f', -1, 64)
	rw.buf = append(rw.buf, `</v></c>`...)
}

// inlineString writes <is><t>s</t></is></c> as excelize's setInlineStr
// and writeCell do: cut to a cell's 32,767 UTF-16 units, xml:space
// preserve when it starts or ends with white space, escaped as
// encoding/xml escapes text but with newlines kept, and "_xHHHH_" escaped
// (OOXML reads it as a character).
func (rw *rowWriter) inlineString(s string) {
	if len(s) > excelize.TotalCellChars && utf16Len(s) > excelize.TotalCellChars {
		s = truncateUTF16(s, excelize.TotalCellChars)
	}
	rw.buf = append(rw.buf, `<is><t`...)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		rw.buf = append(rw.buf, ` xml:space="preserve"`...)
	}
	rw.buf = append(rw.buf, '>')
	if strings.Contains(s, "_x") {
		var esc []byte
		esc = appendEscaped(esc, s)
		rw.buf = append(rw.buf, bstrMarshal(string(esc))...)
	} else {
		rw.buf = appendEscaped(rw.buf, s)
	}
	rw.buf = append(rw.buf, `</t></is></c>`...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func truncateUTF16(s string, length int) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > length {
			return s[:i]
		}
	}
	return s
}

// appendEscaped appends s escaped as xml.EscapeText does, except that a
// newline stays a newline (excelize turns "&#xA;" back into "\n").
func appendEscaped(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '\n':
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if !inXMLRange(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			dst = append(dst, s[last:i]...)
			dst = append(dst, esc...)
			last = i + width
		}
		i += width
	}
	return append(dst, s[last:]...)
}

// inXMLRange is encoding/xml's isInCharacterRange.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// bstrMarshal is excelize's (lib.go, unexported): "_xHHHH_" in text would
// be read as the character U+HHHH, so its underscore is escaped.
var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}
