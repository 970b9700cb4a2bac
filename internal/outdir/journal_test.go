package outdir

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/briefing-tool/briefing/pipeline"
)

// manifest is the part of the manifest (stages.Manifest, which cannot be
// imported here: stages imports this package) that these tests read.
type manifest struct {
	Tool    string           `json:"tool"`
	Version string           `json:"version"`
	Outputs []manifestOutput `json:"outputs"`
}

type manifestOutput struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// testSet is the artifacts of one run named "b": the given files and a
// manifest (in the real format) listing them with their SHA-256s.
func testSet(t *testing.T, run string, names ...string) []pipeline.Artifact {
	t.Helper()
	var arts []pipeline.Artifact
	m := manifest{Tool: "briefing", Version: run}
	for _, n := range names {
		data := []byte(fmt.Sprintf("%s of run %s\n", n, run))
		kind := strings.TrimPrefix(filepath.Ext(n), ".")
		arts = append(arts, pipeline.Artifact{Name: n, Kind: kind, Data: data})
		sum := sha256.Sum256(data)
		m.Outputs = append(m.Outputs, manifestOutput{Path: n, Format: kind, Bytes: len(data), SHA256: hex.EncodeToString(sum[:])})
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return append(arts, pipeline.Artifact{Name: "b.manifest.json", Kind: "manifest", Data: data})
}

// completeSet fails unless dir holds exactly one set: a manifest whose
// outputs are all the other files, each with the manifest's SHA-256, and
// nothing of a commit left (journal, temporaries, backups). It returns
// the run the set is from.
func completeSet(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != lockName {
			names = append(names, e.Name())
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "b.manifest.json"))
	if err != nil {
		t.Fatalf("no manifest; output holds %q", names)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	want := []string{"b.manifest.json"}
	for _, o := range m.Outputs {
		want = append(want, o.Path)
		data, err := os.ReadFile(filepath.Join(dir, o.Path))
		sum := sha256.Sum256(data)
		if err != nil || hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s does not match the manifest of run %s (%v): %q", o.Path, m.Version, err, data)
		}
	}
	sort.Strings(want)
	if !slices.Equal(names, want) {
		t.Errorf("output holds %q, want the set of run %s: %q", names, m.Version, want)
	}
	return m.Version
}

// crash is what a "crashing" operation panics with: the commit stops
// where it is, with no cleanup, as if the process had been killed.
type crash struct{}

// faults counts the commit's changes to the directory and fails or
// crashes the one numbered at (from 0); at < 0 never.
type faults struct {
	n, at int
	crash bool
	log   []string
}

func (f *faults) hit(op, path string) error {
	f.n++
	f.log = append(f.log, op+" "+filepath.Base(path))
	if f.n-1 != f.at {
		return nil
	}
	if f.crash {
		panic(crash{})
	}
	return syscall.EIO
}

func (f *faults) ops() fsOps {
	return fsOps{
		rename: func(o, n string) error {
			if err := f.hit("rename", n); err != nil {
				return &os.LinkError{Op: "rename", Old: o, New: n, Err: err}
			}
			return os.Rename(o, n)
		},
		remove: func(n string) error {
			if err := f.hit("remove", n); err != nil {
				return &os.PathError{Op: "remove", Path: n, Err: err}
			}
			return os.Remove(n)
		},
		link: func(o, n string) error {
			if err := f.hit("link", n); err != nil {
				return &os.LinkError{Op: "link", Old: o, New: n, Err: err}
			}
			return os.Link(o, n)
		},
	}
}

// runCrashing runs fn and reports whether it "crashed".
func runCrashing(t *testing.T, fn func() error) (err error, crashed bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(crash); !ok {
				panic(r)
			}
			crashed = true
		}
	}()
	return fn(), false
}

var (
	oldNames = []string{"b.pdf", "b.xlsx", "b-AZE-GEO.pdf", "b-ARM-GEO.pdf"}
	newNames = []string{"b.pdf", "b.xlsx", "b-AZE-GEO.pdf", "b-AZE-TUR.pdf"} // ARM-GEO goes, AZE-TUR is new
)

func oldState(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := (writeStage{}).Run(writeContext(t, dir, testSet(t, "old", oldNames...)...)); err != nil {
		t.Fatal(err)
	}
	if run := completeSet(t, dir); run != "old" {
		t.Fatalf("setup: set of run %q", run)
	}
	return dir
}

