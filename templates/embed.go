// Package templates holds the default narrative templates (text/template)
// of the PDF briefing. A project's own templates/ directory overrides them
// file by file; see Load. It knows nothing about what the templates receive:
// that contract belongs to the renderer and is written at the top of each
// .tmpl file.
//
// It is not a stable API: it serves the briefing command and changes with
// it, without notice.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed *.tmpl
var defaults embed.FS

// Defaults returns the embedded default templates.
func Defaults() fs.FS { return defaults }
