package outdir

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/briefing-tool/briefing/pipeline"
)

// A child process that holds the lock on $BRIEFING_TEST_HOLD until killed.
func init() {
	if dir := os.Getenv("BRIEFING_TEST_HOLD"); dir != "" {
		if _, err := lockDir(dir); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("locked")
		time.Sleep(time.Hour)
		os.Exit(0)
	}
}

// TestLockHolderDies: a second process is refused at once with the
// holder's pid and host; once the holder is killed (SIGKILL: no cleanup)
// the lock is free at once, with nothing to guess about.
func TestLockHolderDies(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "BRIEFING_TEST_HOLD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		t.Fatalf("child: %q", line)
	}
	host, _ := os.Hostname()
	_, err = lockDir(dir)
	want := fmt.Sprintf("another run is writing to %s (pid %d on host %s); try again when it has finished", displayDir(dir), cmd.Process.Pid, host)
	if !errors.Is(err, ErrLocked) || err.Error() != want {
		t.Errorf("while held: %v\nwant %s", err, want)
	}
	cmd.Process.Kill()
	cmd.Wait()
	unlock, err := lockDir(dir)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	unlock()
	if _, err := os.Stat(filepath.Join(dir, lockName)); err != nil {
		t.Errorf("unlock removed the lock file: %v", err)
	}
}

// TestLockNotRegular: a lock path that is not a regular file is refused
// with a clear error, never followed, read or waited on.
func TestLockNotRegular(t *testing.T) {
	tests := []struct {
		name  string
		setup func(path string) error
		want  string
	}{
		{"fifo", func(p string) error { return unix.Mkfifo(p, 0o644) }, "the lock file is a FIFO"},
		{"symlink to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "the lock file is a symbolic link"},
		{"symlink to a file", func(p string) error {
			os.WriteFile(p+".target", nil, 0o644)
			return os.Symlink(filepath.Base(p)+".target", p)
		}, "the lock file is a symbolic link"},
		{"directory", func(p string) error { return os.Mkdir(p, 0o755) }, "the lock file is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.setup(filepath.Join(dir, lockName)); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				unlock, err := lockDir(dir)
				if err == nil {
					unlock()
				}
				done <- err
			}()
			select {
			case err := <-done:
				var we *WriteError
				if !errors.As(err, &we) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("err = %v, want a WriteError saying %q", err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("lockDir hangs")
			}
		})
	}
}

// TestLockLeftovers: whatever an earlier version or a dead run left in the
// lock file means nothing; their temporaries go once the lock is held,
// and files of the user's that merely look alike stay.
func TestLockLeftovers(t *testing.T) {
	for _, content := range []string{"4294967295\n", "99999999999999999999999\n", "\x00\xff garbage", strings.Repeat("x", 1<<20)} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, lockName), []byte(content), 0o644)
		left := []string{".briefing.lock.new.123456", ".briefing.lock.stale.77", ".b.pdf.12345.tmp", ".b.xlsx.0123456789abcdef.bak", ".briefing.journal.42.tmp"}
		mine := []string{".notes.tmp", "notes.bak", ".draft.pdf.tmp", ".briefing.lock.mine"}
		for _, n := range append(left, mine...) {
			os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
		}
		if err := (writeStage{}).Run(writeContext(t, dir, pipeline.Artifact{Name: "b.pdf", Data: []byte("new")})); err != nil {
			t.Fatalf("lock holding %.20q: %v", content, err)
		}
		got := listDir(t, dir)
		for _, n := range left {
			if _, ok := got[n]; ok {
				t.Errorf("%s was not removed", n)
			}
		}
		for _, n := range mine {
			if _, ok := got[n]; !ok {
				t.Errorf("the user's %s was removed", n)
			}
		}
	}
}
