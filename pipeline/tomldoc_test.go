package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// shapeCases are documents whose go-toml tree, converted, must equal
// BurntSushi's tree exactly. fallback marks those the fast path hands to
// BurntSushi on purpose (see convertValue).
var shapeCases = []struct {
	name     string
	src      string
	fallback bool
}{
	{"empty", "", false},
	{"comments only", "# a\n\n   # b\n", false},
	{"scalars", "s = \"x\"\nl = 'c:\\x'\ni = 42\nn = -17\nz = +0\nb = true\nf = false\npi = 3.14159\ne = 6.626e-34\nneg = -0.0\nu = 1_000_000\n", false},
	{"big and odd integers", "max = 9223372036854775807\nmin = -9223372036854775808\nhex = 0xDEAD_beef\noct = 0o755\nbin = 0b1101\n", false},
	{"floats", "a = 1e10\nb = 5E+22\nc = -2E-2\nd = 6.02_2e2_3\ne = 0.1\nf = 1.7976931348623157e308\ng = 5e-324\nh = 224_617.445_991_228\n", false},
	{"infinities", "a = inf\nb = +inf\nc = -inf\n", false},
	{"nan", "a = nan\n", true},
	{"negative nan", "a = -nan\n", true},
	{"nan in an array", "a = [1.0, +nan]\n", true},
	{"escapes", `a = "tab\there \"q\" \\ \u00e9 \U0001F600 \b\f\n\r"` + "\n", false},
	{"TOML 1.1 escapes", `a = "\e[0m \x41\xe9"` + "\n", false},
	{"unicode text", "a = \"ვახტანგ კაპანაძე\"\n'ключ' = 'значение'\n", false},
	{"multi-line basic", "a = \"\"\"\nline one\n  line two \\\n    continued \\\n\n  done\"\"\"\nb = \"\"\"\"quoted\"\"\"\"\nc = \"\"\"two quotes at the end\"\"\"\"\"\n", false},
	{"multi-line literal", "a = '''\nraw \\n text\n'''\nb = ''''one quote''''\n", false},
	{"CRLF", "[[event]]\r\nid = \"a\"\r\nsummary = \"\"\"\r\nx\r\ny \\\r\n  z\"\"\"\r\nt = '''\r\nraw\r\n'''\r\n", false},
	{"tables", "[a]\nx = 1\n[a.b]\ny = 2\n[a.b.c]\n[d]\n", false},
	{"dotted keys", "a.b.c = 1\na.b.d = 2\n\"q.k\".x = 3\n[t]\nu.v = 4\n", false},
	{"super table after sub table", "[x.y.z]\na = 1\n[x]\nb = 2\n", false},
	{"quoted keys and headers", "\"a b\" = 2\n'c.d' = 3\n[\"ev\\u0065nt\".'x y']\nk = 4\n[[ \"arr\" . list ]]\nz = 5\n", false},
	{"inline tables", "a = {x = 1, y.z = 2, w = {v = \"s\"}}\nb = {}\n", false},
	{"TOML 1.1 inline tables", "a = {\n  x = 1, # c\n  y = 2,\n}\n", false},
	{"arrays", "a = []\nb = [1, 2, 3]\nc = [[1, 2], [\"a\"], []]\nd = [\n  1, # one\n  2,\n]\ne = [1, \"mixed\", 2.5, true, 2025-01-01, [3], {k = 4}]\n", false},
	{"array of tables", "[[event]]\nid = \"a\"\n[[event]]\nid = \"b\"\n[[event]]\n", false},
	{"nested arrays of tables", "[[event]]\nid = \"a\"\n[[event.participants]]\nname = \"x\"\n[[event.participants]]\nname = \"y\"\n[event.meta]\nk = 1\n[[event.meta.list]]\nq = 1\n[[event]]\nid = \"b\"\n[[event.sources]]\ntitle = \"s\"\n[[event.participants]]\nname = \"z\"\n", false},
	{"arrays of inline tables", "a = [{x = 1}, {y = 2}]\nb = [[{z = 3}]]\nc = [{}]\n", false},
	{"inline and header arrays side by side", "[[event]]\nparticipants = [{name = \"a\"}]\n[[event]]\n[[event.participants]]\nname = \"b\"\n[[event]]\nsources = []\n", false},
	{"array of tables in a table", "[t]\nk = 1\n[[t.list]]\nx = 1\n[[t.list]]\n[t.other]\n", false},
	{"array of tables under dotted keys", "[[a.b]]\nx = 1\n[[a.b]]\n[a.c]\n", false},
	{"array of tables with inline sub-arrays", "[[a]]\nb = [{c = [{d = 1}]}]\n", false},
	{"local dates and times", "d = 2025-10-27\nleap = 2024-02-29\nzero = 0000-01-01\nt = 07:32:00\nt1 = 07:32\nt2 = 00:32:00.999999\ndt = 1979-05-27T07:32:00\ndt1 = 1979-05-27 07:32:00.5\ndt2 = 1979-05-27t07:32\ndt3 = 1979-05-27T00:32:00.123456789\n", false},
	{"fractional seconds past nanoseconds", "dt = 1979-05-27T00:32:00.1234567891234\nt = 00:32:00.9999999999\n", false},
	{"offset date-times", "a = 1979-05-27T07:32:00-07:00\nb = 1979-05-27T00:32:00.999999+05:45\nc = 2025-06-01 12:00:00+01:00\nd = 2025-01-01T12:00+14:00\n\n# time.Local in Europe/Paris and Asia/Kathmandu\ne = 2025-01-15T10:00:00+01:00\nf = 2025-07-15T10:00:00+02:00\ng = 2025-07-15T10:00:00+05:45\n", false},
	{"UTC date-time", "a = 1979-05-27T07:32:00Z\n", true},
	{"zero offset date-time", "a = 1979-05-27T07:32:00+00:00\n", true},
	{"offset date-time in an array", "a = [1979-05-27T07:32:00z]\n", true},
	// Lines that look like [[headers]] but are not: scanArrayTables must
	// see through strings, multi-line values, keys and comments.
	{"header text in multi-line strings", `[[event]]
a = """
[[event]]
\"""
[[event]]"""
b = '''
[[event]]
'''''
[[event]]
c = """x\\"""
[[event]]
d = """q\"""""
e = """
\
  [[event]]"""
f = '''x\'''
[[event]]
g = '''y\'''
`, false},
	{"header text in arrays", `true = [{}]
a = [
[[true]],
  "[[true]]", # [[true]] "
  '''
[[true]]''', """
[[true]]""",
]
[[t]]
`, false},
	{"header text in inline tables", `a = {
  b = [
[[1]]],
  c = """
[[a]]""", # }
}
[[event]]
`, false},
	{"header text in keys and comments", `"[[x]] = " = 1
'#[[y]]' = "\"[[z]]"
# [[w]]
[[v]] # [[u]]
[[ 'v' ]]
["[[s]]"]
[[ "\u0076" . w ]]
[[v.w]]
`, false},
	{"quotes and escapes in values and keys", `"a\"=[b" = ["\"]", '[[x]]', """x"""", '''y'''', """z""""", '''w''''', """\"""", 1]
"\\" = {k = "\\", "\"}" = "}"}
[[t]]
`, false},
	{"keys that hold = and quotes", `"\"" = 1
a = ["\"", 2]
'x=' = """
[[event]]
"""
"y=" = '''
[[event]]'''
'"b' = """
[[event]]"""
[[event]]
`, false},
	// BurntSushi carries what it saw at a path in one element of an array
	// over to the next; these go to BurntSushi, whose trees lose tables.
	{"inline array then dotted table in the next element", "[[a]]\nx = [1]\n[[a]]\nx.z = 2\nx.y = 1\n", true},
	{"inline array then table header in the next element", "[[a]]\nb = [{}]\n[[a]]\n[[a.b.c]]\n[a.b]\n", true},
	{"inline array then table in an inline array", "x = [{y = [1]}, {y.z = 1, y.w = 2}]\n", true},
	{"found by FuzzDecodeParity", "[a.b.c]\nx.b = 2\n[ a . b ]\nr = {\n s = [1] }\ne.f = [1]\n[[x]]\nt = 07:32\nb = [{}]\n[[x]]\nb.x = 1\nb.y = [{}]\n", true},
	{"inline array then array of tables in the next element", "[[a]]\nx = [1]\n[[a]]\n[[a.x]]\n[[a.x]]\n", false},
	// An empty key makes BurntSushi file its value's type under the
	// enclosing path; these go to BurntSushi, whose trees differ.
	{"empty key", `"" = 1` + "\n", true},
	{"empty key in an inline array", `a = [1, {"" = 0}]` + "\n", true},
	{"empty key in nested inline arrays", `a = [[{"" = 0}]]` + "\n", true},
	{"empty key holding an array", `x."" = [1]` + "\nx.y = 1\n", true},
	{"found by FuzzDecodeParity: empty key", `00= [{""=0}] `, true},
	{"event file", "# comment\n[[event]]\nid = \"2025-10-27-x\"\ndate = 2025-10-27\nend_date = 2025-10-28\ntitle = \"T\"\nkind = \"visit\"\ncountries = [\"AZE\", \"TUR\"]\nsummary = \"\"\"\nS\n\"\"\"\noutcomes = [\"a\", \"b\"]\n\n[[event.participants]]\nname = \"N\"\n\n[[event.sources]]\nurl = \"https://example.org/x\"\npublished = 2025-10-27\ncredibility = 3\n", false},
}

