package bench

import (
	"io"

	"sigs.k8s.io/kustomize/kyaml/kio"
)

// Floor parses every document of a manifest stream with kyaml and serialises it again, which
// is the least a tool that edits the stream through a YAML tree does. It is the baseline
// camunda-entra is measured against, in process by the benchmarks and as the command
// bench/floor by bench/compare.sh.
func Floor(r io.Reader, w io.Writer) error {
	rw := &kio.ByteReadWriter{Reader: r, Writer: w, PreserveSeqIndent: true}
	return kio.Pipeline{Inputs: []kio.Reader{rw}, Outputs: []kio.Writer{rw}}.Execute()
}
