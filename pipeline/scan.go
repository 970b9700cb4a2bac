package pipeline

import (
	"bytes"
	"strconv"
	"strings"
)

// BurntSushi/toml gives positions for syntax errors only; decoded keys carry
// none. scanSections is a light line scanner that recovers where each table
// header and key sits, so that problems found after decoding can still point
// at a line and column. It understands headers, bare and quoted keys and
// multi-line strings, which is all that curated event files use; anything it
// cannot place falls back to the enclosing header's line.

// section is one table of a TOML file: the top level, a [table] or one
// element of an [[array]].
type section struct {
	name  string // header name without brackets, "" for the top level
	array bool   // [[name]] rather than [name]
	line  int
	keys  map[string]Position // key as written → position of its value
}

func scanSections(file string, src []byte) []*section {
	return scan(file, src, true)
}

// scan is scanSections, and without keys it records only the table
// headers (every section's name, kind and line, and no keys): all that a
// file without problems needs, as events take their position from their
// header.
//
// It runs on every input file, so it spends little per line: it works on
// the file's bytes and makes a string of a line only when it needs one —
// for a header, or, without keys, for a line that may open a multi-line
// string. A line inside a multi-line string is looked at only when it
// holds the delimiter.
func scan(file string, src []byte, keys bool) []*section {
	newKeys := func() map[string]Position {
		if keys {
			return map[string]Position{}
		}
		return nil // never written; reading a nil map finds nothing
	}
	top := &section{line: 0, keys: newKeys()}
	secs := []*section{top}
	// latest is the index in secs of the latest section with each name,
	// for finding a header's parent without searching back through secs.
	latest := map[string]int{}
	cur := top
	var inMulti string // the open multi-line string delimiter, if any
	line := 0
	for len(src) > 0 {
		line++
		var raw []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			raw, src = src[:i], src[i+1:]
		} else {
			raw, src = src, nil
		}
		if inMulti != "" {
			if bytes.Contains(raw, []byte(inMulti)) && closeMulti(string(raw), inMulti) >= 0 {
				inMulti = ""
			}
			continue
		}
		indent := 0
		for indent < len(raw) && (raw[indent] == ' ' || raw[indent] == '\t') {
			indent++
		}
		switch {
		case indent < len(raw) && raw[indent] == '[':
			trimmed := headerLine(raw[indent:])
			array := strings.HasPrefix(trimmed, "[[")
			open, closing := "[", "]"
			if array {
				open, closing = "[[", "]]"
			}
			after := trimmed[len(open):]
			nameCol := indent + len(open) + len(after) - len(strings.TrimLeft(after, " \t")) + 1
			name := headerName(after, closing)
			cur = &section{name: name, array: array, line: line, keys: newKeys()}
			// A header also defines a key of its parent table ("meta" of the
			// top level for [meta], "participants" of the event for
			// [[event.participants]]), so problems with that key get a line.
			if parent := enclosing(secs, latest, name); parent != nil && keys {
				k, _, _ := strings.Cut(strings.TrimPrefix(name, parent.name+"."), ".")
				if _, dup := parent.keys[k]; !dup {
					parent.keys[k] = Position{File: file, Line: line, Col: nameCol}
				}
			}
			latest[name] = len(secs)
			secs = append(secs, cur)
		default:
			if !keys && !bytes.Contains(raw, []byte(`"""`)) && !bytes.Contains(raw, []byte("'''")) {
				continue // not a header, and opens no multi-line string
			}
			trimmed := string(raw[indent:])
			key, valueAt, ok := splitKey(trimmed)
			if !ok {
				continue
			}
			if keys {
				if _, dup := cur.keys[key]; !dup {
					cur.keys[key] = Position{File: file, Line: line, Col: indent + valueAt + 1}
				}
				// A dotted key (source.url = ...) defines a table under its
				// first part, which is what problems name: place that at
				// the key itself.
				if first, _, dotted := strings.Cut(key, "."); dotted && trimmed[0] != '"' && trimmed[0] != '\'' {
					if first = strings.TrimSpace(first); first != "" {
						if _, dup := cur.keys[first]; !dup {
							cur.keys[first] = Position{File: file, Line: line, Col: indent + 1}
						}
					}
				}
			}
			rest := trimmed[valueAt:]
			for _, d := range [...]string{`"""`, "'''"} {
				if strings.HasPrefix(rest, d) && closeMulti(rest[len(d):], d) < 0 {
					inMulti = d
				}
			}
		}
	}
	return secs
}

// headerLine returns a header line as a string, without a copy for the
// headers of event files.
func headerLine(b []byte) string {
	switch string(b) {
	case "[[event]]":
		return "[[event]]"
	case "[[event.participants]]":
		return "[[event.participants]]"
	case "[[event.sources]]":
		return "[[event.sources]]"
	}
	return string(b)
}

