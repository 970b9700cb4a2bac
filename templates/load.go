package templates

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"text/template"
)

// Error is a template that cannot be parsed or executed. File is the
// template's file name inside its directory ("pair.tmpl"); Default tells an
// embedded default apart from a project override, so that a caller can
// prefix the project's templates directory to File. Line is 1-based, 0 when
// unknown.
type Error struct {
	File    string
	Line    int
	Default bool
	Msg     string
}

// Error formats the problem as "file:line: message", the way editors and
// the rest of briefing report positions.
func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	s += ": " + e.Msg
	if e.Default {
		s += " (embedded default template)"
	}
	return s
}

// Load parses the embedded defaults first, then every *.tmpl file at the top
// of dir (if dir is not nil). Each file defines a template named after the
// file; a file of the same name as a default replaces it, and so does any
// {{define}} of the same name, because text/template lets a later parse
// redefine a template. funcs must hold every function the templates call:
// unknown functions are parse errors. Errors are *Error values naming the
// file and line.
func Load(dir fs.FS, funcs template.FuncMap) (*template.Template, error) {
	root := template.New("").Funcs(funcs)
	if err := parseAll(root, defaults, true); err != nil {
		return nil, err
	}
	if dir != nil {
		if err := parseAll(root, dir, false); err != nil {
			return nil, err
		}
	}
	return root, nil
}

// parseAll parses every *.tmpl file at the top of fsys, in name order. The
// directory is listed with ReadDir, not fs.Glob, which ignores a directory
// it cannot read: that made an unreadable templates directory a silent
// fall back to the defaults. An entry that cannot be read (a directory
// named *.tmpl, a file without read permission) is an error too.
func parseAll(root *template.Template, fsys fs.FS, isDefault bool) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return readError(".", isDefault, "cannot read the directory", err)
	}
	var names []string
	for _, e := range entries {
		if ok, _ := path.Match("*.tmpl", e.Name()); ok {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names) // ReadDir sorts already; keep the order explicit
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return readError(name, isDefault, "cannot read", err)
		}
		if _, err := root.New(name).Parse(string(src)); err != nil {
			return Wrap(err, name, isDefault)
		}
	}
	return nil
}

// position matches the "template: NAME:LINE:" prefix text/template puts on
// parse and execution errors; the optional column belongs to execution
// errors.
var position = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:\d+:)? ?`)

// Wrap turns a text/template parse or execution error into an *Error. file
// names the template file when the error does not (a failing Execute of a
// template that called another reports the inner one, which wins).
func Wrap(err error, file string, isDefault bool) error {
	if err == nil {
		return nil
	}
	var te *Error
	if errors.As(err, &te) {
		return err
	}
	msg := err.Error()
	e := &Error{File: file, Default: isDefault, Msg: msg}
	if m := position.FindStringSubmatch(msg); m != nil {
		e.File = m[1]
		e.Line, _ = strconv.Atoi(m[2])
		e.Msg = msg[len(m[0]):]
	}
	return e
}

// readError is a file or directory that cannot be read, without the path
// an *fs.PathError repeats: File names it already. (pipeline.UnwrapPath
// does this for the rest of briefing; templates imports only the standard
// library.)
func readError(file string, isDefault bool, what string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{File: file, Default: isDefault, Msg: what + ": " + err.Error()}
}
