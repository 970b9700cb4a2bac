package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestReproducible renders the same reports twice: the bytes must be equal
// (excelize alone writes streamed sheets and [Content_Types].xml entries in
// map order).
func TestReproducible(t *testing.T) {
	for name, o := range map[string]Options{"one sheet each": {}, "continued": {RowLimit: 50}} {
		t.Run(name, func(t *testing.T) {
			for _, r := range []struct {
				name string
				b    func() []byte
			}{
				{"example", func() []byte { return render(t, exampleReport(t), o) }},
				{"generated", func() []byte { return render(t, generatedReport(t, 500, 11, "2025"), o) }},
			} {
				a, b := r.b(), r.b()
				if !bytes.Equal(a, b) {
					t.Errorf("%s: two renders differ", r.name)
				}
			}
		})
	}
}

// unzip returns the entries of a workbook in archive order.
func unzip(tb testing.TB, b []byte) ([]*zip.File, map[string][]byte) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatalf("%s: %v", f.Name, err)
		}
	}
	return zr.File, parts
}

// TestPackage checks what makes the package reproducible and valid:
// entries sorted with [Content_Types].xml first and a fixed timestamp,
// content types sorted, docProps dated by the report, columns in
// ascending order, and hyperlinks placed where the schema wants them.
func TestPackage(t *testing.T) {
	r := generatedReport(t, 300, 8, "2025")
	files, parts := unzip(t, render(t, r, Options{}))

	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if !f.Modified.Equal(files[0].Modified) || f.Modified.Year() != 1980 {
			t.Errorf("%s modified %v, want 1980-01-01 like every entry", f.Name, f.Modified)
		}
	}
	if names[0] != "[Content_Types].xml" || !sort.StringsAreSorted(names[1:]) {
		t.Errorf("entries %q, want [Content_Types].xml then sorted", names)
	}

	var ct contentTypes
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(ct.Defaults, func(a, b ctDefault) int { return strings.Compare(a.Extension, b.Extension) }) {
		t.Errorf("content type defaults not sorted: %v", ct.Defaults)
	}

	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"2025-10-27T09:00:00Z", r.Title, "briefing test"} {
		if !strings.Contains(core, want) {
			t.Errorf("docProps/core.xml lacks %q:\n%s", want, core)
		}
	}

	colMin := regexp.MustCompile(`<col min="(\d+)"`)
	for name, b := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		prev := 0
		for _, m := range colMin.FindAllSubmatch(b, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n <= prev {
				t.Errorf("%s: <col> elements out of order (%d after %d)", name, n, prev)
			}
			prev = n
		}
	}

	// Sources is the only sheet with hyperlinks: they follow </sheetData>
	// and precede the table parts, and every link has its relationship.
	part := ""
	for name, b := range parts {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(string(b), "<hyperlinks>") {
			if part != "" {
				t.Fatalf("%s and %s both have hyperlinks, want Sources only", part, name)
			}
			part = name
		}
	}
	if part == "" {
		t.Fatal("no worksheet has hyperlinks")
	}
	sheet := string(parts[part])
	if !regexp.MustCompile(`</sheetData><hyperlinks><hyperlink ref="D2" r:id="rId1001"/>.*</hyperlinks>(<printOptions|<pageMargins|<pageSetup|<drawing|<tableParts)`).MatchString(sheet) {
		t.Errorf("%s: hyperlinks not right after </sheetData>: %.200s", part, sheet[strings.Index(sheet, "</sheetData>"):])
	}
	rels := string(parts[relsPartOf(part)])
	n := strings.Count(sheet, "<hyperlink ")
	if n == 0 || strings.Count(rels, `TargetMode="External"`) != n || !strings.Contains(rels, "table") {
		t.Errorf("%s has %d hyperlinks; rels:\n%.400s", part, n, rels)
	}
}
