// Package transform wires the Camunda workloads of rendered Helm releases to Microsoft Entra ID.
//
// It finds each component's Deployment or StatefulSet by its component label and container
// name, never by release name, and upserts into the container's env the settings the
// camunda-platform chart would render for Entra: client ids, audiences, issuer, token and
// JWKS URLs, and client secrets as secretKeyRef references. Settings the chart writes into
// mounted Spring Boot files are set by the env name relaxed binding maps onto the same
// property, since env wins over a file. It also makes the fixes the chart does not make.
// Everything else passes through untouched.
//
// Before:
//
//	kind: Deployment
//	metadata:
//	  name: camunda-connectors
//	  labels: {app.kubernetes.io/component: connectors}
//	spec:
//	  template:
//	    spec:
//	      containers:
//	        - name: connectors
//	          env:
//	            - name: JAVA_TOOL_OPTIONS
//	              value: -Xmx1g
//
// After:
//
//	env:
//	  - name: JAVA_TOOL_OPTIONS
//	    value: -Xmx1g
//	  - name: VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET
//	    valueFrom:
//	      secretKeyRef: {name: entra-credentials, key: orchestration-cluster-client-secret}
//	  - name: CAMUNDA_CLIENT_AUTH_TOKENURL
//	    value: https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token
//	  - name: CAMUNDA_CLIENT_AUTH_SCOPE
//	    value: <orchestration client id>/.default
//	  ...
//
// Entries are upserted by name: an entry the chart rendered under one of these names keeps
// its place and gets the new value, and applying the transform twice changes nothing more.
package transform

import (
	"fmt"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Report says what Apply did, workload by workload.
type Report struct {
	Workloads []WorkloadReport
	changed   map[*yaml.Node]bool
}

// WorkloadReport lists the env changes made to one workload.
type WorkloadReport struct {
	Release    string
	Kind       string
	Name       string
	Component  Component
	Generation string
	Containers []ContainerReport
}

// ContainerReport lists the env changes made to one container.
type ContainerReport struct {
	Name    string
	Changes []Change
}

// Changed reports whether Apply modified the resource, or an item of it when it is a List. It
// reports false for a node that Apply was not given.
func (r *Report) Changed(n *yaml.RNode) bool { return r.changed[n.YNode()] }

// Apply injects the Entra configuration into the Camunda workloads among nodes, in place,
// including those that are items of a List. It checks every release against the
// configuration before it changes anything.
func Apply(nodes []*yaml.RNode, cfg *config.Config) (*Report, error) {
	nodes, holders := expandLists(nodes)
	for _, n := range nodes {
		if !Reads(n) {
			continue
		}
		if err := checkMetadata(n); err != nil {
			return nil, err
		}
	}
	releases, err := groupReleases(nodes)
	if err != nil {
		return nil, err
	}
	for _, r := range releases {
		if err := checkConfigured(r, cfg); err != nil {
			return nil, err
		}
	}
	report := &Report{changed: map[*yaml.Node]bool{}}
	cms, svcs := indexConfigMaps(nodes), indexServices(nodes)
	for _, r := range releases {
		p := &plan{cfg: cfg, rel: r, cms: cms, gen: detectGeneration(r)}
		if id := r.workloads[Identity]; id != nil {
			p.identityURL = identityURL(svcs, id)
		}
		if err := p.apply(report); err != nil {
			return nil, err
		}
	}
	for item, list := range holders {
		if report.changed[item] {
			report.changed[list] = true
		}
	}
	return report, nil
}

// apply edits the release's workloads in a fixed order.
func (p *plan) apply(report *Report) error {
	for i := range signatures {
		w := p.rel.workloads[signatures[i].Component]
		if w == nil {
			continue
		}
		wr, err := p.applyWorkload(w)
		if err != nil {
			return fmt.Errorf("%s: %w", w, err)
		}
		report.Workloads = append(report.Workloads, wr)
		for _, c := range wr.Containers {
			if changedAny(c.Changes) {
				report.changed[w.node.YNode()] = true
			}
		}
	}
	return nil
}

func (p *plan) applyWorkload(w *workload) (WorkloadReport, error) {
	wr := WorkloadReport{
		Release: p.rel.instance, Kind: w.node.GetKind(), Name: w.node.GetName(),
		Component: w.sig.Component, Generation: p.gen.String(),
	}
	for _, e := range p.edits(w) {
		name, _ := scalarAt(e.container, "name")
		list, err := containerEnv(e.container)
		if err != nil {
			return wr, fmt.Errorf("container %q: %w", name, err)
		}
		cr := ContainerReport{Name: name}
		for _, n := range e.remove {
			cr.Changes = append(cr.Changes, list.remove(n)...)
		}
		for _, v := range e.set {
			cr.Changes = append(cr.Changes, list.upsert(v))
		}
		wr.Containers = append(wr.Containers, cr)
	}
	return wr, nil
}

func changedAny(changes []Change) bool {
	for _, c := range changes {
		if c.Action != Kept {
			return true
		}
	}
	return false
}

// NotConfiguredError reports a component of a release that the config has no client for.
type NotConfiguredError struct {
	Workload, Component, Release, Field string
}

func (e *NotConfiguredError) Error() string {
	return fmt.Sprintf("%s is the %s of %s, but the config has no clients.%s",
		e.Workload, e.Component, e.Release, e.Field)
}

// checkConfigured makes sure the config has a client for every component in the release.
func checkConfigured(r *release, cfg *config.Config) error {
	cl := cfg.Clients
	has := map[Component]bool{
		Orchestration: cl.Orchestration != nil,
		Connectors:    cfg.Connectors() != nil,
		Identity:      cl.Identity != nil,
		Optimize:      cl.Optimize != nil,
		WebModeler:    cl.WebModeler != nil,
		WebModelerUI:  cl.WebModeler != nil,
		Console:       cl.Console != nil,
	}
	field := map[Component]string{
		Orchestration: "orchestration", Connectors: "orchestration", Identity: "identity",
		Optimize: "optimize", WebModeler: "webModeler", WebModelerUI: "webModeler",
		Console: "console",
	}
	for i := range signatures {
		sig := &signatures[i]
		if w := r.workloads[sig.Component]; w != nil && !has[sig.Component] {
			return &NotConfiguredError{Workload: w.String(), Component: sig.Title,
				Release: r.String(), Field: field[sig.Component]}
		}
	}
	return nil
}

// Filter applies the transform as a kio.Filter, for kustomize and the KRM function framework.
type Filter struct {
	Config *config.Config
	// Report is filled by Filter.
	Report *Report
}

var _ kio.Filter = (*Filter)(nil)

// Filter injects the configuration into nodes and returns them.
func (f *Filter) Filter(nodes []*yaml.RNode) ([]*yaml.RNode, error) {
	report, err := Apply(nodes, f.Config)
	if err != nil {
		return nil, err
	}
	f.Report = report
	return nodes, nil
}
