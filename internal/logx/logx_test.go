package logx

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"default", Options{}, "briefing: loaded files=3\nbriefing: warning: input/a.toml:3: focus_areas: unknown\n"},
		{"quiet", Options{Quiet: true}, ""},
		{"verbose", Options{Verbose: true}, "briefing: stage done stage=load duration_ms=1.5\nbriefing: loaded files=3\nbriefing: warning: input/a.toml:3: focus_areas: unknown\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := New(&buf, tt.opt)
			log.Debug("stage done", "stage", "load", "duration_ms", 1.5)
			log.Info("loaded", "stage", "load", "files", 3)
			log.Warn("input/a.toml:3: focus_areas: unknown")
			if buf.String() != tt.want {
				t.Errorf("got %q\nwant %q", buf.String(), tt.want)
			}
			if strings.Contains(buf.String(), "\x1b[") {
				t.Error("colour codes in text logs")
			}
		})
	}
}

func TestJSON(t *testing.T) {
	// DEBUG records only with --verbose, as in text.
	for _, o := range []Options{{Format: "json"}, {Format: "json", Quiet: true}} {
		var buf bytes.Buffer
		log := New(&buf, o)
		log.Debug("stage done", "stage", "load", "duration_ms", 1.5)
		if buf.Len() > 0 {
			t.Errorf("%+v: DEBUG record without --verbose: %s", o, buf.String())
		}
	}
	var buf bytes.Buffer
	log := New(&buf, Options{Format: "json", Verbose: true})
	log.Debug("stage done", "stage", "load", "duration_ms", 1.5)
	log.Info("loaded", "stage", "load", "files", 3)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("JSON logs with --verbose include stage timings (debug): got %d lines: %q", len(lines), buf.String())
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &obj); err != nil || obj["stage"] != "load" || obj["duration_ms"] != 1.5 {
		t.Errorf("first line %q: %v", lines[0], err)
	}
}
