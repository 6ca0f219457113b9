package appreg

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/golden"
)

const example = "../examples/entra.yaml"

func loadExample(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// withOwnConnectors is the example config with Connectors on an app of their own.
func withOwnConnectors(t *testing.T) *config.Config {
	t.Helper()
	cfg := loadExample(t)
	cfg.Clients.Connectors = &config.Confidential{
		ClientID: "99999999-7777-4777-8777-777777777777",
		Secret:   &config.SecretRef{Name: "connectors-credentials", Key: "client-secret"},
	}
	return cfg
}

// cases are the golden cases: testdata/<name>.sh and testdata/<name>.json.
var cases = []struct {
	name   string
	config func(*testing.T) *config.Config
	urls   URLs
}{
	{"base-url", loadExample, URLs{Base: "https://camunda.example.com"}},
	{"local", loadExample, URLs{}},
	{"own-connectors", withOwnConnectors, URLs{Base: "https://camunda.example.com/",
		Console: "https://console.example.com"}},
}

func render(t *testing.T, p *Plan) (script, js []byte) {
	t.Helper()
	var s, j bytes.Buffer
	if err := p.WriteScript(&s); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	return s.Bytes(), j.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			script, js := render(t, Build(tc.config(t), tc.urls))
			golden.Check(t, filepath.Join("testdata", tc.name+".sh"), script)
			golden.Check(t, filepath.Join("testdata", tc.name+".json"), js)
		})
	}
}

// TestScriptParses has bash check the syntax of every golden script.
func TestScriptParses(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash on PATH")
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			script, _ := render(t, Build(tc.config(t), tc.urls))
			cmd := exec.Command(bash, "-n")
			cmd.Stdin = bytes.NewReader(script)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("bash -n: %v\n%s", err, out)
			}
		})
	}
}

// TestEveryClientID finds every app of the config in the script, updated by its id, and in
// the JSON with v2.0 tokens.
func TestEveryClientID(t *testing.T) {
	cfg := withOwnConnectors(t)
	ids := []string{cfg.Clients.Identity.ClientID, cfg.Clients.Orchestration.ClientID,
		cfg.Clients.Connectors.ClientID, cfg.Clients.Optimize.ClientID,
		cfg.Clients.WebModeler.ClientID, cfg.Clients.WebModeler.PublicAPIAudience,
		cfg.Clients.Console.ClientID}
	script, js := render(t, Build(cfg, URLs{}))
	var plan Plan
	if err := json.Unmarshal(js, &plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.Applications) != len(ids) {
		t.Fatalf("%d applications, want %d", len(plan.Applications), len(ids))
	}
	for i, id := range ids {
		updated := strings.Contains(string(script), "az ad app update --id "+id+" ") &&
			strings.Contains(string(script), "graph_patch "+id+" ")
		// Connectors' own app only requests tokens: the script has nothing to change there.
		if client := id == cfg.Clients.Connectors.ClientID; updated == client ||
			!strings.Contains(string(script), id) {
			t.Errorf("%s: updated %v", id, updated)
		}
		app := plan.Applications[i]
		if app.ClientID != id || app.Manifest.API.RequestedAccessTokenVersion != 2 {
			t.Errorf("application %d: %+v", i, app)
		}
	}
}

// TestNoSecretValues makes sure the script only ever names Secret keys.
func TestNoSecretValues(t *testing.T) {
	script, _ := render(t, Build(loadExample(t), URLs{}))
	for _, line := range strings.Split(string(script), "\n") {
		if strings.Contains(line, "credential reset") && !strings.HasPrefix(line, "#") {
			t.Errorf("the script resets a credential: %s", line)
		}
	}
	for _, key := range []string{"identity-client-secret", "orchestration-cluster-client-secret",
		"optimize-client-secret"} {
		if !strings.Contains(string(script), "--from-literal="+key+"=<secret of ") {
			t.Errorf("the script does not say where %s goes", key)
		}
	}
}

