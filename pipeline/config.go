package pipeline

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"

	"github.com/briefing-tool/briefing/pipeline/country"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// Config is config.toml (SPEC §2). Relative paths in it are relative to the
// directory of the file it was read from.
type Config struct {
	Briefing   BriefingConfig      `toml:"briefing"`
	Input      InputConfig         `toml:"input"`
	Output     OutputConfig        `toml:"output"`
	Pairs      PairsConfig         `toml:"pairs"`
	Countries  map[string]string   `toml:"countries"`
	FocusAreas map[string][]string `toml:"focus_areas"`
	People     map[string][]string `toml:"people"`
	Templates  TemplatesConfig     `toml:"templates"`
	Notes      NotesConfig         `toml:"notes"`
	PDF        PDFConfig           `toml:"pdf"`

	Path     string         `toml:"-"` // the file read, "" for defaults only
	Dir      string         `toml:"-"` // base of relative paths
	Location *time.Location `toml:"-"` // from Briefing.Timezone, set by Validate

	secs      []*section
	countries *country.Table
}

type BriefingConfig struct {
	Title          string `toml:"title"`
	Subtitle       string `toml:"subtitle"`
	Organization   string `toml:"organization"`
	Classification string `toml:"classification"`
	Timezone       string `toml:"timezone"`
	Period         string `toml:"period"`
	// StaleAfter is how old the newest held event may be before a run on
	// a recent period warns that the input looks stale: "14d", "2w", or
	// "0" for never (ParseStaleAfter).
	StaleAfter string `toml:"stale_after"`
}

type InputConfig struct {
	Paths []string `toml:"paths"`
	// MaxFileBytes bounds each event file, checked before it is read: a
	// glob that reaches something huge fails with a message instead of
	// exhausting memory.
	MaxFileBytes int `toml:"max_file_bytes"`
}

// DefaultSubtitle is the subtitle of a briefing on a period of kind k when
// briefing.subtitle is not set: a quarter's note is not a weekly briefing.
func DefaultSubtitle(k period.Kind) string {
	switch k {
	case period.Week:
		return "Weekly briefing"
	case period.Month:
		return "Monthly briefing"
	case period.Quarter:
		return "Quarterly briefing"
	case period.Year:
		return "Annual briefing"
	}
	return "Briefing"
}

// DefaultMaxFileBytes is input.max_file_bytes unless the config sets it:
// 256 MiB, some 500,000 events, far more than a curated file holds.
const DefaultMaxFileBytes = 256 << 20

type OutputConfig struct {
	Dir     string   `toml:"dir"`
	Formats []string `toml:"formats"`
	Name    string   `toml:"name"`
	PerPair bool     `toml:"per_pair"`
}

type PairsConfig struct {
	Include []string `toml:"include"`
}

type TemplatesConfig struct {
	Dir string `toml:"dir"`
}

// NotesConfig is where the written assessments are: one Markdown file per
// period, <dir>/<period id>.md (README "Assessments").
type NotesConfig struct {
	Dir string `toml:"dir"`
}

// PDFConfig bounds what one pair section of the PDF lists. A week's
// section lists everything; a year's busiest pairs have well over a
// thousand events, which no reader of a briefing note goes through: past a
// limit the section shows the most significant (ranked as key developments
// are) and says so, while its figures still count every event and the
// workbook lists them all. 0 means no limit.
type PDFConfig struct {
	MaxEvents       int `toml:"max_events"`       // rows of the events table
	MaxSummaries    int `toml:"max_summaries"`    // event summaries
	MaxParticipants int `toml:"max_participants"` // rows of the participants table, most involved first
	// MaxPairs is how many pairs of a full briefing get a detailed
	// section: the most significant (Report.RankedPairs); the others get
	// one row each. 0 gives every pair a section.
	MaxPairs int `toml:"max_pairs"`
	// MaxPairRows bounds the rows of the note's lists of pairs (the pairs
	// without a section, those that went quiet). One event among all 249
	// ISO countries has 30,876 pairs, a note that ran out of memory
	// (issue #11); 250 keeps every pair of a year of the 100,000-event
	// benchmark archive (209).
	MaxPairRows int `toml:"max_pair_rows"`
	// MaxMultilateral is how many multilateral events the note shows in
	// full, the most significant (Report.Multilateral); the rest get one
	// row each.
	MaxMultilateral int `toml:"max_multilateral"`
	// UpcomingWeeks is the window of Report.Upcoming: planned events
	// dated in the weeks after the period's end. 0 lists none.
	UpcomingWeeks int `toml:"upcoming_weeks"`
	// Appendix adds a full record of the period's events to the note
	// (also build --appendix).
	Appendix bool `toml:"appendix"`
}

