package patches

import (
	"os"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/postrender"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

const connectorsHead = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: camunda-connectors
  namespace: NS
  labels:
    app.kubernetes.io/instance: camunda
    app.kubernetes.io/component: connectors
spec:
  template:
    spec:
`

// connectors is a Connectors Deployment in namespace ns whose pod spec is spec.
func connectors(ns, spec string) string {
	return strings.Replace(connectorsHead, "NS", ns, 1) + spec
}

func TestBuildOps(t *testing.T) {
	cases := []struct {
		name  string
		input string
		want  []string // op path, one per operation
	}{
		{
			name: "env present: test the name and the env, then replace",
			input: connectors("camunda", `      containers:
        - name: sidecar
          image: busybox
        - name: connectors
          env:
            - {name: JAVA_TOOL_OPTIONS, value: -Xmx1g}
`),
			want: []string{
				"test /spec/template/spec/containers/1/name",
				"test /spec/template/spec/containers/1/env",
				"replace /spec/template/spec/containers/1/env",
			},
		},
		{
			name: "no env: test the name, then add",
			input: connectors("camunda", `      containers:
        - name: connectors
`),
			want: []string{
				"test /spec/template/spec/containers/0/name",
				"add /spec/template/spec/containers/0/env",
			},
		},
		{
			name: "null env counts as none",
			input: connectors("camunda", `      containers:
        - name: connectors
          env: null
`),
			want: []string{
				"test /spec/template/spec/containers/0/name",
				"add /spec/template/spec/containers/0/env",
			},
		},
	}
	cfg := loadConfig(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps, _, err := Build([]byte(tc.input), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 {
				t.Fatalf("%d patches, want 1", len(ps))
			}
			var got []string
			for _, op := range ps[0].Ops {
				got = append(got, op.Op+" "+op.Path)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("ops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			want := Target{Kind: "Deployment", Name: "camunda-connectors", Namespace: "camunda"}
			if ps[0].Target != want {
				t.Errorf("target %+v, want %+v", ps[0].Target, want)
			}
		})
	}
}

// TestReplaceHoldsThePostRenderersEnv checks the values of the operations: the env test holds
// the render's env, the replace holds the env the post-renderer writes.
func TestReplaceHoldsThePostRenderersEnv(t *testing.T) {
	input := connectors("camunda", `      containers:
        - name: connectors
          env:
            - {name: JAVA_TOOL_OPTIONS, value: -Xmx1g}
`)
	cfg := loadConfig(t)
	ps, _, err := Build([]byte(input), cfg)
	if err != nil {
		t.Fatal(err)
	}
	wired, _, err := postrender.Rewrite([]byte(input), cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := envText(t, string(wired))
	if got := yaml.NewRNode(ps[0].Ops[2].Value).MustString(); got != want {
		t.Errorf("replace value:\n%s\nwant the post-renderer's env:\n%s", got, want)
	}
	if got := yaml.NewRNode(ps[0].Ops[1].Value).MustString(); got != envText(t, input) {
		t.Errorf("test value:\n%s\nwant the render's env", got)
	}
	if got := ps[0].Ops[0].Value.Value; got != "connectors" {
		t.Errorf("name test holds %q", got)
	}
}

func envText(t *testing.T, doc string) string {
	t.Helper()
	n := yaml.MustParse(doc)
	env, err := n.Pipe(yaml.Lookup("spec", "template", "spec", "containers", "0", "env"))
	if err != nil || env == nil {
		t.Fatalf("no env in:\n%s", doc)
	}
	return env.MustString()
}

// TestWiredRenderNeedsNoPatches builds patches of a render the post-renderer already wired.
func TestWiredRenderNeedsNoPatches(t *testing.T) {
	cfg := loadConfig(t)
	for _, fixture := range []string{"baseline.yaml", "entra-values.yaml"} {
		t.Run(fixture, func(t *testing.T) {
			render, err := os.ReadFile("../testdata/fixtures/camunda-8.8/" + fixture)
			if err != nil {
				t.Fatal(err)
			}
			wired, _, err := postrender.Rewrite(render, cfg)
			if err != nil {
				t.Fatal(err)
			}
			before, _, err := Build(render, cfg)
			if err != nil || len(before) < 5 {
				t.Fatalf("%d patches of the render (%v), want one per component", len(before), err)
			}
			after, _, err := Build(wired, cfg)
			if err != nil || len(after) != 0 {
				t.Errorf("%d patches of the wired render (%v), want none", len(after), err)
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	cases := map[string]struct {
		input string
		want  string
	}{
		"workload in a List": {
			input: "apiVersion: v1\nkind: List\nitems:\n" + indent(connectors("camunda",
				"      containers:\n        - name: connectors\n")),
			want: "document 0 (List): a changed workload is an item of this List",
		},
		"invalid stream": {input: "kind: [\n", want: "invalid YAML"},
	}
	cfg := loadConfig(t)
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := Build([]byte(tc.input), cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// indent makes a document an item of a list at the top level.
func indent(doc string) string {
	lines := strings.Split(strings.TrimRight(doc, "\n"), "\n")
	for i, l := range lines {
		prefix := "    "
		if i == 0 {
			prefix = "  - "
		}
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestTargetsNameNamespaceOnlyWhenAmbiguous(t *testing.T) {
	spec := "      containers:\n        - name: connectors\n"
	cases := map[string]struct {
		input string
		want  int // targets with a namespace
	}{
		"one release":              {connectors("camunda", spec), 0},
		"two releases, same names": {connectors("a", spec) + "---\n" + connectors("b", spec), 2},
		"unrelated object of same name": {connectors("a", spec) + "---\nkind: Service\n" +
			"metadata: {name: camunda-connectors, namespace: b}\n", 0},
	}
	cfg := loadConfig(t)
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ps, _, err := Build([]byte(tc.input), cfg)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Kustomization(ps, "release.yaml")
			if err != nil {
				t.Fatal(err)
			}
			k := yaml.MustParse(string(out))
			list, _ := k.Pipe(yaml.Lookup("patches"))
			got := 0
			for _, p := range list.Content() {
				if yaml.NewRNode(p).Field("target").Value.Field("namespace") != nil {
					got++
				}
			}
			if got != tc.want {
				t.Errorf("%d targets name a namespace, want %d:\n%s", got, tc.want, out)
			}
		})
	}
}

func loadConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}
