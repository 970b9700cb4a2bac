package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Assessment is the analyst's written assessment of one period: the notes
// file <[notes] dir>/<period id>.md, parsed (README "Assessments").
type Assessment struct {
	File   string // as loaded: relative to the working directory
	SHA256 string // of the file's bytes, for the manifest
	Size   int64

	BottomLine []Block            // paragraphs under "# Bottom line"
	Judgments  []Judgment         // items under "# Key judgments"
	Pairs      map[string][]Block // pair key ("AZE-GEO") -> blocks under "## AZE-GEO" in "# Pairs"

	// PairPos is where each pair's heading is; links, every event: link
	// with its position, for the checks against the events.
	PairPos map[string]Position
	links   []noteLink
}

// Judgment is one key judgment.
type Judgment struct {
	Confidence string  // "High", "Moderate", "Low"; "" when missing (a warning)
	Text       []Block // the item's text after the bold confidence label
	Pos        Position
}

// BlockKind is what a Block is.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Bullet              // an item of a bullet list
	Numbered            // an item of a numbered list; Block.N is its number
)

// Block is a paragraph or a list item: a run of styled spans.
type Block struct {
	Kind  BlockKind
	N     int
	Spans []Span
}

// Span is text in one style.
type Span struct {
	Text         string
	Bold, Italic bool
	Link         string // "" or "event:<id>" or an https: or http: URL
}

// PlainText is the block's text without styles.
func (b Block) PlainText() string {
	var s strings.Builder
	for _, sp := range b.Spans {
		s.WriteString(sp.Text)
	}
	return s.String()
}

