package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestEnabled(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	var buf bytes.Buffer
	if Enabled(&buf, env(nil)) {
		t.Error("a buffer is not a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if Enabled(w, env(nil)) {
		t.Error("a pipe is not a terminal")
	}
	if Enabled(os.Stderr, env(map[string]string{"CI": "true"})) {
		t.Error("CI set: no bar")
	}
}

func TestBars(t *testing.T) {
	var buf bytes.Buffer
	show := Bars(&buf, true)
	for i := 0; i <= 10; i++ {
		show("load", i, 10)
	}
	if buf.Len() != 0 {
		t.Errorf("a bar for %d files, below MinFiles: %q", 10, buf.String())
	}
	for i := 0; i <= MinFiles; i++ {
		show("load", i, MinFiles)
	}
	if !strings.Contains(buf.String(), "load") {
		t.Errorf("no bar for %d files: %q", MinFiles, buf.String())
	}
	if strings.Contains(buf.String(), "\x1b[3") {
		t.Errorf("colour codes with NO_COLOR: %q", buf.String())
	}
}
