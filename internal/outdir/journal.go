package outdir

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/briefing-tool/briefing/pipeline"
)

// The commit of a set of outputs (write.go) is journaled, so that a crash
// at any point leaves a state the next run can finish or undo:
//
//  1. every new file is written to a temporary and synced;
//  2. every file about to be replaced or removed gets a backup hard link
//     (a synced copy where the file system has no hard links);
//  3. the journal, naming each temporary → final pair with the new file's
//     SHA-256 and each backup, is written to a temporary, synced, renamed
//     into place and the directory synced;
//  4. the temporaries are renamed into place, stale outputs removed;
//  5. the directory is synced, the journal removed, then the backups.
//
// A run that finds a journal (holding the lock, before anything else)
// rolls the set forward when every new file is there (as its temporary or
// already in place, checked by SHA-256), else back from the backups. Going
// back is first recorded in the journal (action "back"), so that a crash
// while going back is also repaired, by going back again.

// journalName is the commit journal: present only while a set of outputs
// is being replaced, or after a run died doing so.
const journalName = ".briefing.journal"

// maxJournal bounds what is read of a journal: some 250 bytes a file, for
// far more files than a run writes.
const maxJournal = 64 << 20

type journal struct {
	Version int            `json:"version"`
	Run     string         `json:"run"`              // the run's id, in backup names
	Action  string         `json:"action,omitempty"` // "" while committing; "back" once undoing
	Entries []journalEntry `json:"entries"`
}

// journalEntry is one file of the set: a new file (Temp set) replacing
// Final, or an earlier output to remove (Temp empty). Backup is set when
// Final existed before the commit.
type journalEntry struct {
	Final  string `json:"final"`
	Temp   string `json:"temp,omitempty"`
	Backup string `json:"backup,omitempty"`
	SHA256 string `json:"sha256,omitempty"` // of the new file
	Bytes  int64  `json:"bytes"`
}

// fsOps are the changes a commit makes to the directory; tests replace
// them to fail or "crash" at each one.
type fsOps struct {
	rename func(oldpath, newpath string) error
	remove func(name string) error
	link   func(oldname, newname string) error
}

func (o fsOps) orDefaults() fsOps {
	if o.rename == nil {
		o.rename = os.Rename
	}
	if o.remove == nil {
		o.remove = os.Remove
	}
	if o.link == nil {
		o.link = os.Link
	}
	return o
}

func newRunID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func backupName(final, run string) string { return "." + final + "." + run + ".bak" }

// parseJournal decodes and validates a journal. A valid journal names only
// plain file names in its directory, and only temporaries and backups of
// the forms the write stage gives, so that recovery never touches a file
// the journal does not name for what it is.
func parseJournal(data []byte) (*journal, error) {
	var j journal
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the journal")
	}
	if j.Version != 1 {
		return nil, fmt.Errorf("version %d, want 1", j.Version)
	}
	if len(j.Run) != 16 || strings.Trim(j.Run, "0123456789abcdef") != "" {
		return nil, fmt.Errorf("run id %q is not 16 hex digits", j.Run)
	}
	if j.Action != "" && j.Action != "back" {
		return nil, fmt.Errorf("action %q is not \"back\"", j.Action)
	}
	if len(j.Entries) == 0 {
		return nil, errors.New("no entries")
	}
	seen := map[string]bool{}
	for i, e := range j.Entries {
		if err := e.valid(j.Run); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i+1, err)
		}
		if seen[e.Final] {
			return nil, fmt.Errorf("entry %d: %q is named twice", i+1, e.Final)
		}
		seen[e.Final] = true
	}
	return &j, nil
}

func (e journalEntry) valid(run string) error {
	if !plainName(e.Final) || e.Final == lockName || e.Final == journalName ||
		staleTemp.MatchString(e.Final) || staleBackup.MatchString(e.Final) {
		return fmt.Errorf("final %q is not an output's name", e.Final)
	}
	if e.Temp == "" {
		if e.Backup == "" || e.SHA256 != "" || e.Bytes != 0 {
			return fmt.Errorf("removal of %q without a backup, or with a new file's hash", e.Final)
		}
	} else {
		rest, prefixed := strings.CutPrefix(e.Temp, "."+e.Final+".")
		digits, suffixed := strings.CutSuffix(rest, ".tmp")
		if !prefixed || !suffixed || digits == "" || strings.Trim(digits, "0123456789") != "" {
			return fmt.Errorf("temporary %q is not one of %q", e.Temp, e.Final)
		}
		if len(e.SHA256) != 64 || strings.Trim(e.SHA256, "0123456789abcdef") != "" || e.Bytes < 0 {
			return fmt.Errorf("%q: bad sha256 or size", e.Final)
		}
	}
	if e.Backup != "" && e.Backup != backupName(e.Final, run) {
		return fmt.Errorf("backup %q is not %q", e.Backup, backupName(e.Final, run))
	}
	return nil
}

