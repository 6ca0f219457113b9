package cli

import (
	"reflect"
	"strings"
	"testing"
)

func TestExtractFlag(t *testing.T) {
	cases := []struct {
		name      string
		args      []string
		value     string
		remaining []string
	}{
		{"separate value", []string{"r", "c", "--entra-config", "e.yaml", "-n", "x"}, "e.yaml",
			[]string{"r", "c", "-n", "x"}},
		{"equals form", []string{"--entra-config=e.yaml", "r"}, "e.yaml", []string{"r"}},
		{"absent", []string{"r", "c"}, "", []string{"r", "c"}},
		{"last one wins", []string{"--entra-config", "a", "--entra-config=b"}, "b", nil},
		{"other flags untouched", []string{"--entra-configs", "x"}, "", []string{"--entra-configs", "x"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			value, rest := extractFlag(tc.args, "entra-config")
			if value != tc.value || !reflect.DeepEqual(rest, tc.remaining) {
				t.Errorf("got %q %q, want %q %q", value, rest, tc.value, tc.remaining)
			}
		})
	}
}

func TestHelmUsageErrors(t *testing.T) {
	cases := map[string]struct {
		args []string
		want string
	}{
		"no command": {nil, "usage: camunda-entra helm install|upgrade|template"},
		"lint":       {[]string{"lint", "chart"}, "usage: camunda-entra helm install|upgrade|template"},
		"no config":  {[]string{"template", "r", "chart"}, "--entra-config is required"},
		"bad config": {[]string{"template", "r", "chart", "--entra-config", "missing.yaml"},
			`config file "missing.yaml" does not exist`},
		"no helm": {[]string{"template", "r", "chart", "--entra-config", "../../examples/entra.yaml"},
			`failed to run "/nonexistent/helm" version`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runWithEnv(t, map[string]string{"HELM_BIN": "/nonexistent/helm"},
				append([]string{"helm"}, tc.args...)...)
			wantCode := ExitConfig
			if name == "no helm" {
				wantCode = ExitInput
			}
			if code != wantCode || !strings.Contains(stderr, tc.want) || stdout != "" {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, wantCode, tc.want)
			}
		})
	}
}

// runWithEnv runs the command in process with the given environment.
func runWithEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr strings.Builder
	code := Run("test", args, Streams{Stdin: strings.NewReader(""), Stdout: &stdout,
		Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
	return stdout.String(), stderr.String(), code
}
