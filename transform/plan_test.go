package transform

import (
	"fmt"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// connectorsOf is a Connectors Deployment of a release, with extra pod spec lines.
func connectorsOf(name, release, podSpec string) string {
	return fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: %s
  labels: {app.kubernetes.io/component: connectors, app.kubernetes.io/instance: %s}
spec:
  template:
    metadata:
      labels: {app.kubernetes.io/instance: %s}
    spec:
      containers: [{name: connectors}]
%s`, name, release, release, podSpec)
}

func identityOf(name, release string) string {
	return strings.ReplaceAll(strings.ReplaceAll(connectorsOf(name, release, ""),
		"component: connectors", "component: identity"), "{name: connectors}",
		"{name: camunda-platform}")
}

const mountsShared = `      volumes: [{name: config, configMap: {name: shared}}]
`

func TestPartition(t *testing.T) {
	cases := []struct {
		name string
		docs []string
		want string // units, each its documents
	}{{
		name: "a unit per release, in release order",
		docs: []string{connectorsOf("b", "b", ""), "kind: Secret", connectorsOf("a", "a", "")},
		want: "[[2] [0]]",
	}, {
		name: "a ConfigMap goes to every release that mounts it",
		docs: []string{"kind: ConfigMap\nmetadata: {name: shared}",
			connectorsOf("a", "a", mountsShared), connectorsOf("b", "b", mountsShared),
			connectorsOf("c", "c", ""), "kind: ConfigMap\nmetadata: {name: other}"},
		want: "[[0 1] [0 2] [3]]",
	}, {
		name: "Services go to Management Identity's release, with those of any release",
		docs: []string{
			"kind: Service\nmetadata: {name: s}\nspec: {selector: {app.kubernetes.io/instance: a}}",
			"kind: Service\nmetadata: {name: t}\nspec: {selector: {app.kubernetes.io/instance: b}}",
			"kind: Service\nmetadata: {name: u}\nspec: {selector: {app: x}}",
			"kind: Service\nmetadata: {name: v}",
			identityOf("a", "a"), connectorsOf("b", "b", "")},
		want: "[[0 2 4] [5]]",
	}, {
		name: "releases in one List are one unit",
		docs: []string{"kind: List\nitems:\n- " + indent(connectorsOf("b", "b", "")) +
			"\n- " + indent(connectorsOf("a", "a", "")), connectorsOf("c", "c", "")},
		want: "[[0] [1]]",
	}, {
		name: "a release that reads another's List joins its unit",
		docs: []string{"kind: List\nitems:\n- " + indent(connectorsOf("b", "b", "")) +
			"\n- kind: ConfigMap\n  metadata: {name: shared}",
			connectorsOf("a", "a", mountsShared), connectorsOf("c", "c", "")},
		want: "[[0 1] [2]]",
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			units, err := Partition(inspectAll(t, tc.docs))
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(units); got != tc.want {
				t.Errorf("got units %s, want %s", got, tc.want)
			}
		})
	}
}

func TestPartitionRefusesAnObjectTwice(t *testing.T) {
	docs := []string{connectorsOf("x", "a", ""), connectorsOf("x", "b", "")}
	_, err := Partition(inspectAll(t, docs))
	want := `Deployment "x" appears twice in the stream`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestInspectMakesApplysChecks(t *testing.T) {
	renamed := strings.NewReplacer("{name: connectors}", "{name: main}",
		"labels: {app", "labels: {helm.sh/chart: camunda-platform-13.0.0, app").
		Replace(connectorsOf("x", "a", ""))
	for _, doc := range []string{
		"kind: ConfigMap\nmetadata: [a, b, c]",
		"kind: Service\nmetadata:\n  name: s\n  labels: [a]",
		strings.Replace(connectorsOf("x", "a", ""), "{name: connectors}",
			"&c {name: connectors}", 1),
		renamed,
	} {
		node, err := yaml.Parse(doc)
		if err != nil {
			t.Fatal(err)
		}
		_, applyErr := Apply([]*yaml.RNode{node}, loadConfig(t))
		_, inspectErr := Inspect(node)
		if applyErr == nil || inspectErr == nil || applyErr.Error() != inspectErr.Error() {
			t.Errorf("%s\nApply: %v\nInspect: %v", doc, applyErr, inspectErr)
		}
	}
}

func inspectAll(t *testing.T, docs []string) []*Resource {
	t.Helper()
	resources := make([]*Resource, len(docs))
	for i, doc := range docs {
		node, err := yaml.Parse(doc)
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if resources[i], err = Inspect(node); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
	}
	return resources
}

// indent indents a document to be an item of a List.
func indent(doc string) string {
	return strings.ReplaceAll(strings.TrimRight(doc, "\n"), "\n", "\n  ")
}
