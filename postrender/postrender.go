// Package postrender runs the Entra transform over a Helm manifest stream, as a Helm
// post-renderer in process or as the body of the camunda-entra command.
//
//	cfg, err := config.LoadFile("entra.yaml")
//	...
//	install := action.NewInstall(actionConfig)
//	install.PostRenderer = postrender.New(cfg)
//
// Documents the transform does not change come out byte for byte, so Helm's "# Source:"
// comments and the postrenderer.helm.sh/postrender-filename annotation of Helm 4 survive.
package postrender

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"

	helmpostrender "helm.sh/helm/v3/pkg/postrender"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/parallel"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// PostRenderer injects an Entra configuration into the manifests Helm rendered. It implements
// the PostRenderer interface of the Helm 3 SDK, whose Run method Helm 4's interface shares.
type PostRenderer struct {
	Config *config.Config
	// Report holds what the last Run changed.
	Report *transform.Report
}

var _ helmpostrender.PostRenderer = (*PostRenderer)(nil)

// New returns a post-renderer for a loaded configuration.
func New(cfg *config.Config) *PostRenderer { return &PostRenderer{Config: cfg} }

// Run returns the rendered manifests with the Camunda workloads wired to Entra.
func (p *PostRenderer) Run(rendered *bytes.Buffer) (*bytes.Buffer, error) {
	out, report, err := Rewrite(rendered.Bytes(), p.Config)
	if err != nil {
		return nil, err
	}
	p.Report = report
	return bytes.NewBuffer(out), nil
}

// MaxInput is the longest manifest stream Rewrite and Read accept, 256 MiB: a Helm release
// stays below 1 MiB once compressed, but a stream of many releases, as GitOps tools build, can
// be large. One document may have at most stream.MaxDocument.
const MaxInput = 256 << 20

// ErrTooLarge is the error for a stream longer than MaxInput.
var ErrTooLarge = fmt.Errorf("the manifest stream is larger than %d MiB, "+
	"the most camunda-entra accepts", MaxInput>>20)

// wholeStream is the size up to which a stream's trees are kept from the check of its
// documents to their transform. A larger stream is transformed one unit of releases at a
// time, each unit's documents parsed again, so that memory holds the text of the stream and
// the trees of a few units rather than the trees of the whole stream, several times its size.
const wholeStream = 4 << 20

// Rewrite runs the whole stream path: split the documents, inject, join them again. On error
// it returns no output at all.
func Rewrite(input []byte, cfg *config.Config) ([]byte, *transform.Report, error) {
	if len(input) > MaxInput {
		return nil, nil, ErrTooLarge
	}
	return rewrite(input, cfg, len(input) <= wholeStream)
}

// rewrite is Rewrite, with the trees of the check kept for the transform or parsed again.
func rewrite(input []byte, cfg *config.Config, keepTrees bool) ([]byte, *transform.Report,
	error) {
	docs, err := stream.Cut(input)
	if err != nil {
		return nil, nil, err
	}
	report, err := apply(docs, cfg, keepTrees)
	if err != nil {
		return nil, nil, err
	}
	out, err := stream.Join(docs)
	if err != nil {
		return nil, nil, err
	}
	return out, report, nil
}

// Manifests is a manifest stream read into memory, to be transformed and written out.
type Manifests struct {
	docs []*stream.Document
	size int
}

// Read reads a manifest stream, of at most MaxInput bytes, holding its text once.
func Read(r io.Reader) (*Manifests, error) {
	docs, err := stream.Read(io.LimitReader(r, MaxInput+1))
	if err != nil {
		return nil, err
	}
	m := &Manifests{docs: docs, size: stream.Size(docs)}
	if m.size > MaxInput {
		return nil, ErrTooLarge
	}
	return m, nil
}

// Size returns the length of the stream in bytes.
func (m *Manifests) Size() int { return m.size }

// Blank reports whether the stream holds no object, only white space and comments.
func (m *Manifests) Blank() bool { return stream.Blank(m.docs) }

// Write transforms the stream and writes it to w, as Rewrite does. It transforms the whole
// stream before it writes anything, so that on error it writes nothing. The stream is
// transformed in place and cannot be written twice.
func (m *Manifests) Write(w io.Writer, cfg *config.Config) (*transform.Report, error) {
	report, err := apply(m.docs, cfg, m.size <= wholeStream)
	if err != nil {
		return nil, err
	}
	if err := stream.Write(w, m.docs); err != nil {
		return nil, fmt.Errorf("failed to write the output: %w", err)
	}
	return report, nil
}

// apply checks every document and transforms the stream unit by unit, replacing the text of
// each document it changes. keepTrees keeps the trees the check parsed for the transform;
// without it each unit parses its documents again, and units run on every CPU at once.
func apply(docs []*stream.Document, cfg *config.Config, keepTrees bool) (*transform.Report,
	error) {
	resources := make([]*transform.Resource, len(docs))
	err := stream.Check(docs, func(d *stream.Document) (bool, error) {
		r, err := transform.Inspect(d.Node)
		resources[d.Index] = r
		return keepTrees && r != nil, err
	})
	if err != nil {
		return nil, err
	}
	units, err := transform.Partition(resources)
	if err != nil {
		return nil, err
	}
	// Only the workloads of each unit's report are kept: its record of changed nodes would
	// keep the unit's trees in memory.
	workloads := make([][]transform.WorkloadReport, len(units))
	workers := runtime.GOMAXPROCS(0)
	if keepTrees {
		workers = 1 // the units may share trees
	}
	err = parallel.DoWith(workers, len(units), func(i int) error {
		report, err := applyUnit(docs, units[i], cfg)
		if err != nil {
			return err
		}
		workloads[i] = report.Workloads
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &transform.Report{Workloads: slices.Concat(workloads...)}, nil
}

// applyUnit transforms the documents of one unit, parsing those whose tree was not kept, and
// marks those it changed.
func applyUnit(docs []*stream.Document, unit []int, cfg *config.Config) (*transform.Report,
	error) {
	nodes := make([]*yaml.RNode, len(unit))
	for j, i := range unit {
		nodes[j] = docs[i].Node
		if nodes[j] != nil {
			continue
		}
		var err error
		if nodes[j], err = docs[i].Parse(); err != nil {
			return nil, err
		}
	}
	report, err := transform.Apply(nodes, cfg)
	if err != nil {
		return nil, err
	}
	for j, i := range unit {
		d := docs[i]
		if !report.Changed(nodes[j]) {
			continue
		}
		// A kept tree is serialised with the others when the stream is written, on every
		// CPU; a tree parsed again is serialised now, so that it can go.
		d.Changed = true
		if d.Node == nil {
			if err := d.Replace(nodes[j]); err != nil {
				return nil, err
			}
		}
	}
	return report, nil
}