// enclosing returns the latest section whose name is a proper prefix of
// name followed by a dot (the top level for any name), or nil when name is
// the top level. latest maps each name to the index of its latest section
// in secs (the top level excluded); the candidates are name's prefixes
// that end before one of its dots.
func enclosing(secs []*section, latest map[string]int, name string) *section {
	if name == "" {
		return nil
	}
	best := 0
	for i := 0; i < len(name); i++ {
		if name[i] != '.' {
			continue
		}
		if j, ok := latest[name[:i]]; ok && j > best {
			best = j
		}
	}
	return secs[best]
}

// closeMulti returns the offset just past the delimiter in s that closes a
// multi-line string, or -1 when s does not close it. In basic strings a
// backslash escapes the next byte; up to two quotes right before the
// closing delimiter belong to the string (""""" ends with two quotes).
func closeMulti(s, delim string) int {
	if delim != `"""` {
		i := strings.Index(s, delim)
		if i < 0 {
			return -1
		}
		return extendDelim(s, i+len(delim), delim[0])
	}
	for i := 0; ; {
		j := strings.IndexAny(s[i:], `\"`)
		if j < 0 {
			return -1
		}
		i += j
		if s[i] == '\\' {
			i += 2
			if i >= len(s) {
				return -1
			}
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			return extendDelim(s, i+len(delim), delim[0])
		}
		i++
	}
}

// extendDelim moves j, just past a closing delimiter, over up to two more
// quotes q, which belong to the string.
func extendDelim(s string, j int, q byte) int {
	for k := 0; k < 2 && j < len(s) && s[j] == q; k++ {
		j++
	}
	return j
}

// closingQuote returns the index of the first '"' in s that a backslash
// does not escape, or -1.
func closingQuote(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// headerName returns the name inside a table header, without spaces around
// its dots, e.g. "event.participants".
func headerName(s, closing string) string {
	if i := strings.Index(s, closing); i >= 0 {
		s = s[:i]
	}
	if plainName(s) {
		return s // nothing to trim: the common case, without allocating
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// splitKey reads `key = value` and returns the key (unquoted) and the byte
// offset of the value.
func splitKey(s string) (key string, valueAt int, ok bool) {
	if s == "" || s[0] == '#' {
		return "", 0, false
	}
	eq := -1
	if s[0] == '"' || s[0] == '\'' {
		end := strings.IndexByte(s[1:], s[0])
		if s[0] == '"' {
			end = closingQuote(s[1:])
		}
		if end < 0 {
			return "", 0, false
		}
		key = s[1 : end+1]
		if s[0] == '"' && strings.ContainsRune(key, '\\') {
			if u, err := strconv.Unquote(`"` + key + `"`); err == nil {
				key = u // the decoder's spelling of "a\tb"
			}
		}
		rest := s[end+2:]
		j := strings.IndexByte(rest, '=')
		if j < 0 || strings.TrimSpace(rest[:j]) != "" {
			return "", 0, false
		}
		eq = end + 2 + j
	} else {
		eq = strings.IndexByte(s, '=')
		if eq <= 0 {
			return "", 0, false
		}
		key = strings.TrimSpace(s[:eq])
		for _, r := range key {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.' || r == ' ') {
				return "", 0, false
			}
		}
	}
	valueAt = eq + 1
	for valueAt < len(s) && (s[valueAt] == ' ' || s[valueAt] == '\t') {
		valueAt++
	}
	return key, valueAt, true
}

// plainName reports whether a header name holds only letters, digits,
// underscores, hyphens and dots: nothing that headerName would trim.
func plainName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// maxNesting bounds how deeply arrays and inline tables may nest in a file
// (README: Event files). Nothing valid comes close: an event needs 3
// (participants = [{ ... = [...] }]). Decoding cost grows with depth times
// depth: BurntSushi keeps the full key path of every nested value, so a
// 42 KB file of inline tables 10,500 deep took it past 3.8 GB, and
// go-toml recurses once per level. tooDeep runs before either decoder.
const maxNesting = 32

// tooDeep returns the line and column (1-based, in bytes) of the first '['
// or '{' that opens an array or inline table nested deeper than
// maxNesting, or 0, 0. It counts the brackets of table headers too, which
// add at most 2, and skips strings and comments. It stops at a string that
// does not end, where the decoders stop as well. It runs on every input
// file, so it looks only at the bytes that matter and counts lines only
// when it has found something.
func tooDeep(src []byte) (line, col int) {
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if !nestingByte[c] {
			continue
		}
		switch c {
		case '#':
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return 0, 0
			}
			i += j
		case '"', '\'':
			var j int
			if i+2 < len(src) && src[i+1] == c && src[i+2] == c {
				j = skipMultiline(src, i, c)
			} else {
				j = skipString(src, i)
			}
			if j < 0 {
				return 0, 0
			}
			i = j - 1
		case '[', '{':
			if depth++; depth > maxNesting {
				before := src[:i]
				return 1 + bytes.Count(before, []byte{'\n'}), i - bytes.LastIndexByte(before, '\n')
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, 0
}

// nestingByte marks the bytes tooDeep acts on.
var nestingByte = [256]bool{'#': true, '"': true, '\'': true, '[': true, '{': true, ']': true, '}': true}
