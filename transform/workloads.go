package transform

import (
	"fmt"
	"sort"

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

// signature recognises a component's workload by its kind, its component label and the name
// of its main container: never by the release name, which the user chooses.
type signature struct {
	component Component
	kind      string
	labels    []string
	container string
	title     string
}

var signatures = []signature{
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
	sig       *signature
	node      *yaml.RNode
	container *yaml.RNode
	pod       *yaml.RNode
}

func (w *workload) String() string {
	return fmt.Sprintf("%s %q", w.node.GetKind(), w.node.GetName())
}

// recognise returns the workload a resource is, or nil when it is none of ours.
func recognise(node *yaml.RNode) (*workload, error) {
	kind := node.GetKind()
	if kind != "Deployment" && kind != "StatefulSet" {
		return nil, nil
	}
	pod, err := node.Pipe(yaml.Lookup("spec", "template", "spec"))
	if err != nil || pod == nil {
		return nil, nil
	}
	label := labelOf(node, componentLabel)
	for i := range signatures {
		sig := &signatures[i]
		if sig.kind != kind || !contains(sig.labels, label) {
			continue
		}
		container, err := findContainer(pod, "containers", sig.container)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", kind, node.GetName(), err)
		}
		if container == nil {
			continue
		}
		return &workload{sig: sig, node: node, container: container, pod: pod}, nil
	}
	return nil, nil
}

// findContainer returns the container of a pod spec list by name.
func findContainer(pod *yaml.RNode, list, name string) (*yaml.RNode, error) {
	field := pod.Field(list)
	if field == nil || isNullNode(field.Value) {
		return nil, nil
	}
	if field.Value.YNode().Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("spec.template.spec.%s: want a list, got %s", list,
			kindOf(field.Value))
	}
	for _, c := range field.Value.Content() {
		rn := yaml.NewRNode(c)
		if n, _ := scalarAt(rn, "name"); n == name && c.Kind == yaml.MappingNode {
			return rn, nil
		}
	}
	return nil, nil
}

// labelOf reads a label from the workload, or from its pod template when the workload lacks it.
func labelOf(node *yaml.RNode, key string) string {
	if v, ok := node.GetLabels()[key]; ok {
		return v
	}
	tmpl, err := node.Pipe(yaml.Lookup("spec", "template"))
	if err != nil || tmpl == nil {
		return ""
	}
	return tmpl.GetLabels()[key]
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
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
		id := fmt.Sprintf("%s/%s/%s", node.GetKind(), node.GetNamespace(), node.GetName())
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

func addWorkload(byKey map[string]*release, w *workload) error {
	ns, inst := w.node.GetNamespace(), labelOf(w.node, instanceLabel)
	key := ns + "\x00" + inst
	r := byKey[key]
	if r == nil {
		r = &release{namespace: ns, instance: inst, workloads: map[Component]*workload{}}
		byKey[key] = r
	}
	if other := r.workloads[w.sig.component]; other != nil {
		return fmt.Errorf("%s has two %s workloads, %s and %s; "+
			"render one release per stream or give them distinct %s labels",
			r, w.sig.title, other, w, instanceLabel)
	}
	r.workloads[w.sig.component] = w
	return nil
}

func sortedReleases(byKey map[string]*release) []*release {
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*release, 0, len(keys))
	for _, k := range keys {
		out = append(out, byKey[k])
	}
	return out
}
