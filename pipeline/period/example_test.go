package period_test

import (
	"fmt"

	"github.com/briefing-tool/briefing/pipeline/period"
)

func ExampleParse() {
	ctx := period.Context{Today: period.Date(2025, 11, 26)}
	for _, s := range []string{"2025-W44", "last-week", "2025-10-01..2025-10-31", "2025-W54"} {
		p, err := period.Parse(s, ctx)
		if err != nil {
			fmt.Println(err)
			continue
		}
		prev, _ := p.Previous()
		fmt.Printf("%s | %s | previous %s\n", p.ID, p.Label, prev.ID)
	}
	// Output:
	// 2025-W44 | Week 44 · 27 October – 2 November 2025 | previous 2025-W43
	// 2025-W47 | Week 47 · 17–23 November 2025 | previous 2025-W46
	// 2025-10-01_2025-10-31 | 1–31 October 2025 | previous 2025-08-31_2025-09-30
	// invalid period "2025-W54": 2025 has 52 ISO weeks; accepted forms: 2025-W43, 2025-10, 2025-Q4, 2025, 2025-10-01..2025-10-31, this-week, last-week, latest-week, all
}
