package transform

import (
	"fmt"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// envVar is one entry the transform wants in a container's env: a literal or a reference to
// a Secret key, never a secret value.
type envVar struct {
	name   string
	value  string
	secret *config.SecretRef
}

func literal(name, value string) envVar { return envVar{name: name, value: value} }

func fromSecret(name string, ref *config.SecretRef) envVar {
	return envVar{name: name, secret: ref}
}

// shown is how the report prints the entry: the literal, or where the secret comes from.
func (e envVar) shown() string {
	if e.secret != nil {
		return fmt.Sprintf("secretKeyRef %s/%s", e.secret.Name, e.secret.Key)
	}
	return e.value
}

// node builds the env entry.
func (e envVar) node() *yaml.RNode {
	n := yaml.NewMapRNode(nil)
	_ = n.PipeE(yaml.SetField("name", yaml.NewStringRNode(e.name)))
	if e.secret == nil {
		_ = n.PipeE(yaml.SetField("value", yaml.NewStringRNode(e.value)))
		return n
	}
	ref := yaml.NewMapRNode(nil)
	_ = ref.PipeE(yaml.SetField("name", yaml.NewStringRNode(e.secret.Name)))
	_ = ref.PipeE(yaml.SetField("key", yaml.NewStringRNode(e.secret.Key)))
	from := yaml.NewMapRNode(nil)
	_ = from.PipeE(yaml.SetField("secretKeyRef", ref))
	_ = n.PipeE(yaml.SetField("valueFrom", from))
	return n
}

// matches reports whether an existing entry already says what e says.
func (e envVar) matches(entry *yaml.RNode) bool {
	value, hasValue := scalarAt(entry, "value")
	from := entry.Field("valueFrom")
	if e.secret == nil {
		return hasValue && value == e.value && from == nil
	}
	if hasValue || from == nil || len(from.Value.Content()) != 2 {
		return false
	}
	ref := from.Value.Field("secretKeyRef")
	if ref == nil || len(ref.Value.Content()) != 4 {
		return false
	}
	name, _ := scalarAt(ref.Value, "name")
	key, _ := scalarAt(ref.Value, "key")
	return name == e.secret.Name && key == e.secret.Key
}

// Action says what happened to one env entry.
type Action string

// The actions a report lists.
const (
	Added    Action = "added"
	Replaced Action = "replaced"
	Kept     Action = "kept"
	Removed  Action = "removed"
)

// Change is one env entry of a container and what the transform did with it. Value is the
// literal or the secretKeyRef it points to; a value the transform removes or replaces is
// never shown, since it may have been a secret.
type Change struct {
	Name   string
	Action Action
	Value  string
}

// env is a container's env list being edited.
type env struct {
	seq     *yaml.RNode
	changed bool
}

// containerEnv returns the env list of a container, creating it when absent. A present env
// that is not a list, or an entry without a name, is an error.
func containerEnv(container *yaml.RNode) (*env, error) {
	field := container.Field("env")
	if field == nil || isNullNode(field.Value) {
		// SetField copies the node into the tree, so edit the field it leaves there.
		if err := container.PipeE(yaml.SetField("env", yaml.NewListRNode())); err != nil {
			return nil, err
		}
		return &env{seq: container.Field("env").Value}, nil
	}
	if field.Value.YNode().Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("env: want a list, got %s", kindOf(field.Value))
	}
	for i, entry := range field.Value.Content() {
		if entry.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("env[%d]: want a mapping with a name", i)
		}
		if name, ok := scalarAt(yaml.NewRNode(entry), "name"); !ok || name == "" {
			return nil, fmt.Errorf("env[%d]: entry without a name", i)
		}
	}
	return &env{seq: field.Value}, nil
}

// upsert sets e: an entry of the same name keeps its place and gets e's value, others stay.
// Later entries of the same name are dropped, since the last one is the one Kubernetes uses.
func (l *env) upsert(e envVar) Change {
	entries := l.seq.YNode().Content
	var same []int
	for i, raw := range entries {
		if name, _ := scalarAt(yaml.NewRNode(raw), "name"); name == e.name {
			same = append(same, i)
		}
	}
	if len(same) == 0 {
		l.seq.YNode().Content = append(entries, e.node().YNode())
		l.changed = true
		return Change{Name: e.name, Action: Added, Value: e.shown()}
	}
	if len(same) == 1 && e.matches(yaml.NewRNode(entries[same[0]])) {
		return Change{Name: e.name, Action: Kept, Value: e.shown()}
	}
	entries[same[0]] = e.node().YNode()
	for i := len(same) - 1; i > 0; i-- {
		entries = append(entries[:same[i]], entries[same[i]+1:]...)
	}
	l.seq.YNode().Content = entries
	l.changed = true
	return Change{Name: e.name, Action: Replaced, Value: e.shown()}
}

// remove drops every entry named name.
func (l *env) remove(name string) []Change {
	var kept []*yaml.Node
	var changes []Change
	for _, raw := range l.seq.YNode().Content {
		if n, _ := scalarAt(yaml.NewRNode(raw), "name"); n == name {
			changes = append(changes, Change{Name: name, Action: Removed})
			continue
		}
		kept = append(kept, raw)
	}
	if changes != nil {
		l.seq.YNode().Content = kept
		l.changed = true
	}
	return changes
}

// scalarAt returns the value of a scalar field of a mapping.
func scalarAt(m *yaml.RNode, field string) (string, bool) {
	f := m.Field(field)
	if f == nil || f.Value.YNode().Kind != yaml.ScalarNode || isNullNode(f.Value) {
		return "", false
	}
	return f.Value.YNode().Value, true
}

func isNullNode(n *yaml.RNode) bool {
	return n == nil || n.YNode().Kind == yaml.ScalarNode && n.YNode().ShortTag() == yaml.NodeTagNull
}

func kindOf(n *yaml.RNode) string {
	switch n.YNode().Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a scalar"
}