// EventIDs lists the ids the blocks link to with event:, each once, in
// order of appearance.
func EventIDs(blocks []Block) []string {
	var ids []string
	seen := map[string]bool{}
	for _, b := range blocks {
		for _, sp := range b.Spans {
			if id, ok := strings.CutPrefix(sp.Link, "event:"); ok && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

type noteLink struct {
	id  string
	pos Position
}

// Confidence levels of a key judgment, as its bold label names them
// (a contract: users' notes rely on the exact words).
var confidenceLevels = []string{"High", "Moderate", "Low"}

// LoadNotes reads the notes file of the period id, if there is one: nil
// and no problems when there is none. The file is read like an input file
// (regular files only, up to input.max_file_bytes).
func LoadNotes(cfg *Config, id string) (*Assessment, ErrorList) {
	path := filepath.Join(cfg.resolve(cfg.Notes.Dir), id+".md")
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return ReadNotes(cfg, path)
}

// ReadNotes reads and parses the notes file at path, as LoadNotes and
// check do.
func ReadNotes(cfg *Config, path string) (*Assessment, ErrorList) {
	display := DisplayPath(path)
	var errs ErrorList
	src, err := readRegular(path, int64(cfg.Input.MaxFileBytes), "input.max_file_bytes")
	if err != nil {
		errs.Add(Position{File: display}, "", "", "cannot read file: %v", UnwrapPath(err))
		return nil, errs
	}
	a, errs := ParseNotes(cfg, display, src)
	sum := sha256.Sum256(src)
	a.SHA256, a.Size = hex.EncodeToString(sum[:]), int64(len(src))
	return a, errs
}

// NotesFiles lists the notes files of the notes directory (its *.md), for
// `check`, which has no period. A missing directory has none.
func NotesFiles(cfg *Config) ([]string, error) {
	dir := cfg.resolve(cfg.Notes.Dir)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	return files, nil
}

var notesMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// ParseNotes parses the notes file file (as shown in messages) with the
// bytes src, and checks what it can alone: the parts, the confidence of
// each key judgment, the words of likelihood, links' schemes and pair
// headings. It always returns an Assessment, empty where src is not
// UTF-8; CheckNotes checks its event links and pairs against a report.
func ParseNotes(cfg *Config, file string, src []byte) (*Assessment, ErrorList) {
	a := &Assessment{File: file, Pairs: map[string][]Block{}, PairPos: map[string]Position{}}
	p := &notesParser{cfg: cfg, a: a, file: file, src: src}
	if !utf8.Valid(src) {
		line, col, b := firstInvalidUTF8(src)
		p.errs.Add(Position{File: file, Line: line, Col: col}, "", "", "file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", b)
		return a, p.errs
	}
	for i, c := range src {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	doc := notesMarkdown.Parser().Parse(text.NewReader(src))
	p.document(doc)
	p.errs.Sort()
	return a, p.errs
}

type notesParser struct {
	cfg   *Config
	a     *Assessment
	file  string
	src   []byte
	lines []int // offsets where lines 2, 3, … start
	errs  ErrorList
}

// pos turns a byte offset of the source into a position.
func (p *notesParser) pos(off int) Position {
	if off < 0 {
		off = 0
	}
	line := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off })
	start := 0
	if line > 0 {
		start = p.lines[line-1]
	}
	return Position{File: p.file, Line: line + 1, Col: off - start + 1}
}

// offset is where node n starts in the source: its own position when the
// parser set one, else its first line or its first child's.
func (p *notesParser) offset(n ast.Node) int {
	if o := n.Pos(); o >= 0 {
		return o
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if o := p.offset(c); o >= 0 {
			return o
		}
	}
	return -1
}

func (p *notesParser) nodePos(n ast.Node) Position {
	for ; n != nil; n = n.Parent() {
		if o := p.offset(n); o >= 0 {
			return p.pos(o)
		}
	}
	return Position{File: p.file, Line: 1, Col: 1}
}

// The parts of a notes file, by their level-1 headings.
const (
	partNone = iota
	partBottomLine
	partJudgments
	partPairs
)

func (p *notesParser) document(doc ast.Node) {
	part, pair := partNone, ""
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			title := strings.Join(strings.Fields(p.inlineText(h)), " ")
			switch {
			case h.Level == 1:
				pair = ""
				switch strings.ToLower(title) {
				case "bottom line":
					part = partBottomLine
				case "key judgments", "key judgements":
					part = partJudgments
				case "pairs":
					part = partPairs
				default:
					part = partNone
					p.errs.Warn(p.nodePos(h), "", "", "heading %q is not a part of an assessment (Bottom line, Key judgments, Pairs); its text is left out", title)
				}
			case h.Level == 2 && part == partPairs:
				key, err := p.cfg.ParsePair(title)
				if err != nil {
					pair = ""
					p.errs.Warn(p.nodePos(h), "", "", "pair heading: %v; its text is left out", err)
					continue
				}
				if _, dup := p.a.PairPos[key]; dup {
					p.errs.Warn(p.nodePos(h), "", "", "pair %s has a heading already at %s; the text joins it", key, p.a.PairPos[key])
				} else {
					p.a.PairPos[key] = p.nodePos(h)
				}
				pair = key
			default:
				p.errs.Warn(p.nodePos(h), "", "", "heading %q is not a part of an assessment (Bottom line, Key judgments, Pairs); printed as a paragraph", title)
				p.addBlocks(part, pair, []Block{{Kind: Paragraph, Spans: p.inlines(h, false, false, "")}})
			}
			continue
		}
		if part == partNone || part == partPairs && pair == "" {
			if part == partNone {
				p.errs.Warn(p.nodePos(n), "", "", "text outside the parts of an assessment (# Bottom line, # Key judgments, # Pairs) is left out")
			} else {
				p.errs.Warn(p.nodePos(n), "", "", "text under # Pairs belongs under a pair's heading, such as ## AZE-GEO; it is left out")
			}
			continue
		}
		if part == partJudgments {
			if l, ok := n.(*ast.List); ok {
				for it := l.FirstChild(); it != nil; it = it.NextSibling() {
					p.judgment(it)
				}
				continue
			}
			p.errs.Warn(p.nodePos(n), "", "", "key judgments are the items of a list, each beginning with its confidence, such as **High confidence.**; this text is left out")
			continue
		}
		p.addBlocks(part, pair, p.blocks(n))
	}
}

func (p *notesParser) addBlocks(part int, pair string, bs []Block) {
	switch part {
	case partBottomLine:
		p.a.BottomLine = append(p.a.BottomLine, bs...)
	case partPairs:
		p.a.Pairs[pair] = append(p.a.Pairs[pair], bs...)
	}
}

