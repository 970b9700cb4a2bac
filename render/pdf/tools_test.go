package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool skips the test when a poppler or qpdf tool is missing. CI
// installs them (apt-get install poppler-utils qpdf).
func needTool(tb testing.TB, name string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		tb.Skipf("%s not found: install poppler-utils and qpdf (apt-get install -y poppler-utils qpdf) to run this test", name)
	}
}

// writeTemp writes the PDF to a temporary file for the command-line tools.
func writeTemp(tb testing.TB, b []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "briefing.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// run runs a tool and returns its standard output, failing on error.
func run(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	needTool(tb, name)
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

// pageTexts extracts the text of each page with pdftotext.
func pageTexts(tb testing.TB, pdf []byte) []string {
	tb.Helper()
	needTool(tb, "pdftotext")
	out := run(tb, "pdftotext", "-enc", "UTF-8", writeTemp(tb, pdf), "-")
	pages := strings.Split(out, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// flat collapses white space, so that assertions do not depend on where
// pdftotext breaks lines.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
