package transform

import (
	"fmt"
	"maps"
	"slices"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// A stream of many releases need not be held as trees all at once. Its documents can be
// inspected one by one, their trees dropped, and the stream partitioned into units that Apply
// transforms one after the other, each with no more than the documents it reads:
//
//	resources[i], err = transform.Inspect(node) // for every document i, then drop node
//	units, err := transform.Partition(resources)
//	for _, unit := range units {
//		report, err := transform.Apply(parse(unit), cfg) // documents unit[0], unit[1], ...
//		...
//	}
//
// Apply gives each unit the result it gives the units' documents within the whole stream:
// Partition refuses what Apply would refuse across units, and a unit holds every ConfigMap
// and Service its workloads may read.

// Resource is what Apply would read in one document of a stream: the workloads it may change
// and the ConfigMaps and Services they may read.
type Resource struct {
	workloads  []workloadRef
	configMaps []string // names
	services   []string // keys of the Service index
}

// workloadRef is a recognised workload, without its tree.
type workloadRef struct {
	id       string // kind, namespace and name
	title    string // as a message names it
	release  string // namespace and instance label
	mounts   []string
	services []string
}

// Inspect returns what Apply would read in a document, or nil when Apply reads nothing in it.
// It makes the checks that Apply makes of each resource on its own, with Apply's errors. It
// does not change the node.
func Inspect(node *yaml.RNode) (*Resource, error) {
	if !Reads(node) {
		return nil, nil
	}
	nodes, _ := expandLists([]*yaml.RNode{node})
	for _, n := range nodes {
		if Reads(n) {
			if err := checkMetadata(n); err != nil {
				return nil, err
			}
		}
	}
	r := &Resource{}
	for _, n := range nodes {
		if err := r.add(n); err != nil {
			return nil, err
		}
	}
	if len(r.workloads)+len(r.configMaps)+len(r.services) == 0 {
		return nil, nil
	}
	return r, nil
}

// add notes what Apply may read in one resource, a document or an item of a List.
func (r *Resource) add(n *yaml.RNode) error {
	if n.GetKind() == "ConfigMap" {
		r.configMaps = append(r.configMaps, n.GetName())
	}
	if selector, key := selecting(n); selector != nil {
		r.services = append(r.services, key)
	}
	w, err := recognise(n)
	if err != nil || w == nil {
		return err
	}
	ref := workloadRef{id: workloadID(n), title: w.String(), release: w.releaseKey()}
	for _, name := range configMapVolumes(w) {
		ref.mounts = append(ref.mounts, name)
	}
	if w.sig.Component == Identity {
		ref.services = serviceKeys(n.GetNamespace(), podLabels(w))
	}
	r.workloads = append(r.workloads, ref)
	return nil
}

// Partition splits a stream, given by the Resources of its documents (nil for a document Apply
// reads nothing in), into units that Apply can transform one by one. A unit lists, in stream
// order, the documents that hold its workloads and the ConfigMaps and Services they may read.
// Units share no document that Apply changes, nor read one that another unit changes. They
// come in the order of their first release, which is the order Apply would report them in.
// Partition refuses an object that appears twice in the stream, as Apply does.
func Partition(resources []*Resource) ([][]int, error) {
	if err := checkUnique(resources); err != nil {
		return nil, err
	}
	p := newPartition(resources)
	for doc, r := range resources {
		for _, w := range r.refs() {
			reads := p.reads(w)
			p.docs[w.release] = append(append(p.docs[w.release], doc), reads...)
			p.union(w.release, p.owner(doc))
			for _, read := range reads {
				if owner := p.owner(read); owner != "" {
					p.union(w.release, owner)
				}
			}
		}
	}
	return p.units(), nil
}

func (r *Resource) refs() []workloadRef {
	if r == nil {
		return nil
	}
	return r.workloads
}

// checkUnique refuses a workload that appears twice in the stream.
func checkUnique(resources []*Resource) error {
	seen := map[string]bool{}
	for _, r := range resources {
		for _, w := range r.refs() {
			if seen[w.id] {
				return fmt.Errorf("%s appears twice in the stream", w.title)
			}
			seen[w.id] = true
		}
	}
	return nil
}

// partition joins releases into units with union-find.
type partition struct {
	resources  []*Resource
	parent     map[string]string // release to release, up to the unit's root
	docs       map[string][]int  // by release, the documents Apply reads for it
	configMaps map[string][]int  // documents by ConfigMap name
	services   map[string][]int  // documents by Service index key
}

func newPartition(resources []*Resource) *partition {
	p := &partition{resources: resources, parent: map[string]string{},
		docs: map[string][]int{}, configMaps: map[string][]int{}, services: map[string][]int{}}
	for doc, r := range resources {
		if r == nil {
			continue
		}
		for _, name := range r.configMaps {
			p.configMaps[name] = appendOnce(p.configMaps[name], doc)
		}
		for _, key := range r.services {
			p.services[key] = appendOnce(p.services[key], doc)
		}
	}
	return p
}

// appendOnce appends a document to a list of documents in stream order, unless it ends it.
func appendOnce(docs []int, doc int) []int {
	if len(docs) > 0 && docs[len(docs)-1] == doc {
		return docs
	}
	return append(docs, doc)
}

// owner returns the release of the first workload in a document, or "" when it holds none.
func (p *partition) owner(doc int) string {
	if refs := p.resources[doc].refs(); len(refs) > 0 {
		return refs[0].release
	}
	return ""
}

// reads returns the documents of the ConfigMaps and Services a workload may read.
func (p *partition) reads(w workloadRef) []int {
	var docs []int
	for _, name := range w.mounts {
		docs = append(docs, p.configMaps[name]...)
	}
	for _, key := range w.services {
		docs = append(docs, p.services[key]...)
	}
	return docs
}

func (p *partition) root(release string) string {
	for {
		parent, ok := p.parent[release]
		if !ok || parent == release {
			p.parent[release] = release
			return release
		}
		p.parent[release] = p.parent[parent] // halve the path
		release = parent
	}
}

func (p *partition) union(a, b string) {
	ra, rb := p.root(a), p.root(b)
	if ra == rb {
		return
	}
	// The smaller key becomes the root, so that a unit is named by its first release.
	if rb < ra {
		ra, rb = rb, ra
	}
	p.parent[rb] = ra
}

// units gathers each unit's documents and sorts the units by their first release.
func (p *partition) units() [][]int {
	byRoot := map[string][]int{}
	for release, docs := range p.docs {
		root := p.root(release)
		byRoot[root] = append(byRoot[root], docs...)
	}
	units := make([][]int, 0, len(byRoot))
	for _, root := range slices.Sorted(maps.Keys(byRoot)) {
		slices.Sort(byRoot[root])
		units = append(units, slices.Compact(byRoot[root]))
	}
	return units
}
