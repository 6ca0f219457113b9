// Package e2e runs camunda-entra through the real Helm 3, Helm 4 and kustomize binaries,
// built at pinned versions by scripts/tools.sh (make test sets HELM3, HELM4 and KUSTOMIZE).
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/internal/oracle"
)

var (
	root    string   // the repository
	binary  string   // camunda-entra, built once for the package
	goCache []string // the Go caches, kept when a sandbox moves HOME
)

func TestMain(m *testing.M) {
	var err error
	if root, err = filepath.Abs(".."); err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "camunda-entra-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "camunda-entra")
	out, err := exec.Command("go", "env", "GOPATH", "GOMODCACHE", "GOCACHE").Output()
	if err != nil {
		panic(fmt.Sprintf("go env: %v", err))
	}
	for i, v := range strings.Fields(string(out)) {
		goCache = append(goCache, []string{"GOPATH", "GOMODCACHE", "GOCACHE"}[i]+"="+v)
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir, build.Stderr = root, os.Stderr
	if err := build.Run(); err != nil {
		panic(fmt.Sprintf("failed to build camunda-entra: %v", err))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tool returns the path of a pinned tool from the environment. Without it the test is
// skipped, unless CAMUNDA_ENTRA_E2E=require (as make test and CI set) makes that a failure.
func tool(t *testing.T, name string) string {
	t.Helper()
	path := os.Getenv(name)
	if path != "" {
		return path
	}
	if os.Getenv("CAMUNDA_ENTRA_E2E") == "require" {
		t.Fatalf("$%s is not set; run eval \"$(scripts/tools.sh)\" first", name)
	}
	t.Skipf("$%s is not set; make test builds the pinned tools", name)
	return ""
}

// sandbox is a private Helm home: its own data, config, cache and plugin folders, and HOME.
type sandbox struct {
	t   *testing.T
	dir string
	env []string
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	dir := t.TempDir()
	s := &sandbox{t: t, dir: dir, env: append([]string{}, goCache...)}
	for k, sub := range map[string]string{
		"HOME": "home", "HELM_DATA_HOME": "data", "HELM_CONFIG_HOME": "config",
		"HELM_CACHE_HOME": "cache", "HELM_PLUGINS": "data/plugins",
	} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		s.env = append(s.env, k+"="+filepath.Join(dir, sub))
	}
	return s
}

// run executes a command in the repository with the sandbox's environment.
func (s *sandbox) run(name string, args ...string) (string, string, error) {
	s.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = root
	cmd.Env = append(append(os.Environ(), "KUBECONFIG="+s.kubeconfig()), s.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// must runs a command that has to succeed and returns its stdout.
func (s *sandbox) must(name string, args ...string) string {
	s.t.Helper()
	stdout, stderr, err := s.run(name, args...)
	if err != nil {
		s.t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr)
	}
	return stdout
}

// kubeconfig points at a cluster that is never contacted, for install --dry-run=client.
func (s *sandbox) kubeconfig() string {
	path := filepath.Join(s.dir, "kubeconfig")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	const kc = `apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:1"}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
users: [{name: none, user: {}}]
current-context: none
`
	if err := os.WriteFile(path, []byte(kc), 0o600); err != nil {
		s.t.Fatal(err)
	}
	return path
}

// chart is the static test chart that prints the recorded Camunda 8.8 renders.
var chart = filepath.Join("testdata", "chart", "camunda-platform")

// entraConfig is the shipped example configuration.
func entraConfig() string { return filepath.Join(root, "examples", "entra.yaml") }

// renders maps the chart's render value to the fixture it reproduces.
var renders = map[string]string{
	"baseline-oidc-minimal": "baseline-oidc-minimal.yaml",
	"baseline":              "baseline.yaml",
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "testdata", "fixtures", "camunda-8.8", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkOracle scores a post-rendered release against the chart's own Entra render: every
// Spring setting reproduced, no literal feeding a secret.
func checkOracle(t *testing.T, before []byte, after string) {
	t.Helper()
	load := func(data []byte) *oracle.Render {
		r, err := oracle.Load(data)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	target := load(readFixture(t, "entra-values.yaml"))
	report := oracle.Score(target, load(before), load([]byte(after)))
	s := report.Summary
	if s.Reproduced != s.Scored || s.Scored == 0 || s.SecretLeaks != 0 {
		t.Errorf("%s\n%s", s, report)
	}
}

// postRender runs the binary directly, the reference the doors are compared with.
func postRender(t *testing.T, input []byte) string {
	t.Helper()
	cmd := exec.Command(binary, "--config", entraConfig())
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("camunda-entra: %v", err)
	}
	return string(out)
}

func TestHelm3PostRenderer(t *testing.T) {
	helm := tool(t, "HELM3")
	for render, fixture := range renders {
		t.Run(render, func(t *testing.T) {
			s := newSandbox(t)
			args := []string{"template", "camunda", chart, "-n", "camunda", "--set", "render=" + render}
			plain := s.must(helm, args...)
			wired := s.must(helm, append(args, "--post-renderer", binary,
				"--post-renderer-args", "--config="+entraConfig())...)
			if want := postRender(t, []byte(plain)); wired != want {
				t.Error("helm's post-rendered output differs from camunda-entra on helm's render")
			}
			checkOracle(t, readFixture(t, fixture), wired)
		})
	}
}

// helm template --show-only finds documents by their "# Source:" comments.
func TestHelm3ShowOnlyKeepsWorking(t *testing.T) {
	helm := tool(t, "HELM3")
	s := newSandbox(t)
	out := s.must(helm, "template", "camunda", chart, "--post-renderer", binary,
		"--post-renderer-args", "--config="+entraConfig(),
		"--show-only", "templates/connectors/deployment.yaml")
	if !strings.Contains(out, "CAMUNDA_CLIENT_AUTH_SCOPE") || strings.Count(out, "kind:") != 1 {
		t.Errorf("--show-only did not return the wired Connectors Deployment:\n%s", out)
	}
}
