package bench

import (
	"bytes"
	"io"
	"math"
	"os"
	"runtime/debug"
	"sync"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/cli"
	"github.com/camunda-entra/camunda-entra/postrender"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
)

// inputs are the streams every benchmark reads: the render itself, then generated streams.
var inputs = []struct {
	name string
	size int // 0 for the render as it is
}{
	{"render", 0},
	{"1MB", 1 << 20},
	{"10MB", 10 << 20},
	{"100MB", 100 << 20},
}

var streams sync.Map // size → []byte, made once per test binary

// input returns the stream of a size, generating it on first use.
func input(b *testing.B, size int) []byte {
	b.Helper()
	if s, ok := streams.Load(size); ok {
		return s.([]byte)
	}
	render, err := os.ReadFile("../" + RenderPath)
	if err != nil {
		b.Fatal(err)
	}
	s := render
	if size > 0 {
		g, err := NewGenerator(render)
		if err != nil {
			b.Fatal(err)
		}
		s = g.Stream(size)
	}
	streams.Store(size, s)
	return s
}

func loadConfig(b *testing.B) *config.Config {
	b.Helper()
	cfg, err := config.LoadFile("../" + ConfigPath)
	if err != nil {
		b.Fatal(err)
	}
	return cfg
}

// each runs fn as a sub-benchmark on every input, counting the input's bytes.
func each(b *testing.B, fn func(b *testing.B, in []byte)) {
	for _, tc := range inputs {
		b.Run(tc.name, func(b *testing.B) {
			in := input(b, tc.size)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			b.ResetTimer()
			fn(b, in)
		})
	}
}

// BenchmarkFloor parses and serialises every document with kyaml: the baseline.
func BenchmarkFloor(b *testing.B) {
	each(b, func(b *testing.B, in []byte) {
		for b.Loop() {
			if err := Floor(bytes.NewReader(in), io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSplit measures the stream splitter alone.
func BenchmarkSplit(b *testing.B) {
	each(b, func(b *testing.B, in []byte) {
		for b.Loop() {
			if _, err := stream.Split(in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkApply measures the transform alone, on documents split afresh for each run.
func BenchmarkApply(b *testing.B) {
	cfg := loadConfig(b)
	each(b, func(b *testing.B, in []byte) {
		for b.Loop() {
			b.StopTimer()
			docs, err := stream.SplitKeep(in, transform.Reads)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := transform.Apply(stream.Nodes(docs), cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// skipRefused skips an input larger than Rewrite and the command accept.
func skipRefused(b *testing.B, in []byte) {
	b.Helper()
	if len(in) > postrender.MaxInput {
		b.Skipf("%d bytes is over postrender.MaxInput; BenchmarkPipeline measures it", len(in))
	}
}

// BenchmarkRewrite measures the library path: split, transform, join.
func BenchmarkRewrite(b *testing.B) {
	cfg := loadConfig(b)
	each(b, func(b *testing.B, in []byte) {
		skipRefused(b, in)
		for b.Loop() {
			if _, _, err := postrender.Rewrite(in, cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCommand measures the post-render command as a process runs it, from loading the
// config file to writing stdout, without the process start.
func BenchmarkCommand(b *testing.B) {
	args := []string{"post-render", "--config", "../" + ConfigPath}
	each(b, func(b *testing.B, in []byte) {
		skipRefused(b, in)
		// The command sets the memory limit of the process for the size of its input.
		b.Cleanup(func() { debug.SetMemoryLimit(math.MaxInt64) })
		for b.Loop() {
			var stderr bytes.Buffer
			code := cli.Run("bench", args, cli.Streams{
				Stdin: bytes.NewReader(in), Stdout: io.Discard, Stderr: &stderr,
				Getenv: func(string) string { return "" },
			})
			if code != cli.ExitOK {
				b.Fatalf("exit %d: %s", code, stderr.String())
			}
		}
	})
}

// BenchmarkWholeStream measures the transform handed the trees of the whole stream at once,
// as the KRM function and Rewrite on a small stream do it: split, transform, join. Rewrite
// and the command transform a large stream one unit of releases at a time instead.
func BenchmarkWholeStream(b *testing.B) {
	cfg := loadConfig(b)
	each(b, func(b *testing.B, in []byte) {
		for b.Loop() {
			docs, err := stream.SplitKeep(in, transform.Reads)
			if err != nil {
				b.Fatal(err)
			}
			report, err := transform.Apply(stream.Nodes(docs), cfg)
			if err != nil {
				b.Fatal(err)
			}
			for _, d := range docs {
				d.Changed = d.Node != nil && report.Changed(d.Node)
			}
			if _, err := stream.Join(docs); err != nil {
				b.Fatal(err)
			}
		}
	})
}
