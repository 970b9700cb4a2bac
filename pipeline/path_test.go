package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
)

func TestUnwrapPath(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "a/b.toml", Err: fs.ErrPermission}, "permission denied"},
		{fmt.Errorf("reading: %w", &fs.PathError{Op: "read", Path: "a", Err: fs.ErrNotExist}), "file does not exist"},
		{&os.LinkError{Op: "link", Old: "a", New: "b", Err: fs.ErrExist}, "file already exists"},
		{errors.New("plain"), "plain"},
	} {
		if got := UnwrapPath(tc.err).Error(); got != tc.want {
			t.Errorf("UnwrapPath(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
