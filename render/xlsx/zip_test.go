package xlsx

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"
)

// TestZipChunks writes parts of sizes around chunkSize through zipWriter,
// in writes of different lengths: archive/zip reads every part back
// whole (so the chunks' deflate streams join), and the package's bytes do
// not depend on how the writes were cut.
func TestZipChunks(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"<row r=\"", "\"><c r=\"A", "\" t=\"inlineStr\"><is><t>", "Tbilisi", "Baku", "</t></is></c>", "</row>"}
	var parts [][]byte
	for _, n := range []int{0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 12345} {
		var b bytes.Buffer
		for b.Len() < n {
			fmt.Fprintf(&b, "%s%d", words[rng.Intn(len(words))], rng.Intn(1000))
		}
		parts = append(parts, b.Bytes()[:n])
	}
	write := func(step int) []byte {
		var out bytes.Buffer
		z := newZipWriter()
		z.bind(&out)
		for i, p := range parts {
			w, err := z.Create(fmt.Sprintf("xl/part%d.xml", i))
			if err != nil {
				t.Fatal(err)
			}
			for len(p) > 0 {
				k := min(step, len(p))
				if _, err := w.Write(p[:k]); err != nil {
					t.Fatal(err)
				}
				p = p[k:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	want := write(1 << 30)
	files, got := unzip(t, want)
	if len(files) != len(parts) {
		t.Fatalf("%d entries, want %d", len(files), len(parts))
	}
	for i, p := range parts {
		if g := got[fmt.Sprintf("xl/part%d.xml", i)]; !bytes.Equal(g, p) {
			t.Errorf("part %d: read back %d bytes, wrote %d", i, len(g), len(p))
		}
	}
	for _, step := range []int{1 << 12, 65537, chunkSize + 7} {
		if b := write(step); !bytes.Equal(b, want) {
			t.Errorf("writes of %d bytes give other bytes than one write", step)
		}
	}
}