// TestCommitFaults fails, then crashes, the commit of a new set over an
// old one at each of its changes to the directory (links, renames,
// removals). A failure must leave one complete set at once (the old one
// unless the failure was after the commit point, or harmless); a crash
// must leave a state that the next run repairs to one complete set, even
// when that repair itself crashes at any of its steps first.
func TestCommitFaults(t *testing.T) {
	newArts := testSet(t, "new", newNames...)
	f := &faults{at: -1}
	dir := oldState(t)
	if err := (writeStage{ops: f.ops()}).Run(writeContext(t, dir, newArts...)); err != nil {
		t.Fatal(err)
	}
	if run := completeSet(t, dir); run != "new" {
		t.Fatalf("clean commit left run %q", run)
	}
	steps := f.n
	t.Logf("a commit of %d files over %d takes %d steps: %q", len(newArts), len(oldNames)+1, steps, f.log)

	for at := range steps {
		t.Run(fmt.Sprintf("fail %d %s", at, f.log[at]), func(t *testing.T) {
			dir := oldState(t)
			err := (writeStage{ops: (&faults{at: at}).ops()}).Run(writeContext(t, dir, newArts...))
			// A failed step after the commit point (removing the journal
			// or a backup) leaves them for the next run to clear.
			if err := repair(t, dir, fsOps{}); err != nil {
				t.Fatal(err)
			}
			run := completeSet(t, dir)
			if err != nil && run != "old" {
				t.Errorf("failed (%v) but left the new set", err)
			}
			if err == nil && run != "new" {
				t.Errorf("succeeded but left the old set")
			}
			var we *WriteError
			if err != nil && !errors.As(err, &we) {
				t.Errorf("error %T %v, want a WriteError", err, err)
			}
		})
		t.Run(fmt.Sprintf("crash %d %s", at, f.log[at]), func(t *testing.T) {
			dir := oldState(t)
			if _, crashed := runCrashing(t, func() error {
				return (writeStage{ops: (&faults{at: at, crash: true}).ops()}).Run(writeContext(t, dir, newArts...))
			}); !crashed {
				t.Fatal("did not crash")
			}
			// The repair may crash too, at any of its steps; the one
			// after it must still repair.
			for rat := 0; ; rat++ {
				rf := &faults{at: rat, crash: true}
				_, crashed := runCrashing(t, func() error { return repair(t, dir, rf.ops()) })
				if !crashed {
					break
				}
			}
			if err := repair(t, dir, fsOps{}); err != nil {
				t.Fatal(err)
			}
			completeSet(t, dir)
		})
	}
}

// repair is what the next run does first: lock, recover, clear.
func repair(t *testing.T, dir string, ops fsOps) error {
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	if err := recoverJournal(writeContext(t, dir), dir, ops); err != nil {
		return err
	}
	removeStale(dir)
	return nil
}

// stepOf is the index of a commit's step (e.g. "rename b.xlsx").
func stepOf(t *testing.T, step string) int {
	t.Helper()
	f := &faults{at: -1}
	if err := (writeStage{ops: f.ops()}).Run(writeContext(t, oldState(t), testSet(t, "new", newNames...)...)); err != nil {
		t.Fatal(err)
	}
	i := slices.Index(f.log, step)
	if i < 0 {
		t.Fatalf("no step %q in %q", step, f.log)
	}
	return i
}

