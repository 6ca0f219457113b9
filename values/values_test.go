package values

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Keys and values the tables below share.
const (
	authKey = "global.identity.auth."
	ocKey   = "orchestration.security.authentication.oidc."
	connKey = "connectors.security.authentication.oidc."
	idApp   = "aaaaaaaa-1111-4111-8111-111111111111"
	ocApp   = "bbbbbbbb-2222-4222-8222-222222222222"
	optApp  = "cccccccc-3333-4333-8333-333333333333"
	wmApp   = "dddddddd-4444-4444-8444-444444444444"
	wmAPI   = "eeeeeeee-5555-4555-8555-555555555555"
	ownApp  = "99999999-9999-4999-8999-999999999999"
)

// s is how flatten spells a string value.
func s(v string) string { return "!!str " + v }

// notOurs are the keys of the chart's Entra values fixture that configure databases and mail,
// which the tool leaves to the user's own values.
var notOurs = []string{"identityPostgresql.", "webModelerPostgresql.", "webModeler.restapi.mail."}

// beyondFixture are the settings the tool writes that the fixture lacks: fixes the chart needs
// for which the fixture's author had no reason.
var beyondFixture = map[string]string{
	"console.env[CAMUNDA_IDENTITY_JWKS_URL].name": s("CAMUNDA_IDENTITY_JWKS_URL"),
	"console.env[CAMUNDA_IDENTITY_JWKS_URL].value": s("https://login.microsoftonline.com/" +
		"11111111-2222-3333-4444-555555555555/discovery/v2.0/keys"),
}

// TestMatchesChartFixture compares, setting by setting, the values for the example
// configuration with the values that produced the chart's own Entra render: every setting of
// the fixture but the excluded ones must come out with the same value and type, and nothing
// else may come out but the listed extras.
func TestMatchesChartFixture(t *testing.T) {
	want := flattenFile(t, "../testdata/fixtures/camunda-8.8/entra-values.values.yaml")
	got := flatten(Build(loadConfig(t, "../examples/entra.yaml"), V88))
	checked := 0
	for _, key := range sortedKeys(want) {
		if excluded(key) {
			continue
		}
		checked++
		if got[key] != want[key] {
			t.Errorf("%s: got %q, the fixture has %q", key, got[key], want[key])
		}
	}
	for _, key := range sortedKeys(got) {
		if _, inFixture := want[key]; inFixture {
			continue
		}
		if extra, ok := beyondFixture[key]; !ok || extra != got[key] {
			t.Errorf("%s=%q is neither in the fixture nor an expected extra", key, got[key])
		}
	}
	// The fixture holds 56 settings, 9 of them excluded: all others must have been compared.
	if checked != 47 {
		t.Errorf("compared %d settings of the fixture, want 47", checked)
	}
}

