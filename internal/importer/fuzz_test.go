package importer

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefing-tool/briefing/pipeline"
)

// FuzzRows holds the row decoders to their promises on any input: no
// panic; every row's fields valid UTF-8; tab-separated rows are their
// line split at tabs, each field at the column Pos says; positions within
// the input; errors are positioned problems, never anything else.
func FuzzRows(f *testing.F) {
	f.Add([]byte("a,b,c\n1,\"x,y\",3\n"))
	f.Add([]byte("a\tb\tc\r\n1\t\"x\t3\n\n"))
	f.Add([]byte("\ufeffdate,a\n2025-10-20,\"multi\nline\"\n"))
	f.Add([]byte("a,b\n\xff,1\n"))
	f.Add([]byte("a,\"b\nc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, rs := range []rows{newTSV("f", bytes.NewReader(data)), newCSV("f", bytes.NewReader(data)), sniff("f", bytes.NewReader(data))} {
			for n := 0; ; n++ {
				fields, err := rs.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					var list pipeline.ErrorList
					if !errors.As(err, &list) || len(list) != 1 || list[0].Pos.Line < 1 || list[0].Pos.Line > lines {
						t.Fatalf("%T: error %v is not one positioned problem", rs, err)
					}
					break
				}
				for i, fld := range fields {
					if !utf8.ValidString(fld) {
						t.Fatalf("%T: field %d is not UTF-8: %q", rs, i, fld)
					}
					p := rs.Pos(i)
					if p.Line < 1 || p.Line > lines || p.Col < 1 {
						t.Fatalf("%T: field %d at %v outside the input", rs, i, p)
					}
				}
				if ts, ok := rs.(*tsvRows); ok {
					all := strings.Split(string(data), "\n")
					line := strings.TrimRight(strings.TrimPrefix(all[ts.line-1], "\ufeff"), "\r")
					if ts.line > 1 {
						line = strings.TrimRight(all[ts.line-1], "\r")
					}
					if got := strings.Join(fields, "\t"); got != line {
						t.Fatalf("row %q is not line %d %q", got, ts.line, line)
					}
					for i, fld := range fields {
						start := rs.Pos(i).Col - 1
						if !strings.HasPrefix(line[start:], fld) {
							t.Fatalf("field %d %q is not at column %d of %q", i, fld, start+1, line)
						}
					}
				}
				if n > 1e5 {
					t.Fatal("no end")
				}
			}
		}
	})
}
