package lint

import (
	"fmt"
	"maps"
	"slices"

	"github.com/camunda-entra/camunda-entra/internal/oracle"
	"github.com/camunda-entra/camunda-entra/transform"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// component is a Camunda component, named as in the config file.
type component = transform.Component

// The components the linter checks.
const (
	orchestration = transform.Orchestration
	connectors    = transform.Connectors
	identity      = transform.Identity
	optimize      = transform.Optimize
	webModeler    = transform.WebModeler
	webModelerUI  = transform.WebModelerUI
	console       = transform.Console
)

// instanceLabel tells releases apart.
const instanceLabel = "app.kubernetes.io/instance"

// kind is how a component's workload is recognised: the transform's own table, so that the
// linter checks exactly the workloads the post-renderer wires.
type kind = transform.Signature

// kinds lists the components in the order findings are reported.
var kinds = transform.Signatures()

// workload is one Camunda workload of the render with the effective configuration of its
// containers.
type workload struct {
	kind *kind
	// id is "Kind/name", as the oracle names workloads.
	id        string
	effective map[string]*oracle.Settings
}

// settings returns the effective configuration of one of the workload's containers; an empty
// name means the application container. It is nil when the container does not exist.
func (w *workload) settings(container string) *oracle.Settings {
	if container == "" {
		container = w.kind.Container
	}
	return w.effective[w.id+":"+container]
}

// release is one Helm release's Camunda workloads, told apart by namespace and instance label.
type release struct {
	workloads map[component]*workload
}

// has reports whether the release contains a component.
func (r *release) has(c component) bool { return r.workloads[c] != nil }

// groupReleases sorts the Camunda workloads among nodes into releases, in a stable order. A
// workload without its application container is not the chart's and is left out.
//
// The effective configuration is known by "Kind/name" only, so two workloads of one name,
// say the same release in two namespaces, are refused rather than linted with each other's
// settings.
func groupReleases(
	nodes []*yaml.RNode, effective map[string]*oracle.Settings,
) ([]*release, error) {
	byKey := map[string]*release{}
	seen := map[string]bool{}
	for _, node := range nodes {
		n := node.YNode()
		w := workloadOf(n, effective)
		if w == nil {
			continue
		}
		if seen[w.id] {
			return nil, fmt.Errorf("%s appears twice in the input; lint one namespace "+
				"or release at a time", w.id)
		}
		seen[w.id] = true
		key := scalar(n, "metadata", "namespace") + "\x00" + labelOf(n, instanceLabel)
		if byKey[key] == nil {
			byKey[key] = &release{workloads: map[component]*workload{}}
		}
		byKey[key].workloads[w.kind.Component] = w
	}
	out := make([]*release, 0, len(byKey))
	for _, key := range slices.Sorted(maps.Keys(byKey)) {
		out = append(out, byKey[key])
	}
	return out, nil
}

// workloadOf returns the Camunda workload a resource is, or nil.
func workloadOf(n *yaml.Node, effective map[string]*oracle.Settings) *workload {
	k := kindOf(n)
	if k == nil {
		return nil
	}
	id := k.Kind + "/" + scalar(n, "metadata", "name")
	w := &workload{kind: k, id: id, effective: effective}
	if w.settings("") == nil {
		return nil
	}
	return w
}

// kindOf returns the kind of Camunda workload a resource is, or nil.
func kindOf(n *yaml.Node) *kind {
	return transform.SignatureOf(yaml.NewRNode(n))
}

// labelOf reads a label of a workload, or of its pod template when the workload lacks it.
// Malformed metadata has no labels.
func labelOf(n *yaml.Node, key string) string {
	if v := scalar(n, "metadata", "labels", key); v != "" {
		return v
	}
	return scalar(n, "spec", "template", "metadata", "labels", key)
}

// field follows a path of mapping keys, and returns nil where the path leaves mappings.
func field(n *yaml.Node, path ...string) *yaml.Node {
	for _, key := range path {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n
}

// scalar is the text of the scalar at a path of mapping keys, or "".
func scalar(n *yaml.Node, path ...string) string {
	if v := field(n, path...); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}
