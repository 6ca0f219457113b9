package stream

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/camunda-entra/camunda-entra/internal/parallel"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Join writes the documents back as one stream: unchanged documents byte for byte, changed
// ones serialised in the sequence indentation they arrived with. The changed documents get
// their new text as Replace gives it.
func Join(docs []*Document) ([]byte, error) {
	if err := commitAll(docs); err != nil {
		return nil, err
	}
	// One allocation of the exact size: a growing buffer would hold the stream up to three
	// times over while it copies.
	out := make([]byte, 0, Size(docs))
	for _, d := range docs {
		out = append(append(out, d.Marker...), d.Body...)
	}
	return out, nil
}

// Write is Join for a caller that streams the result: it serialises the changed documents
// first, so that nothing is written when one of them fails, and then writes each document to
// w without building the stream in memory.
func Write(w io.Writer, docs []*Document) error {
	if err := commitAll(docs); err != nil {
		return err
	}
	out := bufio.NewWriterSize(w, 1<<16)
	for _, d := range docs {
		out.Write(d.Marker)
		out.Write(d.Body)
	}
	return out.Flush()
}

// commitAll replaces the text of every changed document by its serialised node.
func commitAll(docs []*Document) error {
	return parallel.Do(len(docs), func(i int) error {
		d := docs[i]
		if !d.Changed || d.Node == nil {
			return nil
		}
		return d.Replace(d.Node)
	})
}

// Replace makes node the document's text: a plain marker, if the document had one, and the
// node serialised in the sequence indentation style the document had. The tree is dropped
// and the document no longer counts as changed, so that Join and Write write the new text.
func (d *Document) Replace(node *yaml.RNode) error {
	text, err := yaml.MarshalWithOptions(node.Document(), &yaml.EncoderOptions{
		SeqIndent: yaml.SequenceIndentStyle(yaml.DeriveSeqIndentStyle(string(d.Body))),
	})
	if err != nil {
		return fmt.Errorf("failed to serialise %s: %w", d.Name(), err)
	}
	if d.Marker != nil {
		d.Marker = []byte("---\n")
	}
	d.Body, d.Node, d.Changed = text, nil, false
	return nil
}

// Size returns the length of the stream the documents make.
func Size(docs []*Document) int {
	size := 0
	for _, d := range docs {
		size += len(d.Marker) + len(d.Body)
	}
	return size
}

// Blank reports whether the documents hold nothing but white space, comments and markers.
func Blank(docs []*Document) bool {
	for _, d := range docs {
		if !isBlank(d.Body) || len(bytes.TrimSpace(d.Marker)) > 3 {
			return false
		}
	}
	return true
}
