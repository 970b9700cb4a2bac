package xlsx

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestHyperlinks(t *testing.T) {
	r := generatedReport(t, 100, 4, "all")
	f := open(t, render(t, r, Options{}))
	rows, err := f.GetRows("Sources")
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows[1:] {
		ref := "D" + strconv.Itoa(i+2)
		ok, target, err := f.GetCellHyperLink("Sources", ref)
		if err != nil || !ok || target != row[3] {
			t.Fatalf("Sources!%s link = %v %q %v, want %q", ref, ok, target, err, row[3])
		}
	}
}

func TestLinkTarget(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"https://example.org/a?b=c#d", "https://example.org/a?b=c#d", true},
		{"http://example.org", "http://example.org", true},
		{"https://example.org/a b", "https://example.org/a%20b", true},
		{"javascript:alert(1)", "", false},
		{"file:///etc/passwd", "", false},
		{"ftp://example.org/x", "", false},
		{"https:///no-host", "", false},
		{"example.org/relative", "", false},
		{"https://example.org/" + strings.Repeat("a", maxURL), "", false},
	} {
		got, ok := linkTarget(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("linkTarget(%.40q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestInjector(t *testing.T) {
	const src = "<worksheet><sheetData><row/></sheetData><tableParts/></worksheet>"
	ls := []link{{ref: "D2", target: "https://example.org/"}}
	want := strings.Replace(src, "</sheetData>", "<row r=\"2\"/></sheetData>"+string(hyperlinksXML(ls)), 1)
	rows := func(w io.Writer) ([]link, error) {
		_, err := io.WriteString(w, `<row r="2"/>`)
		return ls, err
	}
	// Split the input at every pair of places, so the marker straddles
	// writes in every possible way.
	for i := 0; i <= len(src); i++ {
		for j := i; j <= len(src); j++ {
			var out bytes.Buffer
			var links []link
			in := &injector{w: &out, marker: []byte("</sheetData>"), before: rows, links: &links}
			for _, p := range []string{src[:i], src[i:j], src[j:]} {
				if n, err := in.Write([]byte(p)); err != nil || n != len(p) {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if err := in.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Fatalf("split at %d, %d: got %s", i, j, out.String())
			}
		}
	}
	var out bytes.Buffer
	in := &injector{w: &out, marker: []byte("</sheetData>"), links: new([]link)}
	in.Write([]byte("<worksheet></sheetDat"))
	if err := in.Close(); err == nil || out.String() != "<worksheet></sheetDat" {
		t.Errorf("without the marker: Close = %v, output %q; want an error and the input", err, out.String())
	}
}

// TestHyperlinkLimit renders more sources than Excel keeps hyperlinks in
// one sheet: the first 65,530 URLs are links, the rest stay text.
func TestHyperlinkLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: renders 45,000 events")
	}
	r := generatedReport(t, 45_000, 1, "all")
	sources := 0
	for _, e := range r.Events {
		sources += len(e.Sources)
	}
	if sources <= maxLinks {
		t.Fatalf("only %d sources; the test needs more than %d", sources, maxLinks)
	}
	b := render(t, r, Options{})
	_, parts := unzip(t, b)
	var sheet []byte
	for name, b := range parts {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && bytes.Contains(b, []byte("<hyperlinks>")) {
			sheet = b
		}
	}
	if n := bytes.Count(sheet, []byte("<hyperlink ")); n != maxLinks {
		t.Errorf("%d hyperlinks in Sources, want %d", n, maxLinks)
	}
	last := "D" + strconv.Itoa(sources+1)
	if !bytes.Contains(sheet, []byte(`<c r="`+last+`"`)) {
		t.Errorf("Sources has no cell %s", last)
	}
	// Past the limit a URL is plain text, not dressed as a link.
	f := open(t, b)
	for ref, underline := range map[string]string{"D2": "single", last: ""} {
		id, _ := f.GetCellStyle("Sources", ref)
		st, _ := f.GetStyle(id)
		if got := fontUnderline(st); got != underline {
			t.Errorf("Sources!%s underline %q, want %q", ref, got, underline)
		}
	}
}

func fontUnderline(st *excelize.Style) string {
	if st == nil || st.Font == nil {
		return ""
	}
	return st.Font.Underline
}
