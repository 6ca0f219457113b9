package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// The example Config Management Plugin runs its init and generate commands the way Argo CD's
// cmp-server does: in the application's source folder, with Argo CD's variables set.
func TestArgoCDPlugin(t *testing.T) {
	helm := tool(t, "HELM3")
	s := newSandbox(t)
	app := filepath.Join(s.dir, "app")
	s.must("cp", "-r", filepath.Join(root, chart), app)
	s.must("cp", entraConfig(), filepath.Join(app, "entra.yaml"))

	plugin, err := yaml.ReadFile(filepath.Join(root, "examples", "argocd", "plugin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Dir(helm) + string(os.PathListSeparator) + filepath.Dir(binary) +
		string(os.PathListSeparator) + os.Getenv("PATH")
	env := append(os.Environ(), "PATH="+path, "ARGOCD_APP_NAME=camunda",
		"ARGOCD_APP_NAMESPACE=camunda", "KUBE_VERSION=1.30.0")
	var out string
	for _, step := range []string{"init", "generate"} {
		argv := append(stringList(t, plugin, step, "command"), stringList(t, plugin, step, "args")...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir, cmd.Env = app, append(env, s.env...)
		stdout, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		out = string(stdout)
	}
	checkOracle(t, readFixture(t, "baseline-oidc-minimal.yaml"), out)
}

// stringList reads the list of strings at spec.<step>.<field>; absent is empty.
func stringList(t *testing.T, plugin *yaml.RNode, step, field string) []string {
	t.Helper()
	node, err := plugin.Pipe(yaml.Lookup("spec", step, field))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if node != nil {
		for _, item := range node.Content() {
			out = append(out, item.Value)
		}
	}
	return out
}
