// Package progress shows a progress bar on stderr for long stages, and
// nothing at all when nobody is watching: in CI, when stderr is not a
// terminal, or with --quiet or JSON logs.
package progress

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// MinFiles is the smallest amount of work worth a bar: below it the run is
// over before a bar would be read.
const MinFiles = 200

// Enabled decides whether to show bars: stderr must be a terminal and the
// run must not be in CI. getenv is os.Getenv in production.
func Enabled(stderr io.Writer, getenv func(string) string) bool {
	if getenv("CI") != "" {
		return false
	}
	f, ok := stderr.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Bars returns a callback for pipeline.Context.Progress that draws one bar
// per stage on w.
func Bars(w io.Writer, noColor bool) func(stage string, done, total int) {
	var (
		bar     *progressbar.ProgressBar
		current string
	)
	return func(stage string, done, total int) {
		if total < MinFiles {
			return
		}
		if bar == nil || stage != current {
			current = stage
			opts := []progressbar.Option{
				progressbar.OptionSetWriter(w),
				progressbar.OptionSetDescription(stage),
				progressbar.OptionShowCount(),
				progressbar.OptionSetWidth(30),
				progressbar.OptionThrottle(100e6), // 100 ms: redraws cost more than reading a file
				progressbar.OptionClearOnFinish(),
				progressbar.OptionEnableColorCodes(!noColor),
			}
			bar = progressbar.NewOptions(total, opts...)
		}
		bar.Set(done)
		if done >= total {
			bar.Finish()
		}
	}
}
