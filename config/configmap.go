package config

import (
	"fmt"
	"sort"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// FromFunctionConfig reads the configuration a KRM function is given: an EntraConfig
// document, or a ConfigMap whose data holds the same fields as flat dotted keys, the way
// kpt passes `key=value` arguments:
//
//	data:
//	  tenantId: 11111111-2222-3333-4444-555555555555
//	  initialAdmin.value: admin@example.com
//	  clients.identity.clientId: aaaaaaaa-1111-4111-8111-111111111111
//	  clients.identity.secret.name: entra-credentials
func FromFunctionConfig(fc *yaml.RNode) (*Config, error) {
	if fc == nil || fc.IsNilOrEmpty() {
		return nil, fmt.Errorf("the function has no functionConfig; give it a %s or a ConfigMap", Kind)
	}
	if fc.GetKind() != "ConfigMap" {
		return FromNode(fc)
	}
	node, err := unflatten(fc.GetDataMap())
	if err != nil {
		return nil, fmt.Errorf("ConfigMap %q: %w", fc.GetName(), err)
	}
	cfg, err := FromNode(node)
	if err != nil {
		return nil, fmt.Errorf("ConfigMap %q: data.%w", fc.GetName(), err)
	}
	return cfg, nil
}

// unflatten builds an EntraConfig document from dotted keys.
func unflatten(data map[string]string) (*yaml.RNode, error) {
	node := yaml.NewMapRNode(&map[string]string{"apiVersion": APIVersion, "kind": Kind})
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := strings.Split(k, ".")
		parent, err := node.Pipe(yaml.LookupCreate(yaml.MappingNode, path[:len(path)-1]...))
		if err != nil || parent == nil || parent.YNode().Kind != yaml.MappingNode {
			return nil, fmt.Errorf("data.%s: conflicts with another key", k)
		}
		if err := parent.PipeE(yaml.SetField(path[len(path)-1], yaml.NewStringRNode(data[k]))); err != nil {
			return nil, fmt.Errorf("data.%s: %w", k, err)
		}
	}
	return node, nil
}
