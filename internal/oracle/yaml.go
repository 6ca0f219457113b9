package oracle

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// maxNodes bounds the values built from one stream, so that aliases cannot blow it up.
const maxNodes = 1 << 20

// quotedStyles are the scalar styles whose value is always a string.
var quotedStyles = yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle |
	yaml.LiteralStyle | yaml.FoldedStyle

// builder turns parsed YAML nodes into values with the YAML 1.1 typing of PyYAML's safe
// loader: `yes` is a boolean, `010` octal, `1:30` sexagesimal and `<<` a merge key.
type builder struct {
	nodes int
}

// decodeYAML returns every document of a YAML stream; an empty document is nil.
func decodeYAML(text []byte) ([]any, error) {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	b := &builder{}
	var docs []any
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		v, err := b.value(&n, 0)
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", len(docs)+1, err)
		}
		docs = append(docs, v)
	}
}

// value builds the value of one node.
func (b *builder) value(n *yaml.Node, depth int) (any, error) {
	b.nodes++
	if b.nodes > maxNodes || depth > 1000 {
		return nil, errors.New("document too deep or too large after alias expansion")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return b.value(n.Content[0], depth+1)
	case yaml.AliasNode:
		return b.value(n.Alias, depth+1)
	case yaml.ScalarNode:
		return scalarNode(n)
	case yaml.SequenceNode:
		return b.sequence(n, depth)
	case yaml.MappingNode:
		return b.mapping(n, depth)
	}
	return nil, fmt.Errorf("line %d: unexpected node kind %v", n.Line, n.Kind)
}

func (b *builder) sequence(n *yaml.Node, depth int) (any, error) {
	if err := checkTag(n, "!!seq"); err != nil {
		return nil, err
	}
	out := make([]any, 0, len(n.Content))
	for _, c := range n.Content {
		v, err := b.value(c, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (b *builder) mapping(n *yaml.Node, depth int) (any, error) {
	if err := checkTag(n, "!!map"); err != nil {
		return nil, err
	}
	pairs, err := mergedPairs(n)
	if err != nil {
		return nil, err
	}
	out := newDict()
	for _, p := range pairs {
		k, err := b.value(p[0], depth+1)
		if err != nil {
			return nil, err
		}
		v, err := b.value(p[1], depth+1)
		if err != nil {
			return nil, err
		}
		if err := out.set(k, v); err != nil {
			return nil, fmt.Errorf("line %d: %w", p[0].Line, err)
		}
	}
	return out, nil
}

// checkTag rejects an explicit tag other than the collection's own.
func checkTag(n *yaml.Node, own string) error {
	if n.Style&yaml.TaggedStyle == 0 || n.Tag == own {
		return nil
	}
	return fmt.Errorf("line %d: unsupported tag %q", n.Line, n.Tag)
}

// mergedPairs lists a mapping's key/value nodes with `<<` merge keys expanded: merged pairs
// come first, so the mapping's own keys override them, and among several merged mappings
// the earlier one wins.
func mergedPairs(n *yaml.Node) ([][2]*yaml.Node, error) {
	var merged, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Tag != "!!merge" {
			own = append(own, [2]*yaml.Node{k, n.Content[i+1]})
			continue
		}
		sub, err := mergeSource(v)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", k.Line, err)
		}
		merged = append(merged, sub...)
	}
	return append(merged, own...), nil
}

// mergeSource is the pairs a `<<` value contributes: one mapping or a list of them.
func mergeSource(v *yaml.Node) ([][2]*yaml.Node, error) {
	if v.Kind == yaml.MappingNode {
		return mergedPairs(v)
	}
	if v.Kind != yaml.SequenceNode {
		return nil, errors.New("merge key needs a mapping or a list of mappings")
	}
	var out [][2]*yaml.Node
	for i := len(v.Content) - 1; i >= 0; i-- {
		m := deref(v.Content[i])
		if m.Kind != yaml.MappingNode {
			return nil, errors.New("merge key needs a mapping or a list of mappings")
		}
		sub, err := mergedPairs(m)
		if err != nil {
			return nil, err
		}
		out = append(out, sub...)
	}
	return out, nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// scalarNode types a scalar: by its explicit tag, as a string when quoted or a block,
// otherwise by the YAML 1.1 patterns.
func scalarNode(n *yaml.Node) (any, error) {
	if n.Style&yaml.TaggedStyle != 0 {
		v, err := tagged(n.Tag, n.Value)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return v, nil
	}
	if n.Style&quotedStyles != 0 {
		return n.Value, nil
	}
	v, err := plain(n.Value)
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", n.Line, err)
	}
	return v, nil
}

// tagged builds a scalar with an explicit standard tag.
func tagged(tag, s string) (any, error) {
	switch tag {
	case "!!str":
		return s, nil
	case "!!null":
		return nil, nil
	case "!!bool":
		return yamlBool(s)
	case "!!int":
		return yamlInt(s)
	case "!!float":
		return yamlFloat(s)
	case "!!timestamp":
		return yamlTimestamp(s)
	}
	return nil, fmt.Errorf("unsupported tag %q", tag)
}
