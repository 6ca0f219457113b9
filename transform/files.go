package transform

import (
	"path"
	"sort"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// configMaps indexes the stream's ConfigMaps by namespace and name, to read the Spring
// configuration files the chart mounts into a container. Helm leaves metadata.namespace out
// of most chart objects, so a ConfigMap is also found by name alone.
type configMaps map[string]*yaml.RNode

func indexConfigMaps(nodes []*yaml.RNode) configMaps {
	cms := configMaps{}
	for _, n := range nodes {
		if n.GetKind() == "ConfigMap" && n.GetApiVersion() == "v1" {
			cms[n.GetNamespace()+"/"+n.GetName()] = n
			cms["*/"+n.GetName()] = n
		}
	}
	return cms
}

// find returns the ConfigMap a pod in namespace ns would mount by name.
func (cms configMaps) find(ns, name string) *yaml.RNode {
	if cm := cms[ns+"/"+name]; cm != nil {
		return cm
	}
	return cms["*/"+name]
}

// springFiles returns the parsed application*.yaml files mounted into a container, the main
// file first so that profile files come after it. Files that do not parse are left out: the
// transform only reads them to decide what to override.
func (cms configMaps) springFiles(w *workload, container *yaml.RNode) []*yaml.RNode {
	volumes := cms.volumeData(w)
	var files []*yaml.RNode
	mounts, _ := container.Pipe(yaml.Lookup("volumeMounts"))
	for _, m := range contentOf(mounts) {
		name, _ := scalarAt(m, "name")
		data := volumes[name]
		if data == nil {
			continue
		}
		for _, text := range mountedTexts(m, data) {
			if node, err := yaml.Parse(text); err == nil && node.YNode().Kind == yaml.MappingNode {
				files = append(files, node)
			}
		}
	}
	return files
}

// volumeData maps the pod's configMap volumes to the data of their ConfigMaps.
func (cms configMaps) volumeData(w *workload) map[string]map[string]string {
	out := map[string]map[string]string{}
	for volume, name := range configMapVolumes(w) {
		if cm := cms.find(w.node.GetNamespace(), name); cm != nil {
			out[volume] = cm.GetDataMap()
		}
	}
	return out
}

// configMapVolumes maps the names of the pod's configMap volumes to the ConfigMaps they mount.
func configMapVolumes(w *workload) map[string]string {
	out := map[string]string{}
	volumes, _ := w.pod.Pipe(yaml.Lookup("volumes"))
	for _, v := range contentOf(volumes) {
		vname, _ := scalarAt(v, "name")
		if name, _ := v.Pipe(yaml.Lookup("configMap", "name")); name != nil {
			out[vname] = yaml.GetValue(name)
		}
	}
	return out
}

// mountedTexts returns the Spring application files a volume mount exposes.
func mountedTexts(mount *yaml.RNode, data map[string]string) []string {
	sub, _ := scalarAt(mount, "subPath")
	if sub != "" {
		if isSpringFile(sub) {
			return []string{data[sub]}
		}
		return nil
	}
	var names []string
	for key := range data {
		if isSpringFile(key) {
			names = append(names, key)
		}
	}
	sortSpringFiles(names)
	texts := make([]string, 0, len(names))
	for _, n := range names {
		texts = append(texts, data[n])
	}
	return texts
}

func isSpringFile(name string) bool {
	base := path.Base(name)
	ext := path.Ext(base)
	return strings.HasPrefix(base, "application") && (ext == ".yaml" || ext == ".yml")
}

func sortSpringFiles(names []string) {
	sort.Slice(names, func(i, j int) bool {
		mi, mj := strings.HasPrefix(names[i], "application."), strings.HasPrefix(names[j], "application.")
		if mi != mj {
			return mi
		}
		return names[i] < names[j]
	})
}

// lookup finds a property in the files, matching keys as Spring's relaxed binding does
// (case and dashes ignored); the last file that has it wins.
func lookup(files []*yaml.RNode, path ...string) *yaml.RNode {
	var found *yaml.RNode
	for _, f := range files {
		if n := lookupOne(f, path); n != nil {
			found = n
		}
	}
	return found
}

func lookupOne(node *yaml.RNode, path []string) *yaml.RNode {
	for _, want := range path {
		if node.YNode().Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.RNode
		content := node.Content()
		for i := 0; i+1 < len(content); i += 2 {
			if canon(content[i].Value) == canon(want) {
				next = yaml.NewRNode(content[i+1])
			}
		}
		if next == nil {
			return nil
		}
		node = next
	}
	return node
}

// canon is a key as relaxed binding compares it.
func canon(key string) string {
	return strings.ToLower(strings.ReplaceAll(key, "-", ""))
}

// contentOf returns a sequence's items as nodes; nil for anything else.
func contentOf(seq *yaml.RNode) []*yaml.RNode {
	if seq == nil || seq.YNode().Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.RNode, 0, len(seq.Content()))
	for _, n := range seq.Content() {
		out = append(out, yaml.NewRNode(n))
	}
	return out
}
