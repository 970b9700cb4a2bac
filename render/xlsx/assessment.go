package xlsx

import (
	"sort"
	"strconv"
	"strings"

	"github.com/briefing-tool/briefing/pipeline"
)

// assessmentTable is the Assessment sheet: the period's written
// assessment as plain text, one row for the bottom line, one per key
// judgment and one per pair, with the events each links to. Workbooks of
// periods without a notes file have no such sheet.
func assessmentTable(r *pipeline.Report) *table {
	type row struct {
		part, pair, confidence string
		blocks                 []pipeline.Block
	}
	a := r.Assessment
	var rows []row
	if len(a.BottomLine) > 0 {
		rows = append(rows, row{part: "bottom line", blocks: a.BottomLine})
	}
	for _, j := range a.Judgments {
		rows = append(rows, row{part: "judgment", confidence: j.Confidence, blocks: j.Text})
	}
	pairs := make([]string, 0, len(a.Pairs))
	for k := range a.Pairs {
		pairs = append(pairs, k)
	}
	sort.Strings(pairs)
	for _, k := range pairs {
		rows = append(rows, row{part: "pair", pair: k, blocks: a.Pairs[k]})
	}
	return &table{
		sheet: "Assessment",
		name:  "Assessment",
		cols: []column{
			{name: "Period", kind: textCol},
			{name: "Part", kind: textCol},
			{name: "Pair", kind: textCol},
			{name: "Confidence", kind: textCol},
			{name: "Text", kind: wrapCol, max: 80},
			{name: "Events", kind: wrapCol, max: 40},
		},
		rows: len(rows),
		row: func(i int, v []any) {
			x := rows[i]
			copy(v, []any{r.Period.ID, x.part, x.pair, x.confidence, plainText(x.blocks), strings.Join(pipeline.EventIDs(x.blocks), ", ")})
		},
	}
}

// plainText is blocks as text: one line per paragraph or list item, an
// item with its bullet or number.
func plainText(blocks []pipeline.Block) string {
	var s strings.Builder
	for i, b := range blocks {
		if i > 0 {
			s.WriteByte('\n')
		}
		switch b.Kind {
		case pipeline.Bullet:
			s.WriteString("• ")
		case pipeline.Numbered:
			s.WriteString(strconv.Itoa(b.N) + ". ")
		}
		s.WriteString(b.PlainText())
	}
	return s.String()
}
