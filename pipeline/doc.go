// Package pipeline is briefing's domain: the config, events and their
// validation, loading, normalization, aggregation into a Report, and the
// stage runner (Run, Context, Stage) every command is built on. It never
// imports a renderer.
//
// It is not a stable API: it is importable only because the module keeps
// its top-level folders (cmd, pipeline, render, templates); its types and
// functions change with the briefing command, without notice.
package pipeline
