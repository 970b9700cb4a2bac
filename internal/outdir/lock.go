package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/briefing-tool/briefing/pipeline"
)

// lockName is the file whose flock(2) marks a run writing to an output
// directory.
const lockName = ".briefing.lock"

// ErrLocked means another live run holds the output directory.
var ErrLocked = errors.New("output directory locked")

// LockedError names the directory and, when the holder wrote it in time,
// the run holding it.
type LockedError struct {
	Dir    string
	Holder string // "pid N on host H", or "" when unknown
}

func (e *LockedError) Error() string {
	who := ""
	if e.Holder != "" {
		who = " (" + e.Holder + ")"
	}
	return fmt.Sprintf("another run is writing to %s%s; try again when it has finished", displayDir(e.Dir), who)
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// lockDir takes the output directory for this process with an exclusive
// flock(2) on dir/.briefing.lock, without waiting. The kernel keeps the
// lock with the open file and drops it when the process ends, however it
// ends, so there is no stale lock to detect or take over. It returns the
// function that unlocks.
//
// The file is opened without following a symlink and without blocking,
// and anything but a regular file is refused: a FIFO would hang the open
// or the read of the holder, a device (/dev/zero) would never end.
func lockDir(dir string) (func(), error) {
	path := filepath.Join(dir, lockName)
	fd, err := openNoEINTR(path, unix.O_RDWR|unix.O_CREAT|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0o644)
	if err != nil {
		if st, lerr := os.Lstat(path); lerr == nil && !st.Mode().IsRegular() {
			return nil, notRegular(path, st.Mode())
		}
		return nil, &WriteError{Path: path, Err: err}
	}
	f := os.NewFile(uintptr(fd), path)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		f.Close()
		return nil, &WriteError{Path: path, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		f.Close()
		if fi, err := os.Lstat(path); err == nil {
			return nil, notRegular(path, fi.Mode())
		}
		return nil, &WriteError{Path: path, Err: errors.New("is not a regular file")}
	}
	for {
		err = unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB)
		if err != unix.EINTR {
			break
		}
	}
	if err == unix.EWOULDBLOCK {
		holder := readHolder(f)
		f.Close()
		return nil, &LockedError{Dir: dir, Holder: holder}
	}
	if err != nil {
		f.Close()
		return nil, &WriteError{Path: path, Err: fmt.Errorf("cannot lock it: %w", err)}
	}
	// Who holds it, for the message of a run that finds it locked. A
	// failure to write it (a full disk) does not weaken the lock.
	// Written over the previous holder's, then cut to length, so that the
	// file is never empty for a reader once it has had a holder.
	host, _ := os.Hostname()
	who := []byte(fmt.Sprintf("%d %s\n", os.Getpid(), host))
	if _, err := f.WriteAt(who, 0); err == nil {
		f.Truncate(int64(len(who)))
	}
	return func() {
		// The lock file stays. Deleting it while locked would let the
		// next run create and lock a new file of the same name while a
		// third still waits on (and then locks) the old, deleted inode:
		// two holders at once. A small file in output/ is the price.
		unix.Flock(fd, unix.LOCK_UN)
		f.Close()
	}, nil
}

func openNoEINTR(path string, flags int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(path, flags, perm)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// notRegular is the error for a lock path that is not a regular file.
func notRegular(path string, mode fs.FileMode) error {
	what := "not a regular file"
	switch {
	case mode&fs.ModeSymlink != 0:
		what = "a symbolic link, which is not followed"
	case mode.IsDir():
		what = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		what = "a FIFO"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	}
	return &WriteError{Path: path, Err: fmt.Errorf("the lock file is %s; remove it (briefing makes a regular file there)", what)}
}

// holderText is what a holder writes: its pid and host name.
var holderText = regexp.MustCompile(`^([0-9]{1,19}) ([A-Za-z0-9._-]{0,253})$`)

// readHolder reads the holder's "pid host" for the message only. The
// holder writes it just after locking, so a file without it (new, or
// written by an older version) is read again for up to a second, as a
// loaded machine may pause the holder in between. What is in the file
// never decides anything: the kernel's lock does.
func readHolder(f *os.File) string {
	buf := make([]byte, 256) // bounded: the file may be anything
	for try := 0; try < 100; try++ {
		n, _ := f.ReadAt(buf, 0)
		s := strings.TrimSuffix(string(buf[:n]), "\n")
		if m := holderText.FindStringSubmatch(s); m != nil {
			if m[2] == "" {
				return "pid " + m[1]
			}
			return "pid " + m[1] + " on host " + m[2]
		}
		time.Sleep(10 * time.Millisecond)
	}
	return ""
}

// removeStale deletes what runs that died left behind: temporaries never
// renamed, backups of a commit that finished or never started, and the
// lock temporaries of older versions. Only our own patterns are touched;
// it runs with the lock held and after journal recovery, so none of it
// belongs to a live run or a pending commit.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() && e.Name() != journalName && leftover(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// leftover reports whether name is the journal or something removeStale
// removes.
func leftover(name string) bool {
	return name == journalName || staleTemp.MatchString(name) || staleBackup.MatchString(name) || oldLockTemp.MatchString(name)
}

// staleTemp matches the names writeTemp gives (".<output name>.<digits>.tmp")
// and the journal's temporary.
var staleTemp = regexp.MustCompile(`^\..+\.(pdf|xlsx|json|journal)\.[0-9]+\.tmp$`)

// staleBackup matches the backup links of a commit: ".<name>.<run id>.bak".
var staleBackup = regexp.MustCompile(`^\..+\.(pdf|xlsx|json)\.[0-9a-f]{16}\.bak$`)

// oldLockTemp matches what the pid-file lock of earlier versions left.
var oldLockTemp = regexp.MustCompile(`^\.briefing\.lock\.(new|stale)\.[0-9]+$`)

func displayDir(dir string) string {
	d := pipeline.DisplayPath(dir)
	if !strings.HasSuffix(d, string(filepath.Separator)) {
		d += string(filepath.Separator)
	}
	return d
}
