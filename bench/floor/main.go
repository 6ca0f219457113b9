// Command floor copies a manifest stream from stdin to stdout through kyaml: every document
// parsed and serialised again, and nothing else. It is the floor bench/compare.sh measures
// camunda-entra against.
package main

import (
	"fmt"
	"os"

	"github.com/camunda-entra/camunda-entra/bench"
)

func main() {
	if err := bench.Floor(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
}