// TestRecover: after a crash between renames, check reports the journal
// and changes nothing; the next run rolls forward when every new file is
// complete, back when one is damaged, and logs what it did.
func TestRecover(t *testing.T) {
	for _, tt := range []struct {
		name   string
		damage bool // the workbook's temporary is cut short
		want   string
		run    string
	}{
		{"forward", false, "roll forward", "new"},
		{"back", true, "roll back", "old"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			at := stepOf(t, "rename b.xlsx")
			dir := oldState(t)
			runCrashing(t, func() error {
				return (writeStage{ops: (&faults{at: at, crash: true}).ops()}).Run(writeContext(t, dir, testSet(t, "new", newNames...)...))
			})
			if tt.damage {
				tmps, _ := filepath.Glob(filepath.Join(dir, ".b.xlsx.*.tmp"))
				if len(tmps) != 1 {
					t.Fatalf("temporaries %q", tmps)
				}
				os.WriteFile(tmps[0], []byte("cut"), 0o644)
			}
			before := listDir(t, dir)
			msg := JournalStatus(dir)
			if !strings.Contains(msg, ".briefing.journal: an interrupted commit of 6 files") || !strings.Contains(msg, tt.want) {
				t.Errorf("JournalStatus = %q, want %q", msg, tt.want)
			}
			if after := listDir(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("JournalStatus changed the directory")
			}
			var log bytes.Buffer
			c := writeContext(t, dir)
			c.Log = slog.New(slog.NewTextHandler(&log, nil))
			if err := recoverJournal(c, dir, fsOps{}); err != nil {
				t.Fatal(err)
			}
			removeStale(dir)
			if l := log.String(); !strings.Contains(l, "recovered interrupted commit") || !strings.Contains(l, "action="+strings.TrimPrefix(tt.want, "roll ")) {
				t.Errorf("log = %q", l)
			}
			if run := completeSet(t, dir); run != tt.run {
				t.Errorf("rolled to %q, want %q", run, tt.run)
			}
		})
	}
}

// FuzzRecover: any journal bytes neither panic nor touch a file the
// journal does not name (as a final, its temporary or its backup); an
// invalid journal touches nothing at all.
func FuzzRecover(f *testing.F) {
	f.Add([]byte(`{"version":1,"run":"0123456789abcdef","entries":[{"final":"b.pdf","temp":".b.pdf.1.tmp","sha256":"` + strings.Repeat("0", 64) + `","bytes":3}]}`))
	f.Add([]byte(`{"version":1,"run":"0123456789abcdef","action":"back","entries":[{"final":"b.pdf","backup":".b.pdf.0123456789abcdef.bak","bytes":0}]}`))
	f.Add([]byte(`{"version":1,"run":"0123456789abcdef","entries":[{"final":"../x","temp":"../.x.1.tmp"}]}`))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		files := []string{"b.pdf", ".b.pdf.1.tmp", ".b.pdf.0123456789abcdef.bak", "keep.txt", "config.toml"}
		for _, n := range files {
			os.WriteFile(filepath.Join(dir, n), []byte(n), 0o644)
		}
		os.WriteFile(filepath.Join(dir, journalName), data, 0o644)
		j, perr := parseJournal(data)
		named := map[string]bool{journalName: true}
		if perr == nil {
			for _, e := range j.Entries {
				named[e.Final], named[e.Temp], named[e.Backup] = true, true, true
			}
		}
		err := recoverJournal(writeContext(t, dir), dir, fsOps{})
		if perr != nil && err == nil {
			t.Fatalf("invalid journal (%v) accepted", perr)
		}
		for _, n := range files {
			b, rerr := os.ReadFile(filepath.Join(dir, n))
			if !named[n] && (rerr != nil || string(b) != n) {
				t.Errorf("%s, not named in the journal, was changed (%v)", n, rerr)
			}
		}
		if perr != nil {
			if _, err := os.Stat(filepath.Join(dir, journalName)); err != nil {
				t.Errorf("an invalid journal was removed")
			}
		}
	})
}

// TestParseJournalTemp: a journal's temporary must be the write stage's
// name for its final, ".FINAL.DIGITS.tmp", or recovery would rename
// another file over the final.
func TestParseJournalTemp(t *testing.T) {
	for _, tc := range []struct {
		temp string
		ok   bool
	}{
		{".b.pdf.1.tmp", true},
		{".b.pdf.0042.tmp", true},
		{"1.tmp", false}, // digits and suffix, without the final's prefix
		{".c.pdf.1.tmp", false},
		{".b.pdf..tmp", false},
		{".b.pdf.1x.tmp", false},
		{".b.pdf.1", false},
	} {
		data := `{"version":1,"run":"0123456789abcdef","entries":[{"final":"b.pdf","temp":"` + tc.temp + `","sha256":"` + strings.Repeat("0", 64) + `","bytes":3}]}`
		if _, err := parseJournal([]byte(data)); (err == nil) != tc.ok {
			t.Errorf("temp %q: err = %v, want ok = %v", tc.temp, err, tc.ok)
		}
	}
}
