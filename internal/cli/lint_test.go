package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/lint"
)

const (
	lintConfig   = "../../examples/entra.yaml"
	lintFixtures = "../../testdata/fixtures/camunda-8.8"
)

// runSub runs a subcommand function in process with stdin and returns stdout, stderr and
// the exit code.
func runSubcommand(t *testing.T, run func([]string, Streams) int, stdin []byte,
	args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, Streams{Stdin: bytes.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }})
	return stdout.String(), stderr.String(), code
}

// postRenderedFile runs the post-renderer on a fixture, as the lint's user would, and
// returns the file it wrote.
func postRenderedFile(t *testing.T, fixture string) string {
	t.Helper()
	input, err := os.ReadFile(filepath.Join(lintFixtures, fixture))
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCommand(t, input, "post-render", "--config", lintConfig)
	if code != ExitOK {
		t.Fatalf("post-render exit %d: %s", code, stderr)
	}
	path := filepath.Join(t.TempDir(), "wired.yaml")
	if err := os.WriteFile(path, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLintPostRendered is the pipeline the README shows: render, post-render, lint clean.
func TestLintPostRendered(t *testing.T) {
	path := postRenderedFile(t, "entra-values.yaml")
	stdout, stderr, code := runSubcommand(t, runLint, nil, "--config", lintConfig, path)
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if want := "camunda-entra lint: 0 errors, 0 warnings in 7 workloads\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// TestLintFindings lints the render without Entra settings from stdin: one line per finding
// in text, the same findings as a JSON array, exit 1.
func TestLintFindings(t *testing.T) {
	input, err := os.ReadFile(filepath.Join(lintFixtures, "baseline-oidc-minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text, _, code := runSubcommand(t, runLint, input, "--config", lintConfig)
	if code != ExitInput {
		t.Fatalf("text: exit %d, want %d", code, ExitInput)
	}
	js, stderr, code := runSubcommand(t, runLint, input,
		"--config", lintConfig, "--output", "json", "-")
	if code != ExitInput {
		t.Fatalf("json: exit %d, want %d", code, ExitInput)
	}
	var findings []lint.Finding
	if err := json.Unmarshal([]byte(js), &findings); err != nil {
		t.Fatalf("stdout is not a JSON array of findings: %v\n%s", err, js)
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(findings) == 0 || len(lines) != len(findings) {
		t.Fatalf("%d text lines, %d JSON findings", len(lines), len(findings))
	}
	for i, f := range findings {
		if lines[i] != f.String() {
			t.Errorf("line %d:\n%s\nwant\n%s", i, lines[i], f)
		}
	}
	if !strings.Contains(stderr, lint.Summary(findings)+" in 7 workloads") {
		t.Errorf("stderr %q lacks the summary", stderr)
	}
}

// TestLintWarningsPass exits 0 on warnings alone, and several inputs, a file and stdin, form
// one stream.
func TestLintWarningsPass(t *testing.T) {
	path := postRenderedFile(t, "baseline-oidc-minimal.yaml")
	stdout, stderr, code := runSubcommand(t, runLint, []byte("apiVersion: v1\nkind: Namespace\n"),
		"--config", lintConfig, "--output", "json", path, "-")
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var findings []lint.Finding
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil {
		t.Fatal(err)
	}
	if got := lint.Summary(findings); got != "0 errors, 4 warnings" {
		t.Errorf("got %s:\n%s", got, stdout)
	}
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	badConfig := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(badConfig, []byte("tenantId: nope\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"help", "", []string{"--help"}, ExitOK},
		{"no Camunda workloads", "apiVersion: v1\nkind: Namespace\n",
			[]string{"--config", lintConfig}, ExitOK},
		{"invalid YAML", "kind: [\n", []string{"--config", lintConfig}, ExitInput},
		{"missing --config", "", nil, ExitConfig},
		{"unknown output", "", []string{"--config", lintConfig, "--output", "yaml"}, ExitConfig},
		{"unknown flag", "", []string{"--config", lintConfig, "--strict"}, ExitConfig},
		{"stdin twice", "", []string{"--config", lintConfig, "-", "-"}, ExitConfig},
		{"missing input file", "", []string{"--config", lintConfig, "nope.yaml"}, ExitConfig},
		{"missing config file", "", []string{"--config", "nope.yaml"}, ExitConfig},
		{"invalid config", "", []string{"--config", badConfig}, ExitConfig},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runSubcommand(t, runLint, []byte(tc.stdin), tc.args...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
			if code == ExitConfig && stdout != "" {
				t.Errorf("usage error wrote to stdout:\n%s", stdout)
			}
		})
	}
}
