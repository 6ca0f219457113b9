package cli

import (
	"os"
	"testing"
)

// TestExitCodes pins the three exit codes the README documents: 0 for success, 1 for an input
// stream that is invalid or cannot be wired, 2 for bad usage or a bad config.
func TestExitCodes(t *testing.T) {
	fixture, err := os.ReadFile("../../testdata/fixtures/camunda-8.8/default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	render := string(fixture)
	ok := []string{"--config", "../../examples/entra.yaml"}
	corpusConfig := func(name string) []string {
		return []string{"--config", "../../testdata/corpus/" + name + "/config.yaml"}
	}
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"wired stream", render, ok, ExitOK},
		{"post-render subcommand", render, append([]string{"post-render"}, ok...), ExitOK},
		{"empty stream", "", ok, ExitOK},
		{"help", "", []string{"--help"}, ExitOK},
		{"post-render help", "", []string{"post-render", "-h"}, ExitOK},
		{"version", "", []string{"version"}, ExitOK},
		{"invalid YAML", "kind: [\n", ok, ExitInput},
		{"not an object", "- a\n", ok, ExitInput},
		{"workload twice", render + "---\n" + render, ok, ExitInput},
		{"fn on invalid YAML", "kind: [\n", []string{"fn"}, ExitInput},
		{"missing config flag", "", nil, ExitConfig},
		{"unknown flag", "", append(ok, "--verbose"), ExitConfig},
		{"unexpected argument", "", append(ok, "extra"), ExitConfig},
		{"missing config file", "", []string{"--config", "does-not-exist.yaml"}, ExitConfig},
		{"config is a directory", "", []string{"--config", "."}, ExitConfig},
		{"invalid config", "", corpusConfig("config-wrong-type"), ExitConfig},
		{"config misses a component", render, corpusConfig("config-missing-client"), ExitConfig},
		{"fn with an argument", "", []string{"fn", "extra"}, ExitConfig},
		{"fn without functionConfig", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n" +
			"items: []\n", []string{"fn"}, ExitConfig},
		{"helm without a command", "", []string{"helm"}, ExitConfig},
		{"helm without the config", "", []string{"helm", "template", "r", "chart"}, ExitConfig},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCommand(t, []byte(tc.stdin), tc.args...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
			if code != ExitOK && stdout != "" {
				t.Errorf("failed run wrote to stdout:\n%s", stdout)
			}
		})
	}
}