// The [pdf] defaults.
const (
	DefaultMaxPairs        = 6
	DefaultMaxPairRows     = 250
	DefaultMaxMultilateral = 4
	DefaultUpcomingWeeks   = 4
	MaxUpcomingWeeks       = 520
)

// Formats the build can write.
var Formats = []string{"pdf", "xlsx"}

// ParseFormat reads one entry of a list of formats, output.formats or
// --format, so that a list means the same in both: a name of Formats in
// any case, spaces around it ignored, not among the entries before it
// (already parsed). It returns the name in lower case.
func ParseFormat(f string, before []string) (string, error) {
	f = strings.ToLower(strings.TrimSpace(f))
	switch {
	case !slices.Contains(Formats, f):
		return f, fmt.Errorf("%q is not one of %s", f, strings.Join(Formats, ", "))
	case slices.Contains(before, f):
		return f, fmt.Errorf("%q is listed twice", f)
	}
	return f, nil
}

// DefaultConfig returns the configuration used when no file is given; a file
// is decoded on top of it.
func DefaultConfig() *Config {
	return &Config{
		Briefing: BriefingConfig{
			Title:          "South Caucasus Security Cooperation",
			Subtitle:       "", // follows the period: DefaultSubtitle
			Organization:   "Regional Analysis Unit",
			Classification: "UNCLASSIFIED",
			Timezone:       "UTC",
			Period:         "latest-week",
			StaleAfter:     "14d",
		},
		Input:     InputConfig{Paths: []string{"input/**/*.toml"}, MaxFileBytes: DefaultMaxFileBytes},
		Output:    OutputConfig{Dir: "output", Formats: []string{"pdf", "xlsx"}, Name: "briefing-{period}"},
		Templates: TemplatesConfig{Dir: "templates"},
		Notes:     NotesConfig{Dir: "notes"},
		PDF: PDFConfig{MaxEvents: 20, MaxSummaries: 3, MaxParticipants: 12,
			MaxPairs: DefaultMaxPairs, MaxPairRows: DefaultMaxPairRows, MaxMultilateral: DefaultMaxMultilateral,
			UpcomingWeeks: DefaultUpcomingWeeks},
		Dir: ".",
	}
}

// LoadConfig reads path on top of the defaults and validates the result.
// With path "", ./config.toml is used when it exists, else the defaults.
func LoadConfig(path string) (*Config, error) {
	cfg := DefaultConfig()
	if path == "" {
		if _, err := os.Stat("config.toml"); err != nil {
			return cfg, cfg.Validate()
		}
		path = "config.toml"
	}
	display := DisplayPath(absPath(path))
	src, err := readRegular(path, DefaultMaxFileBytes, "the limit for a config file")
	if err != nil {
		var errs ErrorList
		errs.Add(Position{File: display}, "", "", "cannot read config: %v", UnwrapPath(err))
		return nil, errs
	}
	if errs := checkBytes(display, src); len(errs) > 0 {
		return nil, errs
	}
	cfg.Path = display
	cfg.Dir = filepath.Dir(absPath(path))
	cfg.secs = scanSections(display, src)
	// Lists replace the defaults rather than merging into them.
	cfg.Input.Paths, cfg.Output.Formats = nil, nil
	var errs ErrorList
	// Decoding into cfg would stop at the first value of the wrong type,
	// without a column, so the file is decoded once into a generic tree;
	// decodeTable reports every mismatch and stores the rest in cfg.
	var doc map[string]any
	md, err := toml.Decode(string(src), &doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			errs.Add(syntaxPos(display, src, pe), "", "", "TOML syntax: %s", pe.Message)
		} else {
			errs.Add(Position{File: display}, "", "", "TOML: %v", err)
		}
		return nil, errs
	}
	badType := func(k toml.Key, format string, args ...any) {
		errs.Add(cfg.keyPos(k...), "", k.String(), format, args...)
	}
	used := map[string]keyUse{}
	decodeTable(doc, reflect.ValueOf(cfg).Elem(), nil, badType, used)
	// A list left out, or left out for its type, keeps its default; one
	// given, even empty, replaces it (setValue makes a non-nil slice).
	if cfg.Input.Paths == nil {
		cfg.Input.Paths = DefaultConfig().Input.Paths
	}
	if cfg.Output.Formats == nil {
		cfg.Output.Formats = DefaultConfig().Output.Formats
	}
	for _, k := range md.Keys() { // every key, in the file's order
		if used[k.String()] == 0 && !usedAbove(used, k) {
			used[k.String()] = keyUnknown
			if s := keySuggestions(k); len(s) > 0 {
				errs.Add(cfg.keyPos(k...), "", k.String(), "unknown key (did you mean %s?)", OrList(s))
			} else {
				errs.Add(cfg.keyPos(k...), "", k.String(), "unknown key")
			}
		}
	}
	if err := cfg.Validate(); err != nil {
		errs = append(errs, err.(ErrorList)...)
	}
	errs.Sort()
	return cfg, errs.Err()
}