func excluded(key string) bool {
	for _, prefix := range notOurs {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return false
}

// TestVersions checks what differs between the chart lines.
func TestVersions(t *testing.T) {
	cfg := loadConfig(t, "../examples/entra.yaml")
	v88 := flatten(Build(cfg, V88))
	cases := []struct {
		name    string
		v       Version
		present map[string]string
		absent  []string
	}{
		{name: "8.9 takes the values of 8.8", v: V89, present: v88},
		{
			name: "8.10 names Web Modeler Camunda Hub and has no Console",
			v:    V810,
			present: map[string]string{
				authKey + "camundaHub.clientId":                  s(wmApp),
				authKey + "camundaHub.clientApiAudience":         s(wmApp),
				authKey + "camundaHub.publicApiAudience":         s(wmAPI),
				"camundaHub.enabled":                             "!!bool true",
				"identity.env[CAMUNDA_OPTIMIZE_CLIENT_ID].value": s(optApp),
				"identity.env[CAMUNDA_IDENTITY_AUDIENCE].value":  s(idApp),
			},
			absent: []string{
				"global.identity.auth.webModeler.", "webModeler.", "console.",
				"global.identity.auth.console.",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := flatten(Build(cfg, tc.v))
			for key, want := range tc.present {
				if got[key] != want {
					t.Errorf("%s: got %q, want %q", key, got[key], want)
				}
			}
			for key := range got {
				for _, prefix := range tc.absent {
					if strings.HasPrefix(key, prefix) {
						t.Errorf("%s is set, want no %s*", key, prefix)
					}
				}
			}
			if len(tc.absent) == 0 && len(got) != len(tc.present) {
				t.Errorf("%d settings, want %d", len(got), len(tc.present))
			}
		})
	}
}

// TestConfigVariants checks that the values follow the fields of the configuration.
func TestConfigVariants(t *testing.T) {
	cases := []struct {
		name   string
		config string
		v      Version
		want   map[string]string // "" means the key must be absent
	}{
		{
			name: "Connectors with an app of their own keep the Orchestration scope",
			config: `initialAdmin: {value: admin@example.com}
clients:
  orchestration:
    clientId: ` + ocApp + `
    secret: {name: entra-credentials, key: oc}
  connectors:
    clientId: ` + ownApp + `
    secret: {name: connectors-credentials, key: connectors}`,
			want: map[string]string{
				connKey + "clientId":              s(ownApp),
				connKey + "audience":              s(ownApp),
				connKey + "tokenScope":            s(ocApp + "/.default"),
				connKey + "secret.existingSecret": s("connectors-credentials"),
				"orchestration.security.initialization.defaultRoles.connectors.clients[0]": s(ownApp),
				"identity.enabled": "",
				"identity.env[CAMUNDA_IDENTITY_AUDIENCE].value": "",
				authKey + "identity.clientId":                   "",
			},
		},
		{
			name: "explicit audiences, claims, redirect URLs and cloud",
			config: `cloud: usgov
initialAdmin: {claim: email, value: admin@example.com}
claims: {username: email, clientId: appid}
clients:
  identity:
    clientId: aaaaaaaa-1111-4111-8111-111111111111
    audience: 12121212-1111-4111-8111-111111111111
    secret: {name: entra-credentials, key: identity}
  orchestration:
    clientId: bbbbbbbb-2222-4222-8222-222222222222
    audience: 34343434-2222-4222-8222-222222222222
    redirectUrl: https://camunda.example.com
    secret: {name: entra-credentials, key: oc}
  optimize:
    clientId: cccccccc-3333-4333-8333-333333333333
    redirectUrl: https://optimize.example.com
    secret: {name: entra-credentials, key: optimize}`,
			want: map[string]string{
				authKey + "issuer": s("https://login.microsoftonline.us/" +
					"11111111-2222-3333-4444-555555555555/v2.0"),
				authKey + "identity.audience":                   s("12121212-1111-4111-8111-111111111111"),
				authKey + "identity.initialClaimName":           s("email"),
				"identity.env[CAMUNDA_IDENTITY_AUDIENCE].value": s("12121212-1111-4111-8111-111111111111"),
				ocKey + "audience":                              s("34343434-2222-4222-8222-222222222222"),
				ocKey + "usernameClaim":                         s("email"),
				ocKey + "clientIdClaim":                         s("appid"),
				ocKey + "redirectUrl":                           s("https://camunda.example.com"),
				connKey + "audience":                            s("34343434-2222-4222-8222-222222222222"),
				authKey + "optimize.redirectUrl":                s("https://optimize.example.com"),
				authKey + "optimize.audience":                   s(optApp),
				"webModeler.enabled":                            "",
				"console.enabled":                               "",
			},
		},
		{
			name: "8.10 without Optimize needs no Optimize client id",
			config: `initialAdmin: {value: admin@example.com}
clients:
  identity:
    clientId: aaaaaaaa-1111-4111-8111-111111111111
    secret: {name: entra-credentials, key: identity}`,
			v: V810,
			want: map[string]string{
				"identity.env[CAMUNDA_IDENTITY_AUDIENCE].value":  s(idApp),
				"identity.env[CAMUNDA_OPTIMIZE_CLIENT_ID].value": "",
				"optimize.enabled": "",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := config.Load([]byte(configHead + tc.config))
			if err != nil {
				t.Fatal(err)
			}
			v := tc.v
			if v == 0 {
				v = V88
			}
			got := flatten(Build(cfg, v))
			for key, want := range tc.want {
				if got[key] != want {
					t.Errorf("%s: got %q, want %q", key, got[key], want)
				}
			}
		})
	}
}

const configHead = `apiVersion: camunda-entra.dev/v1alpha1
kind: EntraConfig
tenantId: 11111111-2222-3333-4444-555555555555
`

// TestRenderParses checks that the written file is YAML holding what Build returns, after a
// header of comments only.
func TestRenderParses(t *testing.T) {
	cfg := loadConfig(t, "../examples/entra.yaml")
	for _, v := range []Version{V88, V89, V810} {
		t.Run(v.String(), func(t *testing.T) {
			out, err := Render(cfg, v)
			if err != nil {
				t.Fatal(err)
			}
			first := strings.SplitN(string(out), "\n", 2)[0]
			if want := fmt.Sprintf("chart %d.x (Camunda %s)", v.Chart(), v); !strings.Contains(first, want) {
				t.Errorf("header does not name %s: %s", want, first)
			}
			node, err := yaml.Parse(string(out))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := flatten(node.YNode()), flatten(Build(cfg, v)); !equalMaps(got, want) {
				t.Errorf("the file parses to other values than Build returns")
			}
		})
	}
}

func loadConfig(t *testing.T, path string) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func flattenFile(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	node, err := yaml.Parse(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return flatten(node.YNode())
}

// flatten spells a values tree as path=tag value, one entry per scalar. Items of a list of
// mappings with a name (env lists) are keyed by that name, so their order does not matter;
// other list items by index.
func flatten(n *yaml.Node) map[string]string {
	out := map[string]string{}
	walk(n, "", out)
	return out
}

func walk(n *yaml.Node, path string, out map[string]string) {
	if n.Kind == yaml.DocumentNode {
		n = n.Content[0]
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			walk(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."), out)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			walk(item, path+"["+itemKey(item, i)+"]", out)
		}
	default:
		out[path] = n.ShortTag() + " " + n.Value
	}
}

func itemKey(item *yaml.Node, i int) string {
	if item.Kind == yaml.MappingNode {
		if name := yaml.NewRNode(item).Field("name"); name != nil {
			return name.Value.YNode().Value
		}
	}
	return fmt.Sprint(i)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
