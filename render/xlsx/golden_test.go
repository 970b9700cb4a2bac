package xlsx

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenExample compares the example's workbook, read back cell by
// cell, with testdata/example.golden. Refresh it with
// go test ./render/xlsx -update and review the diff.
func TestGoldenExample(t *testing.T) {
	r := exampleReport(t)
	// Pin the paths that depend on where the test runs.
	r.ConfigPath = "config.toml"
	for i := range r.Inputs {
		r.Inputs[i].Path = filepath.ToSlash(filepath.Join("input", filepath.Base(r.Inputs[i].Path)))
	}
	got := dump(t, open(t, render(t, r, Options{})))
	golden := filepath.Join("testdata", "example.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./render/xlsx -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("workbook differs from %s; run go test ./render/xlsx -update and review the diff\n%s", golden, lineDiff(string(want), got))
	}
}
