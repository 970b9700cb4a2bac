package main

import (
	"strconv"
	"time"
)

// The TOML writer appends to a byte slice: one event is built in memory,
// measured, then handed to the file's bufio.Writer.

const hexDigits = "0123456789ABCDEF"

// appendEscaped writes s escaped for a TOML basic string (without the
// quotes). multiline keeps newlines literal, for """ strings; every quote is
// escaped there too, so that no run of three quotes can end the string early.
func appendEscaped(b []byte, s string, multiline bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c == '\n' && multiline:
			b = append(b, '\n')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\b':
			b = append(b, '\\', 'b')
		case c == '\f':
			b = append(b, '\\', 'f')
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			// Bytes of multi-byte UTF-8 sequences pass through: TOML is UTF-8.
			b = append(b, c)
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s, false)
	return append(b, '"')
}

// appendMultiline writes a """ string. The newline after the opening
// delimiter is trimmed by TOML, so the value starts with the text itself.
func appendMultiline(b []byte, s string) []byte {
	b = append(b, `"""`+"\n"...)
	b = appendEscaped(b, s, true)
	return append(b, `"""`...)
}

func appendDate(b []byte, t time.Time) []byte {
	return t.AppendFormat(b, time.DateOnly)
}

func appendStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// kv writes `key = "value"` and a newline; bare keys only, which is all the
// schema has.
func kvString(b []byte, key, val string) []byte {
	b = append(b, key...)
	b = append(b, " = "...)
	b = appendString(b, val)
	return append(b, '\n')
}

func kvDate(b []byte, key string, t time.Time) []byte {
	b = append(b, key...)
	b = append(b, " = "...)
	b = appendDate(b, t)
	return append(b, '\n')
}

func kvInt(b []byte, key string, n int) []byte {
	b = append(b, key...)
	b = append(b, " = "...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, '\n')
}

func kvStrings(b []byte, key string, list []string) []byte {
	b = append(b, key...)
	b = append(b, " = "...)
	b = appendStrings(b, list)
	return append(b, '\n')
}

// appendEvent writes one [[event]] table with its participants and sources.
// Optional fields are left out when empty, as curators do.
func appendEvent(b []byte, e *event) []byte {
	b = append(b, "[[event]]\n"...)
	b = kvString(b, "id", e.id)
	b = kvDate(b, "date", e.date)
	if !e.endDate.IsZero() {
		b = kvDate(b, "end_date", e.endDate)
	}
	if e.precision != "" {
		b = kvString(b, "date_precision", e.precision)
	}
	b = kvString(b, "title", e.title)
	b = kvString(b, "kind", e.kind)
	if e.status != "" {
		b = kvString(b, "status", e.status)
	}
	b = kvStrings(b, "countries", e.countries)
	if e.host != "" {
		b = kvString(b, "host", e.host)
	}
	if e.location != "" {
		b = kvString(b, "location", e.location)
	}
	b = kvStrings(b, "focus_areas", e.focus)
	b = append(b, "summary = "...)
	b = appendMultiline(b, e.summary)
	b = append(b, '\n')
	if len(e.outcomes) > 0 {
		b = kvStrings(b, "outcomes", e.outcomes)
	}
	for _, p := range e.participants {
		b = append(b, "\n[[event.participants]]\n"...)
		b = kvString(b, "name", p.name)
		if p.rank != "" {
			b = kvString(b, "rank", p.rank)
		}
		if p.role != "" {
			b = kvString(b, "role", p.role)
		}
		if p.org != "" {
			b = kvString(b, "organization", p.org)
		}
		if p.country != "" {
			b = kvString(b, "country", p.country)
		}
	}
	for _, s := range e.sources {
		b = append(b, "\n[[event.sources]]\n"...)
		b = kvString(b, "title", s.title)
		b = kvString(b, "publisher", s.publisher)
		if s.url != "" {
			b = kvString(b, "url", s.url)
		}
		if !s.published.IsZero() {
			b = kvDate(b, "published", s.published)
		}
		if s.reliability != "" {
			b = kvString(b, "reliability", s.reliability)
		}
		if s.credibility != 0 {
			b = kvInt(b, "credibility", s.credibility)
		}
	}
	return append(b, '\n')
}
