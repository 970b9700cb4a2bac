// Package briefing ships the example project — config.toml and the events in
// input/, written from the articles cited in them — so that `briefing init`
// can scaffold a new project from the very files this repository builds.
package briefing

import "embed"

// Example holds config.toml and input/example.toml.
//
//go:embed config.toml input/example.toml
var Example embed.FS
