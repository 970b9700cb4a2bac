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
func lockDir(dir string) (func(), error) {
	path := filepath.Join(dir, lockName)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			removeStale(dir)
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, &WriteError{Path: path, Err: unwrapPath(err)}
		}
		b, _ := os.ReadFile(path)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if pid > 0 && alive(pid) {
			return nil, &LockedError{Dir: dir, PID: pid}
		}
		os.Remove(path) // stale: its run is gone
	}
	return nil, &WriteError{Path: path, Err: errors.New("could not take the lock")}
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