// judgment reads one item of the key judgments' list.
func (p *notesParser) judgment(item ast.Node) {
	j := Judgment{Pos: p.nodePos(item)}
	var blocks []Block
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, p.blocks(c)...)
	}
	if first := item.FirstChild(); first != nil && (first.Kind() == ast.KindParagraph || first.Kind() == ast.KindTextBlock) {
		if em, ok := first.FirstChild().(*ast.Emphasis); ok && em.Level == 2 {
			label := strings.ToLower(strings.TrimSpace(p.inlineText(em)))
			for _, lv := range confidenceLevels {
				if label == strings.ToLower(lv)+" confidence." {
					j.Confidence = lv
				}
			}
		}
	}
	if j.Confidence == "" {
		p.errs.Warn(j.Pos, "", "", "key judgment without a confidence level: begin it with **High confidence.**, **Moderate confidence.** or **Low confidence.**")
	} else if len(blocks) > 0 && len(blocks[0].Spans) > 0 {
		// Drop the label (the first span, or the start of it when bold
		// text follows at once); the text starts after its space.
		b := &blocks[0]
		label := len(strings.TrimRight(b.Spans[0].Text, " ")) // as written
		if l := len(j.Confidence + " confidence."); label > l && b.Spans[0].Bold {
			b.Spans[0].Text = b.Spans[0].Text[l:]
		} else {
			b.Spans = b.Spans[1:]
		}
		if len(b.Spans) > 0 {
			b.Spans[0].Text = strings.TrimLeft(b.Spans[0].Text, " ")
			if b.Spans[0].Text == "" {
				b.Spans = b.Spans[1:]
			}
		}
		if len(b.Spans) == 0 {
			blocks = blocks[1:]
		}
	}
	j.Text = blocks
	p.a.Judgments = append(p.a.Judgments, j)
}

// blocks turns a block node into Blocks: paragraphs and list items;
// anything else is reported and kept as plain paragraphs.
func (p *notesParser) blocks(n ast.Node) []Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		p.checkText(n)
		return []Block{{Kind: Paragraph, Spans: p.inlines(n, false, false, "")}}
	case *ast.List:
		var bs []Block
		num := n.Start
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			kind := Bullet
			if n.IsOrdered() {
				kind = Numbered
			}
			first := len(bs)
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				bs = append(bs, p.blocks(c)...)
			}
			if first < len(bs) {
				bs[first].Kind, bs[first].N = kind, 0
				if kind == Numbered {
					bs[first].N = num
				}
			}
			num++
		}
		return bs
	case *ast.ThematicBreak:
		return nil
	}
	what := "this kind of block"
	switch n.Kind() {
	case ast.KindHTMLBlock:
		what = "raw HTML"
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		what = "code"
	case extast.KindTable:
		what = "a table"
	case ast.KindBlockquote:
		what = "a block quote"
	}
	p.errs.Warn(p.nodePos(n), "", "", "%s is not supported in notes; printed as plain text", what)
	t := strings.Join(strings.Fields(p.plain(n)), " ")
	if t == "" {
		return nil
	}
	return []Block{{Kind: Paragraph, Spans: []Span{{Text: t}}}}
}

// plain is the text of n and everything under it, lines included.
func (p *notesParser) plain(n ast.Node) string {
	var s strings.Builder
	if n.Type() == ast.TypeBlock && n.FirstChild() == nil || n.Kind() == ast.KindHTMLBlock {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			s.Write(seg.Value(p.src))
		}
		if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
			s.Write(h.ClosureLine.Value(p.src))
		}
		return s.String()
	}
	switch t := n.(type) {
	case *ast.Text:
		s.Write(t.Segment.Value(p.src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			s.WriteByte(' ')
		}
		return s.String()
	case *ast.String:
		return string(t.Value)
	case *ast.RawHTML:
		for i := 0; i < t.Segments.Len(); i++ {
			seg := t.Segments.At(i)
			s.Write(seg.Value(p.src))
		}
		return s.String()
	case *ast.AutoLink:
		return string(t.URL(p.src))
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s.WriteString(p.plain(c))
		if c.Type() == ast.TypeBlock {
			s.WriteByte(' ')
		}
	}
	return s.String()
}

func (p *notesParser) inlineText(n ast.Node) string { return p.plain(n) }

// inlines turns n's inline children into spans, checking links; runs of
// one style are merged (mergeSpans).
func (p *notesParser) inlines(n ast.Node, bold, italic bool, link string) []Span {
	return mergeSpans(p.pieces(n, bold, italic, link, nil))
}

