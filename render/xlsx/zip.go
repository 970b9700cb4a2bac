package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// zipWriter is the excelize.ZipWriter Render plugs into excelize. It makes
// the package reproducible and adds what excelize's stream writer cannot:
//
//   - excelize writes streamed sheets in map order; entries here are sorted
//     by name ([Content_Types].xml first, as Office writes it) and carry a
//     fixed timestamp;
//   - excelize adds [Content_Types].xml Default entries in map order once
//     the workbook has a chart; they are sorted here;
//   - a worksheet gets the rows rows.go writes, and with hyperlinks its
//     <hyperlinks> element and their relationships, linearly (excelize's
//     SetCellHyperLink rescans every earlier link and relationship, which
//     is quadratic in a large sheet).
//
// Entries are deflated as they arrive, so only the compressed workbook is
// held in memory; the few small parts that are edited are kept raw until
// Close. excelize writes the parts one after the other when it saves, and
// deflating them was a third of a large workbook's time on one CPU: each
// part is cut into chunks of chunkSize bytes, deflated in parallel (as
// pigz does). The chunks' boundaries depend only on the bytes, so the
// output does not depend on the scheduling.
type zipWriter struct {
	jobs    map[string]*sheetJob // worksheet part name → its rows and hyperlinks
	out     io.Writer
	entries []*entry
	slots   chan struct{} // one per chunk being deflated
}

