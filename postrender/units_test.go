package postrender

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/camunda-entra/camunda-entra/bench"
	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
)

// TestUnitsAsWholeStream transforms streams unit by unit, with the trees of the check kept and
// with each unit parsed again, and wants the output, report and error that Apply gives when
// it is handed the trees of the whole stream at once.
func TestUnitsAsWholeStream(t *testing.T) {
	cfg := exampleConfig(t)
	inputs := map[string][]byte{
		"two releases in one List":       []byte(twoReleasesInOneList),
		"release reads another's List":   []byte(configMapInOtherRelease),
		"Service of any release":         []byte(serviceOfAnyRelease),
		"one name in two releases":       []byte(oneNameInTwoReleases),
		"generated stream of 12 renders": generated(t, 640<<10),
	}
	files, _ := filepath.Glob(fixtures + "*.yaml")
	corpus, _ := filepath.Glob("../testdata/corpus/*/input.yaml")
	for _, f := range append(files, corpus...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = data
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			want := applyWhole(input, cfg)
			for _, keep := range []bool{true, false} {
				out, report, err := rewrite(bytes.Clone(input), cfg, keep)
				if got := describe(out, report, err); got != want {
					t.Errorf("unit by unit, trees kept %t:\n%s\nwhole stream:\n%s",
						keep, got, want)
				}
			}
		})
	}
}

// applyWhole transforms the input as one, with the trees of all its documents.
func applyWhole(input []byte, cfg *config.Config) string {
	docs, err := stream.Split(input)
	if err != nil {
		return describe(nil, nil, err)
	}
	report, err := transform.Apply(stream.Nodes(docs), cfg)
	if err != nil {
		return describe(nil, nil, err)
	}
	for _, d := range docs {
		d.Changed = d.Node != nil && report.Changed(d.Node)
	}
	out, err := stream.Join(docs)
	return describe(out, report, err)
}

func describe(out []byte, r *transform.Report, err error) string {
	if err != nil {
		return fmt.Sprintf("error: %v", err)
	}
	return fmt.Sprintf("report: %+v\n%s", r.Workloads, out)
}

func exampleConfig(t testing.TB) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// generated returns a stream of copies of the render under different release names, with
// documents of other kinds between them.
func generated(t *testing.T, size int) []byte {
	t.Helper()
	render, err := os.ReadFile("../" + bench.RenderPath)
	if err != nil {
		t.Fatal(err)
	}
	g, err := bench.NewGenerator(render)
	if err != nil {
		t.Fatal(err)
	}
	return g.Stream(size)
}

// connectors is a Connectors Deployment of a release, on one line to be a List item.
func connectors(name, release string) string {
	return fmt.Sprintf("{apiVersion: apps/v1, kind: Deployment, metadata: {name: %s, "+
		"labels: {app.kubernetes.io/component: connectors, app.kubernetes.io/instance: %s}}, "+
		"spec: {template: {spec: {containers: [{name: connectors}]}}}}\n", name, release)
}

// twoReleasesInOneList holds the Connectors of two releases in one List, and a third
// release's after it.
var twoReleasesInOneList = "kind: List\nitems:\n- " + connectors("b-connectors", "b") +
	"- " + connectors("a-connectors", "a") + "---\n" + connectors("c-connectors", "c")

// oneNameInTwoReleases has two releases with a Deployment of the same name.
var oneNameInTwoReleases = connectors("connectors", "a") + "---\n" + connectors("connectors", "b")

// configMapInOtherRelease has release a mount a ConfigMap that sits in a List with the
// Orchestration Cluster of release b.
const configMapInOtherRelease = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: shared-config}
  data:
    application.yaml: |
      camunda:
        security:
          initialization:
            users: [{username: demo, password: demo}]
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: b
    labels: {app.kubernetes.io/component: orchestration, app.kubernetes.io/instance: b}
  spec:
    template:
      spec:
        containers: [{name: orchestration}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: a
  labels: {app.kubernetes.io/component: orchestration, app.kubernetes.io/instance: a}
spec:
  template:
    spec:
      volumes:
      - name: config
        configMap: {name: shared-config}
      containers:
      - name: orchestration
        volumeMounts:
        - name: config
          mountPath: /usr/local/camunda/config/application.yaml
          subPath: application.yaml
`

// serviceOfAnyRelease has Management Identity's pods selected by a Service whose selector
// names no release, after a Service of the release that selects other pods.
const serviceOfAnyRelease = `apiVersion: v1
kind: Service
metadata: {name: other}
spec:
  selector: {app.kubernetes.io/instance: a, app: other}
  ports: [{name: http, port: 81}]
---
apiVersion: v1
kind: Service
metadata: {name: identity-any}
spec:
  selector: {app: identity}
  ports: [{name: http, port: 8084}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: a-identity
  labels: {app.kubernetes.io/component: identity, app.kubernetes.io/instance: a}
spec:
  template:
    metadata:
      labels: {app: identity, app.kubernetes.io/instance: a}
    spec:
      containers:
      - name: camunda-platform
`
