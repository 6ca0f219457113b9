package e2e

import (
	"sort"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// The README's kustomize example gives the same objects as the post-renderer on the same
// render, and no reader annotation leaks into them.
func TestKustomizeMatchesPostRenderer(t *testing.T) {
	kustomize, helm := tool(t, "KUSTOMIZE"), tool(t, "HELM3")
	s := newSandbox(t)
	s.must("go", "build", "-o", "bin/camunda-entra", ".")
	built := s.must(kustomize, "build", "--enable-helm", "--helm-command", helm,
		"--enable-alpha-plugins", "--enable-exec", "--load-restrictor", "LoadRestrictionsNone",
		"examples/kustomize")
	for _, leak := range []string{"config.kubernetes.io/", "internal.config.kubernetes.io"} {
		if strings.Contains(built, leak) {
			t.Errorf("output carries a %s annotation", leak)
		}
	}
	plain := s.must(helm, "template", "camunda", chart, "-n", "camunda")
	want := canonical(t, postRender(t, []byte(plain)))
	compareObjects(t, "KRM function", canonical(t, built), want)
}

// canonical returns a stream's objects as sorted key-sorted JSON, without what kustomize
// normalises anyway (the namespace its Helm inflator fills in, empty annotations), so streams
// compare by content alone.
func canonical(t *testing.T, stream string) []string {
	t.Helper()
	nodes, err := kio.FromBytes([]byte(stream))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		_ = n.PipeE(yaml.Lookup("metadata"), yaml.Clear("namespace"))
		if len(n.GetAnnotations()) == 0 {
			_ = n.PipeE(yaml.Lookup("metadata"), yaml.Clear("annotations"))
		}
		data, err := n.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	sort.Strings(out)
	return out
}

// kustomize swallows error results unless the function exits non-zero: it must fail loudly.
func TestKustomizeFailsOnBadConfig(t *testing.T) {
	kustomize := tool(t, "KUSTOMIZE")
	s := newSandbox(t)
	dir := writeKustomization(t, s, `apiVersion: camunda-entra.dev/v1alpha1
kind: EntraConfig
metadata:
  name: entra
  annotations:
    config.kubernetes.io/function: |
      exec:
        path: `+binary+`
        args: [fn]
tenantId: 11111111-2222-3333-4444-555555555555
initialAdmin: {value: admin@example.com}
clients:
  orchestration:
    clientId: bbbbbbbb-2222-4222-8222-222222222222
    secret: literal-secret
`)
	_, stderr, err := s.run(kustomize, "build", "--enable-alpha-plugins", "--enable-exec", dir)
	if err == nil {
		t.Fatal("kustomize build succeeded with a literal secret in the config")
	}
	want := "functionConfig: clients.orchestration.secret: secret values are not accepted"
	if !strings.Contains(stderr, want) || strings.Contains(stderr, "literal-secret") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// kpt passes key=value arguments as a ConfigMap of flat keys; the function reads those too.
func TestKustomizeConfigMapFunctionConfig(t *testing.T) {
	kustomize := tool(t, "KUSTOMIZE")
	s := newSandbox(t)
	dir := writeKustomization(t, s, `apiVersion: v1
kind: ConfigMap
metadata:
  name: entra
  annotations:
    config.kubernetes.io/function: |
      exec:
        path: `+binary+`
        args: [fn]
data:
  tenantId: 11111111-2222-3333-4444-555555555555
  initialAdmin.value: admin@example.com
  clients.orchestration.clientId: bbbbbbbb-2222-4222-8222-222222222222
  clients.orchestration.secret.name: entra-credentials
  clients.orchestration.secret.key: orchestration-cluster-client-secret
`)
	out := s.must(kustomize, "build", "--enable-alpha-plugins", "--enable-exec", dir)
	if !strings.Contains(out, "value: bbbbbbbb-2222-4222-8222-222222222222/.default") {
		t.Errorf("Connectors were not wired:\n%s", out)
	}
}

// writeKustomization writes a kustomization of the chart's default render (Orchestration and
// Connectors) with the given function as its transformer.
func writeKustomization(t *testing.T, s *sandbox, function string) string {
	t.Helper()
	return writeDir(t, s.dir, map[string]string{
		"kustomization.yaml": "resources: [release.yaml]\ntransformers: [entra.yaml]\n",
		"entra.yaml":         function,
		"release.yaml":       string(readFixture(t, "default.yaml")),
	})
}
