package pipeline

import (
	"bytes"
	"math"
	"time"

	"github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Event files are decoded with pelletier/go-toml v2, which is several times
// faster than BurntSushi/toml (BENCHMARKS.md), but BurntSushi stays the
// reference: its messages, positions and verdicts are the product's. So
// go-toml only ever decodes files it accepts, its tree is turned into
// exactly the tree BurntSushi gives, and whenever go-toml rejects a file,
// or the file holds a value whose BurntSushi form go-toml's does not tell
// (the sign of -nan, Z against +00:00) or something BurntSushi reads its
// own way (empty keys, see shape), BurntSushi decodes the same bytes and
// its result is used as it is. FuzzDecodeParity checks that the two agree.

// decodeDoc decodes an event file (valid UTF-8, no BOM) into BurntSushi's
// tree, or returns BurntSushi's error.
func decodeDoc(src []byte) (map[string]any, error) {
	if doc, ok := fastDecode(src); ok {
		return doc, nil
	}
	return decodeReference(src)
}

// decodeReference is the BurntSushi decode, as the loader always did it.
func decodeReference(src []byte) (map[string]any, error) {
	var doc map[string]any
	_, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&doc)
	return doc, err
}

// BurntSushi marks local dates, date-times and times with zones of its
// internal package; decode.go tells them apart by those zones, so the
// converted values must carry the very same pointers.
var bsLocalDate, bsLocalDatetime, bsLocalTime = referenceLocalZones()

func referenceLocalZones() (date, datetime, tm *time.Location) {
	doc, err := decodeReference([]byte("d = 2000-01-01\ndt = 2000-01-01T00:00:00\nt = 00:00:00\n"))
	if err != nil {
		panic(err)
	}
	return doc["d"].(time.Time).Location(), doc["dt"].(time.Time).Location(), doc["t"].(time.Time).Location()
}

// fastDecode decodes src with go-toml. ok is false when go-toml rejects
// src or panics, or when BurntSushi's tree could differ from the converted
// one; the caller then asks BurntSushi.
func fastDecode(src []byte) (doc map[string]any, ok bool) {
	defer func() {
		// A bug in go-toml must not turn into a failed run: BurntSushi
		// decides instead.
		if recover() != nil {
			doc, ok = nil, false
		}
	}()
	if err := gotoml.Unmarshal(src, &doc); err != nil {
		return nil, false
	}
	if doc == nil {
		doc = map[string]any{} // BurntSushi's empty document
	}
	if !markArrayTables(src, doc) || !convertTable(doc, nil) {
		return nil, false
	}
	return doc, true
}

// arrayTable stands, while markArrayTables runs, for an array created by
// [[name]] headers: BurntSushi gives those as []map[string]any and arrays
// written inline (a = [{...}]) as []any, but go-toml gives []any for both.
// n is the number of headers seen so far, so elems[n-1] is the table the
// next header below this one extends.
type arrayTable struct {
	elems []any
	n     int
}

// markArrayTables replays the [[...]] headers of src, in order, over the
// decoded doc and wraps each array they created in an arrayTable, which
// convertTable turns into []map[string]any. It reports false when the
// headers do not fit the doc, which would be a disagreement with go-toml's
// own reading.
func markArrayTables(src []byte, doc map[string]any) bool {
	return scanArrayTables(src, func(key [][]byte) bool {
		cur := doc
		for _, k := range key[:len(key)-1] {
			switch v := cur[string(k)].(type) {
			case map[string]any:
				cur = v
			case *arrayTable:
				if cur, _ = v.elems[v.n-1].(map[string]any); cur == nil {
					return false
				}
			default:
				return false
			}
		}
		last := key[len(key)-1]
		switch v := cur[string(last)].(type) {
		case []any:
			if len(v) == 0 {
				return false
			}
			cur[string(last)] = &arrayTable{elems: v, n: 1}
		case *arrayTable:
			if v.n == len(v.elems) {
				return false
			}
			v.n++
		default:
			return false
		}
		return true
	})
}

