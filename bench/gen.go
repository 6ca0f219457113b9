package bench

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/camunda-entra/camunda-entra/stream"
)

// instanceKey is how the chart writes the label that Helm sets to the release name, up to the
// value.
const instanceKey = "app.kubernetes.io/instance: "

// othersRelease stands for the release name in others.yaml.
const othersRelease = "RELEASE"

// shopsPerRelease is how many copies of others.yaml follow each Camunda release: about a
// third of a stream's bytes and of its documents are then of other kinds.
const shopsPerRelease = 3

// others holds documents of kinds that are no Camunda workload: a CustomResourceDefinition, a
// web shop's Deployment, Service, Ingress, ConfigMap and Secret, RBAC objects and a CronJob.
//
//go:embed others.yaml
var others []byte

// Generator makes manifest streams of a chosen size out of one rendered release.
type Generator struct {
	release []byte
	render  []template
	others  []template
}

// template is a document cut where the release name stands: writing it for one copy puts that
// copy's release name between the chunks.
type template [][]byte

// NewGenerator prepares the documents of a rendered release for copying. The release name is
// read from the first app.kubernetes.io/instance label of the render.
func NewGenerator(render []byte) (*Generator, error) {
	docs, err := stream.Split(render)
	if err != nil {
		return nil, fmt.Errorf("failed to read the render: %w", err)
	}
	release, names := releaseNames(docs)
	if release == "" {
		return nil, errors.New("the render has no app.kubernetes.io/instance label")
	}
	g := &Generator{release: []byte(release)}
	for _, d := range docs {
		g.render = append(g.render, cutNames(docText(d), release, names))
	}
	otherDocs, err := stream.Split(others)
	if err != nil {
		return nil, fmt.Errorf("failed to read others.yaml: %w", err)
	}
	for _, d := range otherDocs {
		g.others = append(g.others, template(bytes.Split(docText(d), []byte(othersRelease))))
	}
	return g, nil
}

// releaseNames returns the release name and the names of the render's objects that start
// with it: those, and every reference to them, are what a different release name changes.
func releaseNames(docs []*stream.Document) (string, map[string]bool) {
	release := ""
	for _, n := range stream.Nodes(docs) {
		if v := n.GetLabels()["app.kubernetes.io/instance"]; v != "" {
			release = v
			break
		}
	}
	names := map[string]bool{}
	for _, n := range stream.Nodes(docs) {
		if name := n.GetName(); strings.HasPrefix(name, release+"-") {
			names[name] = true
		}
	}
	return release, names
}

// docText is a document with its marker, ending in a line end so that copies can follow it.
func docText(d *stream.Document) []byte {
	text := append(append([]byte{}, d.Marker...), d.Body...)
	if len(text) > 0 && text[len(text)-1] != '\n' {
		text = append(text, '\n')
	}
	return text
}

// cutNames cuts text before the release name wherever it starts one of names or is the value
// of the instance label, and drops the release name itself.
func cutNames(text []byte, release string, names map[string]bool) template {
	var t template
	last := 0
	for start := 0; start < len(text); {
		end := start
		for end < len(text) && isNameByte(text[end]) {
			end++
		}
		if end == start {
			start++
			continue
		}
		token := string(text[start:end])
		if names[token] || token == release && bytes.HasSuffix(text[:start], []byte(instanceKey)) {
			t = append(t, text[last:start])
			last = start + len(release)
		}
		start = end
	}
	return append(t, text[last:])
}

// isNameByte reports whether b may be part of a Kubernetes object name.
func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-'
}

// Stream returns a stream of at least size bytes, ending at the first document boundary past
// it: copy after copy of the render, copy i named release-i (copy 0 keeps the render's own
// names), each followed by the documents of others.yaml for shopsPerRelease shop releases.
func (g *Generator) Stream(size int) []byte {
	out := make([]byte, 0, size+64<<10)
	for i := 0; len(out) < size; i++ {
		release := append([]byte{}, g.release...)
		if i > 0 {
			release = strconv.AppendInt(append(release, '-'), int64(i), 10)
		}
		out = appendCopy(out, g.render, release, size)
		for j := range shopsPerRelease {
			shop := strconv.AppendInt([]byte("shop-"), int64(i*shopsPerRelease+j), 10)
			out = appendCopy(out, g.others, shop, size)
		}
	}
	return out
}

// appendCopy appends the documents of one copy, stopping once out has reached size.
func appendCopy(out []byte, docs []template, release []byte, size int) []byte {
	for _, t := range docs {
		if len(out) >= size {
			return out
		}
		for i, chunk := range t {
			if i > 0 {
				out = append(out, release...)
			}
			out = append(out, chunk...)
		}
	}
	return out
}

// RenderPath is the Camunda 8.8 render the benchmarks repeat, from the repository root; its
// configuration is ConfigPath.
const RenderPath = "testdata/fixtures/camunda-8.8/baseline-oidc-minimal.yaml"

// ConfigPath is the Entra configuration that wires RenderPath, from the repository root.
const ConfigPath = "examples/entra.yaml"