func TestDecodeDocShapes(t *testing.T) {
	for _, tc := range shapeCases {
		t.Run(tc.name, func(t *testing.T) {
			want, err := decodeReference([]byte(tc.src))
			if err != nil {
				t.Fatalf("BurntSushi rejects the case: %v", err)
			}
			got, ok := fastDecode([]byte(tc.src))
			if ok == tc.fallback {
				t.Fatalf("fast path taken: %v, want %v", ok, !tc.fallback)
			}
			if ok {
				if d := treeDiff("", got, want); d != "" {
					t.Fatal(d)
				}
			}
			got, err = decodeDoc([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if d := treeDiff("", got, want); d != "" {
				t.Fatal(d)
			}
		})
	}
}

// TestDecodeDocFallback checks files that go-toml rejects: the error is
// BurntSushi's, so messages and positions stay as they were.
func TestDecodeDocFallback(t *testing.T) {
	for _, src := range []string{
		"[[event]]\nid = \"e1\"\ndate =\n",
		"[[event]]\nid = \"a\"\nid = \"b\"\n",
		"a = 2025-13-45\n",
		"a = \"a\\qb\"\n",
		"[a]\n[a]\n",
		"a = [1, 2\n",
	} {
		_, ok := fastDecode([]byte(src))
		if ok {
			t.Errorf("%q: go-toml accepts it", src)
		}
		_, err := decodeDoc([]byte(src))
		_, want := decodeReference([]byte(src))
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("%q: error %v, want %v", src, err, want)
		}
		var pe, wpe toml.ParseError
		if !errors.As(err, &pe) || !errors.As(want, &wpe) || pe.Position != wpe.Position || pe.Message != wpe.Message {
			t.Errorf("%q: parse error %+v, want %+v", src, pe, wpe)
		}
	}
}

// TestDecodeDocCorpus decodes every event file the tests and the example
// use both ways.
func TestDecodeDocCorpus(t *testing.T) {
	for i, src := range parityCorpus(t) {
		if msg := parity(src); msg != "" {
			t.Errorf("corpus file %d: %s\n%s", i, msg, src)
		}
	}
}

// FuzzDecodeParity checks the fast decode against BurntSushi on arbitrary
// bytes: go-toml may reject more than BurntSushi (the loader then asks
// BurntSushi), but never accept a file BurntSushi rejects, and what it
// accepts must decode to BurntSushi's tree. Each input is also read as a
// list of lines from parityLines, as mutating bytes rarely makes the
// combinations of tables and keys where the two libraries differ.
//
//	go test ./pipeline -run '^$' -fuzz FuzzDecodeParity -fuzztime 5m
func FuzzDecodeParity(f *testing.F) {
	for _, src := range parityCorpus(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		hang := time.AfterFunc(10*time.Second, func() { panic("decode hangs") })
		defer hang.Stop()
		if msg := parity(src); msg != "" {
			t.Fatal(msg)
		}
		lines := fromParityLines(src)
		if msg := parity(lines); msg != "" {
			t.Fatalf("read as lines %q: %s", lines, msg)
		}
	})
}