func plainName(s string) bool {
	return s != "" && s != "." && s != ".." && len(s) <= 255 && !strings.ContainsAny(s, "/\\\x00")
}

// readJournal reads dir's journal: nil, nil when there is none. The file
// is opened as the lock is, never following a link or blocking on a FIFO.
func readJournal(dir string) (*journal, error) {
	path := filepath.Join(dir, journalName)
	data, err := readRegular(path, maxJournal)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &JournalError{Path: path, Err: err}
	}
	j, err := parseJournal(data)
	if err != nil {
		return nil, &JournalError{Path: path, Err: fmt.Errorf("not a valid journal: %v", err)}
	}
	return j, nil
}

// JournalError is a journal that cannot be read or acted on (exit 3).
// Nothing is changed: a person has to look at output/.
type JournalError struct {
	Path string
	Err  error
}

func (e *JournalError) Error() string {
	return fmt.Sprintf("%s: %v; check the outputs and remove it to build again", pipeline.DisplayPath(e.Path), e.Err)
}

func (e *JournalError) Unwrap() error { return e.Err }

// readRegular reads at most max bytes of a regular file, refusing
// symlinks, FIFOs and devices.
func readRegular(path string, max int64) ([]byte, error) {
	fd, err := openNoEINTR(path, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		if st, lerr := os.Lstat(path); lerr == nil && !st.Mode().IsRegular() {
			return nil, errors.New("not a regular file")
		}
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	f := os.NewFile(uintptr(fd), path)
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%d bytes, more than %d", st.Size(), max)
	}
	return io.ReadAll(io.LimitReader(f, max))
}

// hasContent reports whether path is a regular file of the given size and
// SHA-256.
func hasContent(path string, size int64, sum string) bool {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return false
	}
	b, err := readRegular(path, size)
	if err != nil {
		return false
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]) == sum
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// plan decides, without changing anything, what recovery will do:
// "forward" when every new file is complete (as its temporary, or already
// renamed into place), else "back" when every backup is there.
func (j *journal) plan(dir string) (string, error) {
	if j.Action == "back" {
		return "back", nil
	}
	forward := true
	for _, e := range j.Entries {
		if e.Temp == "" {
			continue
		}
		tmp, final := filepath.Join(dir, e.Temp), filepath.Join(dir, e.Final)
		if hasContent(tmp, e.Bytes, e.SHA256) || (!exists(tmp) && hasContent(final, e.Bytes, e.SHA256)) {
			continue
		}
		forward = false
		break
	}
	if forward {
		return "forward", nil
	}
	for _, e := range j.Entries {
		changed := (e.Temp != "" && !exists(filepath.Join(dir, e.Temp))) || (e.Temp == "" && !exists(filepath.Join(dir, e.Final)))
		if e.Backup != "" && changed && !exists(filepath.Join(dir, e.Backup)) {
			return "", fmt.Errorf("the new %s is incomplete and the earlier one's backup %s is missing", e.Final, e.Backup)
		}
	}
	return "back", nil
}

// finals lists the outputs a journal names.
func (j *journal) finals() []string {
	var out []string
	for _, e := range j.Entries {
		out = append(out, e.Final)
	}
	return out
}

// recoverJournal repairs an interrupted commit in dir, if there is one.
// The caller holds the lock.
func recoverJournal(c *pipeline.Context, dir string, ops fsOps) error {
	j, err := readJournal(dir)
	if err != nil || j == nil {
		return err
	}
	action, err := j.plan(dir)
	if err != nil {
		return &JournalError{Path: filepath.Join(dir, journalName), Err: fmt.Errorf("cannot complete or undo the interrupted commit: %v", err)}
	}
	ops = ops.orDefaults()
	if action == "forward" {
		err = j.forward(dir, ops)
	} else {
		err = j.back(dir, ops)
	}
	if err != nil {
		return &WriteError{Path: filepath.Join(dir, journalName), Err: fmt.Errorf("recovering the interrupted commit (%s): %v", action, pipeline.UnwrapPath(err))}
	}
	c.Log.Info("recovered interrupted commit", "stage", "write", "action", action, "dir", displayDir(dir), "files", j.finals())
	return nil
}

