package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/briefing-tool/briefing/pipeline"
)

// summaryTable is one row per pair (SPEC §5), with a count column per kind
// after Events, in the order of the report's table of kinds. Focus areas
// are listed by name, most frequent first: their number alone says little,
// and the Focus areas sheet has the counts.
func summaryTable(r *pipeline.Report) *table {
	kinds := r.Kinds()
	cols := []column{
		{name: "Pair", kind: textCol},
		{name: "Country A", kind: textCol},
		{name: "Country B", kind: textCol},
		{name: "Events", kind: numberCol},
	}
	for _, k := range kinds {
		cols = append(cols, column{name: k.Column, kind: numberCol})
	}
	cols = append(cols,
		column{name: "Multilateral", kind: numberCol},
		column{name: "Participants", kind: numberCol},
		// A count, like Participants, so that it sums and pivots; the names
		// are in the extra "Focus area names" column and on their own sheet.
		column{name: "Focus areas", kind: numberCol},
		column{name: "First date", kind: dateCol},
		column{name: "Last date", kind: dateCol},
		column{name: "Previous events", kind: numberCol},
		column{name: "Change", kind: changeCol},
		column{name: "Period", kind: textCol},
		column{name: "Focus area names", kind: wrapCol, max: 60},
	)
	t := &table{
		sheet: "Summary",
		name:  "Summary",
		cols:  cols,
		rows:  len(r.Pairs),
	}
	t.row = func(i int, v []any) {
		p := r.Pairs[i]
		areas := make([]string, len(p.FocusAreas))
		for j, a := range p.FocusAreas {
			areas[j] = a.Name
		}
		// "all" has no previous period: empty cells, not a meaningless 0 and +N.
		var prev, change any = p.Previous, p.Change
		if r.Previous.IsZero() {
			prev, change = nil, nil
		}
		n := copy(v, []any{p.Key, p.NameA, p.NameB, p.Events})
		for k := range kinds {
			v[n] = p.Kinds.Of(pipeline.Kind(k))
			n++
		}
		copy(v[n:], []any{
			p.Multilateral, len(p.Participants), len(p.FocusAreas),
			day{t: p.First}, day{t: p.Last}, prev, change, r.Period.ID, strings.Join(areas, "; "),
		})
	}
	return t
}

// chartPairs is how many pairs the chart shows; more would not be legible.
const chartPairs = 20

// chartTable is the Chart sheet: the pairs with the most events (Summary's
// first rows, at most chartPairs, those with events) and a bar chart of
// them beside the table. On a sheet of its own the chart covers no cell
// with data, however wide Summary's columns are.
func chartTable(r *pipeline.Report) *table {
	n := 0
	for n < min(len(r.Pairs), chartPairs) && r.Pairs[n].Events > 0 {
		n++
	}
	t := &table{
		sheet: "Chart",
		name:  "Chart",
		cols: []column{
			{name: "Pair", kind: textCol},
			{name: "Events", kind: numberCol},
		},
		rows: n,
		row: func(i int, v []any) {
			v[0], v[1] = r.Pairs[i].Key, r.Pairs[i].Events
		},
	}
	t.decorate = func(b *book, sheet string, rows int) error {
		return addChart(b.f, sheet, r, len(t.cols), rows)
	}
	return t
}

// addChart puts a bar chart of events per pair to the right of the Chart
// sheet's table: column A is Pair, B is Events.
func addChart(f *excelize.File, sheet string, r *pipeline.Report, cols, n int) error {
	if n == 0 {
		return nil
	}
	title := "Events per pair"
	if n < len(r.Pairs) && r.Pairs[n].Events > 0 {
		title = fmt.Sprintf("Events per pair (top %d)", n)
	}
	if r.Period.Label != "" {
		title += " · " + r.Period.Label
	}
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheet, col, col, n+1)
	}
	at, _ := excelize.CoordinatesToCellName(cols+2, 2)
	legend, vary := "none", false
	axisFont := excelize.Font{Color: "404040", Size: 9}
	return f.AddChart(sheet, at, &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: &vary,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$B$1", sheet),
			Categories: ref("A"),
			Values:     ref("B"),
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:    excelize.ChartLegend{Position: legend},
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(110 + 24*n)},
		// Bar charts draw the first category at the bottom; reversed, the
		// chart reads top-down like the table.
		XAxis:    excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}, Font: axisFont},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
	})
}

// focusAreasTable is one row per pair and focus area, in the Summary's
// pair order.
func focusAreasTable(r *pipeline.Report) *table {
	type ref struct{ pair, area int }
	var refs []ref
	for i, p := range r.Pairs {
		for j := range p.FocusAreas {
			refs = append(refs, ref{i, j})
		}
	}
	return &table{
		sheet: "Focus areas",
		name:  "FocusAreas",
		cols: []column{
			{name: "Pair", kind: textCol},
			{name: "Focus area", kind: textCol},
			{name: "Events", kind: numberCol},
			{name: "First date", kind: dateCol},
			{name: "Last date", kind: dateCol},
		},
		rows: len(refs),
		row: func(i int, v []any) {
			p := r.Pairs[refs[i].pair]
			a := p.FocusAreas[refs[i].area]
			copy(v, []any{p.Key, a.Name, a.Events, day{t: a.First}, day{t: a.Last}})
		},
	}
}
