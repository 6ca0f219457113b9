package transform

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Component is a Camunda component that the transform configures.
type Component string

// The components, named as in the config file.
const (
	Orchestration Component = "orchestration"
	Connectors    Component = "connectors"
	Identity      Component = "identity"
	Optimize      Component = "optimize"
	WebModeler    Component = "webModeler"
	WebModelerUI  Component = "webModelerWebapp"
	Console       Component = "console"
)

// Labels the chart puts on every workload.
const (
	componentLabel = "app.kubernetes.io/component"
	instanceLabel  = "app.kubernetes.io/instance"
	chartLabel     = "helm.sh/chart"
)

// Signature recognises a component's workload by its kind, its component label and the name
// of its main container: never by the release name, which the user chooses.
type Signature struct {
	Component Component
	Kind      string
	Labels    []string
	Container string
	Title     string
}

// signatures are in the order the transform applies them.
var signatures = []Signature{
	{Orchestration, "StatefulSet", []string{"zeebe-broker", "orchestration"}, "orchestration",
		"Orchestration Cluster"},
	{Connectors, "Deployment", []string{"connectors"}, "connectors", "Connectors"},
	{Identity, "Deployment", []string{"identity"}, "camunda-platform", "Management Identity"},
	{Optimize, "Deployment", []string{"optimize"}, "optimize", "Optimize"},
	{WebModeler, "Deployment", []string{"restapi"}, "web-modeler-restapi",
		"Web Modeler REST API"},
	{WebModelerUI, "Deployment", []string{"webapp"}, "web-modeler-webapp", "Web Modeler webapp"},
	{Console, "Deployment", []string{"console"}, "camunda-platform", "Console"},
}

// workload is a Camunda Deployment or StatefulSet found in the stream.
type workload struct {
	sig       *Signature
	node      *yaml.RNode
	container *yaml.RNode
	pod       *yaml.RNode
}

func (w *workload) String() string {
	return fmt.Sprintf("%s %q", w.node.GetKind(), w.node.GetName())
}

// recognise returns the workload a resource is, or nil when it is none of ours. A workload
// with a component's labels but without its main container is another application's, unless
// the camunda-platform chart rendered it: then the container was renamed or removed, and the
// transform refuses to guess which container is the application.
func recognise(node *yaml.RNode) (*workload, error) {
	sig := signatureOf(node)
	if sig == nil {
		return nil, nil
	}
	fromChart := strings.HasPrefix(labelOf(node, chartLabel), "camunda-platform-")
	w, err := sig.match(node)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", node.GetKind(), node.GetName(), err)
	}
	if w == nil && !fromChart {
		return nil, nil
	}
	if err := refuseAnchors(node); err != nil {
		return nil, err
	}
	if w == nil {
		return nil, fmt.Errorf("%s %q is the %s of the camunda-platform chart but has no "+
			"container named %q; camunda-entra finds the application container by that name",
			node.GetKind(), node.GetName(), sig.Title, sig.Container)
	}
	return w, nil
}

// Signatures returns the signatures of all components, in the order the transform applies
// them.
func Signatures() []Signature { return slices.Clone(signatures) }

// SignatureOf returns the signature whose kind and component label a resource has, or nil.
func SignatureOf(node *yaml.RNode) *Signature { return signatureOf(node) }

// signatureOf returns the signature whose kind and component label a resource has.
func signatureOf(node *yaml.RNode) *Signature {
	kind := node.GetKind()
	if kind != "Deployment" && kind != "StatefulSet" {
		return nil
	}
	label := labelOf(node, componentLabel)
	for i := range signatures {
		if sig := &signatures[i]; sig.Kind == kind && slices.Contains(sig.Labels, label) {
			return sig
		}
	}
	return nil
}

// match returns the workload with the signature's main container, or nil when it has none.
func (sig *Signature) match(node *yaml.RNode) (*workload, error) {
	pod, err := node.Pipe(yaml.Lookup("spec", "template", "spec"))
	if err != nil || pod == nil {
		return nil, nil
	}
	container, err := findContainer(pod, "containers", sig.Container)
	if err != nil || container == nil {
		return nil, err
	}
	return &workload{sig: sig, node: node, container: container, pod: pod}, nil
}