// forward completes the commit: the renames not yet done, the removals,
// then the journal and backups go. Safe to repeat after a crash.
func (j *journal) forward(dir string, ops fsOps) error {
	for _, e := range j.Entries {
		final := filepath.Join(dir, e.Final)
		if e.Temp == "" {
			if err := ops.remove(final); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue
		}
		if tmp := filepath.Join(dir, e.Temp); exists(tmp) {
			if err := ops.rename(tmp, final); err != nil {
				return err
			}
		}
	}
	return j.finish(dir, ops)
}

// back restores the set from before the commit. It first records the
// decision in the journal, so that a crash halfway is finished by going
// back again: a backup no longer there has then been restored.
func (j *journal) back(dir string, ops fsOps) error {
	if j.Action != "back" {
		j.Action = "back"
		if err := writeJournal(dir, j, ops); err != nil {
			return err
		}
	}
	for _, e := range j.Entries {
		final := filepath.Join(dir, e.Final)
		if e.Temp != "" {
			if tmp := filepath.Join(dir, e.Temp); exists(tmp) {
				// Never renamed: the final is the earlier file (or absent).
				if err := ops.remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
				continue
			}
		} else if exists(final) {
			continue // not removed yet
		}
		if e.Backup == "" {
			// A new file with no predecessor: remove it.
			if err := ops.remove(final); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue
		}
		if backup := filepath.Join(dir, e.Backup); exists(backup) {
			if err := ops.rename(backup, final); err != nil {
				return err
			}
		}
	}
	return j.finish(dir, ops)
}

// finish makes the renames durable, then drops the journal and backups.
// Backups left by a crash here are removed by the next run (removeStale).
func (j *journal) finish(dir string, ops fsOps) error {
	syncDir(dir)
	if err := ops.remove(filepath.Join(dir, journalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	syncDir(dir)
	for _, e := range j.Entries {
		if e.Backup != "" {
			ops.remove(filepath.Join(dir, e.Backup))
		}
	}
	return nil
}

// writeJournal installs j as dir's journal durably: temporary, sync,
// rename, directory sync.
func writeJournal(dir string, j *journal, ops fsOps) error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, journalName+".*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(append(data, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ops.rename(f.Name(), filepath.Join(dir, journalName))
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	syncDir(dir)
	return nil
}

// makeBackup keeps the file at path under backup: a hard link, or where
// the file system has none (or the file is immutable), a synced copy.
func makeBackup(ops fsOps, path, backup string) error {
	err := ops.link(path, backup)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if st, lerr := os.Lstat(path); lerr != nil || !st.Mode().IsRegular() {
		return err // only regular files are copied
	}
	return copyFile(path, backup)
}

func copyFile(from, to string) error {
	fd, err := openNoEINTR(from, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return &os.PathError{Op: "open", Path: from, Err: err}
	}
	src := os.NewFile(uintptr(fd), from)
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return err
	}
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, st.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(to)
	}
	return err
}

// JournalStatus describes a pending journal in dir for `briefing check`,
// which must not change output/: "" when there is none.
func JournalStatus(dir string) string {
	path := pipeline.DisplayPath(filepath.Join(dir, journalName))
	if _, err := os.Lstat(filepath.Join(dir, journalName)); err != nil {
		return ""
	}
	j, err := readJournal(dir)
	if err != nil {
		return fmt.Sprintf("%v; the next build stops until then", err)
	}
	action, err := j.plan(dir)
	switch {
	case err != nil:
		return fmt.Sprintf("%s: an interrupted commit that cannot be completed or undone: %v; the next build stops until it is removed", path, err)
	case action == "forward":
		return fmt.Sprintf("%s: an interrupted commit of %d files; %s may hold a mix of two runs' files until the next build completes it (roll forward)", path, len(j.Entries), displayDir(dir))
	default:
		return fmt.Sprintf("%s: an interrupted commit of %d files; %s may hold a mix of two runs' files until the next build restores the earlier ones (roll back)", path, len(j.Entries), displayDir(dir))
	}
}
