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

	helmpostrender "helm.sh/helm/v3/pkg/postrender"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
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

// MaxInput is the longest manifest stream Rewrite accepts, 256 MiB: a Helm release stays
// below 1 MiB once compressed, but a stream of many releases, as GitOps tools build, can be
// large. Past the limit the parsed trees (about twenty times the text) would not fit the
// memory of a typical CI runner. One document may have at most stream.MaxDocument.
const MaxInput = 256 << 20

// ErrTooLarge is the error for a stream longer than MaxInput.
var ErrTooLarge = fmt.Errorf("the manifest stream is larger than %d MiB, "+
	"the most camunda-entra accepts", MaxInput>>20)

// Rewrite runs the whole stream path: split the documents, inject, join them again. On error
// it returns no output at all.
func Rewrite(input []byte, cfg *config.Config) ([]byte, *transform.Report, error) {
	if len(input) > MaxInput {
		return nil, nil, ErrTooLarge
	}
	// Every document is checked, but only those the transform reads stay parsed.
	docs, err := stream.SplitKeep(input, transform.Reads)
	if err != nil {
		return nil, nil, err
	}
	report, err := transform.Apply(stream.Nodes(docs), cfg)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range docs {
		d.Changed = d.Node != nil && report.Changed(d.Node)
	}
	out, err := stream.Join(docs)
	if err != nil {
		return nil, nil, err
	}
	return out, report, nil
}