// parityLines are TOML lines whose combinations define, extend and
// redefine tables, arrays of tables and inline arrays with few names.
var parityLines = [...]string{
	"[a]", "[a.b]", "[a.b.c]", "[b]", "[x]", "[a.x]", "[a.x.y]", "[a.b.x]", "[x.y]", "[ a . b ]", `["a"]`,
	"[[a]]", "[[a.b]]", "[[a.b.c]]", "[[b]]", "[[x]]", "[[a.x]]", "[[a.x.y]]", "[[a.b.x]]", "[[x.y]]", `[[ 'a' . "b" ]]`,
	"a = 1", "b = 2", "x = 3", `"a" = 5`, "a.b = 1", "a.b.c = 1", "b.x = 1", "x.y = 1", "x.b = 2", "x.y.z = 1", "y.x = 1", "'b'.c = 6",
	"a = {}", "b = {x = 1}", "x = {y.b = 1}", "x.y = {}", "e = {f = {g = 1}}", "e.f.h = 2",
	"a = []", "x = [1]", "y = [1]", "e.f = [1]", "b = [{}]", "x = [{y = 1}]", "a = [1, {}]", "x = [[{}]]", "b.y = [{}]",
	"x = [{y = [1]}]", "x = [{y.b = 1, y.c = 2}]", "b = [{x = []}, {x.y = 1}]", "p = {q = 1,\n}", "r = {\n s = [1] }",
	`"" = 1`, `x."" = [1]`, `a = [{"" = 0}]`, `[a.""]`,
	"d = 2025-01-01", "t = 07:32", "z = 1979-05-27T07:32:00+01:00", "f = 1.5", "g = -0.0",
	`m = """` + "\n[[a]]\n" + `"""`, "n = '''\n[a]'''", "o = [\n[[a]],\n]", "# [[a]]", "",
}

