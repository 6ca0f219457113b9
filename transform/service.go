package transform

import (
	"fmt"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// identityURL returns the in-cluster URL of Management Identity: the first Service in the
// stream that selects its pods, on the port named http (or its first port). Without such a
// Service it falls back to the Deployment's name on port 80, which is what the chart creates.
func identityURL(svcs services, w *workload) string {
	if n := svcs.find(w.node.GetNamespace(), podLabels(w)); n != nil {
		return fmt.Sprintf("http://%s:%s", n.GetName(), servicePort(n))
	}
	return fmt.Sprintf("http://%s:80", w.node.GetName())
}

// services indexes the Services that select pods by namespace and by the release their
// selector asks for, so that finding one release's Service does not read every Service of a
// stream that holds many releases. A Service whose selector has no instance label is filed
// under its namespace alone, as it may select the pods of any release.
type services map[string][]service

// service is a Service that selects pods, with its place in the stream.
type service struct {
	pos      int
	node     *yaml.RNode
	selector map[string]string
}

func indexServices(nodes []*yaml.RNode) services {
	svcs := services{}
	for pos, n := range nodes {
		selector, key := selecting(n)
		if selector != nil {
			svcs[key] = append(svcs[key], service{pos: pos, node: n, selector: selector})
		}
	}
	return svcs
}

// selecting returns the selector of a Service that selects pods and the key it is filed
// under, or a nil selector for any other resource.
func selecting(n *yaml.RNode) (map[string]string, string) {
	if n.GetKind() != "Service" {
		return nil, ""
	}
	sel, _ := n.Pipe(yaml.Lookup("spec", "selector"))
	if sel == nil || sel.YNode().Kind != yaml.MappingNode || len(sel.Content()) == 0 {
		return nil, "" // selects no pods
	}
	selector := stringMap(sel)
	if release, ok := selector[instanceLabel]; ok {
		return selector, releaseKey(n.GetNamespace(), release)
	}
	return selector, anyReleaseKey(n.GetNamespace())
}

func releaseKey(namespace, release string) string { return namespace + "\x00=" + release }

func anyReleaseKey(namespace string) string { return namespace + "\x00*" }

// find returns the first Service in the stream of namespace ns that selects pods with the
// given labels, or nil.
func (svcs services) find(ns string, labels map[string]string) *yaml.RNode {
	var first *service
	for _, key := range serviceKeys(ns, labels) {
		for i := range svcs[key] {
			s := &svcs[key][i]
			if s.selects(labels) {
				if first == nil || s.pos < first.pos {
					first = s
				}
				break
			}
		}
	}
	if first == nil {
		return nil
	}
	return first.node
}

// serviceKeys returns the keys under which find looks for the Services of pods.
func serviceKeys(ns string, podLabels map[string]string) []string {
	return []string{releaseKey(ns, podLabels[instanceLabel]), anyReleaseKey(ns)}
}

// podLabels returns the labels of a workload's pod template.
func podLabels(w *workload) map[string]string {
	labels, _ := w.node.Pipe(yaml.Lookup("spec", "template", "metadata", "labels"))
	return stringMap(labels)
}

// selects reports whether the Service's selector matches the given pod labels.
func (s *service) selects(labels map[string]string) bool {
	for k, v := range s.selector {
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
