// Package logx builds the run's logger: short human lines on stderr by
// default, one JSON object per line with --log-format json.
package logx

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
)

// Options choose the logger's format and level.
type Options struct {
	Format  string // "text" or "json"
	Quiet   bool   // errors only
	Verbose bool   // debug: stage timings, in text and JSON alike
}

// New returns a logger writing to w.
func New(w io.Writer, o Options) *slog.Logger {
	level := slog.LevelInfo
	switch {
	case o.Quiet:
		level = slog.LevelError
	case o.Verbose:
		level = slog.LevelDebug
	}
	if o.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
	}
	return slog.New(&textHandler{w: w, level: level, mu: &sync.Mutex{}})
}

// textHandler prints "briefing: message key=value …" without timestamps;
// people read these lines, and warnings stand out with their prefix. It
// uses no colour, so NO_COLOR needs no special handling.
type textHandler struct {
	w     io.Writer
	level slog.Level
	attrs []slog.Attr
	mu    *sync.Mutex
}

func (h *textHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *textHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString("briefing: ")
	switch {
	case r.Level >= slog.LevelError:
		b.WriteString("error: ")
	case r.Level >= slog.LevelWarn:
		b.WriteString("warning: ")
	}
	b.WriteString(r.Message)
	write := func(a slog.Attr) bool {
		// An INFO line's message says what it is about ("loaded",
		// "rendered pdf"); a DEBUG line ("stage done") needs the stage.
		if a.Key == "stage" && r.Level > slog.LevelDebug { // JSON logs keep it
			return true
		}
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	}
	for _, a := range h.attrs {
		write(a)
	}
	r.Attrs(write)
	b.WriteByte('\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *textHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(append([]slog.Attr(nil), h.attrs...), as...)
	return &c
}

func (h *textHandler) WithGroup(string) slog.Handler { return h }
