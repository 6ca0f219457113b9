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
//
// Every document is parsed and checked, on all CPUs at once. A caller that reads only some
// documents says which with SplitKeep, or with Check after Cut or Read: the others are checked
// and their trees dropped, so that memory holds the trees of those documents only. Such a
// caller can parse a document again later with Document.Parse and give it new text with
// Document.Replace.
package stream

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/camunda-entra/camunda-entra/internal/parallel"
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
	// Node is the parsed document; nil when the body holds nothing but comments and blanks,
	// or when SplitKeep was told not to keep it.
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
	// The document may be anything at all here, so its fields are read without kyaml's
	// getters, which assume well-formed metadata.
	root := d.Node.YNode()
	if file := scalarAt(root, "metadata", "annotations", helmFileAnnotation); file != "" {
		return fmt.Sprintf("document %d (%s)", d.Index, file)
	}
	id := strings.Trim(scalarAt(root, "kind")+"/"+scalarAt(root, "metadata", "name"), "/")
	if id == "" {
		return fmt.Sprintf("document %d", d.Index)
	}
	return fmt.Sprintf("document %d (%s)", d.Index, id)
}

// scalarAt returns the scalar at a path of mapping keys, or "" when there is none.
func scalarAt(n *yaml.Node, path ...string) string {
	for _, key := range path {
		if n.Kind != yaml.MappingNode {
			return ""
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content) && next == nil; i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return ""
		}
		n = next
	}
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// MaxDocument is the longest document Split accepts, 16 MiB: Kubernetes stores no object
// larger than about 1.5 MiB, and a document of many small keys costs memory many times its
// size to parse.
const MaxDocument = 16 << 20

// helmFileAnnotation is how Helm 4 tells a post-renderer which template a document came from.
const helmFileAnnotation = "postrenderer.helm.sh/postrender-filename"

// Split cuts a stream into documents and parses each one. A document that is not valid YAML,
// or that is a scalar or a sequence instead of a mapping, is an error naming the document; of
// several, the first in the stream.
func Split(data []byte) ([]*Document, error) {
	return SplitKeep(data, nil)
}

