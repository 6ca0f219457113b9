package values

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// tree is a YAML mapping built in the order its keys are first set, addressed by dotted paths.
type tree struct{ root *yaml.Node }

func newTree() *tree { return &tree{root: &yaml.Node{Kind: yaml.MappingNode}} }

// set puts value at a dotted path, creating the mappings on the way. Setting a path again
// replaces its value in place.
func (t *tree) set(path string, value *yaml.Node) {
	keys := strings.Split(path, ".")
	parent := t.mapping(keys[:len(keys)-1])
	last := keys[len(keys)-1]
	if i := indexOf(parent, last); i >= 0 {
		parent.Content[i+1] = value
		return
	}
	parent.Content = append(parent.Content, str(last), value)
}

// note puts a comment above the key at path, which must have been set.
func (t *tree) note(path, comment string) {
	keys := strings.Split(path, ".")
	parent := t.mapping(keys[:len(keys)-1])
	if i := indexOf(parent, keys[len(keys)-1]); i >= 0 {
		parent.Content[i].HeadComment = comment
	}
}

// addEnv appends a {name, value} entry to the env list at path, with a comment above it.
func (t *tree) addEnv(path, name, value, comment string) {
	keys := strings.Split(path, ".")
	parent := t.mapping(keys[:len(keys)-1])
	i := indexOf(parent, keys[len(keys)-1])
	if i < 0 {
		t.set(path, &yaml.Node{Kind: yaml.SequenceNode})
		i = indexOf(parent, keys[len(keys)-1])
	}
	entry := &yaml.Node{Kind: yaml.MappingNode, HeadComment: comment,
		Content: []*yaml.Node{str("name"), str(name), str("value"), str(value)}}
	list := parent.Content[i+1]
	list.Content = append(list.Content, entry)
}

// mapping returns the mapping at the given keys, creating every missing one.
func (t *tree) mapping(keys []string) *yaml.Node {
	n := t.root
	for _, k := range keys {
		i := indexOf(n, k)
		if i < 0 {
			child := &yaml.Node{Kind: yaml.MappingNode}
			n.Content = append(n.Content, str(k), child)
			n = child
			continue
		}
		n = n.Content[i+1]
	}
	return n
}

// indexOf returns the index of key's node in a mapping's content, or -1.
func indexOf(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: s}
}

func boolean(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagBool, Value: v}
}

func strs(items ...string) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		seq.Content = append(seq.Content, str(s))
	}
	return seq
}
