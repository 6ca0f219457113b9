package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/patches"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// patchRenders are the recorded renders the patches are checked on: auth off, auth on with
// defaults, the chart's own Entra render, and Connectors without env of their own.
var patchRenders = []string{
	"baseline.yaml", "baseline-oidc-minimal.yaml", "entra-values.yaml",
	"entra-values-no-optimize.yaml", "default.yaml",
}

// The patches applied by the pinned kustomize give the same objects as the post-renderer,
// in both forms: the kustomization that `patches --output kustomization` writes, and the
// Flux postRenderers, whose patches a kustomization takes as they are.
func TestPatchesMatchPostRenderer(t *testing.T) {
	kustomize := tool(t, "KUSTOMIZE")
	cfg := loadEntraConfig(t)
	for _, fixture := range patchRenders {
		t.Run(fixture, func(t *testing.T) {
			render := readFixture(t, fixture)
			ps, _, err := patches.Build(render, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) == 0 {
				t.Fatal("no patches")
			}
			want := canonical(t, postRender(t, render))
			forms := map[string]string{
				"kustomization": kustomizationFile(t, ps),
				"flux":          fluxAsKustomization(t, ps),
			}
			for form, kustomization := range forms {
				s := newSandbox(t)
				dir := writeDir(t, s.dir, map[string]string{
					"kustomization.yaml": kustomization, "release.yaml": string(render),
				})
				got := canonical(t, s.must(kustomize, "build", dir))
				compareObjects(t, form, got, want)
			}
		})
	}
}

// A render that no longer has the env the patches were made from makes kustomize fail, rather
// than lose the render's own change under the restated env.
func TestStalePatchesFail(t *testing.T) {
	kustomize := tool(t, "KUSTOMIZE")
	render := string(readFixture(t, "baseline-oidc-minimal.yaml"))
	ps, _, err := patches.Build([]byte(render), loadEntraConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	const from, to = "value: C.UTF-8", "value: en_US.UTF-8"
	if !strings.Contains(render, from) {
		t.Fatalf("the render has no %q to change", from)
	}
	s := newSandbox(t)
	dir := writeDir(t, s.dir, map[string]string{
		"kustomization.yaml": kustomizationFile(t, ps),
		"release.yaml":       strings.Replace(render, from, to, 1),
	})
	_, stderr, err := s.run(kustomize, "build", dir)
	if err == nil {
		t.Fatal("kustomize applied patches made from another render")
	}
	if !strings.Contains(stderr, "test") {
		t.Errorf("the failure does not name the test operation:\n%s", stderr)
	}
}

func loadEntraConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile(entraConfig())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func kustomizationFile(t *testing.T, ps []patches.Patch) string {
	t.Helper()
	out, err := patches.Kustomization(ps, "release.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// fluxAsKustomization takes the patches out of the Flux form, as Flux hands them to kustomize.
func fluxAsKustomization(t *testing.T, ps []patches.Patch) string {
	t.Helper()
	out, err := patches.Flux(ps)
	if err != nil {
		t.Fatal(err)
	}
	flux, err := yaml.Parse(string(out))
	if err != nil {
		t.Fatal(err)
	}
	list, err := flux.Pipe(yaml.Lookup("postRenderers", "0", "kustomize", "patches"))
	if err != nil || list == nil {
		t.Fatalf("no postRenderers[0].kustomize.patches in:\n%s", out)
	}
	k := yaml.MustParse("resources: [release.yaml]\n")
	if err := k.PipeE(yaml.SetField("patches", list)); err != nil {
		t.Fatal(err)
	}
	return k.MustString()
}

func writeDir(t *testing.T, parent string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(parent, "kz")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func compareObjects(t *testing.T, form string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: kustomize gave %d objects, the post-renderer %d", form, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: object differs:\nkustomize:\n%s\npost-renderer:\n%s", form, got[i], want[i])
		}
	}
}