// TestRoots checks where each root URL comes from, and the warning when camunda-entra
// configures another one.
func TestRoots(t *testing.T) {
	tests := []struct {
		name      string
		configURL string
		urls      URLs
		want      string
		warns     bool
	}{
		{"chart default", "", URLs{}, "http://localhost:8080/sso-callback", false},
		{"config", "https://oc.example.com", URLs{Base: "https://camunda.example.com"},
			"https://oc.example.com/sso-callback", false},
		{"base URL", "", URLs{Base: "https://camunda.example.com"},
			"https://camunda.example.com/orchestration/sso-callback", true},
		{"base URL the config agrees with", "https://camunda.example.com/orchestration",
			URLs{Base: "https://camunda.example.com"},
			"https://camunda.example.com/orchestration/sso-callback", false},
		{"own option over the config", "https://oc.example.com",
			URLs{Orchestration: "https://zeebe.example.com"}, "https://zeebe.example.com/sso-callback",
			true},
		{"own option equal to the config", "https://oc.example.com",
			URLs{Orchestration: "https://oc.example.com"}, "https://oc.example.com/sso-callback",
			false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := loadExample(t)
			cfg.Clients.Orchestration.RedirectURL = tc.configURL
			p := Build(cfg, tc.urls)
			oc := p.Applications[1]
			if got := oc.Manifest.Web.RedirectURIs[0]; got != tc.want {
				t.Errorf("redirect URI %s, want %s", got, tc.want)
			}
			warned := false
			for _, w := range p.Warnings {
				warned = warned || strings.HasPrefix(w, "Orchestration Cluster:")
			}
			if warned != tc.warns {
				t.Errorf("warned %v, want %v: %q", warned, tc.warns, p.Warnings)
			}
		})
	}
}

// TestIdentityRootNoWarning: camunda-entra does not configure Management Identity's root, so
// a base URL for it warns of nothing.
func TestIdentityRootNoWarning(t *testing.T) {
	p := Build(loadExample(t), URLs{Identity: "https://id.example.com"})
	if got := p.Applications[0].Manifest.Web.RedirectURIs; got[0] !=
		"https://id.example.com/auth/login-callback" {
		t.Errorf("got %q", got)
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestGraphOfCloud(t *testing.T) {
	for cloud, want := range map[string]string{
		"":       "https://graph.microsoft.com",
		"public": "https://graph.microsoft.com",
		"usgov":  "https://graph.microsoft.us",
		"china":  "https://microsoftgraph.chinacloudapi.cn",
	} {
		if got := graphOf(&config.Config{Cloud: cloud}); got != want {
			t.Errorf("cloud %q: %s, want %s", cloud, got, want)
		}
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://camunda.example.com", true},
		{"https://camunda.example.com/", true},
		{"http://localhost:8080", true},
		{"https://[::1]:8443/camunda", false},
		{"camunda.example.com", false},
		{"ftp://camunda.example.com", false},
		{"https://", false},
		{"https://camunda.example.com/?a=b", false},
		{"https://camunda.example.com/#x", false},
		{"https://user:pw@camunda.example.com", false},
		{"https://camunda.example.com/it's", false},
		{"https://camunda.example.com/$(reboot)", false},
		{"https://camunda.example.com/a b", false},
	}
	for _, tc := range tests {
		if err := CheckURL(tc.url); (err == nil) != tc.ok {
			t.Errorf("CheckURL(%q) = %v, want ok %v", tc.url, err, tc.ok)
		}
	}
}

// TestQuote has bash read back every quoted word.
func TestQuote(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash on PATH")
	}
	for _, s := range []string{"plain", `{"a":["b c"]}`, "it's", "$HOME `x`", "a\nb", ""} {
		out, err := exec.Command(bash, "-c", "printf %s "+quote(s)).Output()
		if err != nil || string(out) != s {
			t.Errorf("quote(%q) = %s reads back as %q (%v)", s, quote(s), out, err)
		}
	}
}

// FuzzCheckURL: a URL CheckURL accepts is one plain shell word, so the script never needs to
// quote what a user typed.
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"https://camunda.example.com", "http://[::1]:80/a", "https://a/'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckURL(s) == nil && quote(s) != s {
			t.Errorf("accepted %q needs quoting", s)
		}
	})
}
