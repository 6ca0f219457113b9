package transform

import (
	"fmt"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// identityURL returns the in-cluster URL of Management Identity: the Service that selects its
// pods, on the port named http (or its first port). Without such a Service it falls back to
// the Deployment's name on port 80, which is what the chart creates.
func identityURL(nodes []*yaml.RNode, w *workload) string {
	podLabels, _ := w.node.Pipe(yaml.Lookup("spec", "template", "metadata", "labels"))
	labels := stringMap(podLabels)
	for _, n := range nodes {
		if n.GetKind() != "Service" || n.GetNamespace() != w.node.GetNamespace() {
			continue
		}
		if selects(n, labels) {
			return fmt.Sprintf("http://%s:%s", n.GetName(), servicePort(n))
		}
	}
	return fmt.Sprintf("http://%s:80", w.node.GetName())
}

// selects reports whether a Service's selector matches the given pod labels.
func selects(svc *yaml.RNode, labels map[string]string) bool {
	sel, _ := svc.Pipe(yaml.Lookup("spec", "selector"))
	if sel == nil || sel.YNode().Kind != yaml.MappingNode || len(sel.Content()) == 0 {
		return false
	}
	for k, v := range stringMap(sel) {
		if labels[k] != v {
			return false
		}
	}
	return true
}

func servicePort(svc *yaml.RNode) string {
	ports, _ := svc.Pipe(yaml.Lookup("spec", "ports"))
	items := contentOf(ports)
	for _, p := range items {
		if name, _ := scalarAt(p, "name"); name == "http" {
			port, _ := scalarAt(p, "port")
			return port
		}
	}
	if len(items) > 0 {
		port, _ := scalarAt(items[0], "port")
		return port
	}
	return "80"
}

// stringMap returns the scalar fields of a mapping.
func stringMap(m *yaml.RNode) map[string]string {
	out := map[string]string{}
	if m == nil || m.YNode().Kind != yaml.MappingNode {
		return out
	}
	content := m.Content()
	for i := 0; i+1 < len(content); i += 2 {
		if content[i+1].Kind == yaml.ScalarNode {
			out[content[i].Value] = content[i+1].Value
		}
	}
	return out
}