// BurntSushi remembers a key's type, and whether its table was implicit,
// by the key's path without array indices, so what it saw in one element
// of an array can change how it reads the next: v1.6.0 drops a[1].x.z from
//
//	[[a]]
//	x = [1]
//	[[a]]
//	x.z = 2
//	x.y = 1
//
// It takes a path that is an inline array in one element and a table in
// another; the fast path hands such documents to BurntSushi. A shape
// collects the kinds of value found at one path across the elements of
// arrays.
type shape struct {
	kinds uint8
	kids  map[string]*shape
}

const (
	kindTable uint8 = 1 << iota
	kindArray
	kindArrayTable // harmless beside either: [[...]] never redefines a key
)

// at records a value of kind under key and returns key's shape. s is nil
// outside arrays, where every path occurs once; ok is false when the path
// has been both a table and an inline array.
func (s *shape) at(key string, kind uint8) (sub *shape, ok bool) {
	if s == nil {
		return nil, true
	}
	if s.kids == nil {
		s.kids = map[string]*shape{}
	}
	sub = s.kids[key]
	if sub == nil {
		sub = &shape{}
		s.kids[key] = sub
	}
	sub.kinds |= kind
	return sub, sub.kinds&(kindTable|kindArray) != kindTable|kindArray
}

// convertTable turns go-toml's values in m into BurntSushi's, in place;
// only values whose type changes are written back. sh is m's shape when m
// lies in an array.
func convertTable(m map[string]any, sh *shape) bool {
	for k, v := range m {
		if k == "" {
			// BurntSushi files the type of a value under an empty key as
			// that of the enclosing table or array, and then reads it
			// differently: v1.6.0 gives a = [1, {"" = 0}] as [{"" = 0}].
			return false
		}
		switch x := v.(type) {
		case string, int64, bool:
		case map[string]any:
			sub, ok := sh.at(k, kindTable)
			if !ok || !convertTable(x, sub) {
				return false
			}
		case []any:
			sub, ok := sh.at(k, kindArray)
			if !ok {
				return false
			}
			if sub == nil {
				sub = &shape{}
			}
			if !convertArray(x, sub) {
				return false
			}
		case *arrayTable:
			sub, ok := sh.at(k, kindArrayTable)
			if !ok || x.n != len(x.elems) {
				return false
			}
			if sub == nil {
				sub = &shape{}
			}
			tables := make([]map[string]any, len(x.elems))
			for i, e := range x.elems {
				t, ok := e.(map[string]any)
				if !ok || !convertTable(t, sub) {
					return false
				}
				tables[i] = t
			}
			m[k] = tables
		default:
			c, ok := convertScalar(v)
			if !ok {
				return false
			}
			m[k] = c
		}
	}
	return true
}

// convertArray converts the elements of an inline array in place. They
// share its shape: BurntSushi gives them the array's path.
func convertArray(a []any, sh *shape) bool {
	for i, e := range a {
		switch x := e.(type) {
		case string, int64, bool:
		case map[string]any:
			if !convertTable(x, sh) {
				return false
			}
		case []any:
			if !convertArray(x, sh) {
				return false
			}
		default:
			c, ok := convertScalar(e)
			if !ok {
				return false
			}
			a[i] = c
		}
	}
	return true
}

// convertScalar returns BurntSushi's form of a go-toml float or date/time.
func convertScalar(v any) (any, bool) {
	switch x := v.(type) {
	case float64:
		// go-toml drops the sign of -nan, which BurntSushi keeps.
		return v, !math.IsNaN(x)
	case gotoml.LocalDate:
		return time.Date(x.Year, time.Month(x.Month), x.Day, 0, 0, 0, 0, bsLocalDate), true
	case gotoml.LocalDateTime:
		return time.Date(x.Year, time.Month(x.Month), x.Day, x.Hour, x.Minute, x.Second, x.Nanosecond, bsLocalDatetime), true
	case gotoml.LocalTime:
		return time.Date(0, time.January, 1, x.Hour, x.Minute, x.Second, x.Nanosecond, bsLocalTime), true
	case time.Time:
		// BurntSushi parses offset date-times in time.Local: an offset
		// that Local has at that instant gets Local, others a fixed zone,
		// as go-toml gives them. A zero offset is ambiguous: Z gives UTC
		// but +00:00 Local or a fixed zone, and go-toml gives UTC for all.
		_, off := x.Zone()
		if off == 0 {
			return nil, false
		}
		if _, local := x.In(time.Local).Zone(); local == off {
			x = x.In(time.Local)
		}
		return x, true
	}
	return nil, false
}

