package transform

import (
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// connectorsIn returns a Connectors Deployment with the given env, indented as a document.
func connectorsIn(env string) string {
	return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: camunda-connectors
  labels: {app.kubernetes.io/component: connectors, app.kubernetes.io/instance: camunda}
spec:
  template:
    spec:
      containers:
        - name: connectors
          env:
` + env
}

func parseAll(t *testing.T, text string) []*yaml.RNode {
	t.Helper()
	nodes, err := kio.FromBytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return nodes
}

// A List's items are wired in place, and the List is the resource reported changed.
func TestListItemsWired(t *testing.T) {
	item := strings.ReplaceAll(connectorsIn("            - {name: A, value: a}\n"), "\n", "\n    ")
	list := parseAll(t, "apiVersion: v1\nkind: DeploymentList\nitems:\n  - "+item+"\n")[0]
	for run, want := range []bool{true, false} {
		report, err := Apply([]*yaml.RNode{list}, loadConfig(t))
		if err != nil {
			t.Fatal(err)
		}
		if got := report.Changed(list); got != want {
			t.Errorf("run %d: Changed(list) = %v, want %v", run+1, got, want)
		}
	}
	items, _ := list.Pipe(yaml.Lookup("items"))
	wantEnv(t, envOf(t, contentOf(items), "camunda-connectors", "connectors"),
		map[string]string{"A": "a", "CAMUNDA_CLIENT_AUTH_CLIENTID": ocID})
}

// Kubernetes uses the last of two env entries of one name: the transform keeps one, with its
// value, in the place of the first.
func TestDuplicateEnvNamesCollapse(t *testing.T) {
	nodes := parseAll(t, connectorsIn(
		"            - {name: CAMUNDA_CLIENT_AUTH_CLIENTID, value: "+ocID+"}\n"+
			"            - {name: A, value: a}\n"+
			"            - {name: CAMUNDA_CLIENT_AUTH_CLIENTID, value: other}\n"))
	if _, err := Apply(nodes, loadConfig(t)); err != nil {
		t.Fatal(err)
	}
	env, _ := nodes[0].Pipe(yaml.Lookup("spec", "template", "spec", "containers",
		"[name=connectors]", "env"))
	var names []string
	for _, e := range contentOf(env)[:3] {
		name, _ := scalarAt(e, "name")
		names = append(names, name)
	}
	want := "CAMUNDA_CLIENT_AUTH_CLIENTID A VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("env starts %s, want %s", got, want)
	}
	report, err := Apply(nodes, loadConfig(t))
	if err != nil || report.Changed(nodes[0]) {
		t.Errorf("second run: changed %v, error %v", report != nil && report.Changed(nodes[0]), err)
	}
}

// kyaml's accessors panic on metadata that is a list with an odd number of items: Apply
// refuses such a resource among those it reads, and passes over any other.
func TestListMetadataRefused(t *testing.T) {
	cases := map[string]string{
		"ConfigMap metadata": "kind: ConfigMap\nmetadata: [a]\n",
		"workload labels": "kind: Deployment\nmetadata:\n  name: d\n  labels: [a]\n" +
			"spec: {template: {metadata: {labels: {app.kubernetes.io/component: connectors}}}}\n",
	}
	want := map[string]string{
		"ConfigMap metadata": "a ConfigMap whose metadata is a list, not a mapping",
		"workload labels":    `Deployment "d": metadata.labels: want a mapping, got a list`,
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Apply(parseAll(t, text), loadConfig(t))
			if err == nil || err.Error() != want[name] {
				t.Errorf("error:\n got %v\nwant %s", err, want[name])
			}
		})
	}
	if _, err := Apply(parseAll(t, "kind: Widget\nmetadata: [a]\n"), loadConfig(t)); err != nil {
		t.Errorf("a resource Apply does not read: %v", err)
	}
}
