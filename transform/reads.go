package transform

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Reads reports whether Apply may read or change a resource: a Deployment or StatefulSet with
// a Camunda component's labels, a ConfigMap, a Service, or a List that may hold any of them.
// Apply passes over every other resource, so leaving those out of its input changes neither
// its result nor its errors; the post-renderer does that to keep the trees of a large stream
// out of memory.
func Reads(node *yaml.RNode) bool {
	switch kind := node.GetKind(); {
	case kind == "ConfigMap", kind == "Service", strings.HasSuffix(kind, "List"):
		return true
	}
	return signatureOf(node) != nil
}
