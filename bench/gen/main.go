// Command gen writes a generated manifest stream of a chosen size to stdout: a rendered Camunda
// release repeated as many releases, mixed with documents of other kinds (see package bench).
//
//	go run ./bench/gen -size 10M > /tmp/stream-10M.yaml
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/camunda-entra/camunda-entra/bench"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	render := fs.String("render", bench.RenderPath, "the rendered release `file` to repeat")
	size := fs.String("size", "1M", "the stream's size in bytes, with an optional K or M suffix "+
		"(powers of 1024)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	n, err := parseSize(*size)
	if err != nil {
		return fmt.Errorf("-size: %w", err)
	}
	text, err := os.ReadFile(*render)
	if err != nil {
		return fmt.Errorf("failed to read -render: %w", err)
	}
	g, err := bench.NewGenerator(text)
	if err != nil {
		return fmt.Errorf("-render %q: %w", *render, err)
	}
	_, err = os.Stdout.Write(g.Stream(n))
	return err
}

// parseSize reads a byte count such as 1048576, 512K or 100M.
func parseSize(s string) (int, error) {
	unit := 1
	switch {
	case strings.HasSuffix(s, "K"):
		unit, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		unit, s = 1<<20, strings.TrimSuffix(s, "M")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("want a byte count such as 100M, got %q", s)
	}
	return n * unit, nil
}