// pieces appends n's inline children to spans, one span per text node.
func (p *notesParser) pieces(n ast.Node, bold, italic bool, link string, spans []Span) []Span {
	add := func(t string) {
		if t != "" {
			spans = append(spans, Span{Text: t, Bold: bold, Italic: italic, Link: link})
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text, *ast.String:
			add(p.plain(c))
		case *ast.Emphasis:
			spans = p.pieces(c, bold || c.Level >= 2, italic || c.Level == 1, link, spans)
		case *ast.Link:
			spans = p.pieces(c, bold, italic, p.link(c, string(c.Destination)), spans)
		case *ast.AutoLink:
			u := string(c.URL(p.src))
			spans = append(spans, Span{Text: u, Bold: bold, Italic: italic, Link: p.link(c, u)})
		default:
			what := "this markup"
			switch c.Kind() {
			case ast.KindImage:
				what = "an image"
			case ast.KindRawHTML:
				what = "raw HTML"
			case ast.KindCodeSpan:
				what = "code"
			case extast.KindStrikethrough:
				what = "strikethrough"
			}
			p.errs.Warn(p.nodePos(c), "", "", "%s is not supported in notes; printed as plain text", what)
			add(p.plain(c))
		}
	}
	return spans
}

// mergeSpans joins neighbours of one style, in one pass (joining them
// one by one would copy a long paragraph once per line).
func mergeSpans(in []Span) []Span {
	var out []Span
	var b strings.Builder
	for i, sp := range in {
		b.WriteString(sp.Text)
		if i+1 < len(in) && in[i+1].Bold == sp.Bold && in[i+1].Italic == sp.Italic && in[i+1].Link == sp.Link {
			continue
		}
		sp.Text = b.String()
		b.Reset()
		out = append(out, sp)
	}
	return out
}

// link checks a link's destination: event:<id>, https: or http:; any
// other scheme is an error, and the link is dropped (its text stays).
func (p *notesParser) link(n ast.Node, dest string) string {
	pos := p.nodePos(n)
	scheme, rest, ok := strings.Cut(dest, ":")
	if ok && !strings.ContainsAny(scheme, "/?#") {
		switch strings.ToLower(scheme) {
		case "event":
			if rest == "" {
				p.errs.Add(pos, "", "", "link %q names no event; write event:<id>", dest)
				return ""
			}
			p.a.links = append(p.a.links, noteLink{id: rest, pos: pos})
			return "event:" + rest
		case "https", "http":
			return dest
		}
		p.errs.Add(pos, "", "", "link %q: the %s: scheme is not allowed; link to event:<id> or an https: address", dest, scheme)
		return ""
	}
	p.errs.Add(pos, "", "", "link %q is neither event:<id> nor an https: address", dest)
	return ""
}

// The words checkText looks for, in ASCII lower case.
var (
	// Hedges outside the ICD 203 scale (lower case, whole words).
	offScale = regexp.MustCompile(`\b(perhaps|possibly|maybe|might|may well|could well|chances are|conceivably)\b`)
	// The scale's terms, longest first so that "very likely" wins over "likely".
	onScale   = regexp.MustCompile(`\b(almost no chance|roughly even chance|roughly even odds|very unlikely|highly improbable|very likely|highly probable|almost certainly|almost certain|nearly certain|remote|unlikely|improbable|likely|probable)\b`)
	confWords = regexp.MustCompile(`\b(high|moderate|low) confidence\b`)
)

// ICD203Scale names the likelihood terms the checks accept.
const ICD203Scale = "almost no chance (remote), very unlikely (highly improbable), unlikely (improbable), roughly even chance (roughly even odds), likely (probable), very likely (highly probable), almost certain(ly) (nearly certain)"

