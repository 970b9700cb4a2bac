package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDecodeCache: a load through the cache returns what a load without
// it does, decodes only the files whose bytes changed, forgets files that
// went away, starts over when [countries] changes, and hands out events
// that later stages may change without changing the cache's.
func TestDecodeCache(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":  inputConfig + "[people]\n\"Ali Naghiyev\" = [\"A. Naghiyev\"]\n",
		"input/a.toml": valid + "participants = [{ name = \"A. Naghiyev\" }]\nfocus_areas = [\"border security\"]\n",
		"input/b.toml": strings.Replace(valid, `"e1"`, `"e2"`, 1),
		"input/c.toml": strings.Replace(valid, `"e1"`, `"e3"`, 1),
	})
	cache := NewDecodeCache()
	load := func(wantHits int) *Dataset {
		t.Helper()
		cfg, err := LoadConfig(filepath.Join(dir, "config.toml"))
		if err != nil {
			t.Fatal(err)
		}
		got, gotErr := LoadWithOptions(cfg, LoadOptions{Cache: cache})
		want, wantErr := Load(cfg)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotErr, wantErr) {
			t.Fatalf("through the cache:\n%+v %v\nwithout:\n%+v %v", got, gotErr, want, wantErr)
		}
		if h := cache.Hits(); h != wantHits {
			t.Errorf("%d files from the cache, want %d", h, wantHits)
		}
		return got
	}
	ds := load(0)
	// Normalize changes the events in place; the cache's stay as decoded
	// (the next load compares them with a fresh load's).
	cfg, _ := LoadConfig(filepath.Join(dir, "config.toml"))
	Normalize(cfg, ds)
	if ds.Events[0].Participants[0].Name != "Ali Naghiyev" {
		t.Fatalf("normalize did not change the event: %+v", ds.Events[0].Participants)
	}
	load(3)
	writeFiles(t, dir, map[string]string{"input/b.toml": strings.Replace(valid, `"e1"`, `"e9"`, 1)})
	if ds := load(2); ds.Events[1].ID != "e9" {
		t.Errorf("edited file: events %v", ds.Events[1].ID)
	}
	// A file with problems is cached with them, and its problems are
	// copies too.
	writeFiles(t, dir, map[string]string{"input/c.toml": valid + "kind = 3\n"})
	load(2)
	load(3)
	if err := os.Remove(filepath.Join(dir, "input", "c.toml")); err != nil {
		t.Fatal(err)
	}
	load(2)
	if len(cache.files) != 2 {
		t.Errorf("the cache keeps %d files after one was deleted, want 2", len(cache.files))
	}
	writeFiles(t, dir, map[string]string{"config.toml": inputConfig + "[people]\n\"Ali Naghiyev\" = [\"A. Naghiyev\"]\n[countries]\nXKX = \"Kosovo\"\n"})
	load(0)
}
