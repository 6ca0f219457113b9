package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// installHelm4Plugin installs the post-renderer plugin the way a packaged release ships it:
// a copy of helm4/camunda-entra-postrenderer with the binary in its bin/ folder.
func installHelm4Plugin(t *testing.T, s *sandbox, helm string) {
	t.Helper()
	dir := filepath.Join(s.dir, "src", "camunda-entra-postrenderer")
	copyPlugin(t, dir)
	s.must(helm, "plugin", "install", dir)
}

func copyPlugin(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(root, "helm4", "camunda-entra-postrenderer")
	for from, to := range map[string]string{
		filepath.Join(src, "plugin.yaml"): filepath.Join(dir, "plugin.yaml"),
		filepath.Join(src, "install.sh"):  filepath.Join(dir, "install.sh"),
		binary:                            filepath.Join(dir, "bin", "camunda-entra"),
	} {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func helm4Args(extra ...string) []string {
	return append(extra, "--post-renderer", "camunda-entra-postrenderer",
		"--post-renderer-args", "--config="+entraConfig())
}

func TestHelm4PostRendererPlugin(t *testing.T) {
	helm := tool(t, "HELM4")
	s := newSandbox(t)
	installHelm4Plugin(t, s, helm)
	for render, fixture := range renders {
		t.Run(render, func(t *testing.T) {
			args := []string{"template", "camunda", chart, "-n", "camunda", "--set", "render=" + render}
			wired := s.must(helm, helm4Args(args...)...)
			checkOracle(t, readFixture(t, fixture), wired)
		})
	}
}

// Helm 4 regroups the post-renderer's output by the postrender-filename annotation: if it
// were lost, --show-only would no longer find the template.
func TestHelm4ShowOnlyKeepsAnnotation(t *testing.T) {
	helm := tool(t, "HELM4")
	s := newSandbox(t)
	installHelm4Plugin(t, s, helm)
	out := s.must(helm, helm4Args("template", "camunda", chart,
		"--show-only", "templates/connectors/deployment.yaml")...)
	if !strings.Contains(out, "CAMUNDA_CLIENT_AUTH_SCOPE") {
		t.Errorf("--show-only did not return the wired Connectors Deployment:\n%s", out)
	}
}

// Helm 4 sends hooks through the post-renderer too; they must come back untouched.
func TestHelm4InstallDryRunKeepsHooks(t *testing.T) {
	helm := tool(t, "HELM4")
	s := newSandbox(t)
	installHelm4Plugin(t, s, helm)
	hooked := hookedChart(t, s)
	out := s.must(helm, helm4Args("install", "camunda", hooked, "-n", "camunda",
		"--dry-run=client")...)
	hooks, manifest, ok := strings.Cut(out, "MANIFEST:")
	if !ok {
		t.Fatalf("no MANIFEST section in:\n%s", out)
	}
	if !strings.Contains(hooks, "name: camunda-entra-test-hook") ||
		!strings.Contains(hooks, "image: busybox:1.36") {
		t.Errorf("the hook did not come back:\n%s", hooks)
	}
	if !strings.Contains(manifest, "CAMUNDA_CLIENT_AUTH_SCOPE") {
		t.Error("the install's manifest is not wired")
	}
}

// hookedChart copies the test chart and adds a hook that shares Connectors' labels.
func hookedChart(t *testing.T, s *sandbox) string {
	t.Helper()
	dst := filepath.Join(s.dir, "hooked")
	s.must("cp", "-r", filepath.Join(root, chart), dst)
	hook := `apiVersion: batch/v1
kind: Job
metadata:
  name: camunda-entra-test-hook
  labels:
    app.kubernetes.io/component: connectors
  annotations:
    helm.sh/hook: pre-install
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: connectors
          image: busybox:1.36
`
	if err := os.WriteFile(filepath.Join(dst, "templates", "hook.yaml"), []byte(hook), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// Helm 4 throws a post-renderer's stderr away: the reason must reach the log file.
func TestHelm4FailureReachesLog(t *testing.T) {
	helm := tool(t, "HELM4")
	s := newSandbox(t)
	installHelm4Plugin(t, s, helm)
	bad := filepath.Join(s.dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("apiVersion: camunda-entra.dev/v1alpha1\nkind: EntraConfig\n"+
		"tenantId: contoso\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	want := `tenantId: want a GUID such as 00000000-0000-0000-0000-000000000000, got "contoso"`
	explicit := filepath.Join(s.dir, "explicit.log")
	cases := map[string][]string{
		filepath.Join(s.dir, "home", ".cache", "camunda-entra", "post-render.log"): nil,
		explicit: {"--post-renderer-args", "--log-file=" + explicit},
	}
	for logFile, extra := range cases {
		args := append([]string{"template", "camunda", chart, "--post-renderer",
			"camunda-entra-postrenderer", "--post-renderer-args", "--config=" + bad}, extra...)
		_, stderr, err := s.run(helm, args...)
		if err == nil {
			t.Fatal("helm succeeded with a bad config")
		}
		if !strings.Contains(stderr, `plugin "camunda-entra-postrenderer" exited with error`) {
			t.Errorf("unexpected helm error: %s", stderr)
		}
		log, _ := os.ReadFile(logFile)
		if !strings.Contains(string(log), want) {
			t.Errorf("%s does not hold the error; it holds:\n%s", logFile, log)
		}
	}
}

func TestHelm4PackagedPlugin(t *testing.T) {
	helm := tool(t, "HELM4")
	s := newSandbox(t)
	dir := filepath.Join(s.dir, "src", "camunda-entra-postrenderer")
	copyPlugin(t, dir)
	s.must(helm, "plugin", "package", dir, "--sign=false", "-d", s.dir)
	archive := filepath.Join(s.dir, "camunda-entra-postrenderer-"+pluginVersion(t, dir)+".tgz")
	s.must(helm, "plugin", "install", archive, "--verify=false")
	out := s.must(helm, helm4Args("template", "camunda", chart)...)
	if !strings.Contains(out, "CAMUNDA_CLIENT_AUTH_SCOPE") {
		t.Error("the packaged plugin did not wire the release")
	}
}

// pluginVersion reads the version of a plugin.yaml.
func pluginVersion(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "plugin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "version:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	t.Fatal("no version in plugin.yaml")
	return ""
}

// Both plugin manifests carry the version of the one place the Makefile reads.
func TestPluginVersionsAgree(t *testing.T) {
	top := pluginVersion(t, root)
	if v := pluginVersion(t, filepath.Join(root, "helm4", "camunda-entra-postrenderer")); v != top {
		t.Errorf("helm4 plugin version %s, plugin.yaml %s", v, top)
	}
}