// fromParityLines makes a document of 1 to 12 lines of parityLines,
// picked at random with b as the seed: the lines are then spread evenly,
// whatever bytes the fuzzer tries.
func fromParityLines(b []byte) []byte {
	h := fnv.New64a()
	h.Write(b)
	r := rand.New(rand.NewPCG(h.Sum64(), 0))
	var doc []byte
	for n := 1 + r.IntN(12); n > 0; n-- {
		doc = append(doc, parityLines[r.IntN(len(parityLines))]...)
		doc = append(doc, '\n')
	}
	return doc
}

// parity compares decodeDoc and the fast path with BurntSushi on src, as
// parseEvents hands it over, and describes the first difference.
func parity(src []byte) string {
	if !utf8.Valid(src) {
		return "" // parseEvents reports it before decoding
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if msg := headerParity(src); msg != "" {
		return msg
	}
	want, wantErr := decodeReference(src)
	if fast, ok := fastDecode(src); ok {
		if wantErr != nil {
			return fmt.Sprintf("go-toml accepts what BurntSushi rejects: %v", wantErr)
		}
		if d := treeDiff("", fast, want); d != "" {
			return "fast path: " + d
		}
	}
	got, err := decodeDoc(src)
	switch {
	case (err == nil) != (wantErr == nil):
		return fmt.Sprintf("error %v, BurntSushi's %v", err, wantErr)
	case err != nil:
		var pe, wpe toml.ParseError
		if err.Error() != wantErr.Error() || errors.As(err, &pe) != errors.As(wantErr, &wpe) || pe.Position != wpe.Position || pe.Message != wpe.Message {
			return fmt.Sprintf("error %+v, BurntSushi's %+v", err, wantErr)
		}
	default:
		if d := treeDiff("", got, want); d != "" {
			return d
		}
	}
	return ""
}

// headerParity checks scanArrayTables against go-toml's parser on a
// document go-toml accepts.
func headerParity(src []byte) string {
	var doc map[string]any
	if gotoml.Unmarshal(src, &doc) != nil {
		return ""
	}
	var want [][]string
	var p unstable.Parser
	p.Reset(src)
	for p.NextExpression() {
		if e := p.Expression(); e.Kind == unstable.ArrayTable {
			var key []string
			for it := e.Key(); it.Next(); {
				key = append(key, string(it.Node().Data))
			}
			want = append(want, key)
		}
	}
	if err := p.Error(); err != nil {
		return fmt.Sprintf("go-toml's parser rejects what it decodes: %v", err)
	}
	var got [][]string
	ok := scanArrayTables(src, func(key [][]byte) bool {
		k := make([]string, len(key))
		for i, b := range key {
			k[i] = string(b)
		}
		got = append(got, k)
		return true
	})
	if !ok || !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("[[...]] headers scanned %q (ok %v), parsed %q", got, ok, want)
	}
	return ""
}

