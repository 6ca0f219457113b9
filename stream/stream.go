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
// documents says which with SplitKeep: the others are checked and their trees dropped, so that
// memory holds the trees of those documents only.
package stream

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil, errors.New("the stream is UTF-16; convert it to UTF-8")
	}
	segs := segments(data)
	docs := make([]*Document, len(segs))
	for i, seg := range segs {
		docs[i] = &Document{Index: i, Marker: seg[0], Body: seg[1]}
		if len(seg[1]) > MaxDocument {
			return nil, fmt.Errorf("%s: %d MiB, more than the %d MiB one document may have",
				docs[i].Name(), len(seg[1])>>20, MaxDocument>>20)
		}
	}
	err := parallel(len(docs), func(i int) error { return docs[i].parse(keep) })
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// parallel calls fn for 0 to n-1 on every CPU the process may use and returns the error of the
// lowest i that failed. Indices are handed out in order and stop being handed out after an
// error, so every i below a failed one has run and the error is the one a loop would return.
// A panic in fn is raised again in the caller's goroutine, where a loop would have raised it.
func parallel(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if errs[i] = guard(fn, i); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if p, ok := err.(*panicked); ok {
			panic(p.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// guard calls fn(i), returning a panic in it as a *panicked error.
func guard(fn func(i int) error, i int) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &panicked{value: v}
		}
	}()
	return fn(i)
}

// panicked carries a panic out of a goroutine of parallel.
type panicked struct{ value any }

func (p *panicked) Error() string { return fmt.Sprint("panic: ", p.value) }

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

// parse checks the document and fills Node where keep allows, leaving it nil for a document
// of comments only.
func (d *Document) parse(keep func(*yaml.RNode) bool) error {
	text := d.Body
	if len(d.Marker) > 3 {
		// Content after "---" on the marker line belongs to the document.
		text = slices.Concat(bytes.TrimLeft(d.Marker[3:], " \t"), d.Body)
	}
	if isBlank(text) {
		return nil
	}
	node, err := parseYAML(text)
	if err != nil {
		return fmt.Errorf("%s: invalid YAML: %s", d.Name(), oneLine(err))
	}
	if node.YNode().Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping (a Kubernetes object), got a %s", d.Name(),
			kindName(node.YNode().Kind))
	}
	d.Node = node
	if dup := checkDuplicates(node.YNode()); dup != nil {
		return fmt.Errorf("%s: %w", d.Name(), dup)
	}
	if keep != nil && !keep(node) {
		d.Node = nil
	}
	return nil
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

// Join writes the documents back as one stream: unchanged documents byte for byte, changed
// ones serialised in the sequence indentation they arrived with.
func Join(docs []*Document) ([]byte, error) {
	serialised := make([][]byte, len(docs))
	err := parallel(len(docs), func(i int) error {
		var err error
		if docs[i].rewritten() {
			serialised[i], err = docs[i].serialise()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	size := 0
	for i, d := range docs {
		if d.rewritten() {
			size += len(serialised[i])
			continue
		}
		size += len(d.Marker) + len(d.Body)
	}
	// One allocation of the exact size: a growing buffer would hold the stream up to three
	// times over while it copies.
	out := make([]byte, 0, size)
	for i, d := range docs {
		if d.rewritten() {
			out = append(out, serialised[i]...)
			continue
		}
		out = append(append(out, d.Marker...), d.Body...)
	}
	return out, nil
}

// rewritten reports whether Join serialises the document instead of writing its text.
func (d *Document) rewritten() bool { return d.Changed && d.Node != nil }

// serialise returns the document as Join writes it when it has changed: a plain marker, if it
// had one, and the node.
func (d *Document) serialise() ([]byte, error) {
	out, err := yaml.MarshalWithOptions(d.Node.Document(), &yaml.EncoderOptions{
		SeqIndent: yaml.SequenceIndentStyle(yaml.DeriveSeqIndentStyle(string(d.Body))),
	})
	if err != nil {
		return nil, fmt.Errorf("failed to serialise %s: %w", d.Name(), err)
	}
	if d.Marker != nil {
		out = append([]byte("---\n"), out...)
	}
	return out, nil
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
