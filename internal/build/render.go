package build

import (
	"errors"

	"github.com/briefing-tool/briefing/pipeline"
)

// ErrNoRenderer is returned until the PDF and XLSX renderers land.
var ErrNoRenderer = errors.New("the PDF and XLSX renderers are not implemented yet; the input was loaded, validated and aggregated, and nothing was written (use `briefing summary` to see the numbers)")

type renderStage struct{}

func (renderStage) String() string { return "render" }

func (renderStage) Run(c *pipeline.Context) error { return ErrNoRenderer }
