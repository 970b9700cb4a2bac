package main

// End-to-end tests of `briefing build` for unattended runs (issue #6):
// outputs and their names, reproducible bytes, the manifest, exit codes,
// atomic writes, the output lock, concurrent and killed runs, JSON logs.
// They run the real binary (built once in TestMain) as a scheduled job
// would.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// epoch fixes "now" for reproducible builds: 2025-10-27 09:00 UTC.
const epoch = "SOURCE_DATE_EPOCH=1761555600"

// The three files of the example's default build (latest-week = 2025-W43).
const (
	w43PDF      = "briefing-2025-W43.pdf"
	w43XLSX     = "briefing-2025-W43.xlsx"
	w43Manifest = "briefing-2025-W43.manifest.json"
)

var w43Files = []string{w43Manifest, w43PDF, w43XLSX}

// shared is a directory for fixtures made once per test binary. It lives
// beside the binary, so TestMain removes it.
func shared(name string) string { return filepath.Join(filepath.Dir(bin), name) }

var (
	builtOnce sync.Once
	builtDir  string
	builtErr  error
)

// builtExample is a copy of the example project whose output/ holds an
// earlier successful build (made once, with SOURCE_DATE_EPOCH).
func builtExample(t *testing.T) string {
	t.Helper()
	builtOnce.Do(func() {
		builtDir = shared("built-example")
		for from, to := range map[string]string{"../../config.toml": "config.toml", "../../input/example.toml": "input/example.toml"} {
			b, err := os.ReadFile(from)
			if err == nil {
				err = os.MkdirAll(filepath.Dir(filepath.Join(builtDir, to)), 0o755)
			}
			if err == nil {
				err = os.WriteFile(filepath.Join(builtDir, to), b, 0o644)
			}
			if err != nil {
				builtErr = err
				return
			}
		}
		cmd := exec.Command(bin, "--quiet", "build")
		cmd.Dir = builtDir
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), epoch}
		if out, err := cmd.CombinedOutput(); err != nil {
			builtErr = fmt.Errorf("building the example: %v\n%s", err, out)
		}
	})
	if builtErr != nil {
		t.Fatal(builtErr)
	}
	dir := t.TempDir()
	copyTree(t, builtDir, dir)
	return dir
}

var (
	archiveOnce sync.Once
	archiveDir  string
	archiveErr  error
)

// largeArchive is a synthetic archive of 3,000 events over a year, written
// once by the project's own generator. Tests copy it (copyTree) before
// building in it.
func largeArchive(t *testing.T) string {
	t.Helper()
	archiveOnce.Do(func() {
		archiveDir = shared("archive")
		cmd := exec.Command("go", "run", "./cmd/eventgen", "--events", "3000", "--years", "1", "--seed", "1", "--out", archiveDir)
		cmd.Dir = "../.."
		if out, err := cmd.CombinedOutput(); err != nil {
			archiveErr = fmt.Errorf("generating the archive: %v\n%s", err, out)
		}
	})
	if archiveErr != nil {
		t.Fatal(archiveErr)
	}
	return archiveDir
}

// copyTree copies the regular files under from into to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// proc is a briefing process started in the background.
type proc struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	lines          chan string // stderr, line by line, when streamed
}

// startBriefing starts the binary as runBriefing would, without waiting.
// With stream, stderr is also delivered line by line on p.lines.
func startBriefing(t *testing.T, dir string, env []string, stream bool, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(bin, args...)}
	p.cmd.Dir = dir
	p.cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	p.cmd.Stdout = &p.stdout
	if stream {
		pr, pw := io.Pipe()
		p.cmd.Stderr = pw
		p.lines = make(chan string, 1024)
		go func() {
			defer close(p.lines)
			sc := bufio.NewScanner(pr)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				p.stderr.WriteString(sc.Text() + "\n")
				select {
				case p.lines <- sc.Text():
				default:
				}
			}
			io.Copy(io.Discard, pr)
		}()
		t.Cleanup(func() { pw.Close() })
	} else {
		p.cmd.Stderr = &p.stderr
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
	})
	return p
}

// wait waits for the process; killed reports death by a signal.
func (p *proc) wait(t *testing.T) (r result, killed bool) {
	t.Helper()
	err := p.cmd.Wait()
	if w, ok := p.cmd.Stderr.(*io.PipeWriter); ok {
		w.Close()
		for range p.lines { // the reader has finished with stderr
		}
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	code := p.cmd.ProcessState.ExitCode()
	if strings.Contains(p.stderr.String(), "goroutine ") || strings.Contains(p.stderr.String(), "panic:") {
		t.Errorf("stack trace in front of the user:\n%s", p.stderr.String())
	}
	return result{code, p.stdout.String(), p.stderr.String()}, code == -1
}

// waitLine waits until the process prints a stderr line containing all of
// the substrings, and reports whether it did before exiting or timing out.
func (p *proc) waitLine(substrings ...string) bool {
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				return false
			}
			match := true
			for _, s := range substrings {
				match = match && strings.Contains(line, s)
			}
			if match {
				return true
			}
		case <-timeout:
			return false
		}
	}
}

// lockFile is the output directory's lock. It stays after a run (an
// flock on it is the lock, not its presence), so the listings skip it.
const lockFile = ".briefing.lock"

// listDir returns the names in dir, sorted; hidden files included, except
// the lock file.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != lockFile {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// readFiles reads the named files in dir.
func readFiles(t *testing.T, dir string, names []string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = b
	}
	return out
}