// scanArrayTables calls visit with the key of every [[...]] header of src,
// in order, and stops when visit returns false. src must be a document
// go-toml accepted: relying on its validity, the scanner only tells the
// headers from text inside multi-line strings and values, which is much
// cheaper than parsing the document again. Header keys are decoded by
// go-toml's own parser, quoted parts included.
func scanArrayTables(src []byte, visit func(key [][]byte) bool) bool {
	var p unstable.Parser
	var key [][]byte
	for i := 0; i < len(src); i = nextLine(src, i) {
		i = skipBlank(src, i)
		if i == len(src) {
			break
		}
		switch src[i] {
		case '\n', '\r', '#':
		case '[':
			if i+1 == len(src) || src[i+1] != '[' {
				break
			}
			p.Reset(src[i:nextLine(src, i)])
			if !p.NextExpression() || p.Expression().Kind != unstable.ArrayTable {
				return false
			}
			key = key[:0]
			for it := p.Expression().Key(); it.Next(); {
				key = append(key, it.Node().Data)
			}
			if len(key) == 0 || !visit(key) {
				return false
			}
		default:
			// A key-value: only multi-line strings and values in brackets
			// go on past their first line; the rest of that last line is
			// blanks and a comment.
			if i = skipKey(src, i); i < 0 {
				return false
			}
			i = skipBlank(src, i)
			switch {
			case bytes.HasPrefix(src[i:], []byte(`"""`)):
				i = skipMultiline(src, i, '"')
			case bytes.HasPrefix(src[i:], []byte("'''")):
				i = skipMultiline(src, i, '\'')
			case i < len(src) && (src[i] == '[' || src[i] == '{'):
				i = skipBrackets(src, i)
			}
			if i < 0 {
				return false
			}
		}
	}
	return true
}

// nextLine returns the index just past the newline at or after i.
func nextLine(src []byte, i int) int {
	if i >= len(src) {
		return len(src)
	}
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(src)
}

func skipBlank(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// skipKey returns the index just past the '=' of the key-value at i.
func skipKey(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case '=':
			return i + 1
		case '"', '\'':
			if i = skipString(src, i); i < 0 {
				return -1
			}
		case '\n':
			return -1
		default:
			i++
		}
	}
	return -1
}

// skipString returns the index just past the one-line string at i.
func skipString(src []byte, i int) int {
	q := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case q:
			return i + 1
		case '\\':
			if q == '"' {
				i++
			}
		case '\n':
			return -1
		}
	}
	return -1
}

// skipMultiline returns the index just past the multi-line string at i,
// delimited by three q. Up to two more quotes after the closing delimiter
// belong to the string.
func skipMultiline(src []byte, i int, q byte) int {
	stops := "\"\\" // a quote, or a backslash escaping the next byte
	if q == '\'' {
		stops = "'" // no escapes in literal strings
	}
	for i += 3; i < len(src); i++ {
		j := bytes.IndexAny(src[i:], stops)
		if j < 0 {
			return -1
		}
		i += j
		if src[i] == '\\' {
			i++ // skip the escaped byte
			continue
		}
		if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
			i += 3
			for k := 0; k < 2 && i < len(src) && src[i] == q; k++ {
				i++
			}
			return i
		}
	}
	return -1
}

// skipBrackets returns the index just past the array or inline table at i,
// which may span lines and hold strings and comments.
func skipBrackets(src []byte, i int) int {
	depth := 0
	for i < len(src) {
		switch c := src[i]; c {
		case '[', '{':
			depth++
			i++
		case ']', '}':
			depth--
			i++
			if depth == 0 {
				return i
			}
		case '"', '\'':
			if i+2 < len(src) && src[i+1] == c && src[i+2] == c {
				i = skipMultiline(src, i, c)
			} else {
				i = skipString(src, i)
			}
			if i < 0 {
				return -1
			}
		case '#':
			i = nextLine(src, i)
		default:
			i++
		}
	}
	return -1
}
