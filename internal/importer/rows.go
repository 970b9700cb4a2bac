package importer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/briefing-tool/briefing/pipeline"
)

func asList(err error, list *pipeline.ErrorList) bool { return errors.As(err, list) }

// readFile streams path through read, hashing its bytes on the way.
func readFile(c *collector, read reader, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return "", pe.Err
		}
		return "", err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return "", fmt.Errorf("not a regular file")
	}
	h := sha256.New()
	tee := io.TeeReader(f, h)
	if err := read(c, path, tee); err != nil {
		return "", err
	}
	if _, err := io.Copy(io.Discard, tee); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// formatError is a file that is not the declared format: one problem at
// its position, naming what was expected.
func formatError(pos pipeline.Position, format string, args ...any) error {
	var l pipeline.ErrorList
	l.Add(pos, "", "", format, args...)
	return l
}

// rows is a table read row by row, with each field's position.
type rows interface {
	// Next returns the next row's fields (valid until the next call),
	// io.EOF at the end, or an error at a position (a pipeline.ErrorList).
	Next() ([]string, error)
	// Pos is the position of field i of the last row.
	Pos(i int) pipeline.Position
}

// tsvRows splits lines at tabs, without quoting, as ICEWS and GDELT
// write them (a quote is an ordinary character there).
type tsvRows struct {
	file   string
	br     *bufio.Reader
	line   int
	fields []string
	starts []int
	buf    []byte
}

func newTSV(file string, r io.Reader) *tsvRows {
	return &tsvRows{file: file, br: bufio.NewReaderSize(r, 1<<16)}
}

// maxLine bounds one line, so that a binary file is an error, not a
// huge allocation.
const maxLine = 1 << 20

func (t *tsvRows) Next() ([]string, error) {
	for {
		t.buf = t.buf[:0]
		for {
			chunk, err := t.br.ReadSlice('\n')
			t.buf = append(t.buf, chunk...)
			if len(t.buf) > maxLine {
				return nil, formatError(pipeline.Position{File: t.file, Line: t.line + 1}, "line longer than %d bytes; expected tab-separated rows", maxLine)
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			if err == io.EOF && len(t.buf) == 0 {
				return nil, io.EOF
			}
			break
		}
		t.line++
		line := bytes.TrimRight(t.buf, "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue // blank lines, e.g. a trailing one
		}
		if t.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if !utf8.Valid(line) {
			i := invalidAt(line)
			return nil, formatError(pipeline.Position{File: t.file, Line: t.line, Col: i + 1}, "not UTF-8 text; expected UTF-8 tab-separated rows")
		}
		t.fields, t.starts = t.fields[:0], t.starts[:0]
		s := string(line) // one allocation per line; the fields share it
		start := 0
		for i := 0; i < len(s); i++ {
			if s[i] == '\t' {
				t.fields = append(t.fields, s[start:i])
				t.starts = append(t.starts, start)
				start = i + 1
			}
		}
		t.fields = append(t.fields, s[start:])
		t.starts = append(t.starts, start)
		return t.fields, nil
	}
}

func (t *tsvRows) Pos(i int) pipeline.Position {
	p := pipeline.Position{File: t.file, Line: t.line, Col: 1} // i < 0: the row
	if i >= 0 && i < len(t.starts) {
		p.Col = t.starts[i] + 1
	}
	return p
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// csvRows reads RFC 4180 CSV with encoding/csv, which knows each field's
// line and column.
type csvRows struct {
	file  string
	r     *csv.Reader
	first bool
}

func newCSV(file string, r io.Reader) *csvRows {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // the formats check the count, with a better message
	cr.ReuseRecord = true
	return &csvRows{file: file, r: cr, first: true}
}

func (c *csvRows) Next() ([]string, error) {
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, formatError(pipeline.Position{File: c.file, Line: pe.Line, Col: pe.Column}, "%v; expected comma-separated values (RFC 4180)", pe.Err)
			}
			return nil, err
		}
		if c.first && len(rec) > 0 {
			rec[0] = trimBOM(rec[0])
		}
		c.first = false
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		for i, f := range rec {
			if !utf8.ValidString(f) {
				line, col := c.r.FieldPos(i)
				return nil, formatError(pipeline.Position{File: c.file, Line: line, Col: col + invalidAt([]byte(f))}, "not UTF-8 text; expected UTF-8 comma-separated values")
			}
		}
		return rec, nil
	}
}

func trimBOM(s string) string {
	if len(s) >= 3 && s[:3] == "\ufeff" {
		return s[3:]
	}
	return s
}

func (c *csvRows) Pos(i int) pipeline.Position {
	line, col := c.r.FieldPos(max(i, 0))
	return pipeline.Position{File: c.file, Line: line, Col: col}
}

// sniff returns a reader of r's rows: tab-separated when its first line
// has a tab, else CSV.
func sniff(file string, r io.Reader) rows {
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(1 << 16)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, '\t') >= 0 {
		return newTSV(file, br)
	}
	return newCSV(file, br)
}
