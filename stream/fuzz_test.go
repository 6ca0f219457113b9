package stream

import (
	"bytes"
	"testing"

	"github.com/camunda-entra/camunda-entra/internal/golden"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// FuzzSplit checks that any stream Split accepts comes back byte for byte from Join, that its
// documents are mappings, and that serialising every document gives a stream that splits again
// into as many objects.
func FuzzSplit(f *testing.F) {
	golden.Seed(f, "../testdata/fixtures/camunda-8.8/*.yaml", "../testdata/corpus/*/input.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Split(data)
		if err != nil {
			return
		}
		out, err := Join(docs)
		if err != nil {
			t.Fatalf("Join of unchanged documents: %v", err)
		}
		if !bytes.Equal(out, data) {
			t.Fatalf("round trip changed the stream:\n got %q\nwant %q", out, data)
		}
		for _, d := range docs {
			if d.Node != nil && d.Node.YNode().Kind != yaml.MappingNode {
				t.Fatalf("%s: parsed as kind %v, not a mapping", d.Name(), d.Node.YNode().Kind)
			}
			d.Changed = true
		}
		checkSerialised(t, docs)
	})
}

// checkSerialised joins documents marked changed and splits the result again.
func checkSerialised(t *testing.T, docs []*Document) {
	t.Helper()
	want := len(Nodes(docs))
	out, err := Join(docs)
	if err != nil {
		return // a node the encoder refuses; Join reports it as an error, which is enough
	}
	again, err := Split(out)
	if err != nil {
		t.Fatalf("serialised stream does not split: %v\n%s", err, out)
	}
	if got := len(Nodes(again)); got != want {
		t.Fatalf("serialised stream has %d objects, want %d:\n%s", got, want, out)
	}
}

// FuzzRead checks that reading a stream in small blocks cuts it as Cut does with the whole
// text.
func FuzzRead(f *testing.F) {
	golden.Seed(f, "../testdata/corpus/*/input.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := Cut(data)
		if err != nil {
			return
		}
		got, err := read(bytes.NewReader(data), 8)
		if err != nil {
			t.Fatalf("Cut takes the stream, read fails: %v", err)
		}
		if a, b := describe(got), describe(want); a != b {
			t.Fatalf("read cut\n%s\nCut cut\n%s", a, b)
		}
	})
}
