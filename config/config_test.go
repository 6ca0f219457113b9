package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const valid = `apiVersion: camunda-entra.dev/v1alpha1
kind: EntraConfig
metadata:
  name: entra
tenantId: 11111111-2222-3333-4444-555555555555
initialAdmin:
  value: admin@example.com
clients:
  identity:
    clientId: aaaaaaaa-1111-4111-8111-111111111111
    secret: {name: entra-credentials, key: identity-client-secret}
  orchestration:
    clientId: bbbbbbbb-2222-4222-8222-222222222222
    secret: {name: entra-credentials, key: orchestration-cluster-client-secret}
  optimize:
    clientId: cccccccc-3333-4333-8333-333333333333
    secret: {name: entra-credentials, key: optimize-client-secret}
  webModeler:
    clientId: dddddddd-4444-4444-8444-444444444444
    publicApiAudience: eeeeeeee-5555-4555-8555-555555555555
  console:
    clientId: ffffffff-6666-4666-8666-666666666666
`

func TestLoadErrors(t *testing.T) {
	optimizeSecret := "secret: {name: entra-credentials, key: optimize-client-secret}"
	cases := []struct {
		name, old, new, want string
	}{
		{"wrong apiVersion", "camunda-entra.dev/v1alpha1", "v1",
			`apiVersion: want "camunda-entra.dev/v1alpha1", got "v1"`},
		{"wrong kind", "kind: EntraConfig", "kind: ConfigMap",
			`kind: want "EntraConfig", got "ConfigMap"`},
		{"missing tenant", "tenantId: 11111111-2222-3333-4444-555555555555\n", "",
			"tenantId: required"},
		{"tenant not a GUID", "tenantId: 11111111-2222-3333-4444-555555555555", "tenantId: contoso",
			`tenantId: want a GUID such as 00000000-0000-0000-0000-000000000000, got "contoso"`},
		{"tenant a number", "tenantId: 11111111-2222-3333-4444-555555555555", "tenantId: 42",
			"tenantId: want a string, got a number"},
		{"unknown top-level field", "initialAdmin:", "tenant: x\ninitialAdmin:",
			"tenant: unknown field"},
		{"unknown client", "  console:", "  tasklist:\n    clientId: x\n  console:",
			"clients.tasklist: unknown field"},
		{"unknown client field", "    publicApiAudience:", "    scopes: []\n    publicApiAudience:",
			"clients.webModeler.scopes: unknown field"},
		{"literal secret", optimizeSecret, "secret: hunter2",
			"clients.optimize.secret: secret values are not accepted in the config; " +
				"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}"},
		{"literal clientSecret field", optimizeSecret, "clientSecret: hunter2",
			"clients.optimize.clientSecret: secret values are not accepted in the config; " +
				"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}"},
		{"client secret pasted as a client id", "clientId: cccccccc-3333-4333-8333-333333333333",
			"clientId: hun8Q~hunter2hunter2hunter2hunter2hunte",
			"clients.optimize.clientId: secret values are not accepted in the config; " +
				"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}"},
		{"client secret pasted as the admin", "value: admin@example.com",
			"value: 'hun8Q~hunter2hunter2hunter2hunter2hunte'",
			"initialAdmin.value: secret values are not accepted in the config; " +
				"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}"},
		{"secret value field", optimizeSecret,
			"secret: {name: entra-credentials, key: k, value: hunter2}",
			"clients.optimize.secret.value: secret values are not accepted in the config; " +
				"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}"},
		{"secret for a public client", "    publicApiAudience:",
			"    secret: {name: s, key: k}\n    publicApiAudience:",
			"clients.webModeler.secret: secret values are not accepted in the config; " +
				"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}"},
		{"missing secret", optimizeSecret, "audience: cccccccc-3333-4333-8333-333333333333",
			"clients.optimize.secret: required (a confidential client needs {name, key} " +
				"of the Kubernetes Secret holding its client secret)"},
		{"missing secret key", optimizeSecret, "secret: {name: entra-credentials}",
			`clients.optimize.secret.key: required (the key inside Secret "entra-credentials")`},
		{"missing secret name", optimizeSecret, "secret: {key: optimize-client-secret}",
			"clients.optimize.secret.name: required (the Kubernetes Secret's name)"},
		{"bad secret name", optimizeSecret, "secret: {name: Entra_Credentials, key: k}",
			`clients.optimize.secret.name: "Entra_Credentials" is not a valid Secret name`},
		{"bad secret key", optimizeSecret, "secret: {name: s, key: 'a b'}",
			`clients.optimize.secret.key: "a b" is not a valid Secret key`},
		{"secret as a list", optimizeSecret, "secret: [a, b]",
			"clients.optimize.secret: want a mapping, got a list"},
		{"client id not a GUID", "clientId: cccccccc-3333-4333-8333-333333333333", "clientId: optimize",
			`clients.optimize.clientId: want a GUID such as 00000000-0000-0000-0000-000000000000, ` +
				`got "optimize"`},
		{"client id too long to be one", "clientId: cccccccc-3333-4333-8333-333333333333",
			"clientId: hunter2-hunter2-hunter2-hunter2-hunter2",
			"clients.optimize.clientId: want a GUID such as " +
				"00000000-0000-0000-0000-000000000000, got 39 characters (not shown)"},
		{"missing client id", "    clientId: ffffffff-6666-4666-8666-666666666666\n",
			"    audience: ffffffff-6666-4666-8666-666666666666\n", "clients.console.clientId: required"},
		{"bad audience", "  console:\n", "  console:\n    audience: api://console\n",
			`clients.console.audience: want a GUID such as 00000000-0000-0000-0000-000000000000, ` +
				`got "api://console"`},
		{"missing public API audience", "    publicApiAudience: eeeeeeee-5555-4555-8555-555555555555\n", "",
			"clients.webModeler.publicApiAudience: required"},
		{"missing admin", "  value: admin@example.com\n", "  claim: email\n",
			"initialAdmin.value: required (the email of the first administrator)"},
		{"bad claim", "initialAdmin:\n", "claims: {username: 'pre ferred'}\ninitialAdmin:\n",
			`claims.username: "pre ferred" is not a token claim name`},
		{"unknown cloud", "initialAdmin:", "cloud: mars\ninitialAdmin:",
			`cloud: want public, usgov or china, got "mars"`},
		{"authority with a path", "initialAdmin:", "authorityHost: https://login.example/x\ninitialAdmin:",
			`authorityHost: want an https URL with a host and no path, got "https://login.example/x"`},
		{"redirect URL with a slash", "  console:\n", "  console:\n    redirectUrl: https://c.example/\n",
			`clients.console.redirectUrl: "https://c.example/" must not end with a slash`},
		{"redirect URL relative", "  console:\n", "  console:\n    redirectUrl: /console\n",
			`clients.console.redirectUrl: want an absolute http(s) URL, got "/console"`},
		{"connectors own app without secret", "  optimize:",
			"  connectors:\n    clientId: 99999999-2222-4222-8222-222222222222\n  optimize:",
			"clients.connectors.secret: required (a confidential client needs {name, key} " +
				"of the Kubernetes Secret holding its client secret)"},
		{"no clients", "clients:", "clients: {}\nx:", "x: unknown field"},
		{"empty clients", valid[strings.Index(valid, "clients:"):], "clients: {}\n",
			"clients: required, with one entry per component of the release"},
		{"a list document", valid, "- a\n- b\n", "the document: want a mapping, got a list"},
		{"empty file", valid, "", "no configuration document: the file is empty or only comments"},
		{"only comments", valid, "# clients: {}\n",
			"no configuration document: the file is empty or only comments"},
		{"two documents", valid, valid + "---\ntenantId: x\n",
			"a second YAML document starts at line 24; the config is one EntraConfig document"},
		{"invalid YAML", "initialAdmin:\n", "initialAdmin:\n\tvalue: x\n",
			"invalid YAML: yaml: line 7: found character that cannot start any token"},
		{"duplicate key", "initialAdmin:\n", "tenantId: x\ninitialAdmin:\n",
			"tenantId: defined twice (lines 5 and 6)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(valid, tc.old) {
				t.Fatalf("case does not apply: %q is not in the valid config", tc.old)
			}
			_, err := Load([]byte(strings.Replace(valid, tc.old, tc.new, 1)))
			if err == nil {
				t.Fatalf("Load succeeded, want error %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n got %s\nwant %s", err, tc.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error repeats the secret value: %s", err)
			}
		})
	}
}

