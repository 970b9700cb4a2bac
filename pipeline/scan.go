package pipeline

import (
	"bytes"
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
			if strings.Count(text, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, "[["):
			name := headerName(trimmed[2:], "]]")
			cur = &section{name: name, array: true, line: line, keys: map[string]Position{}}
			secs = append(secs, cur)
		case strings.HasPrefix(trimmed, "["):
			name := headerName(trimmed[1:], "]")
			cur = &section{name: name, line: line, keys: map[string]Position{}}
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
				if strings.HasPrefix(rest, d) && strings.Count(rest, d)%2 == 1 {
					inMulti = d
				}
			}
		}
	}
	return secs
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
		if end < 0 {
			return "", 0, false
		}
		key = s[1 : end+1]
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
