package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// wrappedPlugin is the name of the Helm 4 post-renderer plugin the wrapper writes for one run.
const wrappedPlugin = "camunda-entra-wrapped"

// helmRun is one wrapped helm invocation.
type helmRun struct {
	helm       string
	major      int
	self       string
	configPath string
	args       []string
	tmp        string
}

// runHelm runs `helm install|upgrade|template ...` with the post-renderer wired in, whether
// the helm at hand is Helm 3 (an executable post-renderer) or Helm 4 (a plugin).
func runHelm(version string, args []string, s Streams) int {
	if len(args) > 0 && args[0] == "version" {
		fmt.Fprintf(s.Stdout, "camunda-entra %s\n", version)
		return ExitOK
	}
	r, err := newHelmRun(args, s)
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra: %v\n", err)
		return exitCode(err)
	}
	defer os.RemoveAll(r.tmp)
	return r.run(s)
}

func newHelmRun(args []string, s Streams) (*helmRun, error) {
	if len(args) == 0 || !isRenderCommand(args[0]) {
		return nil, &configError{errors.New("usage: camunda-entra helm " +
			"install|upgrade|template RELEASE CHART --entra-config FILE [helm flags]")}
	}
	configPath, rest := extractFlag(args[1:], "entra-config")
	if configPath == "" {
		return nil, &configError{errors.New("--entra-config is required")}
	}
	if _, err := loadConfig(configPath); err != nil {
		return nil, err
	}
	r := &helmRun{helm: s.Getenv("HELM_BIN"), args: append([]string{args[0]}, rest...)}
	var err error
	if r.configPath, err = filepath.Abs(configPath); err != nil {
		return nil, err
	}
	if r.self, err = os.Executable(); err != nil {
		return nil, fmt.Errorf("failed to find the camunda-entra binary: %w", err)
	}
	if r.helm == "" {
		r.helm = "helm"
	}
	if r.major, err = helmMajor(r.helm); err != nil {
		return nil, err
	}
	r.tmp, err = os.MkdirTemp("", "camunda-entra-")
	return r, err
}

func isRenderCommand(s string) bool {
	return s == "install" || s == "upgrade" || s == "template"
}

// extractFlag removes --name VALUE or --name=VALUE from args and returns the value.
func extractFlag(args []string, name string) (string, []string) {
	var value string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--"+name && i+1 < len(args):
			value = args[i+1]
			i++
		case strings.HasPrefix(a, "--"+name+"="):
			value = strings.TrimPrefix(a, "--"+name+"=")
		default:
			rest = append(rest, a)
		}
	}
	return value, rest
}

var helmVersion = regexp.MustCompile(`^v(\d+)\.`)

// helmMajor asks helm for its version.
func helmMajor(helm string) (int, error) {
	out, err := exec.Command(helm, "version", "--template", "{{.Version}}").Output()
	if err != nil {
		return 0, fmt.Errorf("failed to run %q version: %w", helm, err)
	}
	m := helmVersion.FindStringSubmatch(strings.TrimSpace(string(out)))
	if m == nil || (m[1] != "3" && m[1] != "4") {
		return 0, fmt.Errorf("%q reports version %q; Helm 3 or 4 is needed", helm, out)
	}
	return int(m[1][0] - '0'), nil
}

// run starts helm and passes its exit code on. Helm 4 drops the post-renderer's stderr, so
// the post-renderer logs to a file that is shown when helm fails.
func (r *helmRun) run(s Streams) int {
	logPath := filepath.Join(r.tmp, "post-render.log")
	args, env, err := r.wiring(logPath)
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra: %v\n", err)
		return ExitInput
	}
	cmd := exec.Command(r.helm, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = s.Stdin, s.Stdout, s.Stderr
	cmd.Env = env
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if log, _ := os.ReadFile(logPath); r.major == 4 && len(log) > 0 {
			fmt.Fprintf(s.Stderr, "camunda-entra post-renderer log:\n%s", log)
		}
		return exit.ExitCode()
	}
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra: failed to run %q: %v\n", r.helm, err)
		return ExitInput
	}
	return ExitOK
}

// wiring returns helm's arguments and environment with the post-renderer added.
func (r *helmRun) wiring(logPath string) ([]string, []string, error) {
	pass := []string{"--config=" + r.configPath, "--log-file=" + logPath}
	env := os.Environ()
	args := append([]string{}, r.args...)
	if r.major == 3 {
		args = append(args, "--post-renderer", r.self, "--post-renderer-args", "post-render")
	} else {
		plugins, err := r.writePlugin()
		if err != nil {
			return nil, nil, err
		}
		env = append(env, "HELM_PLUGINS="+plugins)
		args = append(args, "--post-renderer", wrappedPlugin)
	}
	for _, p := range pass {
		args = append(args, "--post-renderer-args", p)
	}
	return args, env, nil
}

// writePlugin writes a Helm 4 post-renderer plugin that runs this very binary, and returns
// the plugin path list with it first and the user's plugins after.
func (r *helmRun) writePlugin() (string, error) {
	if strings.ContainsAny(r.self, " \t") {
		return "", fmt.Errorf("helm 4 cannot run a plugin command whose path has spaces: %q", r.self)
	}
	dir := filepath.Join(r.tmp, "plugins", wrappedPlugin)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	manifest := fmt.Sprintf(`apiVersion: v1
type: postrenderer/v1
name: %s
version: 0.0.0
runtime: subprocess
runtimeConfig:
  platformCommand:
    - command: %q
      args: [post-render]
`, wrappedPlugin, r.self)
	if err := os.WriteFile(filepath.Join(dir, "plugin.yaml"), []byte(manifest), 0o600); err != nil {
		return "", err
	}
	list := filepath.Join(r.tmp, "plugins")
	out, err := exec.Command(r.helm, "env", "HELM_PLUGINS").Output()
	if user := string(bytes.TrimSpace(out)); err == nil && user != "" {
		list += string(os.PathListSeparator) + user
	}
	return list, nil
}