func TestLoadDefaults(t *testing.T) {
	cfg, err := Load([]byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{
		"issuer":     cfg.Issuer(),
		"token":      cfg.TokenURL(),
		"jwks":       cfg.JWKSURL(),
		"authorize":  cfg.AuthorizeURL(),
		"username":   cfg.UsernameClaim(),
		"clientId":   cfg.ClientIDClaim(),
		"adminClaim": cfg.AdminClaim(),
		"connectors": cfg.Connectors().ClientID,
		"connSecret": cfg.Connectors().Secret.Key,
	}
	tenant := "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/"
	want := map[string]string{
		"issuer":     tenant + "v2.0",
		"token":      tenant + "oauth2/v2.0/token",
		"jwks":       tenant + "discovery/v2.0/keys",
		"authorize":  tenant + "oauth2/v2.0/authorize",
		"username":   "preferred_username",
		"clientId":   "azp",
		"adminClaim": "preferred_username",
		"connectors": "bbbbbbbb-2222-4222-8222-222222222222",
		"connSecret": "orchestration-cluster-client-secret",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}

func TestClouds(t *testing.T) {
	cases := map[string]string{
		"cloud: usgov":  "https://login.microsoftonline.us/",
		"cloud: china":  "https://login.chinacloudapi.cn/",
		"cloud: public": "https://login.microsoftonline.com/",
		"authorityHost: https://login.example.eu": "https://login.example.eu/",
	}
	for line, prefix := range cases {
		t.Run(line, func(t *testing.T) {
			cfg, err := Load([]byte(strings.Replace(valid, "initialAdmin:", line+"\ninitialAdmin:", 1)))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(cfg.TokenURL(), prefix) {
				t.Errorf("token URL %q does not start with %q", cfg.TokenURL(), prefix)
			}
		})
	}
}

func TestConnectorsOwnApp(t *testing.T) {
	own := "  connectors:\n    clientId: 99999999-2222-4222-8222-222222222222\n" +
		"    secret: {name: c, key: k}\n  optimize:"
	cfg, err := Load([]byte(strings.Replace(valid, "  optimize:", own, 1)))
	if err != nil {
		t.Fatal(err)
	}
	conn := cfg.Connectors()
	if conn.ClientID != "99999999-2222-4222-8222-222222222222" || conn.Audience != "" ||
		conn.Secret.Name != "c" {
		t.Errorf("Connectors() = %+v, want its own app and secret", conn)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadFile(filepath.Join(dir, "missing.yaml")); err == nil ||
		!strings.HasSuffix(err.Error(), `missing.yaml" does not exist`) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadFile(dir); err == nil ||
		err.Error() != `failed to read config file "`+dir+`": is a directory` {
		t.Errorf("directory: %v", err)
	}
	path := filepath.Join(dir, "entra.yaml")
	if err := os.WriteFile(path, []byte(valid), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(path); err != nil {
		t.Errorf("valid file: %v", err)
	}
}

func TestExampleLoads(t *testing.T) {
	if _, err := LoadFile("../examples/entra.yaml"); err != nil {
		t.Fatal(err)
	}
}