// checkText checks the words of paragraph n: likelihood outside the
// scale, and sentences that mix confidence and likelihood, each at the
// word or the sentence where it is.
func (p *notesParser) checkText(n ast.Node) {
	var t []byte
	var offs []int
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if x, ok := c.(*ast.Text); ok {
				v := x.Segment.Value(p.src)
				for i := range v {
					t = append(t, lowerASCII(v[i]))
					offs = append(offs, x.Segment.Start+i)
				}
				if x.SoftLineBreak() || x.HardLineBreak() {
					t = append(t, ' ')
					offs = append(offs, x.Segment.Stop)
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	for _, m := range offScale.FindAllIndex(t, -1) {
		p.errs.Warn(p.pos(offs[m[0]]), "", "", "%q is not a term of the ICD 203 likelihood scale: use %s", t[m[0]:m[1]], ICD203Scale)
	}
	for _, s := range sentences(t) {
		c := confWords.Find(t[s[0]:s[1]])
		if c == nil {
			continue // most sentences: no need to look for likelihood
		}
		if l := onScale.Find(t[s[0]:s[1]]); l != nil {
			p.errs.Warn(p.pos(offs[s[0]]), "", "", "a sentence states both a confidence level (%q) and a likelihood (%q); ICD 203 asks to keep them apart", c, l)
		}
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// sentences splits t into sentences ([start, end) pairs, without the
// spaces between), after ., ! and ? followed by a space.
func sentences(t []byte) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i+1 < len(t); i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' {
			if start < i+1 {
				out = append(out, [2]int{start, i + 1})
			}
			start = i + 2
		}
	}
	for start < len(t) && t[start] == ' ' {
		start++
	}
	if start < len(t) {
		out = append(out, [2]int{start, len(t)})
	}
	return out
}

// CheckNotes checks the assessment against the events: links to ids no
// event has (errors) or to events outside the report (warnings), pairs
// without events in the period, and the words of every part. inReport
// tells whether an event is in the report; known whether an id exists.
func CheckNotes(a *Assessment, known map[string]bool, r *Report) ErrorList {
	var errs ErrorList
	for _, l := range a.links {
		switch {
		case !known[l.id]:
			errs.Add(l.pos, "", "", "event:%s: no event has this id", l.id)
		case r != nil && r.NoteEvent(l.id) == nil:
			errs.Warn(l.pos, "", "", "event:%s is not in this briefing (%s)", l.id, r.Period.Label)
		}
	}
	if r != nil {
		for key, pos := range a.PairPos {
			if p := r.pairByKey(key); p == nil || p.Events == 0 {
				errs.Warn(pos, "", "", "pair %s has no events in %s", key, r.Period.Label)
			}
		}
	}
	errs.Sort()
	return errs
}

// pairByKey is the report's pair with key, or nil.
func (r *Report) pairByKey(key string) *PairReport {
	for _, p := range r.Pairs {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// NoteEvent is the event with id when the report shows it (an event of
// one of its pairs, held or planned in the period, or upcoming), else nil:
// what an event: link of the assessment points at.
func (r *Report) NoteEvent(id string) *Event {
	for _, p := range r.Pairs {
		for _, e := range p.EventList {
			if e.ID == id {
				return e
			}
		}
	}
	for _, list := range [][]*Event{r.Upcoming, r.Unconfirmed, r.Multilateral} {
		for _, e := range list {
			if e.ID == id {
				return e
			}
		}
	}
	return nil
}

// NotesStage reads the period's notes file, if any, after aggregate:
// Report.Assessment, and its problems in the run's list.
var NotesStage Stage = notesStage{}

type notesStage struct{}

func (notesStage) String() string { return "notes" }
func (notesStage) Run(c *Context) error {
	a, errs := LoadNotes(c.Config, c.Period.ID)
	c.Diagnostics = append(c.Diagnostics, errs...)
	if a != nil {
		c.Diagnostics = append(c.Diagnostics, CheckNotes(a, KnownIDs(c.Dataset), c.Report)...)
		c.Report.Assessment = a
		c.Report.files[a.File] = c.Config.RelPath(a.File)
		c.Log.Info("read notes", "stage", "notes", "file", a.File, "judgments", len(a.Judgments), "pairs", len(a.Pairs))
	}
	if err := c.Strict(); err != nil {
		return err
	}
	return c.Diagnostics.Err()
}

// KnownIDs is the set of the dataset's event ids.
func KnownIDs(ds *Dataset) map[string]bool {
	known := make(map[string]bool, len(ds.Events))
	for _, e := range ds.Events {
		known[e.ID] = true
	}
	return known
}

// AssessmentInput is the notes file as the manifest lists it among the
// inputs (its path relative to the config file); ok is false when the
// report has no assessment.
func (r *Report) AssessmentInput() (in Input, ok bool) {
	a := r.Assessment
	if a == nil {
		return Input{}, false
	}
	return Input{Path: r.relPath(a.File), SHA256: a.SHA256, Size: a.Size}, true
}
