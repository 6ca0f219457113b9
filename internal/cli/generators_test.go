package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/kio"
)

const (
	exampleConfig = "../../examples/entra.yaml"
	commandsDir   = "../../testdata/commands"
)

// runGen runs a subcommand function in process; Run dispatches to the same functions.
func runGen(t *testing.T, run func([]string, Streams) int, stdin []byte, args ...string) (
	string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, Streams{Stdin: bytes.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }})
	return stdout.String(), stderr.String(), code
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestValuesCommand checks the values of each chart line against golden files.
func TestValuesCommand(t *testing.T) {
	cases := []struct{ golden, version string }{
		{"values-8.8.yaml", ""},
		{"values-8.9.yaml", "8.9"},
		{"values-8.10.yaml", "8.10"},
		{"values-8.9.yaml", "14.8.4"},
		{"values-8.10.yaml", "15.0.0-alpha4"},
	}
	for _, tc := range cases {
		t.Run(tc.golden+" "+tc.version, func(t *testing.T) {
			args := []string{"--config", exampleConfig}
			if tc.version != "" {
				args = append(args, "--chart-version", tc.version)
			}
			stdout, stderr, code := runGen(t, runValues, nil, args...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, filepath.Join(commandsDir, tc.golden), []byte(stdout))
		})
	}
}

// TestSecretsCommand checks the three outputs against golden files: the shell script, the
// manifest, and both.
func TestSecretsCommand(t *testing.T) {
	cases := []struct {
		golden string
		args   []string
	}{
		{"secrets.txt", []string{"--namespace", "camunda"}},
		{"secrets-commands.sh", []string{"--output", "commands"}},
		{"secrets-manifest.yaml", []string{"--output", "manifest", "--namespace", "camunda"}},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			args := append([]string{"--config", exampleConfig}, tc.args...)
			stdout, stderr, code := runGen(t, runSecrets, nil, args...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, filepath.Join(commandsDir, tc.golden), []byte(stdout))
		})
	}
}

// TestSecretsManifestApplies parses the manifest output: Secrets only, and no value that is
// not a placeholder.
func TestSecretsManifestApplies(t *testing.T) {
	stdout, stderr, code := runGen(t, runSecrets, nil,
		"--config", exampleConfig, "--output", "manifest")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	nodes, err := kio.FromBytes([]byte(stdout))
	if err != nil || len(nodes) != 1 || nodes[0].GetKind() != "Secret" {
		t.Fatalf("want one Secret (%v):\n%s", err, stdout)
	}
	values := strings.Count(stdout, ": \"<fill in: client secret of Entra app ")
	if values != 3 || strings.Contains(stdout, "namespace:") {
		t.Errorf("want three placeholders and no namespace:\n%s", stdout)
	}
}

// TestSecretsWarnings covers a config whose key is named for two apps, and one without Secrets.
func TestSecretsWarnings(t *testing.T) {
	head := "apiVersion: camunda-entra.dev/v1alpha1\nkind: EntraConfig\n" +
		"tenantId: 11111111-2222-3333-4444-555555555555\ninitialAdmin: {value: a@example.com}\n"
	cases := []struct {
		name, config, stderr string
		stdout               bool
	}{
		{
			name: "one key, two apps",
			config: head + `clients:
  orchestration:
    clientId: bbbbbbbb-2222-4222-8222-222222222222
    secret: {name: entra, key: shared}
  optimize:
    clientId: cccccccc-3333-4333-8333-333333333333
    secret: {name: entra, key: shared}
`,
			stderr: `camunda-entra secrets: warning: key "shared" of Secret "entra" is named ` +
				`for 2 Entra apps (bbbbbbbb-2222-4222-8222-222222222222, ` +
				`cccccccc-3333-4333-8333-333333333333), but each app has a client secret of its own` + "\n",
			stdout: true,
		},
		{
			name:   "public clients only",
			config: head + "clients:\n  console:\n    clientId: ffffffff-6666-4666-8666-666666666666\n",
			stderr: "camunda-entra secrets: the config refers to no Secret " +
				"(only public clients need none)\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "entra.yaml")
			if err := os.WriteFile(path, []byte(tc.config), 0o600); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runGen(t, runSecrets, nil, "--config", path)
			if code != ExitOK || stderr != tc.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, tc.stderr)
			}
			if (stdout != "") != tc.stdout {
				t.Errorf("stdout:\n%s", stdout)
			}
		})
	}
}

