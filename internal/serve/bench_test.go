package serve

// The rebuild benchmark of issue #19: one file of a generated archive
// edited, and the time until the server holds the build with the edit
// (the page's event stream is told at that moment), watcher and debounce
// included. By default it runs on the 2,000-event archive, so that CI's
// -benchtime=1x stays fast; BRIEFING_BENCH_LARGE=1 adds the 10,000-event
// one the target is for:
//
//	BRIEFING_BENCH_LARGE=1 go test -run '^$' -bench EditToServed -benchtime=10x ./internal/serve

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/internal/benchdata"
)

func BenchmarkEditToServed(b *testing.B) {
	sizes := []int{2_000}
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		sizes = append(sizes, 10_000)
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n)+"-events", func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "a")
			if out, err := exec.Command("cp", "-R", benchdata.Archive(b, n), dir).CombinedOutput(); err != nil {
				b.Fatalf("copying the archive: %v\n%s", err, out)
			}
			// The archive ends on 2025-10-26: its last week, the weekly
			// briefing staff would be writing.
			s := newServer(b, filepath.Join(dir, "config.toml"), "2025-W43", io.Discard)
			s.opt.Debounce = 100 * time.Millisecond // serve's default
			first := s.Rebuild()
			if len(first.Problems) > 0 {
				b.Fatalf("problems: %q", first.Problems[:1])
			}
			file := filepath.Join(dir, "input", "2025", "week-43.toml")
			src, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			builds := s.subscribe()
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error)
			go func() { done <- s.Watch(ctx) }()
			defer func() { cancel(); <-done }()
			time.Sleep(200 * time.Millisecond) // the watches are set up
			var took []time.Duration
			b.ResetTimer()
			for i := range b.N {
				edited := strings.Replace(string(src), `title = "`, `title = "Edit `+strconv.Itoa(i)+`: `, 1)
				start := time.Now()
				if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
					b.Fatal(err)
				}
				select {
				case <-builds:
				case <-time.After(30 * time.Second):
					b.Fatal("no rebuild within 30 s")
				}
				took = append(took, time.Since(start))
				if cur := s.Current(); len(cur.Problems) > 0 || cur.Stale || cur.PDF.Seq != cur.Seq {
					b.Fatalf("build %d: problems %q", cur.Seq, cur.Problems)
				}
			}
			b.StopTimer()
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "ms-max")
			b.ReportMetric(float64(s.cache.Hits()), "files-cached")
		})
	}
}
