package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The plugin command, installed from the repository folder (its hook builds the binary),
// runs the user's helm with the post-renderer wired in, on Helm 3 and Helm 4.
func TestPluginCommand(t *testing.T) {
	for _, name := range []string{"HELM3", "HELM4"} {
		t.Run(name, func(t *testing.T) {
			helm := tool(t, name)
			s := newSandbox(t)
			s.must(helm, "plugin", "install", root)
			if out := s.must(helm, "camunda-entra", "version"); !strings.HasPrefix(out, "camunda-entra ") {
				t.Errorf("version printed %q", out)
			}
			out := s.must(helm, "camunda-entra", "template", "camunda", chart, "-n", "camunda",
				"--entra-config", entraConfig())
			checkOracle(t, readFixture(t, "baseline-oidc-minimal.yaml"), out)
		})
	}
}

// A config that does not cover the release fails the command with the reason, under either
// Helm: Helm 3 shows the post-renderer's stderr, and under Helm 4 the command prints the log.
func TestPluginCommandSurfacesErrors(t *testing.T) {
	partial := `apiVersion: camunda-entra.dev/v1alpha1
kind: EntraConfig
tenantId: 11111111-2222-3333-4444-555555555555
initialAdmin: {value: admin@example.com}
clients:
  orchestration:
    clientId: bbbbbbbb-2222-4222-8222-222222222222
    secret: {name: entra-credentials, key: orchestration-cluster-client-secret}
`
	want := `Deployment "camunda-identity" is the Management Identity of release "camunda", ` +
		"but the config has no clients.identity"
	for _, name := range []string{"HELM3", "HELM4"} {
		t.Run(name, func(t *testing.T) {
			helm := tool(t, name)
			s := newSandbox(t)
			s.must(helm, "plugin", "install", root)
			cfg := filepath.Join(s.dir, "partial.yaml")
			if err := os.WriteFile(cfg, []byte(partial), 0o600); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, err := s.run(helm, "camunda-entra", "template", "camunda", chart,
				"--entra-config", cfg)
			if err == nil {
				t.Fatal("the command succeeded with a config that misses Identity")
			}
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr does not say why:\n%s", stderr)
			}
			if strings.Contains(stdout, "kind:") {
				t.Errorf("manifests were printed on failure")
			}
		})
	}
}