// SplitKeep is Split for a caller that reads only some of the documents: each one is parsed
// and checked as Split does, but its Node is kept only where keep returns true. The others
// have a nil Node, so Nodes leaves them out and Join writes their text back. A nil keep keeps
// every document. keep is called from several goroutines at once and must not change the node.
func SplitKeep(data []byte, keep func(*yaml.RNode) bool) ([]*Document, error) {
	docs, err := Cut(data)
	if err != nil {
		return nil, err
	}
	err = Check(docs, func(d *Document) (bool, error) {
		return keep == nil || keep(d.Node), nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// Cut cuts a stream into documents without parsing them. The documents share data's memory.
func Cut(data []byte) ([]*Document, error) {
	if err := checkEncoding(data); err != nil {
		return nil, err
	}
	return cutSegments(data, nil)
}

// checkEncoding refuses a stream that starts with a UTF-16 byte order mark.
func checkEncoding(data []byte) error {
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return errors.New("the stream is UTF-16; convert it to UTF-8")
	}
	return nil
}

// cutSegments appends the documents of data to docs, numbering them on, and refuses one that
// is longer than MaxDocument.
func cutSegments(data []byte, docs []*Document) ([]*Document, error) {
	for _, seg := range segments(data) {
		d := &Document{Index: len(docs), Marker: seg[0], Body: seg[1]}
		if len(d.Body) > MaxDocument {
			return nil, fmt.Errorf("%s: %d MiB, more than the %d MiB one document may have",
				d.Name(), len(d.Body)>>20, MaxDocument>>20)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Check parses and checks every document, on every CPU at once, as Split does. Once a
// document has parsed, with its Node set, visit is called with it: visit may read the node,
// fail with an error, and says whether the tree is to be kept. A document of comments only is
// not visited. Of several errors, Check returns the one of the first document in the stream.
// visit is called from several goroutines at once and must not change the node.
func Check(docs []*Document, visit func(*Document) (keep bool, err error)) error {
	return parallel.Do(len(docs), func(i int) error { return docs[i].check(visit) })
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

// check parses and checks the document and visits it, keeping its tree where visit says.
func (d *Document) check(visit func(*Document) (bool, error)) error {
	node, err := d.Parse()
	if err != nil || node == nil {
		return err
	}
	if node.YNode().Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping (a Kubernetes object), got a %s", d.Name(),
			kindName(node.YNode().Kind))
	}
	d.Node = node
	if dup := checkDuplicates(node.YNode()); dup != nil {
		return fmt.Errorf("%s: %w", d.Name(), dup)
	}
	keep, err := visit(d)
	if !keep {
		d.Node = nil
	}
	return err
}

// Parse parses the document's text, for a caller that did not keep the tree Check built. It
// returns nil for a document of comments only, and sets no field of d.
func (d *Document) Parse() (*yaml.RNode, error) {
	text := d.Body
	if len(d.Marker) > 3 {
		// Content after "---" on the marker line belongs to the document.
		text = slices.Concat(bytes.TrimLeft(d.Marker[3:], " \t"), d.Body)
	}
	if isBlank(text) {
		return nil, nil
	}
	node, err := parseYAML(text)
	if err != nil {
		return nil, fmt.Errorf("%s: invalid YAML: %s", d.Name(), oneLine(err))
	}
	return node, nil
}

// parseYAML parses the first document of text as kyaml's Parse does, without the two copies
// of the text that Parse makes.
func parseYAML(text []byte) (*yaml.RNode, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		// A text with no node in it, such as a lone "...": Parse reports the end of input.
		return nil, io.EOF
	}
	return yaml.NewRNode(&doc), nil
}

// checkDuplicates refuses a mapping that holds a key twice: YAML forbids it, and Kubernetes
// would silently keep one of the two values. The path to the mapping is only put together
// for the error, on the way back up.
func checkDuplicates(n *yaml.Node) *duplicateKey {
	switch n.Kind {
	case yaml.MappingNode:
		var seen map[string]*yaml.Node
		if len(n.Content) > 2*smallMapping {
			seen = make(map[string]*yaml.Node, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if first := earlierKey(n.Content, i, seen); first != nil {
				return &duplicateKey{key: key.Value, first: first.Line, second: key.Line}
			}
			if dup := checkDuplicates(n.Content[i+1]); dup != nil {
				dup.path = append(dup.path, "."+key.Value)
				return dup
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			if dup := checkDuplicates(item); dup != nil {
				dup.path = append(dup.path, "["+strconv.Itoa(i)+"]")
				return dup
			}
		}
	}
	return nil
}

// smallMapping is the most keys a mapping may have for checkDuplicates to compare each key
// with those before it rather than build a map.
const smallMapping = 16

// earlierKey returns the key before content[i] with the same value, or nil. A large mapping
// passes seen, which it fills as i grows; a small one passes nil.
func earlierKey(content []*yaml.Node, i int, seen map[string]*yaml.Node) *yaml.Node {
	key := content[i]
	if seen == nil {
		for j := 0; j < i; j += 2 {
			if content[j].Value == key.Value {
				return content[j]
			}
		}
		return nil
	}
	if first, ok := seen[key.Value]; ok {
		return first
	}
	seen[key.Value] = key
	return nil
}

// duplicateKey is a key that a mapping holds twice.
type duplicateKey struct {
	key           string
	first, second int      // lines
	path          []string // from the mapping up to the document: ".env", "[0]", ".spec"
}

func (e *duplicateKey) Error() string {
	var path strings.Builder
	for i := len(e.path) - 1; i >= 0; i-- {
		path.WriteString(e.path[i])
	}
	return fmt.Sprintf("duplicate key %q at %s (lines %d and %d)",
		e.key, orRoot(path.String()), e.first, e.second)
}

func orRoot(path string) string {
	if path == "" {
		return "the top level"
	}
	return strings.TrimPrefix(path, ".")
}

// isBlank reports whether YAML text holds only comments, white space and directives such as
// "%YAML 1.1": a directive belongs to the document after the next marker, which parses the
// same without it, so the directive's own segment passes through as text.
func isBlank(text []byte) bool {
	for line := range bytes.SplitSeq(text, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' && line[0] != '%' {
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
