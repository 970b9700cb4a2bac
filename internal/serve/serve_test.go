package serve

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// project copies the shipped example project into a temp dir and returns
// the path of its config.
func project(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"config.toml", "input/example.toml", "notes/2025-W43.md"} {
		b, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f), string(b))
	}
	return filepath.Join(dir, "config.toml")
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newServer is a server of the project at config with its log in log.
func newServer(t testing.TB, config, period string, log io.Writer) *Server {
	t.Helper()
	now := time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC)
	s := New(context.Background(), Options{
		Base:     pipeline.Options{ConfigPath: config, Period: period, Version: "test"},
		Now:      func() time.Time { return now },
		Log:      slog.New(slog.NewTextHandler(log, nil)),
		Debounce: 150 * time.Millisecond,
		Loopback: true,
	})
	t.Cleanup(s.Close)
	return s
}

func get(t *testing.T, h http.Handler, method, target, host string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "http://localhost"+target, nil)
	if host != "" {
		r.Host = host
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

var positioned = regexp.MustCompile(`example\.toml:\d+:\d+: `)

// TestHandler: the page, the PDF and the workbook of the last build; its
// problems, positioned, with the last good PDF kept and marked out of
// date; nothing else served, nothing changed by a request.
func TestHandler(t *testing.T) {
	config := project(t)
	var log bytes.Buffer
	s := newServer(t, config, "2025-W43", &log)
	b1 := s.Rebuild()
	if len(b1.Problems) > 0 || b1.PDF == nil || b1.XLSX == nil {
		t.Fatalf("first build: problems %q, pdf %v, xlsx %v", b1.Problems, b1.PDF != nil, b1.XLSX != nil)
	}
	if !strings.Contains(log.String(), "msg=rebuilt build=1 duration_ms=") || !strings.Contains(log.String(), "problems=0") {
		t.Errorf("log: %s", log.String())
	}
	h := s.Handler()

	w := get(t, h, "GET", "/", "")
	page := w.Body.String()
	for _, want := range []string{
		`<h1 id="title">South Caucasus Security Cooperation</h1>`,
		`(2025-W43)`,
		`class="ok">Up to date: build 1`,
		`<iframe id="pdf" title="the briefing note (PDF)" src="/briefing.pdf?build=1">`,
		`>briefing-2025-W43.pdf</a>`, `>briefing-2025-W43.xlsx</a>`,
		`<td>AZE-GEO</td><td>1</td>`, // the Summary numbers
		`<h2>Warnings (0)</h2>`,
		`<link rel="stylesheet" href="/app.css">`, `<script src="/app.js"></script>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Security-Policy"), "default-src 'self'") || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("page: %d %v", w.Code, w.Header())
	}

	for path, ctype := range map[string]string{"/app.css": "text/css; charset=utf-8", "/app.js": "text/javascript; charset=utf-8"} {
		if w := get(t, h, "GET", path, ""); w.Code != 200 || w.Header().Get("Content-Type") != ctype || w.Body.Len() == 0 {
			t.Errorf("%s: %d %q", path, w.Code, w.Header().Get("Content-Type"))
		}
	}

	w = get(t, h, "GET", "/briefing.pdf", "")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" || !bytes.Equal(w.Body.Bytes(), b1.PDF.Data) || !bytes.HasPrefix(b1.PDF.Data, []byte("%PDF-")) {
		t.Errorf("pdf: %d %v, %d bytes", w.Code, w.Header(), w.Body.Len())
	}
	if cd := w.Header().Get("Content-Disposition"); cd != `inline; filename="briefing-2025-W43.pdf"` {
		t.Errorf("pdf disposition %q", cd)
	}
	if cd := get(t, h, "GET", "/briefing.pdf?download", "").Header().Get("Content-Disposition"); cd != `attachment; filename="briefing-2025-W43.pdf"` {
		t.Errorf("pdf download disposition %q", cd)
	}
	w = get(t, h, "GET", "/briefing.xlsx", "")
	if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte("PK")) || w.Header().Get("Content-Disposition") != `attachment; filename="briefing-2025-W43.xlsx"` {
		t.Errorf("xlsx: %d %v", w.Code, w.Header())
	}

	// Only the server's own resources: no path reaches the file system.
	for _, target := range []string{
		"/config.toml", "/input/example.toml", "/../config.toml", "/%2e%2e/config.toml", "/..%2fconfig.toml",
		"/briefing.pdf/../../config.toml", "//etc/passwd", "/output/", "/index.html", "/briefing.pdf/", "/live/../briefing.pdf",
	} {
		if w := get(t, h, "GET", target, ""); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404\n%s", target, w.Code, w.Body.String())
		}
	}
	// HEAD answers, the event stream's too (rather than hanging).
	for _, target := range []string{"/", "/events", "/briefing.pdf", "/briefing.xlsx", "/live"} {
		if w := get(t, h, "HEAD", target, ""); w.Code != 200 {
			t.Errorf("HEAD %s: %d", target, w.Code)
		}
	}
	// No endpoint changes anything.
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		if w := get(t, h, m, "/", ""); w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /: %d, want 405", m, w.Code)
		}
	}
	// Bound to loopback, the server answers loopback names only (a page
	// elsewhere cannot read it through DNS rebinding).
	for host, want := range map[string]int{"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "evil.example:8080": 403, "10.0.0.1:8080": 403} {
		if w := get(t, h, "GET", "/", host); w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}

	// A broken file: the problems, positioned; the last good PDF stays,
	// marked out of date.
	events := filepath.Join(filepath.Dir(config), "input", "example.toml")
	good, err := os.ReadFile(events)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, events, strings.Replace(string(good), `kind = "meeting"`, `kind = "meting"`, 1))
	b2 := s.Rebuild()
	if len(b2.Problems) == 0 || !positioned.MatchString(b2.Problems[0]) || !b2.Stale || b2.PDF != b1.PDF {
		t.Fatalf("broken build: problems %q, stale %v", b2.Problems, b2.Stale)
	}
	page = get(t, h, "GET", "/", "").Body.String()
	if !strings.Contains(page, `class="stale">Out of date: the input has 1 problem. The PDF and workbook below are build 1`) || !positioned.MatchString(page) || !strings.Contains(page, `<section id="problems">`) || !strings.Contains(page, `src="/briefing.pdf?build=1"`) {
		t.Errorf("page of a broken build:\n%s", page)
	}
	if w := get(t, h, "GET", "/briefing.pdf", ""); !bytes.Equal(w.Body.Bytes(), b1.PDF.Data) {
		t.Errorf("the last good PDF is gone: %d", w.Code)
	}
	if !strings.Contains(log.String(), "level=WARN msg=rebuilt build=2") {
		t.Errorf("log of a broken build: %s", log.String())
	}

	// Fixed: a new PDF, up to date again.
	writeFile(t, events, strings.Replace(string(good), "Trilateral meeting", "Three-way meeting", 1))
	b3 := s.Rebuild()
	if len(b3.Problems) > 0 || b3.Stale || b3.PDF.Seq != 3 {
		t.Fatalf("fixed build: %q, stale %v", b3.Problems, b3.Stale)
	}
	w = get(t, h, "GET", "/live", "")
	if !strings.Contains(w.Body.String(), `"build":3`) || !strings.Contains(w.Body.String(), `"pdf":3`) || !strings.Contains(w.Body.String(), "Up to date: build 3") {
		t.Errorf("/live: %s", w.Body.String())
	}
}

// TestFirstBuildBroken: with no good build yet, the page lists the
// problems and serves no PDF.
func TestFirstBuildBroken(t *testing.T) {
	config := project(t)
	writeFile(t, filepath.Join(filepath.Dir(config), "input", "bad.toml"), "[[event]]\nid = \"x\"\ndate = 2025-13-01\n")
	s := newServer(t, config, "2025-W43", io.Discard)
	b := s.Rebuild()
	if len(b.Problems) == 0 || b.Stale || b.PDF != nil {
		t.Fatalf("problems %q, stale %v", b.Problems, b.Stale)
	}
	h := s.Handler()
	page := get(t, h, "GET", "/", "").Body.String()
	if !strings.Contains(page, "nothing has been built yet") || !regexp.MustCompile(`bad\.toml:3:\d+: `).MatchString(page) || !strings.Contains(page, "hidden></iframe>") {
		t.Errorf("page:\n%s", page)
	}
	if w := get(t, h, "GET", "/briefing.pdf", ""); w.Code != 404 {
		t.Errorf("pdf without a build: %d", w.Code)
	}
}

// TestMidBuild: requests made while a build runs get the last complete
// build, whole.
func TestMidBuild(t *testing.T) {
	config := project(t)
	s := newServer(t, config, "2025-W43", io.Discard)
	b1 := s.Rebuild()
	src, _ := os.ReadFile(config)
	writeFile(t, config, strings.Replace(string(src), "South Caucasus Security Cooperation", "A new title", 1))
	h := s.Handler()
	var wg sync.WaitGroup
	var b2 *Build
	wg.Go(func() { b2 = s.Rebuild() })
	for done := false; !done; {
		done = s.Current().Seq == 2
		w := get(t, h, "GET", "/briefing.pdf", "")
		if !bytes.Equal(w.Body.Bytes(), b1.PDF.Data) && !bytes.Equal(w.Body.Bytes(), s.Current().PDF.Data) {
			t.Fatalf("a request during a build got %d bytes that are neither build's PDF", w.Body.Len())
		}
		if page := get(t, h, "GET", "/", "").Body.String(); !strings.Contains(page, `data-build="1"`) && !strings.Contains(page, `data-build="2"`) {
			t.Fatalf("page during a build:\n%s", page)
		}
	}
	wg.Wait()
	if bytes.Equal(b1.PDF.Data, b2.PDF.Data) {
		t.Errorf("the edit did not change the PDF")
	}
}

// TestEvents: the event stream names the current build at once, then
// each new one, and ends when the server closes.
func TestEvents(t *testing.T) {
	s := newServer(t, project(t), "2025-W43", io.Discard)
	s.Rebuild()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				lines <- sc.Text()
			}
		}
		close(lines)
	}()
	next := func() string {
		select {
		case l := <-lines:
			return l
		case <-time.After(10 * time.Second):
			t.Fatal("no event within 10 s")
		}
		return ""
	}
	if l := next(); l != "data: 1" {
		t.Errorf("first event %q, want data: 1", l)
	}
	s.Rebuild()
	if l := next(); l != "data: 2" {
		t.Errorf("after a rebuild %q, want data: 2", l)
	}
	s.Close()
	if l, ok := <-lines; ok {
		t.Errorf("the stream goes on after Close: %q", l)
	}
}

// TestConfigBroken: a config that no longer parses (a save half-way
// through an edit) is a positioned problem like any other, and its fix
// is picked up: each build reads the config again.
func TestConfigBroken(t *testing.T) {
	config := project(t)
	s := newServer(t, config, "2025-W43", io.Discard)
	b1 := s.Rebuild()
	src, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, config, strings.Replace(string(src), "[briefing]", "[briefing", 1))
	b2 := s.Rebuild()
	if len(b2.Problems) != 1 || !regexp.MustCompile(`config\.toml:\d+:\d+: `).MatchString(b2.Problems[0]) || !b2.Stale || b2.PDF != b1.PDF {
		t.Errorf("broken config: %q, stale %v", b2.Problems, b2.Stale)
	}
	writeFile(t, config, strings.Replace(string(src), "South Caucasus Security Cooperation", "Fixed", 1))
	if b3 := s.Rebuild(); len(b3.Problems) > 0 || b3.Title != "Fixed" || b3.PDF.Seq != 3 {
		t.Errorf("fixed config: %q, title %q", b3.Problems, b3.Title)
	}
}