var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// Validate checks every value and names the key and what was expected. It
// also resolves the time zone and the country table.
func (c *Config) Validate() error {
	var errs ErrorList
	badKey := func(k toml.Key, format string, args ...any) {
		errs.Add(c.keyPos(k...), "", k.String(), format, args...)
	}
	bad := func(key, format string, args ...any) {
		badKey(strings.Split(key, "."), format, args...)
	}
	loc, err := time.LoadLocation(c.Briefing.Timezone)
	if err != nil || c.Briefing.Timezone == "" || strings.EqualFold(c.Briefing.Timezone, "local") {
		bad("briefing.timezone", "%q is not an IANA time zone name such as \"UTC\" or \"Asia/Tbilisi\"", c.Briefing.Timezone)
	} else {
		c.Location = loc
	}
	if err := period.Validate(c.Briefing.Period); err != nil {
		bad("briefing.period", "%v", err)
	}
	if _, err := ParseStaleAfter(c.Briefing.StaleAfter); err != nil {
		bad("briefing.stale_after", "%v", err)
	}
	if len(c.Input.Paths) == 0 {
		bad("input.paths", "must list at least one glob such as \"input/**/*.toml\"")
	}
	for _, p := range c.Input.Paths {
		if !doublestar.ValidatePattern(filepath.ToSlash(p)) {
			bad("input.paths", "%q is not a valid glob", p)
		}
	}
	if c.Input.MaxFileBytes < 1 {
		bad("input.max_file_bytes", "must be a number of bytes, 1 or more, not %d", c.Input.MaxFileBytes)
		c.Input.MaxFileBytes = DefaultMaxFileBytes // one message, not one per file too
	}
	if strings.TrimSpace(c.Output.Dir) == "" {
		bad("output.dir", "must not be empty")
	}
	if strings.TrimSpace(c.Notes.Dir) == "" {
		bad("notes.dir", "must not be empty")
	}
	if len(c.Output.Formats) == 0 {
		bad("output.formats", "must list at least one of %s", strings.Join(Formats, ", "))
	}
	for i, f := range c.Output.Formats {
		var err error
		if c.Output.Formats[i], err = ParseFormat(f, c.Output.Formats[:i]); err != nil {
			bad("output.formats", "%v", err)
		}
	}
	if err := CheckName(c.Output.Name); err != nil {
		bad("output.name", "%v", err)
	}
	for code, name := range c.Countries {
		if !country.IsCode(code) {
			badKey(toml.Key{"countries", code}, "%q is not a three-letter code", code)
		}
		if strings.TrimSpace(name) == "" {
			badKey(toml.Key{"countries", code}, "name must not be empty")
		}
	}
	c.countries = country.New(c.Countries)
	for _, p := range c.Pairs.Include {
		if _, err := c.ParseScope(p); err != nil {
			bad("pairs.include", "%v", err)
		}
	}
	for _, l := range []struct {
		key string
		n   int
	}{{"pdf.max_events", c.PDF.MaxEvents}, {"pdf.max_summaries", c.PDF.MaxSummaries}, {"pdf.max_participants", c.PDF.MaxParticipants}, {"pdf.max_pairs", c.PDF.MaxPairs},
		{"pdf.max_pair_rows", c.PDF.MaxPairRows}, {"pdf.max_multilateral", c.PDF.MaxMultilateral}} {
		if l.n < 0 {
			bad(l.key, "must be 0 (no limit) or more, not %d", l.n)
		}
	}
	// An upper bound keeps the window's end a representable date, and no
	// briefing looks further ahead than a year or so.
	if w := c.PDF.UpcomingWeeks; w < 0 || w > MaxUpcomingWeeks {
		bad("pdf.upcoming_weeks", "must be a number of weeks from 0 (no upcoming list) to %d, not %d", MaxUpcomingWeeks, w)
	}
	checkAliases(c.FocusAreas, "focus_areas", badKey)
	checkAliases(c.People, "people", badKey)
	errs.Sort()
	return errs.Err()
}

