// Package briefing ships the example project — config.toml and the events in
// input/, written from the articles cited in them — so that `briefing init`
// can scaffold a new project from the very files this repository builds.
package briefing

import "embed"

// Example holds config.toml, input/example.toml and notes/2025-W43.md (the
// written assessment of the example's latest week).
//
//go:embed config.toml input/example.toml notes/2025-W43.md
var Example embed.FS