// sameFiles reports every file that was added, removed or changed between
// two snapshots, by name.
func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for name, b := range before {
		a, ok := after[name]
		switch {
		case !ok:
			t.Errorf("%s: %s was removed", what, name)
		case a != b:
			t.Errorf("%s: %s changed (%d bytes, was %d)", what, name, len(a), len(b))
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s: %s was added", what, name)
		}
	}
}

var leftoverName = regexp.MustCompile(`^\..*\.(tmp|bak)$|^\.briefing\.journal$`)

// noLeftovers fails on temporaries, backups or a commit journal left in dir.
func noLeftovers(t *testing.T, dir string) {
	t.Helper()
	for _, n := range listDir(t, dir) {
		if leftoverName.MatchString(n) {
			t.Errorf("%s left in %s", n, dir)
		}
	}
}

// checkPDF fails unless b is a complete PDF.
func checkPDF(t *testing.T, name string, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
		t.Errorf("%s is not a complete PDF (%d bytes, starts %q, ends %q)", name, len(b), head(b), tail(b))
	}
}

// checkXLSX fails unless path is a workbook excelize opens, with the
// contract's sheets.
func checkXLSX(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Errorf("%s: excelize cannot open it: %v", filepath.Base(path), err)
		return
	}
	defer f.Close()
	sheets := f.GetSheetList()
	for _, s := range []string{"Summary", "Events", "Participants", "Focus areas", "Sources", "About"} {
		if !slices.Contains(sheets, s) {
			t.Errorf("%s: no sheet %q (sheets: %q)", filepath.Base(path), s, sheets)
		}
	}
}

func head(b []byte) []byte { return b[:min(len(b), 8)] }
func tail(b []byte) []byte { return b[max(0, len(b)-8):] }

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// manifest is the part of <name>.manifest.json the tests rely on.
type manifest struct {
	Tool        string `json:"tool"`
	Version     string `json:"version"`
	GeneratedAt string `json:"generated_at"`
	Config      string `json:"config"`
	Period      struct {
		ID       string `json:"id"`
		Label    string `json:"label"`
		Start    string `json:"start"`
		End      string `json:"end"`
		Previous string `json:"previous"`
	} `json:"period"`
	Filters []string `json:"filters"`
	Inputs  []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
		Bytes  int64  `json:"bytes"`
	} `json:"inputs"`
	Outputs []struct {
		Path   string `json:"path"`
		Bytes  int64  `json:"bytes"`
		SHA256 string `json:"sha256"`
	} `json:"outputs"`
	Counts   map[string]int `json:"counts"`
	Warnings []string       `json:"warnings"`
}

