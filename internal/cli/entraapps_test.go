package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/appreg"
)

// appsGolden is where the appreg package keeps the script and manifests of the example
// config with the base URL https://camunda.example.com.
const appsGolden = "../../appreg/testdata/base-url"

// TestEntraAppsScript prints the script the README shows, warns on stderr that the config
// does not use the base URL yet, and the script runs: a stand-in az records what it is asked.
func TestEntraAppsScript(t *testing.T) {
	stdout, stderr, code := runSubcommand(t, runEntraApps, nil,
		"--config", lintConfig, "--base-url", "https://camunda.example.com")
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	want, err := os.ReadFile(appsGolden + ".sh")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("the script differs from %s.sh:\n%s", appsGolden, stdout)
	}
	if n := strings.Count(stderr, "camunda-entra entra-apps: warning: "); n != 4 {
		t.Errorf("want 4 warnings (Orchestration, Optimize, Web Modeler, Console), got:\n%s",
			stderr)
	}
	calls := runWithFakeAz(t, stdout)
	for _, want := range []string{
		"ad app update --id bbbbbbbb-2222-4222-8222-222222222222 --identifier-uris " +
			"api://bbbbbbbb-2222-4222-8222-222222222222 --web-redirect-uris " +
			"https://camunda.example.com/orchestration/sso-callback " +
			"https://camunda.example.com/orchestration/login/oauth2/code/orchestration",
		"rest --method PATCH --uri https://graph.microsoft.com/v1.0/applications/" +
			"object-of-ffffffff-6666-4666-8666-666666666666 --headers " +
			"Content-Type=application/json --body {\"api\":{\"requestedAccessTokenVersion\":2}," +
			"\"spa\":{\"redirectUris\":[\"https://camunda.example.com/console/\"]}}",
	} {
		if !strings.Contains(calls, want+"\n") {
			t.Errorf("az was not called with\n%s\ncalls:\n%s", want, calls)
		}
	}
	if n := strings.Count(calls, "rest --method PATCH"); n != 6 {
		t.Errorf("%d Graph PATCH calls, want one per app (6)", n)
	}
}

// runWithFakeAz runs a script with an az on PATH that logs its arguments and answers
// az ad app show with a made-up object id; it returns the log.
func runWithFakeAz(t *testing.T, script string) string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash on PATH")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "calls.log")
	fake := "#!" + bash + "\necho \"$*\" >> " + log + "\n" +
		"if [ \"$1 $2 $3\" = \"ad app show\" ]; then echo \"object-of-$5\"; fi\n"
	if err := os.WriteFile(filepath.Join(dir, "az"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, "-s")
	cmd.Stdin = strings.NewReader(script)
	cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the script failed: %v\n%s", err, out)
	}
	calls, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	return string(calls)
}

// TestEntraAppsJSON prints the manifests as JSON, the same as appreg's golden file.
func TestEntraAppsJSON(t *testing.T) {
	stdout, stderr, code := runSubcommand(t, runEntraApps, nil, "--config", lintConfig,
		"--base-url", "https://camunda.example.com", "--output", "json")
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	want, err := os.ReadFile(appsGolden + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("the JSON differs from %s.json:\n%s", appsGolden, stdout)
	}
	var plan appreg.Plan
	if err := json.Unmarshal([]byte(stdout), &plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.Applications) != 6 {
		t.Errorf("%d applications, want 6", len(plan.Applications))
	}
}

// TestEntraAppsLocal uses the chart's localhost defaults without a base URL, and warns of
// nothing, since the post-renderer configures the same URLs.
func TestEntraAppsLocal(t *testing.T) {
	stdout, stderr, code := runSubcommand(t, runEntraApps, nil, "--config", lintConfig)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	const optimize = "--web-redirect-uris http://localhost:8083/api/authentication/callback"
	if !strings.Contains(stdout, optimize) {
		t.Errorf("no local Optimize redirect URI:\n%s", stdout)
	}
}

func TestEntraAppsExitCodes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"-h"}, ExitOK},
		{"missing --config", nil, ExitConfig},
		{"missing config file", []string{"--config", "nope.yaml"}, ExitConfig},
		{"unknown output", []string{"--config", lintConfig, "--output", "yaml"}, ExitConfig},
		{"relative base URL", []string{"--config", lintConfig, "--base-url", "camunda.example.com"},
			ExitConfig},
		{"base URL with a query", []string{"--config", lintConfig, "--console-url",
			"https://c.example.com/?x=1"}, ExitConfig},
		{"argument", []string{"--config", lintConfig, "extra"}, ExitConfig},
		{"unknown flag", []string{"--config", lintConfig, "--name", "x"}, ExitConfig},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runSubcommand(t, runEntraApps, nil, tc.args...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
			if code != ExitOK && stdout != "" {
				t.Errorf("failed run wrote to stdout:\n%s", stdout)
			}
		})
	}
}
