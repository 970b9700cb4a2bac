package stages

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// Manifest is output/<name>.manifest.json: what a run read and wrote, so a
// scheduled job (or an auditor) can verify the outputs. Paths are relative
// to the config file's directory (inputs) and the output directory
// (outputs), so the same run gives the same bytes on any machine.
type Manifest struct {
	// Schema is pipeline.EditionSchema; 0 (absent) in manifests of
	// version 1, which have no events.
	Schema      int              `json:"schema"`
	Tool        string           `json:"tool"`
	Version     string           `json:"version"`
	GeneratedAt string           `json:"generated_at"`
	Config      string           `json:"config"`
	Period      ManifestPeriod   `json:"period"`
	Filters     []string         `json:"filters"`
	Inputs      []ManifestInput  `json:"inputs"`
	Outputs     []ManifestOutput `json:"outputs"`
	Counts      ManifestCounts   `json:"counts"`
	Warnings    []string         `json:"warnings"`
	// PreviousEdition is the manifest this build was compared with.
	PreviousEdition *ManifestPrevious `json:"previous_edition,omitempty"`
	// Events is the edition: every event of the report's scope with its
	// digests (pipeline.Edition), by id. Written one event per line, last.
	Events []pipeline.EditionEvent `json:"events,omitempty"`
}

// ManifestPrevious names the earlier edition a build was compared with.
type ManifestPrevious struct {
	Period string `json:"period"`
	SHA256 string `json:"sha256"` // of the manifest's bytes
}

type ManifestPeriod struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	Previous string `json:"previous,omitempty"`
	// PreviousLabel is the previous period's label (schema 2), for the
	// pair counts `briefing diff` prints ("Week 42").
	PreviousLabel string `json:"previous_label,omitempty"`
}

type ManifestInput struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	Events int    `json:"events"`
}

type ManifestOutput struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

type ManifestCounts struct {
	InputEvents int `json:"input_events"`
	Events      int `json:"events"`
	Pairs       int `json:"pairs"`
	Countries   int `json:"countries"`
	People      int `json:"people"`
	Upcoming    int `json:"upcoming"`
	Warnings    int `json:"warnings"`
}

// manifestStage adds the manifest artifact, describing the others.
type manifestStage struct{}

func (manifestStage) String() string { return "manifest" }

func (manifestStage) Run(c *pipeline.Context) error {
	data, err := marshalManifest(newManifest(c))
	if err != nil {
		return err
	}
	c.Artifacts = append(c.Artifacts, pipeline.Artifact{Name: Stem(c) + ".manifest.json", Kind: "manifest", Data: append(data, '\n')})
	return nil
}

func newManifest(c *pipeline.Context) *Manifest {
	r, warns := c.Report, c.Diagnostics.Warnings()
	m := &Manifest{
		Schema:      pipeline.EditionSchema,
		Tool:        "briefing",
		Version:     r.Version,
		GeneratedAt: r.GeneratedAt.Format(time.RFC3339),
		Period:      ManifestPeriod{ID: r.Period.ID, Label: r.Period.Label, Previous: r.Previous.ID, PreviousLabel: r.Previous.Label},
		Filters:     append([]string{}, r.Filters...),
		Inputs:      []ManifestInput{},
		Outputs:     []ManifestOutput{},
		Warnings:    []string{},
		Counts: ManifestCounts{
			InputEvents: len(c.Dataset.Events),
			Events:      r.Totals.Events,
			Pairs:       r.Totals.Pairs,
			Countries:   r.Totals.Countries,
			People:      r.Totals.People,
			Upcoming:    len(r.Upcoming),
			Warnings:    len(warns),
		},
	}
	m.Config = r.ConfigPath
	if !r.Period.Start.IsZero() {
		m.Period.Start = r.Period.Start.Format(time.DateOnly)
		m.Period.End = r.Period.End.Format(time.DateOnly)
	}
	for _, in := range r.Inputs {
		m.Inputs = append(m.Inputs, ManifestInput{Path: in.Path, SHA256: in.SHA256, Bytes: in.Size, Events: in.Events})
	}
	// The notes file is an input too (it has no events); the list stays
	// sorted by path.
	if in, ok := r.AssessmentInput(); ok {
		m.Inputs = append(m.Inputs, ManifestInput{Path: in.Path, SHA256: in.SHA256, Bytes: in.Size})
		slices.SortStableFunc(m.Inputs, func(a, b ManifestInput) int { return strings.Compare(a.Path, b.Path) })
	}
	for _, a := range c.Artifacts {
		sum := sha256.Sum256(a.Data)
		m.Outputs = append(m.Outputs, ManifestOutput{Path: a.Name, Format: a.Kind, Bytes: len(a.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	for _, w := range warns {
		m.Warnings = append(m.Warnings, r.Shown(w))
	}
	if r.Edition == nil { // not compared: made here, after the renderers
		r.Edition = pipeline.NewEdition(r, c.Dataset.Events)
	}
	m.Events = r.Edition.Events
	if r.Changes != nil {
		m.PreviousEdition = &ManifestPrevious{Period: r.Changes.Against, SHA256: r.Changes.AgainstSHA256}
	}
	return m
}

// marshalManifest is the manifest as indented JSON, except its events, one
// per line: a week's edition stays readable, and a year's (tens of
// thousands of events) a tenth of the size indented fields would make.
func marshalManifest(m *Manifest) ([]byte, error) {
	head := *m
	head.Events = nil
	data, err := json.MarshalIndent(&head, "", "  ")
	if err != nil {
		return nil, err
	}
	data = bytes.TrimSuffix(data, []byte("\n}"))
	// About 300 bytes an event: one allocation for a year's edition.
	data = slices.Grow(data, 300*len(m.Events)+16)
	data = append(data, ",\n  \"events\": ["...)
	for i := range m.Events {
		if i > 0 {
			data = append(data, ',')
		}
		data = append(data, "\n    "...)
		data = appendEvent(data, &m.Events[i])
	}
	if len(m.Events) > 0 {
		data = append(data, "\n  "...)
	}
	return append(data, "]\n}\n"...), nil
}

// appendEvent appends e as json.Marshal writes it (TestAppendEvent), without
// its reflection: a year's 40,000 events took most of the manifest stage.
func appendEvent(b []byte, e *pipeline.EditionEvent) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, e.ID)
	b = append(b, `,"period":`...)
	b = appendString(b, e.Period)
	b = append(b, `,"date":`...)
	b = appendString(b, e.Date)
	b = append(b, `,"kind":`...)
	b = appendString(b, e.Kind)
	b = append(b, `,"status":`...)
	b = appendString(b, e.Status)
	b = append(b, `,"countries":`...)
	if e.Countries == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, c := range e.Countries {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, c)
		}
		b = append(b, ']')
	}
	if e.Grades != "" {
		b = append(b, `,"grades":`...)
		b = appendString(b, e.Grades)
	}
	b = append(b, `,"sha256":`...)
	b = appendString(b, e.SHA256)
	b = append(b, `,"fields":`...)
	b = appendString(b, e.Fields)
	return append(b, '}')
}

// appendString appends s as a JSON string: as is when it is printable
// ASCII that encoding/json would not escape, else as encoding/json writes it.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always marshals
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
