package main

// Help that teaches (issue #16, point 3): examples, completion, --version.

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestHelpExamples: every command's --help ends with its examples, and
// each example that is a briefing command line runs as it reads.
func TestHelpExamples(t *testing.T) {
	t.Parallel()
	app := newApp(nil, nil, os.Getenv)
	for _, cmd := range app.Commands {
		t.Run(cmd.Name, func(t *testing.T) {
			t.Parallel()
			r := runBriefing(t, ".", nil, cmd.Name, "--help")
			_, ex, ok := strings.Cut(r.stdout, "\nEXAMPLES:\n")
			if r.code != ExitOK || !ok {
				t.Fatalf("%s --help: exit %d, no EXAMPLES:\n%s", cmd.Name, r.code, r.stdout)
			}
			lines := strings.Split(strings.TrimSuffix(ex, "\n"), "\n")
			if len(lines) < 2 || len(lines) > 3 {
				t.Errorf("%d examples, want 2 or 3", len(lines))
			}
			dir := example(t)
			copyFile(t, filepath.Join(dir, "config.toml"), filepath.Join(dir, "other.toml"))
			for _, l := range lines {
				line, _, _ := strings.Cut(strings.TrimSpace(l), "#")
				args := strings.Fields(line)
				if args[0] != "briefing" || strings.ContainsAny(line, "<>$") {
					continue // a shell line (completion)
				}
				if cmd.Name == "init" && len(args) == 2 { // init here: a directory of its own
					dir = t.TempDir()
				}
				if cmd.Name == "import" && !importExampleFiles(t, dir, args[len(args)-1]) {
					continue
				}
				if cmd.Name == "serve" { // any free port, and stop after the first build
					args = append(args, "--addr", "127.0.0.1:0")
				}
				if cmd.Name == "diff" && !diffExampleFiles(t, dir) {
					continue
				}
				if r := runBriefing(t, dir, []string{epoch, serveOnceEnv + "=1"}, args[1:]...); r.code != ExitOK && (cmd.Name != "diff" || r.code != ExitInvalid) {
					t.Errorf("%s: exit %d\n%s", line, r.code, r.stderr)
				}
			}
		})
	}
}

// TestCompletion sources the bash script and completes as bash would; the
// zsh script is checked for syntax where zsh is installed.
func TestCompletion(t *testing.T) {
	t.Parallel()
	path := "PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")
	complete := func(words ...string) string {
		t.Helper()
		script := `source <(briefing completion bash) && COMP_WORDS=(` + strings.Join(words, " ") + `) && COMP_CWORD=$((${#COMP_WORDS[@]}-1)) && _briefing_complete && echo "${COMPREPLY[*]}"`
		cmd := exec.Command("bash", "-c", script)
		cmd.Env = []string{path, "HOME=" + t.TempDir()}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	for _, tt := range []struct {
		words []string
		want  string
	}{
		{[]string{"briefing", "bu"}, "build"},
		{[]string{"briefing", "c"}, "check completion"},
		{[]string{"briefing", "build", "--per"}, "--period --per-pair"},
		{[]string{"briefing", "summary", "--js"}, "--json"},
	} {
		if got := complete(tt.words...); got != tt.want {
			t.Errorf("completing %q: %q, want %q", tt.words, got, tt.want)
		}
	}
	r := runBriefing(t, ".", nil, "completion", "fish")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `completion "fish": the shells are bash and zsh`) {
		t.Errorf("completion fish: exit %d\n%s", r.code, r.stderr)
	}
	r = runBriefing(t, ".", nil, "completion", "zsh")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "#compdef briefing\n") || r.stderr != "" {
		t.Errorf("completion zsh: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if zsh, err := exec.LookPath("zsh"); err == nil {
		f := filepath.Join(t.TempDir(), "_briefing")
		writeFile(t, f, r.stdout)
		if out, err := exec.Command(zsh, "-n", f).CombinedOutput(); err != nil {
			t.Errorf("zsh -n: %v\n%s", err, out)
		}
	}
}

func TestFormatVersion(t *testing.T) {
	bi := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "2216669a66b9"},
		{Key: "vcs.time", Value: "2026-11-29T13:02:39Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got, want := formatVersion("v1.2.3", bi), "v1.2.3 (revision 2216669a66b9, 2026-11-29T13:02:39Z, modified)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	bi.Settings[3].Value = "false"
	if got, want := formatVersion("v1.2.3", bi), "v1.2.3 (revision 2216669a66b9, 2026-11-29T13:02:39Z)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := formatVersion("devel", &debug.BuildInfo{}), "devel (no VCS revision recorded)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestVersionFromClone builds the binary with VCS stamping, as go build
// in a clone does by default: --version names the checked-out revision
// and a module version, not "devel".
func TestVersionFromClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary again")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not in a git clone: %v", err)
	}
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The go command looks for a .git directory: a worktree's .git is a
	// file, and its builds record no VCS information.
	if st, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !st.IsDir() {
		t.Skip("a git worktree (.git is a file): the go command records no VCS information here")
	}
	exe := filepath.Join(t.TempDir(), "briefing")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -buildvcs=true: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	v := string(out)
	if !strings.HasPrefix(v, "briefing version v") || !strings.Contains(v, "(revision "+strings.TrimSpace(string(head))) {
		t.Errorf("--version = %q, want a module version and revision %s", v, head)
	}
}

// importExampleFiles puts what an import example reads into dir: the
// shipped mapping and the named sample from ../shared/data/real (or the
// committed excerpt of the US travels); false, logged, when it is absent.
func importExampleFiles(t *testing.T, dir, sample string) bool {
	t.Helper()
	mapping := filepath.Join(dir, "examples", "import", "us-travels.toml")
	if err := os.MkdirAll(filepath.Dir(mapping), 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join("..", "..", "examples", "import", "us-travels.toml"), mapping)
	real := os.Getenv("BRIEFING_REAL_DATA")
	if real == "" {
		real = filepath.Join("..", "..", "..", "shared", "data", "real")
	}
	src := filepath.Join(real, sample)
	if _, err := os.Stat(src); err != nil {
		if !strings.HasPrefix(sample, "us_travels") {
			t.Logf("%s: sample absent (../shared/data/real beside the repository), example not run", sample)
			return false
		}
		src = filepath.Join("..", "..", "internal", "importer", "testdata", "us-travels-excerpt.csv")
	}
	copyFile(t, src, filepath.Join(dir, sample))
	return true
}

// diffExampleFiles builds the manifests diff's examples compare: weeks 42
// and 43 into output/, and week 43 again into old/.
func diffExampleFiles(t *testing.T, dir string) bool {
	t.Helper()
	for _, args := range [][]string{{"build", "--period", "2025-W43", "--out", "old"}, {"build", "--period", "2025-W42"}, {"build", "--period", "2025-W43"}} {
		if r := runBriefing(t, dir, []string{epoch}, args...); r.code != ExitOK {
			t.Errorf("%q: exit %d\n%s", args, r.code, r.stderr)
			return false
		}
	}
	return true
}
