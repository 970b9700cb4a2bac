package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/briefing-tool/briefing/pipeline"
)

// lockName is the file that marks a run writing to an output directory.
const lockName = ".briefing.lock"

// ErrLocked means another live run holds the output directory.
var ErrLocked = errors.New("output directory locked")

// LockedError names the directory and the run holding it.
type LockedError struct {
	Dir string
	PID int
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("another run is writing to %s (pid %d); try again when it has finished, or remove %s if no briefing is running",
		displayDir(e.Dir), e.PID, filepath.Join(displayDir(e.Dir), lockName))
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// lockDir takes the output directory for this process. A lock left by a
// process that no longer exists (killed mid-run) is taken over, and the
// temporaries it left are removed. It returns the function that unlocks.
//
// The lock file appears with its pid already in it (written to a temporary,
// then hard-linked into place), so no other run can read it empty and take
// it for stale; a stale lock is renamed aside before removal, so only one of
// several runs taking it over wins.
func lockDir(dir string) (func(), error) {
	path := filepath.Join(dir, lockName)
	for attempt := 0; attempt < 5; attempt++ {
		err := linkLock(dir, path)
		if err == nil {
			removeStale(dir)
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, &WriteError{Path: path, Err: unwrapPath(err)}
		}
		pid := readPID(path)
		if pid > 0 && alive(pid) {
			return nil, &LockedError{Dir: dir, PID: pid}
		}
		aside := fmt.Sprintf("%s.stale.%d", path, os.Getpid())
		if os.Rename(path, aside) != nil {
			continue // another run moved it first; look again
		}
		// Between reading and renaming, another run may have taken over
		// and locked: if what we moved is live, put it back and yield.
		if moved := readPID(aside); moved != pid && moved > 0 && alive(moved) {
			os.Link(aside, path)
			os.Remove(aside)
			return nil, &LockedError{Dir: dir, PID: moved}
		}
		os.Remove(aside)
	}
	return nil, &WriteError{Path: path, Err: errors.New("could not take the lock: other runs keep replacing it")}
}

// linkLock creates the lock file at path atomically with this process's pid
// in it; the error wraps os.ErrExist when a lock is there.
func linkLock(dir, path string) error {
	f, err := os.CreateTemp(dir, lockName+".new.*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	_, err = fmt.Fprintf(f, "%d\n", os.Getpid())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	err = os.Link(tmp, path)
	if err != nil && !errors.Is(err, os.ErrExist) {
		// File systems without hard links: exclusive create, which leaves a
		// moment where the lock is empty (readPID then sees 0: not alive).
		var f *os.File
		if f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
			_, err = fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
		}
	}
	return err
}

func readPID(path string) int {
	b, _ := os.ReadFile(path)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}

// alive reports whether a process with pid exists.
func alive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeStale deletes temporaries of runs that died before renaming them.
// Only our own pattern (".<name>.<random>.tmp") is touched.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() && staleTemp.MatchString(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// staleTemp matches the names writeTemp gives: ".<output name>.<digits>.tmp".
var staleTemp = regexp.MustCompile(`^\..+\.(pdf|xlsx|json)\.[0-9]+\.tmp$`)

func displayDir(dir string) string {
	d := pipeline.DisplayPath(dir)
	if !strings.HasSuffix(d, string(filepath.Separator)) {
		d += string(filepath.Separator)
	}
	return d
}
