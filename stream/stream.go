// Package stream splits a multi-document YAML manifest stream into documents that keep their
// exact bytes, and joins them again.
//
// A document that nobody changes comes out exactly as it went in, comments, blank lines and
// trailing spaces included. Only a document marked as changed is serialised again, in the
// sequence indentation style it arrived with:
//
//	---
//	# Source: camunda-platform/templates/identity/deployment.yaml   <- kept
//	apiVersion: apps/v1
//	kind: Deployment
//	...
//
// Documents are separated by lines that start with "---" followed by the end of the line, a
// space or a tab, as YAML defines document markers; such a line ends any block scalar, so the
// split never needs a parser.
package stream

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Document is one document of a stream.
type Document struct {
	// Index counts the documents of the stream from 0.
	Index int
	// Marker is the "---" line that opened the document, with its line end; empty for a first
	// document without one.
	Marker []byte
	// Body is the text after the marker line, up to the next marker.
	Body []byte
	// Node is the parsed document; nil when the body holds nothing but comments and blanks.
	Node *yaml.RNode
	// Changed asks Join to serialise Node instead of writing Body back.
	Changed bool
}

var sourceComment = regexp.MustCompile(`(?m)^# Source: (.+?)\s*$`)

// Name identifies the document in messages: its index and, where known, the Helm template it
// came from or its kind and name.
func (d *Document) Name() string {
	if m := sourceComment.FindSubmatch(d.Body); m != nil {
		return fmt.Sprintf("document %d (%s)", d.Index, m[1])
	}
	if d.Node == nil {
		return fmt.Sprintf("document %d", d.Index)
	}
	if file := d.Node.GetAnnotations()[helmFileAnnotation]; file != "" {
		return fmt.Sprintf("document %d (%s)", d.Index, file)
	}
	id := strings.Trim(d.Node.GetKind()+"/"+d.Node.GetName(), "/")
	if id == "" {
		return fmt.Sprintf("document %d", d.Index)
	}
	return fmt.Sprintf("document %d (%s)", d.Index, id)
}

// helmFileAnnotation is how Helm 4 tells a post-renderer which template a document came from.
const helmFileAnnotation = "postrenderer.helm.sh/postrender-filename"

// Split cuts a stream into documents and parses each one. A document that is not valid YAML,
// or that is a scalar or a sequence instead of a mapping, is an error naming the document.
func Split(data []byte) ([]*Document, error) {
	var docs []*Document
	for i, seg := range segments(data) {
		d := &Document{Index: i, Marker: seg[0], Body: seg[1]}
		if err := d.parse(); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// segments returns [marker, body] pairs. Text before the first marker is a document of its
// own unless it is empty.
func segments(data []byte) [][2][]byte {
	var out [][2][]byte
	var marker []byte
	start := 0
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		next := len(data)
		if end >= 0 {
			next = pos + end + 1
		}
		if isMarker(data[pos:next]) {
			if pos > start || marker != nil {
				out = append(out, [2][]byte{marker, data[start:pos]})
			}
			marker, start = data[pos:next], next
		}
		pos = next
	}
	if len(data) > start || marker != nil {
		out = append(out, [2][]byte{marker, data[start:]})
	}
	return out
}

// isMarker reports whether a line is a YAML document start marker.
func isMarker(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("---")) {
		return false
	}
	rest := line[3:]
	return len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' || rest[0] == ' ' || rest[0] == '\t'
}

// parse fills Node, leaving it nil for a document of comments only.
func (d *Document) parse() error {
	text := string(d.Body)
	if len(d.Marker) > 3 {
		// Content after "---" on the marker line belongs to the document.
		text = strings.TrimLeft(string(d.Marker[3:]), " \t") + text
	}
	if isBlank(text) {
		return nil
	}
	node, err := yaml.Parse(text)
	if err != nil {
		return fmt.Errorf("%s: invalid YAML: %s", d.Name(), oneLine(err))
	}
	if node.YNode().Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping (a Kubernetes object), got a %s", d.Name(),
			kindName(node.YNode().Kind))
	}
	d.Node = node
	if err := checkDuplicates(node.YNode(), ""); err != nil {
		return fmt.Errorf("%s: %w", d.Name(), err)
	}
	return nil
}

// checkDuplicates refuses a mapping that holds a key twice: YAML forbids it, and Kubernetes
// would silently keep one of the two values.
func checkDuplicates(n *yaml.Node, path string) error {
	if n.Kind == yaml.MappingNode {
		seen := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if line, dup := seen[key.Value]; dup {
				return fmt.Errorf("duplicate key %q at %s (lines %d and %d)",
					key.Value, orRoot(path), line, key.Line)
			}
			seen[key.Value] = key.Line
			if err := checkDuplicates(n.Content[i+1], path+"."+key.Value); err != nil {
				return err
			}
		}
		return nil
	}
	for i, c := range n.Content {
		if n.Kind != yaml.SequenceNode {
			break
		}
		if err := checkDuplicates(c, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	return nil
}

func orRoot(path string) string {
	if path == "" {
		return "the top level"
	}
	return strings.TrimPrefix(path, ".")
}

// isBlank reports whether YAML text holds only comments and white space.
func isBlank(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			return false
		}
	}
	return true
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "scalar"
	case yaml.AliasNode:
		return "alias"
	}
	return "non-mapping node"
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// Join writes the documents back as one stream: unchanged documents byte for byte, changed
// ones serialised in the sequence indentation they arrived with.
func Join(docs []*Document) ([]byte, error) {
	var buf bytes.Buffer
	for _, d := range docs {
		if !d.Changed || d.Node == nil {
			buf.Write(d.Marker)
			buf.Write(d.Body)
			continue
		}
		if d.Marker != nil {
			buf.WriteString("---\n")
		}
		out, err := yaml.MarshalWithOptions(d.Node.Document(), &yaml.EncoderOptions{
			SeqIndent: yaml.SequenceIndentStyle(yaml.DeriveSeqIndentStyle(string(d.Body))),
		})
		if err != nil {
			return nil, fmt.Errorf("failed to serialise %s: %w", d.Name(), err)
		}
		buf.Write(out)
	}
	return buf.Bytes(), nil
}

// Nodes returns the parsed documents, skipping those of comments only.
func Nodes(docs []*Document) []*yaml.RNode {
	nodes := make([]*yaml.RNode, 0, len(docs))
	for _, d := range docs {
		if d.Node != nil {
			nodes = append(nodes, d.Node)
		}
	}
	return nodes
}
