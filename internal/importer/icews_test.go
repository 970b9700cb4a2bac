package importer

import (
	"slices"
	"strings"
	"testing"
)

const icewsHeader = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"

func icewsLine(id, date, src, srcSectors, srcCountry, text, code, tgt, tgtSectors, tgtCountry, story, publisher, city, country string) string {
	return strings.Join([]string{id, date, src, srcSectors, srcCountry, text, code, "1", tgt, tgtSectors, tgtCountry, story, "1", publisher, city, "NA", "NA", country, "0", "0"}, "\t") + "\n"
}

// TestICEWS: a reciprocal pair (A visits B, B hosts A) is one visit with
// both people, hosted by B; groups are not people; conflictual codes and
// one-country rows are skipped; an unknown country name is reported.
func TestICEWS(t *testing.T) {
	text := icewsHeader +
		icewsLine("1", "2018-06-01", "Sergey Lavrov", "Executive,Foreign Ministry,Government", "Russian Federation", "Make a visit", "042",
			"Georgia", "NA", "Georgia", "100", "TASS", "Tbilisi", "Georgia") +
		icewsLine("2", "2018-06-01", "Georgia", "NA", "Georgia", "Host a visit", "043",
			"Sergey Lavrov", "Executive,Foreign Ministry,Government", "Russian Federation", "100", "TASS", "Tbilisi", "Georgia") +
		icewsLine("3", "2018-06-01", "Foreign Affairs (Georgia)", "Government", "Georgia", "Host a visit", "043",
			"Executive Office of the President", "Executive Office", "Russian Federation", "101", "Civil.ge", "Tbilisi", "Georgia") +
		icewsLine("4", "2018-06-01", "Georgia", "NA", "Georgia", "Criticize or denounce", "111", "Russia", "NA", "Russian Federation", "102", "X", "NA", "NA") +
		icewsLine("5", "2018-06-01", "Citizen (Georgia)", "Social", "Georgia", "Consult", "040", "Police (Georgia)", "Police", "Georgia", "103", "X", "NA", "NA") +
		icewsLine("6", "2018-06-01", "Narnia", "NA", "Narnia", "Consult", "040", "Georgia", "NA", "Georgia", "104", "X", "NA", "NA") +
		icewsLine("7", "2018-06-02", "Ilham Aliyev", "Executive Office,Elite", "Azerbaijan", "Sign formal agreement", "057", "Georgia", "NA", "Georgia", "105", "APA", "Baku", "Azerbaijan") +
		icewsLine("8", "2018-06-02", "Ilham Aliyev", "Executive Office,Elite", "Azerbaijan", "Consult", "04X", "Georgia", "NA", "Georgia", "105", "APA", "Baku", "Azerbaijan")
	dir := t.TempDir()
	opt := options(t, "icews", writeFile(t, dir, "events.tab", text))
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 8 || res.Events != 2 || res.MergedRows != 3 || res.MergedEvents != 1 || res.Skipped[skipConflict] != 1 ||
		res.Skipped["fewer than two distinct state countries"] != 1 || res.Unresolved["Narnia"] == nil {
		t.Errorf("rows %d events %d merged %d→%d skipped %v unresolved %v", res.Rows, res.Events, res.MergedRows, res.MergedEvents, res.Skipped, res.Unresolved)
	}
	var bad []string
	for _, p := range res.Bad {
		bad = append(bad, strings.TrimPrefix(p.String(), dir+"/"))
	}
	if want := []string{`events.tab:7:24: column Source Country: "Narnia" is not a known country name or code`,
		`events.tab:9:69: column CAMEO Code: "04X" is not a CAMEO event code`}; !slices.Equal(bad, want) {
		t.Errorf("bad rows:\n%s\nwant\n%s", strings.Join(bad, "\n"), strings.Join(want, "\n"))
	}
	ev := readOut(t, opt.OutDir)
	visit := ev["icews-1-20180601"]
	if visit.Kind != "visit" || visit.Host != "GEO" || !slices.Equal(visit.Countries, []string{"RUS", "GEO"}) ||
		visit.Location != "Tbilisi, Georgia" || visit.Title != "Sergey Lavrov and Georgia: make a visit" {
		t.Errorf("visit: %+v", visit)
	}
	if len(visit.Participants) != 1 || visit.Participants[0].Name != "Sergey Lavrov" || visit.Participants[0].Organization != "Foreign Ministry" || visit.Participants[0].Country != "RUS" {
		t.Errorf("participants (groups and offices are not people): %+v", visit.Participants)
	}
	// The pair's one story and row 3's other publisher: two sources,
	// corroborated.
	if len(visit.Sources) != 2 || visit.Sources[0].Title != "ICEWS story 100" || visit.Sources[0].Publisher != "TASS" || visit.Sources[1].Credibility != 1 {
		t.Errorf("sources: %+v", visit.Sources)
	}
	if e := ev["icews-7-20180602"]; e.Kind != "agreement" || e.Participants[0].Organization != "Executive Office" {
		t.Errorf("agreement: %+v", e)
	}
}

func TestICEWSNotTheFormat(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, want string }{
		{"GDELT instead", "1\t20170101\t201701\n", "f.tab:1:1: not an ICEWS event file (tab-separated, with a header): the header lacks Event ID"},
		{"short row", icewsHeader + "1\t2018-06-01\n", "f.tab:2:3: 2 fields, expected 20 as in the header row"},
		{"comma-separated", strings.ReplaceAll(icewsHeader, "\t", ","), "the header lacks Event ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(options(t, "icews", writeFile(t, dir, "f.tab", tc.text)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestICEWSReal imports the ICEWS sample (../shared/data/real: 1–2 June
// 2018 from andybega/icews, inst/extdata/events.2018.sample.tab; ICEWS,
// Harvard Dataverse doi:10.7910/DVN/28075).
func TestICEWSReal(t *testing.T) {
	opt := options(t, "icews", realData(t, "icews_events.2018.sample.tab"))
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 3705 || res.Bads != 0 || res.Skipped[skipConflict] == 0 || res.MergedEvents == 0 {
		t.Errorf("rows %d bad %d %v skipped %v merged %d", res.Rows, res.Bads, res.Bad, res.Skipped, res.MergedEvents)
	}
	ev := readOut(t, opt.OutDir)
	// Event 32891240 (Kim Yong-chol visits the United States, Xinhua,
	// story 47400718) and its reciprocal 32891246 (the United States hosts
	// him): one visit, hosted by the United States, with later stories of
	// the same visit as further sources.
	e := ev["icews-32891240-20180601"]
	if e.Kind != "visit" || e.Host != "USA" || !slices.Equal(e.Countries, []string{"PRK", "USA"}) ||
		e.Participants[0].Name != "Kim Yong-chol" || e.Sources[0].Title != "ICEWS story 47400718" ||
		e.Sources[0].Publisher != "Xinhua News Agency" || len(e.Sources) < 2 || e.Sources[0].Credibility != 1 {
		t.Errorf("icews-32891240-20180601: %+v", e)
	}
	if _, ok := ev["icews-32891246-20180601"]; ok {
		t.Error("the reciprocal row is an event of its own")
	}
}
