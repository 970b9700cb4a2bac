package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing-tool/briefing/pipeline/country"
)

func TestExplore(t *testing.T) {
	dir := t.TempDir()
	for i, src := range []string{
		"[output]\nper_pair = \"yes\"\nname = 3\n",
		"[outptu]\ndir = \"x\"\n[output]\nnmae = \"x\"\n[briefing]\ntitle = [1]\n",
		"[focus_areas]\n\"Dr. X\" = \"y\"\n",
		"a = \n",
		"[briefing]\ntimezone = \"Mars/Base\"\nperiod = \"2025-W60\"\n[output]\nformats=[\"pdf\",\"pdf\",\"docx\"]\nname=\"{x}\"\n[pairs]\ninclude=[\"GEO\",\"GEO-GOE\",\"GEO-GEO\"]\n",
	} {
		p := filepath.Join(dir, fmt.Sprintf("c%d.toml", i))
		os.WriteFile(p, []byte(src), 0o644)
		_, err := LoadConfig(p)
		t.Logf("%d: %v", i, err)
	}
	tab := country.New(nil)
	for _, src := range []string{
		"[[event]]\nid = \"a\"\ndate = 2025-01-01T10:00:00\nend_date = 2025-01-01T10:00:00+04:00\n",
		"[event]\nid=1\n",
		"event = [{id = \"x\"}]\n",
		"[[event]]\nid = \"a\"\ndate = 2025-01-01\ntitle=\"t\"\nkind=\"meeting\"\ncountries=[\"GEO\",\"AZE\"]\nparticipants = [{rank=\"x\"}]\nsources=[{url=\"ftp://x\", credibility=3.0}]\n",
		"x = 1\n\n[[event]]\nid = \"a\"\nid = \"b\"\n",
		"\n\nx = \"abc\" y\n",
		"[meta]\nx=1\n",
	} {
		_, errs := parseEvents("f.toml", []byte(src), tab)
		t.Logf("%q:\n%v", src, errs)
	}
}