// TestPatchesCommand checks both forms of the patches of the chart's default render, the
// Orchestration Cluster and Connectors, against golden files. That kustomize applies them as
// the post-renderer would is the end-to-end test e2e/patches_test.go.
func TestPatchesCommand(t *testing.T) {
	render := readFile(t, "../../testdata/fixtures/camunda-8.8/default.yaml")
	cases := []struct {
		golden string
		args   []string
	}{
		{"patches-flux.yaml", nil},
		{"patches-kustomization.yaml",
			[]string{"--output", "kustomization", "--resource", "camunda.yaml"}},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			args := append([]string{"--config", exampleConfig}, tc.args...)
			stdout, stderr, code := runGen(t, runPatches, render, args...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, filepath.Join(commandsDir, tc.golden), []byte(stdout))
		})
	}
}

// TestPatchesOfWiredRender: a render that is already wired needs no patches, and says so.
func TestPatchesOfWiredRender(t *testing.T) {
	render := readFile(t, "../../testdata/fixtures/camunda-8.8/default.yaml")
	wired, stderr, code := runCommand(t, render, "--config", exampleConfig)
	if code != ExitOK {
		t.Fatalf("post-render: exit %d: %s", code, stderr)
	}
	stdout, stderr, code := runGen(t, runPatches, []byte(wired), "--config", exampleConfig)
	if code != ExitOK || !strings.Contains(stdout, "patches: []") ||
		!strings.Contains(stderr, "warning: nothing in the stream to wire") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestGeneratorErrors pins exit codes and one-line messages; a failed run writes no stdout.
func TestGeneratorErrors(t *testing.T) {
	render := string(readFile(t, "../../testdata/fixtures/camunda-8.8/default.yaml"))
	missing := "../../testdata/corpus/config-missing-client/config.yaml"
	cases := []struct {
		name  string
		run   func([]string, Streams) int
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"values help", runValues, "", []string{"--help"}, ExitOK, "-chart-version"},
		{"values without config", runValues, "", nil, ExitConfig,
			"camunda-entra values: --config is required"},
		{"values bad version", runValues, "",
			[]string{"--config", exampleConfig, "--chart-version", "8.7"},
			ExitConfig, `camunda-entra values: --chart-version: want 8.8, 8.9 or 8.10, or a chart ` +
				`version 13.x, 14.x or 15.x; got "8.7"`},
		{"values unknown flag", runValues, "", []string{"--config", exampleConfig, "--chart", "8.9"},
			ExitConfig, `camunda-entra values: flag provided but not defined: -chart ` +
				`(run "camunda-entra values --help" for the flags)`},
		{"values argument", runValues, "", []string{"--config", exampleConfig, "8.9"}, ExitConfig,
			`camunda-entra values: unexpected argument "8.9"`},
		{"values missing config file", runValues, "", []string{"--config", "nope.yaml"}, ExitConfig,
			`camunda-entra values: config file "nope.yaml" does not exist`},
		{"secrets help", runSecrets, "", []string{"-h"}, ExitOK, "-namespace"},
		{"secrets bad namespace", runSecrets, "",
			[]string{"--config", exampleConfig, "--namespace", "a;b"},
			ExitConfig, `camunda-entra secrets: --namespace: "a;b" is not a valid namespace name`},
		{"secrets bad output", runSecrets, "", []string{"--config", exampleConfig, "--output", "json"},
			ExitConfig, `camunda-entra secrets: --output: want all, commands or manifest, got "json"`},
		{"patches help", runPatches, "", []string{"--help"}, ExitOK, "-resource"},
		{"patches bad output", runPatches, render,
			[]string{"--config", exampleConfig, "--output", "helm"},
			ExitConfig, `camunda-entra patches: --output: want flux or kustomization, got "helm"`},
		{"patches resource for flux", runPatches, render,
			[]string{"--config", exampleConfig, "--resource", "r.yaml"}, ExitConfig,
			"camunda-entra patches: --resource: only with --output kustomization"},
		{"patches invalid stream", runPatches, "kind: [\n", []string{"--config", exampleConfig},
			ExitInput, "camunda-entra patches: document 0: invalid YAML"},
		{"patches config misses a component", runPatches, render, []string{"--config", missing},
			ExitConfig, "but the config has no clients.orchestration"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runGen(t, tc.run, []byte(tc.stdin), tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, tc.code, tc.want)
			}
			if stdout != "" {
				t.Errorf("wrote to stdout:\n%s", stdout)
			}
			if code != ExitOK && strings.Count(stderr, "\n") != 1 {
				t.Errorf("the error is not one line:\n%s", stderr)
			}
		})
	}
}