// CheckName validates the output file stem: only the {period} and
// {pairs} placeholders, and nothing that could leave the output directory.
func CheckName(name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("must not be empty")
	}
	for _, ph := range placeholder.FindAllString(name, -1) {
		if ph != "{period}" && ph != "{pairs}" {
			return fmt.Errorf("unknown placeholder %s; the placeholders are {period} and {pairs}", ph)
		}
	}
	for _, r := range name {
		// Format characters (Cf) include the bidi controls: with U+202E
		// RIGHT-TO-LEFT OVERRIDE, "x\u202egpj.exe.pdf" shows as
		// "xfdp.exe.jpg". Line and paragraph separators split names in
		// listings. Naming the code point shows what cannot be seen.
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) || strings.ContainsRune(`<>:"|?*`, r) {
			return fmt.Errorf("%q must not contain control characters, format characters such as bidi controls, or any of < > : \" | ? * (found %s)", name, codePoint(r))
		}
	}
	if strings.ContainsAny(name, `/\`) || strings.Contains(name, "..") || filepath.IsAbs(name) {
		return fmt.Errorf("%q must be a plain file name: no path separators or \"..\", so outputs stay inside output.dir", name)
	}
	if strings.HasPrefix(name, ".") {
		return fmt.Errorf("%q must not start with \".\": the outputs would be hidden files", name)
	}
	if strings.ContainsAny(strings.NewReplacer("{period}", "", "{pairs}", "").Replace(name), "{}") {
		return fmt.Errorf("%q has an unbalanced brace", name)
	}
	return nil
}

// codePoint names r as Unicode does: "U+202E RIGHT-TO-LEFT OVERRIDE".
func codePoint(r rune) string {
	name := runenames.Name(r)
	if name == "" || name == "<control>" {
		return fmt.Sprintf("U+%04X, a control character", r)
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

// checkAliases rejects an alias that maps to two canonical names, and an
// alias that is itself another canonical name: either would make counts
// depend on map order.
func checkAliases(m map[string][]string, key string, bad func(toml.Key, string, ...any)) {
	owner := map[string]string{}
	for _, canon := range slices.Sorted(maps.Keys(m)) {
		if strings.TrimSpace(canon) == "" {
			bad(toml.Key{key, canon}, "a canonical name must not be empty")
		}
		owner[fold(canon)] = canon
	}
	for _, canon := range slices.Sorted(maps.Keys(m)) {
		for _, a := range m[canon] {
			f := fold(a)
			if f == "" {
				bad(toml.Key{key, canon}, "an alias must not be empty")
				continue
			}
			if prev, ok := owner[f]; ok && prev != canon {
				if fold(prev) == f {
					bad(toml.Key{key, canon}, "alias %q is also a canonical name; each spelling may map to one name only", a)
				} else {
					bad(toml.Key{key, canon}, "alias %q already belongs to %q; each spelling may map to one name only", a, prev)
				}
				continue
			}
			owner[f] = canon
		}
	}
}

// fold is the identity used for names and focus areas: trimmed, inner
// whitespace collapsed, NFC, lower case. Lower-casing Turkish and
// Azerbaijani İ gives "i" plus a combining dot; the dot is dropped so that
// "İLHAM" and "ilham" are one person.
func fold(s string) string {
	s = strings.ToLower(norm.NFC.String(collapse(s)))
	if strings.Contains(s, "\u0307") {
		s = strings.ReplaceAll(s, "i\u0307", "i")
	}
	return s
}

// collapse trims s and collapses runs of white space to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// ParsePair accepts "GEO-AZE" in either order, any case, and returns the
// pair key with codes in alphabetical order.
func (c *Config) ParsePair(s string) (string, error) {
	a, b, ok := splitPair(s)
	if !ok {
		return "", fmt.Errorf("%q is not a pair like GEO-AZE", s)
	}
	for _, code := range []string{a, b} {
		if !c.CountryTable().Known(code) {
			return "", fmt.Errorf("pair %q: %s", s, unknownCode(code, c.CountryTable()))
		}
	}
	if a == b {
		return "", fmt.Errorf("pair %q names the same country twice", s)
	}
	return PairKey(a, b), nil
}

// ParseScope reads one entry of pairs.include or --pair: a pair, as
// ParsePair reads it, or "GEO-*", every pair with GEO. "*-GEO" is the same
// wildcard written the other way round. It returns the pair key or the
// wildcard as "GEO-*".
func (c *Config) ParseScope(s string) (string, error) {
	a, b, ok := splitPair(s)
	if !ok {
		return "", fmt.Errorf("%q is not a pair like GEO-AZE or GEO-* (every pair with GEO)", s)
	}
	if a != "*" && b != "*" {
		return c.ParsePair(s)
	}
	if a == "*" {
		a, b = b, a
	}
	if a == "*" {
		return "", fmt.Errorf("%q names no country; write GEO-* for every pair with GEO", s)
	}
	if !c.CountryTable().Known(a) {
		return "", fmt.Errorf("pair %q: %s", s, unknownCode(a, c.CountryTable()))
	}
	return a + "-*", nil
}

// PairKey joins two codes in alphabetical order: PairKey("GEO", "AZE") is "AZE-GEO".
func PairKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "-" + b
}

// CountryTable returns the built-in codes plus [countries].
func (c *Config) CountryTable() *country.Table {
	if c.countries == nil {
		c.countries = country.New(c.Countries)
	}
	return c.countries
}

// Resolve makes a config-relative path absolute.
func (c *Config) Resolve(p string) string { return c.resolve(p) }

func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return absPath(filepath.Join(c.Dir, p))
}

// keyPos finds where a config key was written, falling back to its table's
// header and then to the file itself.
func (c *Config) keyPos(parts ...string) Position {
	if c.Path == "" {
		return Position{File: "config"}
	}
	for n := len(parts) - 1; n >= 0; n-- {
		table := strings.Join(parts[:n], ".")
		for _, s := range c.secs {
			if s.name == table {
				if p, ok := s.keys[parts[n]]; ok {
					return p
				}
			}
		}
	}
	table := strings.Join(parts[:max(len(parts)-1, 0)], ".")
	for _, s := range c.secs {
		if s.name == table && s.line > 0 {
			return Position{File: c.Path, Line: s.line}
		}
	}
	return Position{File: c.Path}
}

// RelPath turns a path as displayed (relative to the working directory, or
// absolute) into one relative to the config file's directory, with forward
// slashes, for outputs that must not depend on where the run started.
func (c *Config) RelPath(p string) string {
	if p == "" || p == "config" {
		return p
	}
	rel, err := filepath.Rel(absPath(c.Dir), absPath(p))
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

// keyUse is what decodeTable did with a key of the file (its String).
type keyUse uint8

const (
	keyUsedTable keyUse = iota + 1 // a table whose keys are marked one by one
	keyUsedAll                     // a value stored or reported, and whatever lies below it
	keyUnknown                     // reported as unknown, and whatever lies below it
)

// decodeTable stores the values of doc, a table of the generic tree, in
// the struct v (a table of Config), as toml.Decode would: a key names the
// field whose tag it matches, exactly or else ignoring case. A value whose
// TOML type does not fit is reported with bad and left out, so that every
// mismatch is reported. Keys v has no field for are left out of used, for
// the unknown-key check.
func decodeTable(doc map[string]any, v reflect.Value, path toml.Key, bad func(toml.Key, string, ...any), used map[string]keyUse) {
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		f, ok := tomlField(v.Type(), k)
		if !ok {
			continue
		}
		key := append(path[:len(path):len(path)], k)
		if !fitType(doc, k, f.Type, key, bad) {
			used[key.String()] = keyUsedAll
			continue
		}
		fv := v.FieldByIndex(f.Index)
		switch f.Type.Kind() {
		case reflect.Struct:
			used[key.String()] = keyUsedTable
			decodeTable(doc[k].(map[string]any), fv, key, bad, used)
		case reflect.Map:
			used[key.String()] = keyUsedTable
			decodeMap(doc[k].(map[string]any), fv, key, bad, used)
		default:
			used[key.String()] = keyUsedAll
			setValue(fv, doc[k])
		}
	}
}

// keySuggestions returns the known keys of k's table closest to k's last
// part, written in full ("output.name" for output.nmae).
func keySuggestions(k toml.Key) []string {
	t := reflect.TypeFor[Config]()
	for _, part := range k[:len(k)-1] {
		f, ok := tomlField(t, part)
		if !ok || f.Type.Kind() != reflect.Struct {
			return nil
		}
		t = f.Type
	}
	var known []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if name != "" && name != "-" && t.Field(i).IsExported() {
			known = append(known, name)
		}
	}
	out := Closest(k[len(k)-1], known)
	for i, s := range out {
		out[i] = append(k[:len(k)-1:len(k)-1], s).String()
	}
	return out
}

// usedAbove reports whether a key above k was stored, reported or found
// unknown as a whole: then that key's message covers k. (A dotted key,
// a.b.c = 1, comes without the keys a and a.b.)
func usedAbove(used map[string]keyUse, k toml.Key) bool {
	for n := 1; n < len(k); n++ {
		if u := used[k[:n].String()]; u == keyUsedAll || u == keyUnknown {
			return true
		}
	}
	return false
}

// decodeMap is decodeTable for a Go map of strings or lists of strings
// ([countries], [focus_areas], [people]).
func decodeMap(m map[string]any, v reflect.Value, path toml.Key, bad func(toml.Key, string, ...any), used map[string]keyUse) {
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		key := append(path[:len(path):len(path)], k)
		used[key.String()] = keyUsedAll
		if fitType(m, k, v.Type().Elem(), key, bad) {
			e := reflect.New(v.Type().Elem()).Elem()
			setValue(e, m[k])
			v.SetMapIndex(reflect.ValueOf(k), e)
		}
	}
}

// setValue stores x, a value fitType accepted for v, in v.
func setValue(v reflect.Value, x any) {
	switch x := x.(type) {
	case string:
		v.SetString(x)
	case bool:
		v.SetBool(x)
	case int64:
		v.SetInt(x)
	case []any: // of strings
		s := make([]string, len(x))
		for i, e := range x {
			s[i] = e.(string)
		}
		v.Set(reflect.ValueOf(s))
	default:
		panic(fmt.Sprintf("config: no decoding of %T into %s", x, v.Type()))
	}
}

// fitType reports whether m[k] can be decoded into a value of type t,
// reporting it when not.
func fitType(m map[string]any, k string, t reflect.Type, key toml.Key, bad func(toml.Key, string, ...any)) bool {
	v := m[k]
	switch t.Kind() {
	case reflect.String:
		if _, ok := v.(string); !ok {
			bad(key, "expected a string, found %s", describe(v))
			return false
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			bad(key, "expected true or false, found %s", describe(v))
			return false
		}
	case reflect.Int:
		n, ok := v.(int64)
		if !ok {
			bad(key, "expected an integer, found %s", describe(v))
			return false
		}
		if int64(int(n)) != n {
			bad(key, "%d is out of range", n)
			return false
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			bad(key, "expected an array of strings, found %s", describe(v))
			return false
		}
		for i, x := range arr {
			if _, ok := x.(string); !ok {
				bad(key, "element %d: expected a string, found %s", i+1, describe(x))
				return false
			}
		}
	case reflect.Map, reflect.Struct:
		if _, ok := v.(map[string]any); !ok {
			bad(key, "expected a table, found %s", describe(v))
			return false
		}
	}
	return true
}

// tomlField finds the field of struct t that the TOML key k decodes into,
// matching the tag as BurntSushi/toml does: exactly, else ignoring case.
func tomlField(t reflect.Type, k string) (reflect.StructField, bool) {
	var folded reflect.StructField
	found := false
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		if name == k {
			return f, true
		}
		if !found && strings.EqualFold(name, k) {
			folded, found = f, true
		}
	}
	return folded, found
}
