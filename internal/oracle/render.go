package oracle

import (
	"fmt"
	"sort"
)

// workloadKinds are the kinds whose containers the oracle reads.
var workloadKinds = map[string]bool{"Deployment": true, "StatefulSet": true}

// randomDataKeys are ConfigMap keys the chart fills with random text on every render.
var randomDataKeys = map[string]bool{"pusher-app-key": true, "pusher-app-secret": true}

// Render is one parsed manifest stream: its ConfigMaps and its workloads.
type Render struct {
	configMaps map[string][]*dict
	workloads  *ordered[*dict]
}

// containerRef points at one container of a workload and the pod spec around it.
type containerRef struct {
	namespace any
	spec      *dict
	container *dict
}

// Load parses a multi-document manifest stream, such as the output of `helm template`.
// Documents that are not objects with a kind are skipped.
func Load(stream []byte) (*Render, error) {
	docs, err := decodeYAML(stream)
	if err != nil {
		return nil, fmt.Errorf("failed to parse manifest stream: %w", err)
	}
	r := &Render{configMaps: map[string][]*dict{}, workloads: newOrdered[*dict]()}
	for _, doc := range docs {
		r.add(mapping(doc))
	}
	return r, nil
}

// add indexes one document by kind and name.
func (r *Render) add(doc *dict) {
	kind, ok := doc.get("kind")
	if !ok {
		return
	}
	name, ok := mapping(field(doc, "metadata")).get("name")
	if !ok {
		name = ""
	}
	if kind == "ConfigMap" {
		if id, err := identity(name); err == nil {
			r.configMaps[id] = append(r.configMaps[id], doc)
		}
		return
	}
	if k, isText := kind.(string); isText && workloadKinds[k] {
		r.workloads.set(k+"/"+str(name), doc)
	}
}

// configMap is the data of the ConfigMap named name, preferring one in namespace, since the
// chart leaves the namespace out of many objects; found is false when there is none.
func (r *Render) configMap(name, namespace any) (data *dict, found bool) {
	id, err := identity(name)
	if r == nil || err != nil || len(r.configMaps[id]) == 0 {
		return newDict(), false
	}
	cands := r.configMaps[id]
	pick := cands[0]
	for _, cm := range cands {
		if sameValue(field(field(cm, "metadata"), "namespace"), namespace) {
			pick = cm
			break
		}
	}
	if data := mapping(field(pick, "data")); data != nil {
		return data, true
	}
	return newDict(), true
}

// containers lists every container, init containers included, by "Kind/name:container".
func (r *Render) containers() map[string]containerRef {
	out := map[string]containerRef{}
	if r == nil {
		return out
	}
	for _, wkey := range r.workloads.keys() {
		obj, _ := r.workloads.get(wkey)
		ns := field(field(obj, "metadata"), "namespace")
		spec := mapping(field(field(field(obj, "spec"), "template"), "spec"))
		all := append(append([]any{}, list(field(spec, "initContainers"))...),
			list(field(spec, "containers"))...)
		for _, c := range all {
			name, ok := mapping(c).get("name")
			if ok {
				out[wkey+":"+str(name)] = containerRef{ns, spec, mapping(c)}
			}
		}
	}
	return out
}

// Containers returns the keys "Kind/name:container" of every container in the render,
// sorted.
func (r *Render) Containers() []string {
	return sortedKeys(r.containers())
}

// Effective returns the effective configuration of every container in the render, by
// "Kind/name:container".
func (r *Render) Effective() map[string]*Settings {
	out := map[string]*Settings{}
	for key, s := range buildSettings([]*Render{r}) {
		out[key] = s[0]
	}
	return out
}

// sameValue is Python's == between two scalars.
func sameValue(a, b any) bool {
	ia, errA := identity(a)
	ib, errB := identity(b)
	return errA == nil && errB == nil && ia == ib
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
