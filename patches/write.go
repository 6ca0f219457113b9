package patches

import (
	"fmt"
	"sort"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Text returns the patch's operations as the YAML list kustomize reads as a JSON6902 patch.
func (p Patch) Text() (string, error) {
	ops := &yaml.Node{Kind: yaml.SequenceNode}
	for _, op := range p.Ops {
		ops.Content = append(ops.Content, mapping(
			str("op"), str(op.Op),
			str("path"), str(op.Path),
			str("value"), op.Value,
		))
	}
	out, err := marshal(ops)
	if err != nil {
		return "", fmt.Errorf("failed to write the patch of %s %q: %w",
			p.Target.Kind, p.Target.Name, err)
	}
	return string(out), nil
}

// Flux returns the patches as the postRenderers field of a Flux HelmRelease's spec.
func Flux(patches []Patch) ([]byte, error) {
	list, err := patchList(patches)
	if err != nil {
		return nil, err
	}
	kustomize := mapping(str("kustomize"), mapping(str("patches"), list))
	root := mapping(str("postRenderers"), &yaml.Node{
		Kind: yaml.SequenceNode, Content: []*yaml.Node{kustomize},
	})
	return write(fluxHeader(patches), root)
}

// Kustomization returns a kustomization.yaml whose one resource, a file named resource,
// holds the render, and whose patches wire it.
func Kustomization(patches []Patch, resource string) ([]byte, error) {
	list, err := patchList(patches)
	if err != nil {
		return nil, err
	}
	root := mapping(
		str("apiVersion"), str("kustomize.config.k8s.io/v1beta1"),
		str("kind"), str("Kustomization"),
		str("resources"), &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{str(resource)}},
		str("patches"), list,
	)
	return write(kustomizationHeader(patches, resource), root)
}

// patchList returns the patches as kustomize's list of {target, patch}.
func patchList(patches []Patch) (*yaml.Node, error) {
	ambiguous := ambiguousTargets(patches)
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, p := range patches {
		text, err := p.Text()
		if err != nil {
			return nil, err
		}
		patch := str(text)
		patch.Style = yaml.LiteralStyle
		list.Content = append(list.Content, mapping(
			str("target"), targetNode(p.Target, ambiguous[p.Target.Kind+"/"+p.Target.Name]),
			str("patch"), patch,
		))
	}
	return list, nil
}

// targetNode selects by kind and name, and by namespace too where two patched workloads share
// kind and name. Without need the namespace is left out: a target whose namespace differs from
// the release's matches nothing, and kustomize skips such a patch without an error.
func targetNode(t Target, withNamespace bool) *yaml.Node {
	n := mapping(str("kind"), str(t.Kind), str("name"), str(t.Name))
	if withNamespace && t.Namespace != "" {
		n.Content = append(n.Content, str("namespace"), str(t.Namespace))
	}
	return n
}

// ambiguousTargets returns the kind/name pairs that more than one patch targets.
func ambiguousTargets(patches []Patch) map[string]bool {
	count := map[string]int{}
	for _, p := range patches {
		count[p.Target.Kind+"/"+p.Target.Name]++
	}
	out := map[string]bool{}
	for k, n := range count {
		out[k] = n > 1
	}
	return out
}

func fluxHeader(patches []Patch) []string {
	return append([]string{
		"The Entra wiring of camunda-entra as kustomize patches, for the spec of a Flux HelmRelease:",
		"put the postRenderers below under spec: (Flux cannot run the post-renderer itself).",
	}, commonHeader(patches)...)
}

func kustomizationHeader(patches []Patch, resource string) []string {
	return append([]string{
		"The Entra wiring of camunda-entra as kustomize patches of the render in " + resource + ",",
		"for example: helm template RELEASE CHART -n NAMESPACE -f values.yaml > " + resource,
	}, commonHeader(patches)...)
}

// commonHeader says what the patches were made for and when they go stale.
func commonHeader(patches []Patch) []string {
	lines := []string{
		"",
		"Each patch restates a container's whole env list as the post-renderer writes it, after",
		"test operations that fail the build when the render no longer has the env it was made",
		"from: make the patches again whenever the chart version or its values change.",
	}
	if len(patches) == 0 {
		return append(lines, "The render had nothing to wire: there are no patches.")
	}
	releases := distinct(patches, func(p Patch) string { return p.Release })
	ns := distinct(patches, func(p Patch) string { return p.Target.Namespace })
	made := "Made from a render of release " + orNone(releases)
	if len(ns) > 0 {
		made += " in namespace " + orNone(ns)
	}
	return append(lines, made+". The targets name its",
		"workloads: a render under another release name has other names, and kustomize skips a",
		"patch whose target matches nothing without an error.")
}

// distinct returns the sorted non-empty values of field over the patches.
func distinct(patches []Patch, field func(Patch) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range patches {
		if v := field(p); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "(unnamed)"
	}
	return strings.Join(list, ", ")
}

// write returns the header as comments, then the document.
func write(header []string, root *yaml.Node) ([]byte, error) {
	body, err := marshal(root)
	if err != nil {
		return nil, fmt.Errorf("failed to write the patches: %w", err)
	}
	var b strings.Builder
	for _, l := range header {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	return append([]byte(b.String()), body...), nil
}

func marshal(n *yaml.Node) ([]byte, error) {
	return yaml.MarshalWithOptions(n, &yaml.EncoderOptions{SeqIndent: yaml.WideSequenceStyle})
}

// mapping builds a mapping from alternating key and value nodes.
func mapping(keysAndValues ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: keysAndValues}
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: s}
}