// verifyOutputs checks a finished build in outDir: exactly the files
// wanted (any, when want is nil; never temporaries or a lock), each
// complete and valid, shared like
// other files the user creates, and a manifest that names every other
// output with its size and SHA-256 and every input (relative to
// configDir) with the SHA-256 of the file. It returns the manifest.
func verifyOutputs(t *testing.T, configDir, outDir string, want []string) manifest {
	t.Helper()
	names := listDir(t, outDir)
	noLeftovers(t, outDir)
	if want != nil {
		if want = slices.Sorted(slices.Values(want)); !slices.Equal(names, want) {
			t.Fatalf("%s holds %q, want %q", outDir, names, want)
		}
	}
	perm := filePerm(t)
	var m manifest
	var manifestName string
	for _, n := range names {
		path := filepath.Join(outDir, n)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err == nil && st.Mode().Perm() != perm {
			t.Errorf("%s has mode %v; files the user creates get %v (0644 less the umask)", n, st.Mode().Perm(), perm)
		}
		switch {
		case strings.HasSuffix(n, ".pdf"):
			checkPDF(t, n, b)
		case strings.HasSuffix(n, ".xlsx"):
			checkXLSX(t, path)
		case strings.HasSuffix(n, ".manifest.json"):
			manifestName = n
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatalf("%s is not JSON: %v\n%s", n, err, b)
			}
		}
	}
	if manifestName == "" {
		t.Fatalf("no manifest in %q", names)
	}
	if m.Tool != "briefing" || m.Version == "" {
		t.Errorf("manifest tool %q version %q", m.Tool, m.Version)
	}
	var listed []string
	for _, o := range m.Outputs {
		listed = append(listed, o.Path)
		b, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(o.Path)))
		if err != nil {
			t.Errorf("manifest lists %s: %v", o.Path, err)
			continue
		}
		if o.Bytes != int64(len(b)) || o.SHA256 != sha(b) {
			t.Errorf("manifest: %s: %d bytes, sha256 %s; the file has %d bytes, sha256 %s", o.Path, o.Bytes, o.SHA256, len(b), sha(b))
		}
	}
	others := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == manifestName })
	if slices.Sort(listed); !slices.Equal(listed, others) {
		t.Errorf("manifest outputs %q, want the other files %q", listed, others)
	}
	if len(m.Inputs) == 0 {
		t.Errorf("manifest lists no inputs")
	}
	for _, in := range m.Inputs {
		if filepath.IsAbs(in.Path) || strings.HasPrefix(in.Path, "../") || strings.Contains(in.Path, `\`) {
			t.Errorf("manifest input path %q is not relative to the config file's directory with forward slashes", in.Path)
			continue
		}
		b, err := os.ReadFile(filepath.Join(configDir, filepath.FromSlash(in.Path)))
		if err != nil {
			t.Errorf("manifest input %s: %v", in.Path, err)
			continue
		}
		if in.SHA256 != sha(b) {
			t.Errorf("manifest input %s: sha256 %s, the file's is %s", in.Path, in.SHA256, sha(b))
		}
	}
	return m
}

var (
	permOnce sync.Once
	perm     fs.FileMode
)

// filePerm is the mode a new file created with 0644 gets under the
// umask the tests (and so the binary) run with.
func filePerm(t *testing.T) fs.FileMode {
	t.Helper()
	permOnce.Do(func() {
		p := filepath.Join(shared("perm-probe"))
		f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			perm = 0o644
			return
		}
		f.Close()
		st, _ := os.Stat(p)
		perm = st.Mode().Perm()
		os.Remove(p)
	})
	return perm
}

// stem+".pdf" and so on: the default files of a build named stem.
func defaultFiles(stem string) []string {
	return []string{stem + ".manifest.json", stem + ".pdf", stem + ".xlsx"}
}

func TestBuildOutputs(t *testing.T) {
	t.Parallel()
	// Each test has a root with the example in root/project and an empty
	// root/elsewhere; cwd, out and args are relative to root ({root} is
	// replaced by its absolute path).
	tests := []struct {
		name  string
		cwd   string
		args  []string
		out   string
		files []string
	}{
		{"default", "project", nil, "project/output", w43Files},
		{"per pair", "project", []string{"--per-pair"}, "project/output", append([]string{"briefing-2025-W43-AZE-GEO.pdf"}, w43Files...)},
		{"format xlsx", "project", []string{"--format", "xlsx"}, "project/output", []string{w43Manifest, w43XLSX}},
		{"format pdf", "project", []string{"--format", "pdf"}, "project/output", []string{w43Manifest, w43PDF}},
		{"format list", "project", []string{"--format", "XLSX, pdf"}, "project/output", w43Files},
		{"out relative", "project", []string{"--out", "reports/weekly"}, "project/reports/weekly", w43Files},
		{"out absolute", "elsewhere", []string{"--config", "{root}/project/config.toml", "--out", "{root}/elsewhere/x"}, "elsewhere/x", w43Files},
		{"config from another directory", "elsewhere", []string{"--config", "../project/config.toml"}, "project/output", w43Files},
		{"config absolute", "elsewhere", []string{"--config", "{root}/project/config.toml"}, "project/output", w43Files},
		{"config elsewhere with out", ".", []string{"--config", "project/config.toml", "--out", "elsewhere/out"}, "elsewhere/out", w43Files},
		{"period month", "project", []string{"--period", "2025-10"}, "project/output", defaultFiles("briefing-2025-10")},
		{"period range", "project", []string{"--period", "2025-10-01..2025-10-31"}, "project/output", defaultFiles("briefing-2025-10-01_2025-10-31")},
		{"period all per pair", "project", []string{"--period", "all", "--per-pair"}, "project/output",
			append(defaultFiles("briefing-all"), "briefing-all-AZE-GEO.pdf", "briefing-all-AZE-TUR.pdf", "briefing-all-GEO-TUR.pdf")},
		{"pair filter per pair", "project", []string{"--period", "all", "--per-pair", "--pair", "geo-tur"}, "project/output",
			append(defaultFiles("briefing-all-pairs-GEO-TUR"), "briefing-all-pairs-GEO-TUR-GEO-TUR.pdf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			copyTree(t, example(t), filepath.Join(root, "project"))
			os.Mkdir(filepath.Join(root, "elsewhere"), 0o755)
			var args []string
			for _, a := range append([]string{"build"}, tt.args...) {
				args = append(args, strings.ReplaceAll(a, "{root}", root))
			}
			r := runBriefing(t, filepath.Join(root, tt.cwd), []string{epoch}, args...)
			if r.code != ExitOK {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("build printed on stdout: %q", r.stdout)
			}
			out := filepath.Join(root, tt.out)
			verifyOutputs(t, filepath.Join(root, "project"), out, tt.files)
			// Nothing was written anywhere else.
			if tt.out != "project/output" {
				if _, err := os.Stat(filepath.Join(root, "project", "output")); err == nil {
					t.Errorf("project/output was created although the outputs went to %s", tt.out)
				}
			}
			if tt.cwd == "elsewhere" && tt.out != "elsewhere/x" && len(listDir(t, filepath.Join(root, "elsewhere"))) != 0 {
				t.Errorf("the working directory got files: %q", listDir(t, filepath.Join(root, "elsewhere")))
			}
		})
	}
}

func TestBuildReproducible(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{nil, {"--period", "all", "--per-pair"}} {
		t.Run(strings.Join(append([]string{"build"}, args...), " "), func(t *testing.T) {
			t.Parallel()
			// The same project at two absolute paths of different depth,
			// built from its own directory, twice, and from elsewhere.
			a := filepath.Join(t.TempDir(), "a")
			b := filepath.Join(t.TempDir(), "some", "deeper", "place", "b")
			copyTree(t, example(t), a)
			copyTree(t, example(t), b)
			type run struct {
				name, cwd string
				args      []string
				out       string
			}
			runs := []run{
				{"first", a, args, filepath.Join(a, "output")},
				{"second, same directory", a, append([]string{"--out", "again"}, args...), filepath.Join(a, "again")},
				{"other path", b, args, filepath.Join(b, "output")},
				{"other path via --config", t.TempDir(), append([]string{"--config", filepath.Join(b, "config.toml"), "--out", "o"}, args...), ""},
			}
			runs[3].out = filepath.Join(runs[3].cwd, "o")
			var want map[string][]byte
			var wantNames []string
			for _, rn := range runs {
				r := runBriefing(t, rn.cwd, []string{epoch}, append([]string{"-q", "build"}, rn.args...)...)
				if r.code != ExitOK {
					t.Fatalf("%s: exit %d\n%s", rn.name, r.code, r.stderr)
				}
				names := listDir(t, rn.out)
				got := readFiles(t, rn.out, names)
				if want == nil {
					want, wantNames = got, names
					continue
				}
				if !slices.Equal(names, wantNames) {
					t.Fatalf("%s: files %q, first run wrote %q", rn.name, names, wantNames)
				}
				for _, n := range names {
					if !bytes.Equal(got[n], want[n]) {
						t.Errorf("%s: %s differs from the first run's (%d vs %d bytes)", rn.name, n, len(got[n]), len(want[n]))
					}
				}
			}
			// The manifest's time is SOURCE_DATE_EPOCH's.
			var m manifest
			for n, b := range want {
				if strings.HasSuffix(n, ".manifest.json") {
					json.Unmarshal(b, &m)
				}
			}
			at, err := time.Parse(time.RFC3339, m.GeneratedAt)
			if err != nil || at.Unix() != 1761555600 {
				t.Errorf("manifest generated_at %q, want the instant of SOURCE_DATE_EPOCH=1761555600 (%v)", m.GeneratedAt, err)
			}
		})
	}
	t.Run("another SOURCE_DATE_EPOCH", func(t *testing.T) {
		t.Parallel()
		dir := example(t)
		for out, env := range map[string]string{"a": epoch, "b": "SOURCE_DATE_EPOCH=1761642000"} {
			if r := runBriefing(t, dir, []string{env}, "-q", "build", "--out", out); r.code != ExitOK {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
		}
		a := readFiles(t, filepath.Join(dir, "a"), w43Files)
		b := readFiles(t, filepath.Join(dir, "b"), w43Files)
		if bytes.Equal(a[w43PDF], b[w43PDF]) || bytes.Equal(a[w43Manifest], b[w43Manifest]) {
			t.Errorf("a different SOURCE_DATE_EPOCH gave the same PDF or manifest: the generated-at time is not taken from it")
		}
	})
}

func TestBuildManifest(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	project := filepath.Join(root, "project")
	copyTree(t, example(t), project)
	writeFile(t, filepath.Join(project, "input", "extra", "more.toml"), `[[event]]
id = "2025-10-23-baku-call"
date = 2025-10-23
title = "Defence ministers speak by phone"
kind = "call"
countries = ["AZE", "GEO"]
focus_areas = ["Quantum diplomacy"]
`)
	os.Mkdir(filepath.Join(root, "elsewhere"), 0o755)
	r := runBriefing(t, filepath.Join(root, "elsewhere"), []string{epoch}, "build", "--config", "../project/config.toml", "--pair", "geo-aze")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	// --pair: the filtered build's own names (issue #16, point 6).
	m := verifyOutputs(t, project, filepath.Join(project, "output"), defaultFiles("briefing-2025-W43-pairs-AZE-GEO"))

	if m.Config != "config.toml" {
		t.Errorf("config %q, want config.toml (relative to its own directory)", m.Config)
	}
	p := m.Period
	if p.ID != "2025-W43" || p.Label != "Week 43 · 20–26 October 2025" || p.Start != "2025-10-20" || p.End != "2025-10-26" || p.Previous != "2025-W42" {
		t.Errorf("period = %+v", p)
	}
	if !slices.Equal(m.Filters, []string{"AZE-GEO"}) {
		t.Errorf("filters = %q, want [AZE-GEO]", m.Filters)
	}
	var paths []string
	for _, in := range m.Inputs {
		paths = append(paths, in.Path)
		st, err := os.Stat(filepath.Join(project, in.Path))
		if err == nil && st.Size() != in.Bytes {
			t.Errorf("input %s: %d bytes, the file has %d", in.Path, in.Bytes, st.Size())
		}
	}
	// The notes file is an input too, with its SHA-256 (verifyOutputs).
	if want := []string{"input/example.toml", "input/extra/more.toml", "notes/2025-W43.md"}; !slices.Equal(paths, want) {
		t.Errorf("inputs %q, want %q", paths, want)
	}
	if m.Counts["events"] != 2 || m.Counts["pairs"] != 1 || m.Counts["countries"] != 2 {
		t.Errorf("counts = %v; want 2 events (the Tbilisi meeting and the call), 1 pair, 2 countries", m.Counts)
	}
	if len(m.Warnings) != 1 || !strings.HasPrefix(m.Warnings[0], "input/extra/more.toml:") || !strings.Contains(m.Warnings[0], `"Quantum diplomacy"`) {
		t.Errorf("warnings = %q; want the unknown focus area, at a path relative to the config file", m.Warnings)
	}
	if m.Counts["warnings"] != len(m.Warnings) {
		t.Errorf("counts.warnings = %d, but %d warnings are listed", m.Counts["warnings"], len(m.Warnings))
	}
}

// breakTemplate gives the project a templates/pair.tmpl with a syntax error
// on line 3.
func breakTemplate(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "templates", "pair.tmpl"), "{{/* a project template */}}\nThe pair {{.Pair.Key}}\nmet {{if .Pair.Events}} often{{end}\n")
}

// addUnknownFocusArea adds an area not in [focus_areas] to the example's
// first event (line 14; its focus_areas are on line 26).
func addUnknownFocusArea(t *testing.T, dir string) {
	path := filepath.Join(dir, "input", "example.toml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "focus_areas = [", `focus_areas = ["Quantum diplomacy", `, 1)
	writeFile(t, path, s)
}

// TestBuildFailedRunKeepsOutputs builds once, breaks the project and builds
// again: exit 1, every problem with its place, and output/ byte for byte
// as it was.
func TestBuildFailedRunKeepsOutputs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		spoil func(t *testing.T, dir string)
		args  []string
		want  []string // stderr lines, in order
	}{
		{"template syntax error", breakTemplate, nil, []string{
			"templates/pair.tmpl:3: template: ",
			"briefing: 1 problem; nothing was written",
		}},
		{"template execution error", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "templates", "pair.tmpl"), "The pair\n{{.NoSuchField}}\n")
		}, nil, []string{
			"templates/pair.tmpl:2: template: ",
			"briefing: 1 problem; nothing was written",
		}},
		{"template error per pair", breakTemplate, []string{"--per-pair"}, []string{
			"templates/pair.tmpl:3: template: ",
			"briefing: 1 problem; nothing was written",
		}},
		{"strict unknown focus area", addUnknownFocusArea, []string{"--strict", "--period", "2023-02"}, []string{
			`input/example.toml:26:15: event "2023-02-kars-trilateral-defence-ministers": focus_areas: "Quantum diplomacy" is not in [focus_areas]`,
			"briefing: 1 problem; nothing was written",
		}},
		{"invalid event", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "input", "bad.toml"), "[[event]]\nid = \"2025-10-22-x\"\ndate = 2025-10-22\ntitle = \"x\"\nkind = \"summit\"\ncountries = [\"GEO\", \"AZE\"]\n")
		}, nil, []string{
			`input/bad.toml:5:8: event "2025-10-22-x": kind: "summit" is not one of meeting, visit, call, agreement, exercise, statement, other`,
			"briefing: 1 problem; nothing was written",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := builtExample(t)
			before := snapshot(t, filepath.Join(dir, "output"))
			tt.spoil(t, dir)
			r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, append([]string{"-q", "build"}, tt.args...)...)
			if r.code != ExitInvalid {
				t.Errorf("exit %d, want %d\n%s", r.code, ExitInvalid, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if len(lines) != len(tt.want) {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(tt.want), r.stderr)
			}
			for i := range min(len(lines), len(tt.want)) {
				if !strings.HasPrefix(lines[i], tt.want[i]) {
					t.Errorf("stderr line %d = %q, want it to start with %q", i+1, lines[i], tt.want[i])
				}
			}
			sameFiles(t, "output/ after a failed build", before, snapshot(t, filepath.Join(dir, "output")))
		})
	}
}

// TestBuildStrict: an unknown focus area is a warning, and with --strict
// an error that writes nothing.
func TestBuildStrict(t *testing.T) {
	t.Parallel()
	dir := example(t)
	addUnknownFocusArea(t, dir)
	const where = `input/example.toml:26:15: event "2023-02-kars-trilateral-defence-ministers": focus_areas: "Quantum diplomacy" is not in [focus_areas]`

	for _, args := range [][]string{{"build", "--period", "2023-02"}, {"check"}} { // build: a period that shows the event
		cmd := args[0]
		r := runBriefing(t, dir, nil, append(args, "--strict")...)
		if r.code != ExitInvalid {
			t.Errorf("%s --strict: exit %d, want %d\n%s", cmd, r.code, ExitInvalid, r.stderr)
		}
		if !strings.Contains(r.stderr, "\n"+where) || !strings.Contains(r.stderr, closingLine(cmd, 1)) {
			t.Errorf("%s --strict: stderr lacks the error:\n%s", cmd, r.stderr)
		}
		if n := strings.Count(r.stderr, "Quantum diplomacy"); n != 1 {
			t.Errorf("%s --strict: the problem is printed %d times (as a warning and as an error?):\n%s", cmd, n, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "output")); err == nil {
			t.Errorf("%s --strict: output/ was created", cmd)
		}
	}

	r := runBriefing(t, dir, []string{epoch}, "build")
	if r.code != ExitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "briefing: warning: "+where) {
		t.Errorf("build: stderr lacks the warning %q:\n%s", where, r.stderr)
	}
	m := verifyOutputs(t, dir, filepath.Join(dir, "output"), w43Files)
	if len(m.Warnings) != 1 || !strings.HasPrefix(m.Warnings[0], where) {
		t.Errorf("manifest warnings = %q, want %q", m.Warnings, where)
	}
}

// TestBuildWriteFails: an output directory that cannot be created or
// written is exit 3, one clear line, and earlier outputs stay as they were.
func TestBuildWriteFails(t *testing.T) {
	t.Parallel()
	root := os.Geteuid() == 0
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) []string // returns extra args
		skip  string
		want  []string // fragments of the one stderr line
	}{
		{"out under a regular file", func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "somefile"), "not a directory\n")
			return []string{"--out", "somefile/sub"}
		}, "", []string{"cannot write", "somefile/sub", "not a directory"}},
		{"out is a regular file", func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "somefile"), "not a directory\n")
			return []string{"--out", "somefile"}
		}, "", []string{"cannot write", "somefile", "not a directory"}},
		{"output.dir under a regular file", func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "blocker"), "not a directory\n")
			editConfig(t, dir, `dir = "output"`, `dir = "blocker/out"`)
			return nil
		}, "", []string{"cannot write", "blocker/out", "not a directory"}},
		{"output dir read-only", func(t *testing.T, dir string) []string {
			chmod(t, filepath.Join(dir, "output"), 0o555)
			return nil
		}, skipIf(root, "running as root, which may write anywhere"), []string{"cannot write", "output", "permission denied"}},
		{"parent of out read-only", func(t *testing.T, dir string) []string {
			os.Mkdir(filepath.Join(dir, "ro"), 0o755)
			chmod(t, filepath.Join(dir, "ro"), 0o555)
			return []string{"--out", "ro/new"}
		}, skipIf(root, "running as root, which may write anywhere"), []string{"cannot write", "ro/new", "permission denied"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			dir := builtExample(t)
			args := tt.setup(t, dir)
			before := snapshot(t, dir)
			r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, append([]string{"-q", "build"}, args...)...)
			if r.code != ExitFailure {
				t.Errorf("exit %d, want %d\n%s", r.code, ExitFailure, r.stderr)
			}
			if !strings.HasPrefix(r.stderr, "briefing: ") || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("want one line starting with \"briefing: \", got:\n%s", r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			sameFiles(t, "project after a failed write", before, snapshot(t, dir))
		})
	}

	// A run that fails after renaming some outputs would leave a mix of
	// old and new files; every target is checked before any is replaced.
	t.Run("target is a directory", func(t *testing.T) {
		t.Parallel()
		dir := example(t)
		if r := runBriefing(t, dir, []string{epoch}, "-q", "build", "--format", "pdf"); r.code != ExitOK {
			t.Fatalf("exit %d\n%s", r.code, r.stderr)
		}
		writeFile(t, filepath.Join(dir, "output", w43XLSX, "keep"), "a directory where the workbook goes\n")
		before := snapshot(t, filepath.Join(dir, "output"))
		r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, "-q", "build")
		if r.code != ExitFailure {
			t.Errorf("exit %d, want %d\n%s", r.code, ExitFailure, r.stderr)
		}
		sameFiles(t, "output/ after a failed write", before, snapshot(t, filepath.Join(dir, "output")))
	})
}

func skipIf(cond bool, why string) string {
	if cond {
		return why
	}
	return ""
}

// chmod changes a directory's mode and restores it when the test ends, so
// that the temp dir can be removed.
func chmod(t *testing.T, path string, mode fs.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o755) })
}

// editConfig replaces old by new in dir/config.toml; old must occur.
func editConfig(t *testing.T, dir, old, new string) {
	t.Helper()
	path := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("config.toml has no %q", old)
	}
	writeFile(t, path, strings.Replace(string(b), old, new, 1))
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(bin, "--version")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// TestBuildLock: a run that finds output/ locked by a live run exits 3 and
// touches nothing; the lock file of a dead run (an earlier version's pid
// file here) means nothing, and its temporaries are removed.
func TestBuildLock(t *testing.T) {
	t.Parallel()
	t.Run("held by a live run", func(t *testing.T) {
		t.Parallel()
		dir := builtExample(t)
		holdLock(t, filepath.Join(dir, "output"))
		before := snapshot(t, dir)
		r := runBriefing(t, dir, []string{"SOURCE_DATE_EPOCH=1761642000"}, "-q", "build")
		if r.code != ExitFailure {
			t.Errorf("exit %d, want %d\n%s", r.code, ExitFailure, r.stderr)
		}
		host, _ := os.Hostname()
		if want := fmt.Sprintf("briefing: write: another run is writing to output/ (pid %d on host %s)", os.Getpid(), host); !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("stderr = %q, want one line starting %q", r.stderr, want)
		}
		sameFiles(t, "project after a locked build", before, snapshot(t, dir))
	})
	t.Run("left by a dead run", func(t *testing.T) {
		t.Parallel()
		dir := builtExample(t)
		out := filepath.Join(dir, "output")
		writeFile(t, filepath.Join(out, ".briefing.lock"), fmt.Sprintf("%d\n", deadPID(t)))
		writeFile(t, filepath.Join(out, ".briefing-2025-W43.pdf.1234567.tmp"), "%PDF-1.7 cut short")
		writeFile(t, filepath.Join(out, ".briefing-2025-W43.manifest.json.987.tmp"), "{")
		// Files of the user's that merely look similar stay.
		mine := []string{".notes.tmp", "notes.tmp", ".draft.pdf.tmp"}
		for _, n := range mine {
			writeFile(t, filepath.Join(out, n), "mine\n")
		}
		r := runBriefing(t, dir, []string{epoch}, "-q", "build")
		if r.code != ExitOK {
			t.Fatalf("exit %d\n%s", r.code, r.stderr)
		}
		names := listDir(t, out)
		for _, n := range mine {
			if !slices.Contains(names, n) {
				t.Errorf("the user's %s was removed", n)
			}
			os.Remove(filepath.Join(out, n))
		}
		verifyOutputs(t, dir, out, w43Files)
	})
}

// TestBuildConcurrent starts two builds of a large archive at once on the
// same output directory, with different SOURCE_DATE_EPOCHs so their files
// differ. Each must succeed, or lose the lock with exit 3 naming the other
// run; afterwards the files are complete, agree with the manifest (no mix
// of the two runs) and nothing is left behind. With --per-pair a build
// writes some 65 files, so the two runs' writes often overlap; rounds
// repeat until they have (or a few have run).
func TestBuildConcurrent(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("large archive")
	}
	arch := largeArchive(t)
	const minRounds, maxRounds = 2, 6
	contended, round := 0, 0
	for ; round < maxRounds && (round < minRounds || contended == 0); round++ {
		dir := t.TempDir()
		copyTree(t, arch, dir)
		var ps [2]*proc
		for i := range ps {
			env := []string{fmt.Sprintf("SOURCE_DATE_EPOCH=%d", 1761555600+86400*(2*round+i))}
			ps[i] = startBriefing(t, dir, env, false, "-q", "build", "--per-pair")
		}
		var rs [2]result
		for i, p := range ps {
			rs[i], _ = p.wait(t)
		}
		for i, r := range rs {
			switch r.code {
			case ExitOK:
			case ExitFailure:
				contended++
				want := fmt.Sprintf("briefing: write: another run is writing to output/ (pid %d on host ", ps[1-i].cmd.Process.Pid)
				if !strings.HasPrefix(r.stderr, want) {
					t.Errorf("round %d, run %d: exit 3 with %q, want %q", round, i, r.stderr, want)
				}
			default:
				t.Errorf("round %d, run %d: exit %d\n%s", round, i, r.code, r.stderr)
			}
		}
		if rs[0].code != ExitOK && rs[1].code != ExitOK {
			t.Errorf("round %d: neither run succeeded", round)
		}
		m := verifyOutputs(t, dir, filepath.Join(dir, "output"), nil)
		if len(m.Outputs) < 50 {
			t.Errorf("round %d: only %d outputs; want the briefing, the workbook and a PDF per pair", round, len(m.Outputs))
		}
	}
	t.Logf("%d of %d rounds contended for the lock", contended, round)
}

// TestBuildConcurrentStress runs three quick builds at once, many times:
// the lock must serialize their writes every time.
func TestBuildConcurrentStress(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("stress")
	}
	dir := example(t)
	const rounds, runs = 40, 3
	for round := range rounds {
		var ps [runs]*proc
		for i := range ps {
			env := []string{fmt.Sprintf("SOURCE_DATE_EPOCH=%d", 1761555600+86400*(runs*round+i))}
			ps[i] = startBriefing(t, dir, env, false, "-q", "build", "--format", "xlsx")
		}
		for i, p := range ps {
			r, _ := p.wait(t)
			if r.code != ExitOK && !(r.code == ExitFailure && strings.HasPrefix(r.stderr, "briefing: write: another run is writing to output/ (pid ")) {
				t.Errorf("round %d, run %d: exit %d\n%s", round, i, r.code, r.stderr)
			}
		}
		verifyOutputs(t, dir, filepath.Join(dir, "output"), []string{w43Manifest, w43XLSX})
		if t.Failed() {
			return
		}
	}
}

// TestBuildKilled kills builds of a large archive with SIGKILL, once while
// rendering and once as it starts writing: the outputs of the earlier run
// stay whole, and the next run succeeds and leaves nothing behind.
func TestBuildKilled(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("large archive")
	}
	dir := t.TempDir()
	copyTree(t, largeArchive(t), dir)
	out := filepath.Join(dir, "output")
	const per = "2025-Q3"
	files := defaultFiles("briefing-" + per)
	newer := []string{"SOURCE_DATE_EPOCH=1761642000"}

	if r := runBriefing(t, dir, []string{epoch}, "-q", "build", "--period", per); r.code != ExitOK {
		t.Fatalf("first build: exit %d\n%s", r.code, r.stderr)
	}
	old := readFiles(t, out, files)
	before := snapshot(t, out)

	// 1. While rendering: once aggregation is done.
	p := startBriefing(t, dir, newer, true, "--log-format", "json", "--verbose", "build", "--period", per)
	if !p.waitLine(`"stage":"aggregate"`, `"duration_ms"`) {
		r, _ := p.wait(t)
		t.Fatalf("the build ended before aggregating: exit %d\n%s", r.code, r.stderr)
	}
	time.Sleep(100 * time.Millisecond)
	p.cmd.Process.Kill()
	if r, killed := p.wait(t); !killed {
		t.Fatalf("the build finished (exit %d) before it could be killed while rendering; the archive is too small", r.code)
	}
	sameFiles(t, "output/ after a kill while rendering", before, snapshot(t, out))

	// 2. While writing: as soon as the lock or a temporary file appears.
	p = startBriefing(t, dir, newer, true, "--log-format", "json", "--verbose", "build", "--period", per)
	if !p.waitLine(`"stage":"render xlsx"`, `"duration_ms"`) {
		r, _ := p.wait(t)
		t.Fatalf("the build ended before rendering: exit %d\n%s", r.code, r.stderr)
	}
	exited := make(chan struct{})
	go func() { p.cmd.Wait(); close(exited) }()
	for seen := false; !seen; {
		select {
		case <-exited:
			seen = true
		default:
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				seen = seen || leftoverName.MatchString(e.Name())
			}
		}
	}
	p.cmd.Process.Kill()
	<-exited
	left := listDir(t, out)
	killedState := readFiles(t, out, files)
	t.Logf("killed while writing; output/ then held %q", left)

	// 3. The next run takes over any stale lock and cleans up.
	r := runBriefing(t, dir, newer, "-q", "build", "--period", per)
	if r.code != ExitOK {
		t.Fatalf("build after the kills: exit %d\n%s", r.code, r.stderr)
	}
	verifyOutputs(t, dir, out, files)
	fresh := readFiles(t, out, files)
	for _, n := range files {
		if bytes.Equal(fresh[n], old[n]) {
			t.Errorf("%s did not change with SOURCE_DATE_EPOCH", n)
		}
		// A kill mid-write leaves each file whole: the old one or the new.
		if !bytes.Equal(killedState[n], old[n]) && !bytes.Equal(killedState[n], fresh[n]) {
			t.Errorf("after the kill while writing, %s was neither the earlier file nor the new one (%d bytes)", n, len(killedState[n]))
		}
	}
}

// TestBuildLogs: JSON logs for machines, silence with --quiet.
func TestBuildLogs(t *testing.T) {
	t.Parallel()
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		dir := example(t)
		r := runBriefing(t, dir, nil, "--log-format", "json", "build", "--verbose")
		if r.code != ExitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		stages := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
			var obj map[string]any
			if err := json.Unmarshal([]byte(line), &obj); err != nil {
				t.Fatalf("not one JSON object per line: %q", line)
			}
			if s, ok := obj["stage"].(string); ok {
				if d, ok := obj["duration_ms"].(float64); ok && d >= 0 {
					stages[s] = true
				}
			}
		}
		for _, s := range []string{"load", "normalize", "period", "aggregate", "render pdf", "render xlsx", "manifest", "write"} {
			if !stages[s] {
				t.Errorf("no duration_ms for stage %q:\n%s", s, r.stderr)
			}
		}
		if r.stdout != "" {
			t.Errorf("stdout = %q", r.stdout)
		}
	})
	// A failure in JSON mode is JSON too: a CI job parses every line.
	t.Run("json failure", func(t *testing.T) {
		t.Parallel()
		dir := example(t)
		writeFile(t, filepath.Join(dir, "input", "bad.toml"), "[[event]]\nid = \"Bad ID\"\n")
		writeFile(t, filepath.Join(dir, "somefile"), "x")
		for _, tc := range []struct {
			args []string
			code int
			msg  string
		}{
			{[]string{"build"}, ExitInvalid, `input/bad.toml:2:6: event "Bad ID": id: "Bad ID" must match`},
			{[]string{"build", "--period", "2025-W99"}, ExitUsage, "--period: invalid period"},
			{[]string{"check", "--nope"}, ExitUsage, "flag provided but not defined"},
		} {
			r := runBriefing(t, dir, nil, append([]string{"--log-format", "json"}, tc.args...)...)
			if r.code != tc.code {
				t.Errorf("%q: exit %d, want %d\n%s", tc.args, r.code, tc.code, r.stderr)
			}
			found := false
			for _, line := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
				var obj map[string]any
				if err := json.Unmarshal([]byte(line), &obj); err != nil {
					t.Errorf("%q: a line of the JSON log is not JSON: %q", tc.args, line)
					continue
				}
				if msg, _ := obj["msg"].(string); strings.HasPrefix(msg, tc.msg) && obj["level"] == "ERROR" {
					found = true
				}
			}
			if !found {
				t.Errorf("%q: no ERROR object with msg %q:\n%s", tc.args, tc.msg, r.stderr)
			}
		}
		r := runBriefing(t, example(t), nil, "--log-format", "json", "build", "--out", "/dev/null/x")
		var last map[string]any
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil || r.code != ExitFailure ||
			last["level"] != "ERROR" || last["stage"] != "write" || !strings.Contains(fmt.Sprint(last["msg"]), "not a directory") {
			t.Errorf("write failure: exit %d, last line %q, want an ERROR object for stage write", r.code, lines[len(lines)-1])
		}
	})
	t.Run("quiet", func(t *testing.T) {
		t.Parallel()
		dir := example(t)
		r := runBriefing(t, dir, nil, "--quiet", "build")
		if r.code != ExitOK || r.stderr != "" || r.stdout != "" {
			t.Errorf("--quiet build: exit %d, stdout %q, stderr %q; want silence", r.code, r.stdout, r.stderr)
		}
		verifyOutputs(t, dir, filepath.Join(dir, "output"), w43Files)
	})
	t.Run("text", func(t *testing.T) {
		t.Parallel()
		dir := example(t)
		r := runBriefing(t, dir, nil, "build")
		if r.code != ExitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		for _, f := range w43Files {
			if !strings.Contains(r.stderr, "briefing: wrote path=output/"+f+" ") {
				t.Errorf("stderr does not say it wrote output/%s:\n%s", f, r.stderr)
			}
		}
	})
}

// TestBuildRendersLargePeriods builds periods of the large archive whose
// PDFs run to hundreds of pages.
func TestBuildRendersLargePeriods(t *testing.T) {
	if testing.Short() {
		t.Skip("large archive, notes of hundreds of pages")
	}
	t.Parallel()
	dir := t.TempDir()
	copyTree(t, largeArchive(t), dir)
	for _, args := range [][]string{{"--period", "2025-Q2"}, {"--period", "all", "--per-pair", "--format", "pdf"}} {
		r := runBriefing(t, dir, nil, append([]string{"-q", "build", "--out", t.TempDir()}, args...)...)
		if r.code != ExitOK {
			t.Errorf("build %q: exit %d\n%s", args, r.code, r.stderr)
		}
	}
}
