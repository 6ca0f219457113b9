// Package patches turns what the post-renderer does to a rendered release into kustomize
// patches, for a Flux HelmRelease's spec.postRenderers, which cannot run an executable, or
// for a plain kustomization.
//
// It runs the transform on a copy of the render and compares each container's env before and
// after. A container whose env changed gets a JSON6902 patch that restates its whole env list,
// which reproduces the post-renderer exactly: kept entries in place, new ones at the end,
// removed ones gone. Test operations guard the patch, so that a render that moved on (another
// chart version, other values) fails the build instead of losing its own env changes:
//
//	patch: |
//	  - op: test
//	    path: /spec/template/spec/containers/0/name
//	    value: connectors
//	  - op: test
//	    path: /spec/template/spec/containers/0/env
//	    value: [the env the chart rendered]
//	  - op: replace
//	    path: /spec/template/spec/containers/0/env
//	    value: [the env the post-renderer writes]
//
// A container without env gets an add operation instead of the env test and replace.
package patches

import (
	"errors"
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Patch is a JSON6902 patch of one workload.
type Patch struct {
	Target Target
	Ops    []Op
	// Release is the Helm release the workload belongs to, by its instance label.
	Release string
}

// Target selects the workload a patch applies to.
type Target struct {
	Kind, Name string
	// Namespace is the workload's; Flux and Kustomization name it only where two patches
	// target the same kind and name.
	Namespace string
}

// Op is one JSON6902 operation.
type Op struct {
	Op    string
	Path  string
	Value *yaml.Node
}

// Build returns the patches that make a rendered release what the post-renderer makes of it,
// one per changed workload in the order of the stream, with the transform's report.
func Build(input []byte, cfg *config.Config) ([]Patch, *transform.Report, error) {
	docs, err := stream.Split(input)
	if err != nil {
		return nil, nil, err
	}
	nodes := stream.Nodes(docs)
	before := make(map[*yaml.Node]*yaml.RNode, len(nodes))
	for _, n := range nodes {
		before[n.YNode()] = n.Copy()
	}
	report, err := transform.Apply(nodes, cfg)
	if err != nil {
		return nil, nil, err
	}
	var out []Patch
	for _, d := range docs {
		if d.Node == nil || !report.Changed(d.Node) {
			continue
		}
		p, err := diff(before[d.Node.YNode()], d.Node)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", d.Name(), err)
		}
		out = append(out, p)
	}
	return out, report, nil
}

// errList refuses a workload that is an item of a List: kustomize targets top-level objects.
var errList = errors.New("a changed workload is an item of this List; kustomize patches " +
	"target objects by kind and name, so split the List into its items first")

// diff returns the patch that turns one workload into its wired copy.
func diff(before, after *yaml.RNode) (Patch, error) {
	if strings.HasSuffix(after.GetKind(), "List") {
		return Patch{}, errList
	}
	p := Patch{
		Target: Target{
			Kind: after.GetKind(), Name: after.GetName(), Namespace: after.GetNamespace(),
		},
		Release: after.GetLabels()["app.kubernetes.io/instance"],
	}
	for _, list := range []string{"containers", "initContainers"} {
		was, is := containers(before, list), containers(after, list)
		if len(was) != len(is) {
			return Patch{}, fmt.Errorf("spec.template.spec.%s: the transform changed the "+
				"number of containers", list)
		}
		for i := range is {
			p.Ops = append(p.Ops, envOps(list, i, was[i], is[i])...)
		}
	}
	return p, nil
}

// containers returns the items of a pod template's container list.
func containers(workload *yaml.RNode, list string) []*yaml.RNode {
	field, err := workload.Pipe(yaml.Lookup("spec", "template", "spec", list))
	if err != nil || field == nil || field.YNode().Kind != yaml.SequenceNode {
		return nil
	}
	items := make([]*yaml.RNode, 0, len(field.Content()))
	for _, c := range field.Content() {
		items = append(items, yaml.NewRNode(c))
	}
	return items
}

// envOps returns the operations that set one container's env, none when it did not change.
func envOps(list string, i int, was, is *yaml.RNode) []Op {
	old, now := envOf(was), envOf(is)
	if now == nil || old != nil && sameYAML(old, now) {
		return nil
	}
	base := fmt.Sprintf("/spec/template/spec/%s/%d", list, i)
	name, _ := is.GetString("name")
	ops := []Op{{Op: "test", Path: base + "/name", Value: str(name)}}
	if old == nil {
		return append(ops, Op{Op: "add", Path: base + "/env", Value: now})
	}
	return append(ops,
		Op{Op: "test", Path: base + "/env", Value: old},
		Op{Op: "replace", Path: base + "/env", Value: now})
}

// sameYAML reports whether two nodes write the same YAML text.
func sameYAML(a, b *yaml.Node) bool {
	ta, errA := yaml.Marshal(a)
	tb, errB := yaml.Marshal(b)
	return errA == nil && errB == nil && string(ta) == string(tb)
}

// envOf returns a container's env list, or nil when it has none or it is null.
func envOf(container *yaml.RNode) *yaml.Node {
	f := container.Field("env")
	if f == nil || f.Value.YNode().Kind != yaml.SequenceNode {
		return nil
	}
	return f.Value.YNode()
}
