package pdf

import (
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// TestSamples writes the briefings the other tests check to
// $BRIEFING_PDF_OUT, to be looked at: BRIEFING_PDF_OUT=/tmp go test -run Samples
func TestSamples(t *testing.T) {
	if testingShortOrNoOut() {
		t.Skip("set BRIEFING_PDF_OUT to a directory to write sample PDFs")
	}
	cases := map[string]*pipeline.Report{
		"example-all.pdf":   exampleReport(t),
		"example-week.pdf":  exampleReportFor(t, "2025-W43"),
		"example-empty.pdf": exampleReportFor(t, "2024-W10"),
		"caucasus.pdf":      reportOf(t, "2025-W43", caucasusEvents(), map[string]string{"TUR": "Türkiye"}),
		"many.pdf":          reportOf(t, "2025-10", manyEvents(300), nil),
	}
	for name, r := range cases {
		b, _ := render(t, r, Options{})
		save(t, name, b)
	}
}
