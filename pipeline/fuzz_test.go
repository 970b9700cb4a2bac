package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// FuzzLoad feeds arbitrary bytes to the per-file parser. Whatever the
// input, it must not panic, and every problem must be one line with a
// message and a position in the file; a file without problems must hold
// only events that passed validation.
//
//	go test ./pipeline -run '^$' -fuzz FuzzLoad -fuzztime 3m
func FuzzLoad(f *testing.F) {
	for _, c := range loadCases {
		for name, body := range c.files {
			if strings.HasSuffix(name, ".toml") && name != "config.toml" {
				f.Add([]byte(body))
			}
		}
	}
	err := filepath.WalkDir(filepath.Join("testdata", "broken", "input"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		f.Add(src)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	countries := country.New(nil)
	const file = "input/fuzz.toml"

	f.Fuzz(func(t *testing.T, src []byte) {
		// A hang becomes a crash, so that the fuzzer keeps the input.
		hang := time.AfterFunc(10*time.Second, func() { panic("parseEvents hangs") })
		events, errs := parseEvents(file, src, countries)
		hang.Stop()
		lines := bytes.Split(src, []byte("\n"))
		for _, e := range errs {
			if e == nil {
				t.Fatal("nil error in the list")
			}
			msg := e.Error()
			switch {
			case e.Msg == "":
				t.Errorf("empty message: %q", msg)
			case e.Pos.File != file:
				t.Errorf("position names file %q, want %q: %q", e.Pos.File, file, msg)
			case !strings.HasPrefix(msg, file+":"):
				t.Errorf("message does not start with the file name: %q", msg)
			case strings.ContainsAny(msg, "\n\r"):
				t.Errorf("message spans lines: %q", msg)
			case e.Pos.Line < 0 || e.Pos.Line > len(lines) || e.Pos.Col < 0 || (e.Pos.Line == 0 && e.Pos.Col > 0):
				t.Errorf("position %d:%d outside the %d-line file: %q", e.Pos.Line, e.Pos.Col, len(lines), msg)
			case e.Pos.Line > 0 && e.Pos.Col > len(lines[e.Pos.Line-1])+1:
				t.Errorf("column %d past the end of line %d (%q): %q", e.Pos.Col, e.Pos.Line, lines[e.Pos.Line-1], msg)
			}
		}
		if len(errs) > 0 {
			return
		}
		for _, e := range events {
			if !idPattern.MatchString(e.ID) || e.Date.IsZero() || e.Title == "" ||
				int(e.Kind) >= len(builtinKinds) || !contains(Statuses, e.Status) || len(e.Countries) < 2 {
				t.Errorf("invalid event accepted without a message: %+v", e)
			}
			for _, c := range e.Countries {
				if !countries.Known(c) || c != strings.ToUpper(c) {
					t.Errorf("event %s: country %q accepted", e.ID, c)
				}
			}
			if e.Pos.File != file {
				t.Errorf("event %s: position %v", e.ID, e.Pos)
			}
		}
	})
}