// refuseAnchors refuses a workload that uses YAML anchors or aliases: an alias shares one node
// between two places, so an env var added in one would appear in the other too.
func refuseAnchors(node *yaml.RNode) error {
	n := firstAnchor(node.YNode())
	if n == nil {
		return nil
	}
	what := "anchor &" + n.Anchor
	if n.Kind == yaml.AliasNode {
		what = "alias *" + n.Value
	}
	return fmt.Errorf("%s %q: YAML %s at line %d of its document; a Camunda workload must "+
		"not use anchors or aliases, since an edit would also change every place that shares "+
		"the node", node.GetKind(), node.GetName(), what, n.Line)
}

// firstAnchor returns the first node that defines an anchor or is an alias, not following
// aliases, so that a document built to expand exponentially costs one walk of its text.
func firstAnchor(n *yaml.Node) *yaml.Node {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if found := firstAnchor(c); found != nil {
			return found
		}
	}
	return nil
}

// findContainer returns the container of a pod spec list by name. Two containers of that
// name are an error, since Kubernetes refuses them and either could be the application.
func findContainer(pod *yaml.RNode, list, name string) (*yaml.RNode, error) {
	field := pod.Field(list)
	if field == nil || isNullNode(field.Value) {
		return nil, nil
	}
	if field.Value.YNode().Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("spec.template.spec.%s: want a list, got %s", list,
			kindOf(field.Value))
	}
	var found *yaml.RNode
	for _, c := range field.Value.Content() {
		rn := yaml.NewRNode(c)
		if n, _ := scalarAt(rn, "name"); n != name || c.Kind != yaml.MappingNode {
			continue
		}
		if found != nil {
			return nil, fmt.Errorf("spec.template.spec.%s: two containers named %q", list, name)
		}
		found = rn
	}
	return found, nil
}

// labelOf reads a label from the workload, or from its pod template when the workload lacks it.
// It looks the label up field by field rather than with GetLabels, which panics when metadata
// or labels are a list with an odd number of items.
func labelOf(node *yaml.RNode, key string) string {
	for _, path := range [][]string{
		{"metadata", "labels", key},
		{"spec", "template", "metadata", "labels", key},
	} {
		if v, err := node.Pipe(yaml.Lookup(path...)); err == nil && v != nil {
			return yaml.GetValue(v)
		}
	}
	return ""
}

// release is one Helm release's Camunda workloads, found by namespace and instance label.
type release struct {
	namespace string
	instance  string
	workloads map[Component]*workload
}

func (r *release) String() string {
	if r.namespace == "" {
		return fmt.Sprintf("release %q", r.instance)
	}
	return fmt.Sprintf("release %q in namespace %q", r.instance, r.namespace)
}

// groupReleases sorts the recognised workloads into releases. Two workloads of one component
// in the same release, or the same object twice, are errors.
func groupReleases(nodes []*yaml.RNode) ([]*release, error) {
	byKey := map[string]*release{}
	seen := map[string]bool{}
	for _, node := range nodes {
		w, err := recognise(node)
		if err != nil || w == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		id := workloadID(node)
		if seen[id] {
			return nil, fmt.Errorf("%s appears twice in the stream", w)
		}
		seen[id] = true
		if err := addWorkload(byKey, w); err != nil {
			return nil, err
		}
	}
	return sortedReleases(byKey), nil
}

// workloadID identifies a resource by its kind, namespace and name.
func workloadID(node *yaml.RNode) string {
	return fmt.Sprintf("%s/%s/%s", node.GetKind(), node.GetNamespace(), node.GetName())
}

// releaseKey identifies the workload's release by its namespace and instance label.
func (w *workload) releaseKey() string {
	return w.node.GetNamespace() + "\x00" + labelOf(w.node, instanceLabel)
}

func addWorkload(byKey map[string]*release, w *workload) error {
	key := w.releaseKey()
	r := byKey[key]
	if r == nil {
		r = &release{namespace: w.node.GetNamespace(), instance: labelOf(w.node, instanceLabel),
			workloads: map[Component]*workload{}}
		byKey[key] = r
	}
	if other := r.workloads[w.sig.Component]; other != nil {
		return fmt.Errorf("%s has two %s workloads, %s and %s; "+
			"render one release per stream or give them distinct %s labels",
			r, w.sig.Title, other, w, instanceLabel)
	}
	r.workloads[w.sig.Component] = w
	return nil
}

func sortedReleases(byKey map[string]*release) []*release {
	out := make([]*release, 0, len(byKey))
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		out = append(out, byKey[k])
	}
	return out
}
