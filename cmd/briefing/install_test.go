package main

// README's Install section (issue #16, point 4).

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeInstall: the Install section gives both forms, and the clone
// form installs a binary that runs.
func TestReadmeInstall(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, install, ok := strings.Cut(string(b), "\n## Install\n")
	if !ok {
		t.Fatal("README has no Install section")
	}
	install, _, _ = strings.Cut(install, "\n## ")
	for _, want := range []string{
		"go install ./cmd/briefing",
		"go install github.com/briefing-tool/briefing/cmd/briefing@latest",
		"before or after the command",
	} {
		if !strings.Contains(install, want) {
			t.Errorf("the Install section lacks %q", want)
		}
	}
	if testing.Short() {
		t.Skip("go install builds the binary again")
	}
	gobin := t.TempDir()
	cmd := exec.Command("go", "install", "./cmd/briefing")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install ./cmd/briefing: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(gobin, "briefing"), "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "briefing version ") {
		t.Errorf("the installed briefing --version: %v, %q", err, out)
	}
}