func newZipWriter() *zipWriter {
	return &zipWriter{jobs: map[string]*sheetJob{}, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// chunkSize is the size of the pieces a part is deflated in. Each starts
// without the previous one's window, which costs about 1 % of the size
// at 1 MiB; smaller pieces would cost more, larger ones leave a CPU idle
// on a part of a few megabytes.
const chunkSize = 1 << 20

// chunk is a piece of an entry, deflated on its own goroutine.
type chunk struct {
	comp bytes.Buffer
	err  error
	done chan struct{}
}

var (
	flateWriters = sync.Pool{New: func() any {
		fw, _ := flate.NewWriter(nil, deflateLevel) // the level is valid
		return fw
	}}
	chunkBufs = sync.Pool{New: func() any { b := make([]byte, 0, chunkSize); return &b }}
)

// submit deflates raw (a chunkBufs buffer) beside the caller, waiting for
// a free slot first so that at most GOMAXPROCS chunks are held raw. The
// last chunk of an entry ends the deflate stream; the others end with a
// sync flush, at a byte boundary, so that the next one's blocks follow.
func (e *entry) submit(raw *[]byte, last bool) {
	c := &chunk{done: make(chan struct{})}
	e.chunks = append(e.chunks, c)
	e.z.slots <- struct{}{}
	go func() {
		defer func() {
			if cap(*raw) >= chunkSize {
				chunkBufs.Put(raw)
			}
			<-e.z.slots
			close(c.done)
		}()
		fw := flateWriters.Get().(*flate.Writer)
		defer flateWriters.Put(fw)
		fw.Reset(&c.comp)
		if _, c.err = fw.Write(*raw); c.err != nil {
			return
		}
		if last {
			c.err = fw.Close()
		} else {
			c.err = fw.Flush()
		}
	}()
}

// bind is the factory excelize.File.SetZipWriter wants.
func (z *zipWriter) bind(w io.Writer) excelize.ZipWriter {
	z.out, z.entries = w, nil
	return z
}

// entry is one part of the package.
type entry struct {
	z      *zipWriter
	name   string
	crc    hash.Hash32
	size   uint64
	buf    *[]byte       // the chunk being filled
	chunks []*chunk      // deflated or being deflated, in order
	raw    *bytes.Buffer // parts edited at Close
	inj    *injector     // worksheets that get rows or hyperlinks
}

func (z *zipWriter) Create(name string) (io.Writer, error) {
	e := &entry{z: z, name: name, crc: crc32.NewIEEE()}
	if name == contentTypesPart || strings.HasPrefix(name, "xl/worksheets/_rels/") && z.jobs[sheetPartOf(name)] != nil {
		e.raw = &bytes.Buffer{}
	} else if job := z.jobs[name]; job != nil {
		e.inj = &injector{w: writerFunc(e.deflate), marker: []byte("</sheetData>"), before: job.rows, links: &job.links}
	}
	z.entries = append(z.entries, e)
	return e, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it.
func (z *zipWriter) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }

func (e *entry) Write(p []byte) (int, error) {
	switch {
	case e.raw != nil:
		return e.raw.Write(p)
	case e.inj != nil:
		return e.inj.Write(p)
	}
	return e.deflate(p)
}

func (e *entry) deflate(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	n := len(p)
	for len(p) > 0 {
		if e.buf == nil {
			e.buf = e.newBuf(len(p))
		}
		k := min(len(p), chunkSize-len(*e.buf))
		*e.buf = append(*e.buf, p[:k]...)
		p = p[k:]
		if len(*e.buf) == chunkSize {
			e.submit(e.buf, false)
			e.buf = nil
		}
	}
	return n, nil
}

// newBuf returns the buffer of a new chunk: a pooled one of chunkSize
// bytes once the part has filled a chunk, else a small one that grows,
// since most parts are a few kilobytes and all are held until Close.
func (e *entry) newBuf(n int) *[]byte {
	if len(e.chunks) > 0 {
		b := chunkBufs.Get().(*[]byte)
		*b = (*b)[:0]
		return b
	}
	b := make([]byte, 0, min(chunkSize, max(n, 4096)))
	return &b
}

// close deflates the rest of the entry as its last chunk (an empty one
// when the size is a multiple of chunkSize: it ends the stream) and waits
// for every chunk.
func (e *entry) close() (compressed uint64, err error) {
	if e.buf == nil {
		e.buf = e.newBuf(0)
	}
	e.submit(e.buf, true)
	e.buf = nil
	for _, c := range e.chunks {
		<-c.done
		if c.err != nil && err == nil {
			err = c.err
		}
		compressed += uint64(c.comp.Len())
	}
	return compressed, err
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

const contentTypesPart = "[Content_Types].xml"

// deflateLevel trades a little size for time: measured on 100,000 events,
// level 3 writes in 3.3 s instead of 4.4 s at level 6 (the default), for a
// workbook of 21.2 MB instead of 18.5 MB.
const deflateLevel = 3

const (
	// dosDate1980 (1980-01-01, the earliest a zip can record) dates every
	// entry; when the workbook was generated is in docProps/core.xml.
	dosDate1980 = 1<<5 | 1
	zipVersion  = 20 // 2.0: deflate
)

// Close finishes every entry, applies the edits and writes the package.
func (z *zipWriter) Close() error {
	seen := map[string]bool{}
	for _, e := range z.entries {
		seen[e.name] = true
	}
	// A linked sheet without relationships yet gets a part of its own.
	for sheet, job := range z.jobs {
		if !seen[sheet] {
			return fmt.Errorf("xlsx: rows or hyperlinks for %s, which was not written", sheet)
		}
		if rels := relsPartOf(sheet); !seen[rels] && len(job.links) > 0 {
			w, err := z.Create(rels)
			if err != nil {
				return err
			}
			io.WriteString(w, emptyRels)
		}
	}
	for _, e := range z.entries {
		if err := z.finish(e); err != nil {
			return fmt.Errorf("xlsx: %s: %w", e.name, err)
		}
	}
	// Every chunk is submitted; wait for them all, so that an error
	// below leaves no goroutine behind.
	sizes := make(map[*entry]uint64, len(z.entries))
	var errs []error
	for _, e := range z.entries {
		n, err := e.close()
		if err != nil {
			errs = append(errs, fmt.Errorf("xlsx: %s: %w", e.name, err))
		}
		sizes[e] = n
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	sort.Slice(z.entries, func(i, j int) bool {
		a, b := z.entries[i].name, z.entries[j].name
		if (a == contentTypesPart) != (b == contentTypesPart) {
			return a == contentTypesPart
		}
		return a < b
	})
	zw := zip.NewWriter(z.out)
	for _, e := range z.entries {
		// The entries are deflated already, so they go in raw; CreateRaw
		// ignores FileHeader.Modified, hence the MS-DOS date field.
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               e.name,
			Method:             zip.Deflate,
			CreatorVersion:     zipVersion,
			ReaderVersion:      zipVersion,
			CRC32:              e.crc.Sum32(),
			CompressedSize64:   sizes[e],
			UncompressedSize64: e.size,
			//lint:ignore SA1019 CreateRaw ignores Modified, its replacement; a fixed date keeps the bytes reproducible
			ModifiedDate: dosDate1980,
		})
		if err != nil {
			return err
		}
		for _, c := range e.chunks {
			if _, err := w.Write(c.comp.Bytes()); err != nil {
				return err
			}
		}
		e.chunks = nil // let them go while the rest is copied
	}
	return zw.Close()
}

// finish applies an entry's edit; close completes its deflate stream.
func (z *zipWriter) finish(e *entry) error {
	switch {
	case e.raw != nil:
		b := e.raw.Bytes()
		var err error
		if e.name == contentTypesPart {
			b, err = sortContentTypes(b)
		} else {
			if ls := z.jobs[sheetPartOf(e.name)].links; len(ls) > 0 {
				b, err = addLinkRels(b, ls)
			}
		}
		if err != nil {
			return err
		}
		if _, err := e.deflate(b); err != nil {
			return err
		}
	case e.inj != nil:
		if err := e.inj.Close(); err != nil {
			return err
		}
	}
	return nil
}

// relsPartOf returns the relationships part of a worksheet part:
// xl/worksheets/sheet3.xml → xl/worksheets/_rels/sheet3.xml.rels.
func relsPartOf(sheet string) string {
	i := strings.LastIndexByte(sheet, '/')
	return sheet[:i+1] + "_rels/" + sheet[i+1:] + ".rels"
}

// sheetPartOf is the inverse of relsPartOf.
func sheetPartOf(rels string) string {
	dir, file, _ := strings.Cut(rels, "_rels/")
	return dir + strings.TrimSuffix(file, ".rels")
}
