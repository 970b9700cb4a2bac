package pdf

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/core"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// structNode is maroto's component tree in a form that diffs well.
type structNode struct {
	Type    string         `json:"type"`
	Value   any            `json:"value,omitempty"`
	Details map[string]any `json:"details,omitempty"`
	Nodes   []*structNode  `json:"nodes,omitempty"`
}

func toStructNode(n *node.Node[core.Structure]) *structNode {
	d := n.GetData()
	s := &structNode{Type: d.Type, Value: round(d.Value), Details: d.Details}
	for k, v := range s.Details {
		s.Details[k] = round(v)
	}
	for _, c := range n.GetNexts() {
		s.Nodes = append(s.Nodes, toStructNode(c))
	}
	return s
}

// TestStructureGolden compares the maroto document of the shipped example
// with testdata/example.structure.json. Refresh it with
// go test ./render/pdf -update, and review the diff.
func TestStructureGolden(t *testing.T) {
	// Run from the repository root so that the report shows the paths a
	// user sees ("input/example.toml"), not this machine's.
	t.Chdir("../..")
	r := exampleReportAt(t, "config.toml", "all")
	b, err := build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareStructure(t, b, filepath.Join("render", "pdf", "testdata", "example.structure.json"))
}

// compareStructure holds the laid-out document's maroto structure to the
// golden file (rewritten with -update).
func compareStructure(t *testing.T, b *briefing, golden string) {
	t.Helper()
	got, err := json.MarshalIndent(toStructNode(b.l.m.GetStructure()), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with go test ./render/pdf -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("maroto structure differs from %s; if the change is intended, run go test ./render/pdf -update and review the diff\n%s", golden, firstDiff(want, got))
	}
}

// round keeps three decimals of a measurement (mm), so that the golden file
// does not depend on the last bits of floating-point arithmetic, which the
// compiler may fuse differently on other architectures.
func round(v any) any {
	if f, ok := v.(float64); ok {
		return math.Round(f*1000) / 1000
	}
	return v
}

// firstDiff shows the first differing line, with its number.
func firstDiff(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) {
			return "line " + itoa(i+1) + ":\n- " + string(a) + "\n+ " + string(b)
		}
	}
	return ""
}
