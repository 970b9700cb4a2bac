package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/fsnotify/fsnotify"

	"github.com/briefing-tool/briefing/pipeline"
)

// Watch rebuilds after every change to the project's config, input
// files, templates and notes, until ctx ends. A burst of changes (an
// editor's save is several events) is one rebuild, Debounce after the
// last of them. fsnotify watches single directories, so Watch adds every
// directory under the watched roots, and each new one as it appears.
func (s *Server) Watch(ctx context.Context) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	w := &watcher{fw: fw, watched: map[string]bool{}, log: s.opt.Log}
	w.update(s.opt.Base.ConfigPath)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events: rebuild, which reads everything.
			s.opt.Log.Warn("watching: " + err.Error())
			timer.Reset(s.opt.Debounce)
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// Watch a new directory at once: files written into it
				// before the rebuild would go unseen otherwise.
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
				}
			}
			timer.Reset(s.opt.Debounce)
		case <-timer.C:
			s.Rebuild()
			w.update(s.opt.Base.ConfigPath) // the config may name other paths now
		}
	}
}

// watcher keeps fsnotify's watches on what a build reads.
type watcher struct {
	fw      *fsnotify.Watcher
	watched map[string]bool
	log     interface{ Warn(string, ...any) }

	config string   // the config file
	roots  []string // templates, notes and the input globs' bases: everything under them
	skip   []string // the output directory, never a reason to rebuild
}

// update sets the watches from the config at path: read again, as each
// rebuild does, since it may name other directories now. A config that
// cannot be read keeps the watches it has.
func (w *watcher) update(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	w.config = abs
	want := map[string]bool{filepath.Dir(abs): true}
	cfg, _ := pipeline.LoadConfig(path)
	if cfg != nil {
		w.roots = []string{cfg.Resolve(cfg.Templates.Dir), cfg.Resolve(cfg.Notes.Dir)}
		for _, p := range cfg.Input.Paths {
			base, _ := doublestar.SplitPattern(filepath.ToSlash(cfg.Resolve(p)))
			w.roots = append(w.roots, filepath.FromSlash(base))
		}
		w.skip = []string{cfg.Resolve(cfg.Output.Dir)}
	}
	for _, root := range w.roots {
		// A root that does not exist yet (no notes/ so far) is watched
		// from its nearest existing parent, which sees it created.
		dir := root
		for {
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
		if dir != root {
			want[dir] = true
			continue
		}
		w.walk(root, want)
	}
	for dir := range w.watched {
		if !want[dir] {
			w.fw.Remove(dir)
			delete(w.watched, dir)
		}
	}
	for dir := range want {
		w.add(dir)
	}
}

// addTree watches dir and every directory below it.
func (w *watcher) addTree(dir string) {
	want := map[string]bool{}
	w.walk(dir, want)
	for d := range want {
		w.add(d)
	}
}

func (w *watcher) walk(root string, into map[string]bool) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if w.skipped(p) || (p != root && d.Name() == ".git") {
			return filepath.SkipDir
		}
		into[p] = true
		return nil
	})
}

func (w *watcher) add(dir string) {
	if w.watched[dir] {
		return
	}
	if err := w.fw.Add(dir); err != nil {
		w.log.Warn("cannot watch "+pipeline.DisplayPath(dir)+": "+pipeline.UnwrapPath(err).Error(), "dir", dir)
		return
	}
	w.watched[dir] = true
}

func (w *watcher) skipped(p string) bool {
	for _, s := range w.skip {
		if within(p, s) {
			return true
		}
	}
	return false
}

// relevant reports whether ev can change a build: the config file, or
// anything under a root (not under the output directory). A change of
// mode alone changes nothing a build reads.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	if ev.Name == w.config {
		return true
	}
	if w.skipped(ev.Name) {
		return false
	}
	for _, r := range w.roots {
		if within(ev.Name, r) {
			return true
		}
	}
	return false
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}
