package transform

import (
	"fmt"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// expandLists returns the resources with the items of every List kind (List, DeploymentList
// and the like) added after it, since Helm and kubectl apply a List's items as objects of
// their own. The map leads each item to the top-level resource that holds it, so that an
// edit to an item marks that resource changed. Items are edited in place, inside their List.
func expandLists(nodes []*yaml.RNode) ([]*yaml.RNode, map[*yaml.Node]*yaml.Node) {
	out := make([]*yaml.RNode, 0, len(nodes))
	holders := map[*yaml.Node]*yaml.Node{}
	for _, n := range nodes {
		out = append(out, n)
		for _, item := range listItems(n) {
			out = append(out, item)
			holders[item.YNode()] = n.YNode()
		}
	}
	return out, holders
}

// listItems returns the mapping items of a List, those of nested Lists included.
func listItems(n *yaml.RNode) []*yaml.RNode {
	if !strings.HasSuffix(n.GetKind(), "List") {
		return nil
	}
	field := n.Field("items")
	if field == nil {
		return nil
	}
	var out []*yaml.RNode
	for _, item := range contentOf(field.Value) {
		if item.YNode().Kind != yaml.MappingNode {
			continue
		}
		out = append(out, item)
		out = append(out, listItems(item)...)
	}
	return out
}

// checkMetadata refuses a resource Apply reads whose metadata, labels or annotations are a
// list. Kubernetes refuses such an object too, and kyaml's accessors of names and labels panic
// on a list with an odd number of items where they expect a mapping.
func checkMetadata(n *yaml.RNode) error {
	md := n.Field("metadata")
	if md == nil {
		return nil
	}
	if md.Value.YNode().Kind == yaml.SequenceNode {
		return fmt.Errorf("a %s whose metadata is a list, not a mapping", orObject(n.GetKind()))
	}
	for _, field := range []string{"labels", "annotations"} {
		if f := md.Value.Field(field); f != nil && f.Value.YNode().Kind == yaml.SequenceNode {
			return fmt.Errorf("%s %q: metadata.%s: want a mapping, got a list",
				orObject(n.GetKind()), n.GetName(), field)
		}
	}
	return nil
}

func orObject(kind string) string {
	if kind == "" {
		return "object"
	}
	return kind
}
