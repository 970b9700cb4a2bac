package serve

// The end-to-end test of issue #19 in a real browser: headless Chromium
// (Debian's chromium package, which .ci/run installs) follows the page
// as staff edit the project.

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is the browser to drive, or "" when none is installed.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser: the page shows a new title after the config is edited; a
// broken event file makes it show the positioned problem and mark the PDF
// out of date; fixing the file brings a new PDF back. Each step waits for
// the page to change by itself (the event stream), with no reload.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	path := chromium()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("browser test: no chromium on PATH; .ci/run installs Debian's chromium package")
		}
		t.Skip("browser test: no chromium on PATH (apt-get install chromium to run it; CI does)")
	}
	config := project(t)
	s := newServer(t, config, "2025-W43", io.Discard)
	s.Rebuild()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Watch(ctx) }()
	defer func() { cancel(); <-done }()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		// This machine's and CI's network is closed: nothing but the page.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses root with its sandbox
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	bctx, tcancel := context.WithTimeout(bctx, 2*time.Minute)
	defer tcancel()

	if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#title")); err != nil {
		t.Fatalf("opening the page: %v", err)
	}
	// wait waits until the page's expression is true, saying what it was
	// waiting for and what the page shows when it never is.
	wait := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
			text, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("%s: %v\nthe page shows:\n%s", what, err, text)
		}
	}
	wait("the first build", `document.querySelector("#title").textContent === "South Caucasus Security Cooperation" && document.querySelector("#state.ok") !== null`)
	pdfSrc := func() string {
		t.Helper()
		src, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector("#pdf").getAttribute("src")`))
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	if src := pdfSrc(); src != "/briefing.pdf?build=1" {
		t.Errorf("PDF frame %q", src)
	}
	// Mark the document: a full reload would lose the mark.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(window.kept = true)`)); err != nil {
		t.Fatal(err)
	}

	// An edit: the new title, and a new PDF in the frame.
	src, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, config, strings.Replace(string(src), "South Caucasus Security Cooperation", "Edited while watched", 1))
	wait("the edited title", `document.querySelector("#title").textContent === "Edited while watched" && document.title.startsWith("Edited while watched")`)
	edited := pdfSrc()
	if edited == "/briefing.pdf?build=1" {
		t.Errorf("the PDF frame was not reloaded: %q", edited)
	}

	// A broken file: its problem, positioned; the last good PDF stays.
	events := filepath.Join(filepath.Dir(config), "input", "example.toml")
	good, err := os.ReadFile(events)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, events, strings.Replace(string(good), `kind = "meeting"`, `kind = "meting"`, 1))
	wait("the positioned problem", `/example\.toml:\d+:\d+: .*kind/.test(document.querySelector("#problems")?.textContent ?? "") && document.querySelector("#state.stale") !== null`)
	if got := pdfSrc(); got != edited {
		t.Errorf("a broken build changed the PDF frame: %q, was %q", got, edited)
	}

	// Fixed: the problems go, a new PDF comes.
	writeFile(t, events, string(good))
	wait("the fixed build", `document.querySelector("#problems") === null && document.querySelector("#state.ok") !== null`)
	if got := pdfSrc(); got != "/briefing.pdf?build="+strconv.Itoa(s.Current().PDF.Seq) || got == edited {
		t.Errorf("after the fix the PDF frame is %q (was %q, build %d)", got, edited, s.Current().PDF.Seq)
	}
	if kept, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`window.kept === true`)); err != nil || !kept {
		t.Errorf("the page was reloaded (%v): it should update in place", err)
	}
}