// parityCorpus is every event file of the tests and the example, the
// FuzzLoad corpus and the shape cases.
func parityCorpus(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, c := range loadCases {
		for _, name := range slices.Sorted(maps.Keys(c.files)) {
			if strings.HasSuffix(name, ".toml") && name != "config.toml" {
				out = append(out, []byte(c.files[name]))
			}
		}
	}
	for _, tc := range shapeCases {
		out = append(out, []byte(tc.src))
	}
	example, err := os.ReadFile(filepath.Join("..", "input", "example.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	out = append(out, example)
	for _, dir := range []string{filepath.Join("testdata", "broken", "input"), filepath.Join("testdata", "fuzz")} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if strings.HasPrefix(path, filepath.Join("testdata", "fuzz")) {
				src, err = fuzzCorpusBytes(src)
				if err != nil {
					return fmt.Errorf("%s: %v", path, err)
				}
			}
			out = append(out, src)
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// fuzzCorpusBytes reads the []byte value of a one-argument corpus file.
func fuzzCorpusBytes(file []byte) ([]byte, error) {
	_, v, ok := strings.Cut(strings.TrimSpace(string(file)), "\n")
	if !ok || !strings.HasPrefix(v, "[]byte(") || !strings.HasSuffix(v, ")") {
		return nil, errors.New("not a go test fuzz v1 []byte file")
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(v, "[]byte("), ")"))
	return []byte(s), err
}

// treeDiff describes the first difference between two decoded trees, or
// returns "". Types must match exactly; floats are compared bit by bit (NaN
// and -0 included); times must be equal in every field, with the very same
// zone for BurntSushi's local zones.
func treeDiff(path string, got, want any) string {
	if reflect.TypeOf(got) != reflect.TypeOf(want) {
		return fmt.Sprintf("%s: %T %#v, want %T %#v", path, got, got, want, want)
	}
	switch w := want.(type) {
	case map[string]any:
		g := got.(map[string]any)
		keys := map[string]bool{}
		for k := range g {
			keys[k] = true
		}
		for k := range w {
			keys[k] = true
		}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			gv, gok := g[k]
			wv, wok := w[k]
			if gok != wok {
				return fmt.Sprintf("%s.%q: present %v, want %v", path, k, gok, wok)
			}
			if d := treeDiff(path+"."+strconv.Quote(k), gv, wv); d != "" {
				return d
			}
		}
	case []any:
		g := got.([]any)
		if len(g) != len(w) || (g == nil) != (w == nil) {
			return fmt.Sprintf("%s: %d elements (nil %v), want %d (nil %v)", path, len(g), g == nil, len(w), w == nil)
		}
		for i := range w {
			if d := treeDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i]); d != "" {
				return d
			}
		}
	case []map[string]any:
		g := got.([]map[string]any)
		if len(g) != len(w) {
			return fmt.Sprintf("%s: %d tables, want %d", path, len(g), len(w))
		}
		for i := range w {
			if d := treeDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i]); d != "" {
				return d
			}
		}
	case float64:
		if math.Float64bits(got.(float64)) != math.Float64bits(w) {
			return fmt.Sprintf("%s: %v (%#x), want %v (%#x)", path, got, math.Float64bits(got.(float64)), w, math.Float64bits(w))
		}
	case time.Time:
		g := got.(time.Time)
		special := func(l *time.Location) bool {
			return l == bsLocalDate || l == bsLocalDatetime || l == bsLocalTime || l == time.Local || l == time.UTC
		}
		// == compares the instant, the wall clock and the zone pointer;
		// two fixed zones made apart are equal when they are alike.
		if g != w && (special(g.Location()) || special(w.Location()) || !reflect.DeepEqual(g, w)) {
			return fmt.Sprintf("%s: %v (%p %q), want %v (%p %q)", path, g, g.Location(), g.Location(), w, w.Location(), w.Location())
		}
	default:
		if got != want {
			return fmt.Sprintf("%s: %#v, want %#v", path, got, want)
		}
	}
	return ""
}

// BenchmarkDecodeDoc is BenchmarkDecode through the loader's decoder:
// go-toml, with BurntSushi's tree, every file one after the other.
func BenchmarkDecodeDoc(b *testing.B) {
	benchDecode(b, func(src []byte) error {
		_, err := decodeDoc(src)
		return err
	})
}
