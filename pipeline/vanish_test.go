package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing-tool/briefing/pipeline/country"
)

// TestInputVanishes: a file matched by the glob but gone before it is read
// (removed mid-run) is one positioned problem, not a panic or a silent skip.
func TestInputVanishes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w43.toml")
	if err := os.WriteFile(path, []byte("[[event]]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	r := loadFile(path, "input/w43.toml", DefaultMaxFileBytes, country.New(nil))
	if len(r.errs) != 1 || r.errs[0].Error() != "input/w43.toml: cannot read file: no such file or directory" {
		t.Errorf("errors = %v", r.errs)
	}
	if len(r.events) != 0 {
		t.Errorf("events from a vanished file: %d", len(r.events))
	}
}
