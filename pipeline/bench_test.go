package pipeline

// Benchmarks of the domain stages (issue #7): load (and its two halves,
// decode and validate), normalize and aggregate, on archives written by
// cmd/eventgen. By default they use a small archive of 2,000 events so that
//
//	go test -run '^$' -bench . -benchtime=1x ./...
//
// stays fast in CI; BRIEFING_BENCH_LARGE=1 adds the 10,000 and 100,000
// event archives of scripts/bench.sh. Archives are generated once into
// $BENCH_DIR (default $TMPDIR/briefing-bench) and reused.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-tool/briefing/internal/benchdata"

	"github.com/BurntSushi/toml"

	"github.com/briefing-tool/briefing/pipeline/period"
)

// benchSizes are the archive sizes the benchmarks run on.
func benchSizes() []int {
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		return []int{2_000, 10_000, 100_000}
	}
	return []int{2_000}
}

// benchConfig loads the archive's config.
func benchConfig(tb testing.TB, n int) *Config {
	tb.Helper()
	cfg, err := LoadConfig(filepath.Join(benchdata.Archive(tb, n), "config.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

// benchFile is one input file's bytes.
type benchFile struct {
	path string
	src  []byte
}

func benchFiles(tb testing.TB, cfg *Config) (files []benchFile, total int64) {
	tb.Helper()
	var errs ErrorList
	for _, p := range matchInputs(cfg, &errs) {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, benchFile{p, src})
		total += int64(len(src))
	}
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	return files, total
}

func eachSize(b *testing.B, fn func(b *testing.B, n int)) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) { fn(b, n) })
	}
}

// BenchmarkLoad is the whole load stage: glob, read, hash, decode and
// validate every file in parallel, check ids across files.
func BenchmarkLoad(b *testing.B) {
	eachSize(b, func(b *testing.B, n int) {
		cfg := benchConfig(b, n)
		_, total := benchFiles(b, cfg)
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecode is BurntSushi's share of load as it was before the
// go-toml fast path (BenchmarkDecodeDoc): every file decoded into the TOML
// tree, one after the other.
func BenchmarkDecode(b *testing.B) {
	benchDecode(b, func(src []byte) error {
		var doc map[string]any
		_, err := toml.Decode(string(src), &doc)
		return err
	})
}

// benchDecode decodes every file of each size's archive with decode, one
// after the other.
func benchDecode(b *testing.B, decode func([]byte) error) {
	eachSize(b, func(b *testing.B, n int) {
		files, total := benchFiles(b, benchConfig(b, n))
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				if err := decode(f.src); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkCheckBytes is what every file goes through before decoding:
// the UTF-8 and nesting checks (checkBytes).
func BenchmarkCheckBytes(b *testing.B) {
	benchDecode(b, func(src []byte) error { return checkBytes("f.toml", src).Err() })
}

// BenchmarkParse is decode plus validation (positions, field checks,
// Event values) of every file, one after the other: parseEvents.
func BenchmarkParse(b *testing.B) {
	eachSize(b, func(b *testing.B, n int) {
		cfg := benchConfig(b, n)
		files, total := benchFiles(b, cfg)
		countries := cfg.CountryTable()
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				if _, errs := parseEvents(f.path, f.src, countries); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		}
	})
}

// cloneEvents copies what Normalize changes in place.
func cloneEvents(evs []*Event) []*Event {
	out := make([]*Event, len(evs))
	for i, e := range evs {
		c := *e
		c.Participants = append([]Participant(nil), e.Participants...)
		c.FocusAreas = append([]string(nil), e.FocusAreas...)
		out[i] = &c
	}
	return out
}

// BenchmarkNormalize is people and focus areas over every loaded event.
func BenchmarkNormalize(b *testing.B) {
	eachSize(b, func(b *testing.B, n int) {
		cfg := benchConfig(b, n)
		ds, err := Load(cfg)
		if err != nil {
			b.Fatal(err)
		}
		// Normalize works in place: each run gets its own copy, made
		// before the clock starts.
		copies := make([]*Dataset, b.N)
		for i := range copies {
			copies[i] = &Dataset{Events: cloneEvents(ds.Events), Inputs: ds.Inputs}
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			Normalize(cfg, copies[i])
			copies[i] = nil
		}
	})
}

// BenchmarkAggregate is the report of the workloads' periods.
func BenchmarkAggregate(b *testing.B) {
	eachSize(b, func(b *testing.B, n int) {
		cfg := benchConfig(b, n)
		ds, err := Load(cfg)
		if err != nil {
			b.Fatal(err)
		}
		Normalize(cfg, ds)
		for _, spec := range []string{"latest-week", "2024", "all"} {
			b.Run("period="+spec, func(b *testing.B) {
				p, err := period.Parse(spec, period.Context{Today: period.Date(2025, 10, 27), Latest: LatestHeld(ds.Events)})
				if err != nil {
					b.Fatal(err)
				}
				opt := AggregateOptions{Period: p, GeneratedAt: time.Date(2025, 10, 27, 9, 0, 0, 0, time.UTC), Version: "bench"}
				b.ReportAllocs()
				for b.Loop() {
					Aggregate(cfg, ds, opt)
				}
			})
		}
	})
}

// BenchmarkLoadConfig reads the shipped example's config.toml, and a copy
// with values of the wrong type, which LoadConfig reports and drops.
func BenchmarkLoadConfig(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "config.toml"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, c := range []struct{ name, src string }{
		{"example", string(src)},
		{"type errors", strings.NewReplacer(`per_pair = false`, `per_pair = "no"`, `max_events = 20`, `max_events = "20"`).Replace(string(src))},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".toml")
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cfg, err := LoadConfig(path)
				if cfg == nil || (err == nil) != (c.name == "example") {
					b.Fatalf("LoadConfig: %v", err)
				}
			}
		})
	}
}

// BenchmarkEdition makes a report's edition (every covered event's
// digests) and compares it with itself, as build's compare stage does
// with an unchanged previous edition: both linear in the events.
func BenchmarkEdition(b *testing.B) {
	eachSize(b, func(b *testing.B, n int) {
		cfg := benchConfig(b, n)
		ds, err := Load(cfg)
		if err != nil {
			b.Fatal(err)
		}
		Normalize(cfg, ds)
		for _, spec := range []string{"latest-week", "2024"} {
			p, err := period.Parse(spec, period.Context{Today: period.Date(2025, 10, 27), Latest: LatestHeld(ds.Events)})
			if err != nil {
				b.Fatal(err)
			}
			r := Aggregate(cfg, ds, AggregateOptions{Period: p})
			b.Run("period="+spec+"/new", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					NewEdition(r, ds.Events)
				}
			})
			ed := NewEdition(r, ds.Events)
			b.Run("period="+spec+"/compare", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Compare(ed, ed)
				}
			})
		}
	})
}
