package importer

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/briefing-tool/briefing/pipeline"
)

// gdeltColumns are the 61 columns of a GDELT 2.0 event export, in order
// (GDELT 2.0 Event Database codebook).
var gdeltColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// cameoCountries are the CAMEO actor country codes that are not the
// state's ISO 3166-1 alpha-3 code. CAMEO's regional codes (AFR, ASA, BLK,
// CAU, CRB, EUR, LAM, MEA, NMR, PGS, SAF for southern Africa, SAS, SEA,
// WAF, WST, …) are not states and stay unresolved, which skips the row
// unless two states remain.
var cameoCountries = map[string]string{
	"ROM": "ROU", // Romania
	"ZAR": "COD", // Zaire
	"TMP": "TLS", // East Timor
	"BHM": "BHS", // Bahamas in older dictionaries
}

// notStates are codes in the country table that are not states.
var notStates = map[string]bool{"IGO": true, "NGO": true, "EUR": true, "UNO": true}

// cameoRegions are CAMEO's regional actor codes (CAMEO manual, country
// codes): not states, so not countries of an event, and not reported.
var cameoRegions = map[string]bool{"AFR": true, "ASA": true, "BLK": true, "CRB": true, "CAU": true, "CFR": true,
	"CAS": true, "CEU": true, "EIN": true, "EAF": true, "EEU": true, "EUR": true, "LAM": true, "MEA": true, "MDT": true,
	"NAF": true, "NMR": true, "PGS": true, "SCN": true, "SAM": true, "SAS": true, "SEA": true, "SAF": true, "WAF": true,
	"WST": true}

// gdeltCols are the indexes of the columns read, by name.
type gdeltCols struct {
	id, date, a1name, a1, a2name, a2, code, place, added, url int
}

func readGDELT(c *collector, path string, r io.Reader) error {
	rs := sniff(path, r)
	var cols gdeltCols
	want := len(gdeltColumns)
	first := true
	for {
		fields, err := rs.Next()
		if err == io.EOF {
			if first {
				return formatError(pipeline.Position{File: path}, "empty file; expected GDELT 2.0 event rows (61 columns)")
			}
			return nil
		}
		if err != nil {
			return err
		}
		if first {
			first = false
			if strings.EqualFold(strings.TrimSpace(fields[0]), "GLOBALEVENTID") {
				// A header (BigQuery's and Spark's exports have one): find the
				// columns by name, so that extra ones may be added.
				idx := map[string]int{}
				for i, f := range fields {
					idx[strings.ToUpper(strings.TrimSpace(f))] = i
				}
				var missing []string
				at := func(name string) int {
					i, ok := idx[strings.ToUpper(name)]
					if !ok {
						missing = append(missing, name)
					}
					return i
				}
				cols = gdeltCols{at("GLOBALEVENTID"), at("SQLDATE"), at("Actor1Name"), at("Actor1CountryCode"), at("Actor2Name"),
					at("Actor2CountryCode"), at("EventCode"), at("ActionGeo_FullName"), at("DATEADDED"), at("SOURCEURL")}
				if len(missing) > 0 {
					return formatError(rs.Pos(0), "not a GDELT 2.0 event export: the header lacks %s", strings.Join(missing, ", "))
				}
				want = len(fields)
				continue
			}
			cols = gdeltCols{0, 1, 6, 7, 16, 17, 26, 52, 59, 60}
		}
		c.res.Rows++
		if len(fields) != want {
			return formatError(rs.Pos(min(len(fields), want)-1), "%d fields, expected %d (the GDELT 2.0 event export's 61 columns, tab- or comma-separated%s)",
				len(fields), want, map[bool]string{true: ", as in the header", false: ""}[want != len(gdeltColumns)])
		}
		gdeltRow(c, rs, fields, &cols)
	}
}

func gdeltRow(c *collector, rs rows, f []string, cols *gdeltCols) {
	name := func(i int) string { return headerName(cols, i) }
	code := strings.TrimSpace(f[cols.code])
	kind, what, skip, ok := cameoKind(code)
	if !ok {
		c.bad(Problem{Pos: rs.Pos(cols.code), Column: name(cols.code), Reason: "bad CAMEO code", Msg: fmt.Sprintf("%q is not a CAMEO event code", code)})
		return
	}
	if skip != "" {
		c.skip(skip)
		return
	}
	var countries []string
	for n, i := range []int{cols.a1, cols.a2} {
		// Actor country codes are CAMEO codes, mostly ISO alpha-3; the
		// *Geo_CountryCode columns are FIPS 10-4 and are never read as
		// countries ("GG" is Georgia in FIPS, Guernsey in ISO).
		cc := strings.ToUpper(strings.TrimSpace(f[i]))
		if iso, ok := cameoCountries[cc]; ok {
			cc = iso
		}
		if cc == "" || notStates[cc] || cameoRegions[cc] || slices.Contains(countries, cc) {
			continue
		}
		if !c.opt.Table.Known(cc) {
			// A code nothing knows (Kosovo's KSV): reported, so that it can
			// be given a name in the config's [countries].
			c.unresolved(strings.Clone(cc), rs.Pos(i), []string{"Actor1CountryCode", "Actor2CountryCode"}[n])
			return
		}
		countries = append(countries, cc)
	}
	if len(countries) < 2 {
		c.skip("fewer than two distinct state countries")
		return
	}
	d := strings.TrimSpace(f[cols.date])
	date, err := time.Parse("20060102", d)
	if err != nil || date.Before(pipeline.MinDate) {
		c.bad(Problem{Pos: rs.Pos(cols.date), Column: name(cols.date), Reason: "bad date", Msg: fmt.Sprintf("%q is not a date like 20170701", d)})
		return
	}
	// The fields are substrings of the row's line: the strings kept are
	// cloned, so that a kept URL does not keep its whole line alive.
	rec := &Record{NativeID: strings.Clone(strings.TrimSpace(f[cols.id])), Date: date, Kind: kind, Countries: countries,
		Location: strings.Clone(strings.TrimSpace(f[cols.place]))}
	rec.Title = fmt.Sprintf("%s and %s: %s", countryName(c, countries[0]), countryName(c, countries[1]), strings.ToLower(what[:1])+what[1:])
	rec.Summary = fmt.Sprintf("Coded by GDELT from news reports: CAMEO %s (%s), %s → %s.", code, what,
		strings.TrimSpace(f[cols.a1name]), strings.TrimSpace(f[cols.a2name]))
	if u := strings.Clone(strings.TrimSpace(f[cols.url])); u != "" {
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			c.bad(Problem{Pos: rs.Pos(cols.url), Column: name(cols.url), Reason: "bad url", Msg: fmt.Sprintf("%q is not an absolute http(s) URL", u)})
			return
		}
		s := Source{URL: u, Publisher: strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")}
		if added := strings.TrimSpace(f[cols.added]); len(added) >= 8 {
			if t, err := time.Parse("20060102", added[:8]); err == nil {
				s.Published = t
			}
		}
		rec.Sources = []Source{s}
	}
	c.add(rec)
}

func headerName(cols *gdeltCols, i int) string {
	switch i {
	case cols.id:
		return "GLOBALEVENTID"
	case cols.date:
		return "SQLDATE"
	case cols.code:
		return "EventCode"
	case cols.url:
		return "SOURCEURL"
	}
	return ""
}

func countryName(c *collector, code string) string {
	if n, ok := c.opt.Table.Name(code); ok {
		return n
	}
	return code
}
