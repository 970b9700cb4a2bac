// Package examples holds files staff copy into their own setup: a GitHub
// Actions workflow and a cron wrapper. The tests keep them valid.
package examples

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWorkflowLint runs actionlint (pinned as a tool in go.mod) on the
// example workflow.
func TestWorkflowLint(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found; cannot run actionlint")
	}
	out, err := exec.Command("go", "tool", "actionlint", "-no-color", "ci/weekly-briefing.yml").CombinedOutput()
	if err != nil {
		t.Fatalf("actionlint: %v\n%s", err, out)
	}
}

// TestWorkflowContract checks what the issue asks of the workflow: the
// Monday 06:00 UTC schedule, --strict on last week, the three artifacts.
func TestWorkflowContract(t *testing.T) {
	b, err := os.ReadFile("ci/weekly-briefing.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`cron: "0 6 * * 1"`, "build --period last-week --strict", "output/*.pdf", "output/*.xlsx", "output/*.manifest.json", "if-no-files-found: error",
		"--previous \"$previous\"", "actions/cache/restore@v4", "actions/cache/save@v4", "cp output/*.manifest.json editions/"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("workflow lacks %q", want)
		}
	}
}

// TestCronScript checks the wrapper's shell syntax.
func TestCronScript(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("sh not found")
	}
	if out, err := exec.Command("sh", "-n", "cron/weekly-briefing.sh").CombinedOutput(); err != nil {
		t.Fatalf("sh -n: %v\n%s", err, out)
	}
}
