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
	top := &section{line: 0, keys: map[string]Position{}}
	secs := []*section{top}
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
		text := string(raw)
		if inMulti != "" {
			if closeMulti(text, inMulti) >= 0 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, "["):
			array := strings.HasPrefix(trimmed, "[[")
			open, closing := "[", "]"
			if array {
				open, closing = "[[", "]]"
			}
			after := trimmed[len(open):]
			nameCol := indent + len(open) + len(after) - len(strings.TrimLeft(after, " \t")) + 1
			name := headerName(after, closing)
			cur = &section{name: name, array: array, line: line, keys: map[string]Position{}}
			// A header also defines a key of its parent table ("meta" of the
			// top level for [meta], "participants" of the event for
			// [[event.participants]]), so problems with that key get a line.
			if parent := enclosing(secs, name); parent != nil {
				k, _, _ := strings.Cut(strings.TrimPrefix(name, parent.name+"."), ".")
				if _, dup := parent.keys[k]; !dup {
					parent.keys[k] = Position{File: file, Line: line, Col: nameCol}
				}
			}
			secs = append(secs, cur)
		default:
			key, valueAt, ok := splitKey(trimmed)
			if !ok {
				continue
			}
			if _, dup := cur.keys[key]; !dup {
				cur.keys[key] = Position{File: file, Line: line, Col: indent + valueAt + 1}
			}
			rest := trimmed[valueAt:]
			for _, d := range []string{`"""`, `'''`} {
				if strings.HasPrefix(rest, d) && closeMulti(rest[len(d):], d) < 0 {
					inMulti = d
				}
			}
		}
	}
	return secs
}

// enclosing returns the latest section whose name is a proper prefix of
// name (the top level for any name), or nil when name is the top level.
func enclosing(secs []*section, name string) *section {
	if name == "" {
		return nil
	}
	for i := len(secs) - 1; i > 0; i-- {
		if strings.HasPrefix(name, secs[i].name+".") {
			return secs[i]
		}
	}
	return secs[0]
}

// closeMulti returns the offset just past the delimiter in s that closes a
// multi-line string, or -1 when s does not close it. In basic strings a
// backslash escapes the next byte; up to two quotes right before the
// closing delimiter belong to the string (""""" ends with two quotes).
func closeMulti(s, delim string) int {
	for i := 0; i+len(delim) <= len(s); i++ {
		if delim == `"""` && s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			j := i + len(delim)
			for k := 0; k < 2 && j < len(s) && s[j] == delim[0]; k++ {
				j++
			}
			return j
		}
	}
	return -1
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
