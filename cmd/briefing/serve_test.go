package main

// briefing serve (issue #19): the process around internal/serve.

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startServe runs `briefing serve` in dir and returns the process, the
// URL it serves and its log, which grows until the process ends.
func startServe(t *testing.T, dir string, env []string, args ...string) (*exec.Cmd, string, *syncLog) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	log := new(syncLog)
	cmd.Stderr = log // copied by exec's goroutine, which Wait waits for
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	serving := regexp.MustCompile(`serving (http://\S+/)`)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := serving.FindStringSubmatch(log.String()); m != nil {
			return cmd, m[1], log
		}
		if cmd.ProcessState != nil || strings.Contains(log.String(), "briefing: failed") {
			t.Fatalf("serve ended before serving:\n%s", log)
		}
	}
	t.Fatalf("serve did not start within 60 s:\n%s", log)
	return nil, "", nil
}

// syncLog is a log written by one goroutine and read by another.
type syncLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// TestServeStops: serve answers on loopback, never creates output/, and
// Ctrl-C or SIGTERM stops it cleanly (exit 0, the final record), leaving
// no temporary files.
func TestServeStops(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			dir, tmp := example(t), t.TempDir()
			cmd, url, log := startServe(t, dir, []string{epoch, "TMPDIR=" + tmp}, "--addr", "127.0.0.1:0", "--period", "2025-W43")
			if !strings.HasPrefix(url, "http://127.0.0.1:") {
				t.Errorf("serving %s, want loopback", url)
			}
			resp, err := http.Get(url)
			if err != nil {
				t.Fatal(err)
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(string(page), "South Caucasus Security Cooperation") {
				t.Errorf("GET /: %d\n%s", resp.StatusCode, page)
			}
			resp, err = http.Get(url + "briefing.pdf")
			if err != nil {
				t.Fatal(err)
			}
			pdf, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Errorf("GET /briefing.pdf: %d, %d bytes", resp.StatusCode, len(pdf))
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			if err != nil {
				t.Errorf("after %s: %v\n%s", sig, err, log)
			}
			if !strings.Contains(log.String(), "briefing: stopped\n") || !strings.Contains(log.String(), "briefing: done exit_code=0") {
				t.Errorf("log:\n%s", log)
			}
			if !regexp.MustCompile(`briefing: rebuilt build=1 duration_ms=[0-9.]+ problems=0 warnings=0`).MatchString(log.String()) {
				t.Errorf("no rebuild record:\n%s", log)
			}
			if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
				t.Errorf("serve touched output/: %v", err)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestServeAddr: a port in use is a usage error (exit 2) that says so; an
// address that is not loopback is served with a warning saying who can
// read the briefing; a malformed one is a usage error.
func TestServeAddr(t *testing.T) {
	t.Parallel()
	dir := example(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	once := []string{epoch, serveOnceEnv + "=1"}
	r := runBriefing(t, dir, once, "serve", "--addr", ln.Addr().String())
	if r.code != ExitUsage || !strings.Contains(r.stderr, "briefing: --addr "+ln.Addr().String()+": the port is in use") {
		t.Errorf("port in use: exit %d\n%s", r.code, r.stderr)
	}
	r = runBriefing(t, dir, once, "serve", "--addr", "0.0.0.0:0")
	if r.code != ExitOK || !strings.Contains(r.stderr, "briefing: warning: serving on 0.0.0.0:0, not loopback: anyone who can reach this machine on port ") {
		t.Errorf("0.0.0.0: exit %d\n%s", r.code, r.stderr)
	}
	for _, addr := range []string{"8080", "localhost", "127.0.0.1:http-alt-nope"} {
		if r := runBriefing(t, dir, once, "serve", "--addr", addr); r.code != ExitUsage {
			t.Errorf("--addr %s: exit %d\n%s", addr, r.code, r.stderr)
		}
	}
}
