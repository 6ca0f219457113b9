package transform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

const fixtures = "../testdata/fixtures/camunda-8.8/"

func loadConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// applyFixture runs Apply on a fixture and returns the resources.
func applyFixture(t *testing.T, name string, cfg *config.Config) []*yaml.RNode {
	t.Helper()
	nodes := readNodes(t, fixtures+name)
	if _, err := Apply(nodes, cfg); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return nodes
}

func readNodes(t *testing.T, path string) []*yaml.RNode {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := kio.FromBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	return nodes
}

// envOf returns the env of a named container of a named workload as name -> shown value.
func envOf(t *testing.T, nodes []*yaml.RNode, workload, container string) map[string]string {
	t.Helper()
	for _, n := range nodes {
		if n.GetName() != workload || (n.GetKind() != "Deployment" && n.GetKind() != "StatefulSet") {
			continue
		}
		pod, _ := n.Pipe(yaml.Lookup("spec", "template", "spec"))
		for _, list := range []string{"containers", "initContainers"} {
			c, _ := findContainer(pod, list, container)
			if c == nil {
				continue
			}
			out := map[string]string{}
			env, _ := c.Pipe(yaml.Lookup("env"))
			for _, e := range contentOf(env) {
				name, _ := scalarAt(e, "name")
				out[name] = shownEntry(e)
			}
			return out
		}
	}
	t.Fatalf("no container %s in %s", container, workload)
	return nil
}

func shownEntry(e *yaml.RNode) string {
	if v, ok := scalarAt(e, "value"); ok {
		return v
	}
	ref, _ := e.Pipe(yaml.Lookup("valueFrom", "secretKeyRef"))
	if ref == nil {
		return "<other valueFrom>"
	}
	name, _ := scalarAt(ref, "name")
	key, _ := scalarAt(ref, "key")
	return "secretKeyRef " + name + "/" + key
}

func wantEnv(t *testing.T, env map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		got, ok := env[k]
		if !ok {
			t.Errorf("%s is not set, want %q", k, v)
			continue
		}
		if got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

const (
	mgmtID  = "aaaaaaaa-1111-4111-8111-111111111111"
	ocID    = "bbbbbbbb-2222-4222-8222-222222222222"
	wmID    = "dddddddd-4444-4444-8444-444444444444"
	wmAPIID = "eeeeeeee-5555-4555-8555-555555555555"
	tenant  = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/"
)

// Management Identity fails to start without CAMUNDA_IDENTITY_AUDIENCE when Optimize is off
// (camunda-platform-helm#4747): it is set whether Optimize is there or not.
func TestIdentityAudienceAlwaysSet(t *testing.T) {
	for _, fixture := range []string{"baseline.yaml", "entra-values-no-optimize.yaml"} {
		t.Run(fixture, func(t *testing.T) {
			nodes := applyFixture(t, fixture, loadConfig(t))
			env := envOf(t, nodes, "camunda-identity", "camunda-platform")
			wantEnv(t, env, map[string]string{"CAMUNDA_IDENTITY_AUDIENCE": mgmtID})
			if fixture == "entra-values-no-optimize.yaml" {
				if _, ok := env["CAMUNDA_OPTIMIZE_CLIENT_ID"]; ok {
					t.Error("CAMUNDA_OPTIMIZE_CLIENT_ID set for a release without Optimize")
				}
				if _, ok := env["IDENTITY_COMPONENTPRESETS_OPTIMIZE_APIS_0_AUDIENCE"]; ok {
					t.Error("Optimize preset written for a release without Optimize")
				}
			}
		})
	}
}

// Entra's client credentials grant needs a scope: the Orchestration app's /.default.
func TestConnectorsScopeIsOrchestrationDefault(t *testing.T) {
	nodes := applyFixture(t, "baseline.yaml", loadConfig(t))
	wantEnv(t, envOf(t, nodes, "camunda-connectors", "connectors"), map[string]string{
		"CAMUNDA_CLIENT_AUTH_SCOPE":             ocID + "/.default",
		"CAMUNDA_CLIENT_AUTH_CLIENTID":          ocID,
		"VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET": "secretKeyRef entra-credentials/orchestration-cluster-client-secret",
		"CAMUNDA_CLIENT_AUTH_TOKENURL":          tenant + "oauth2/v2.0/token",
	})
}

// The scope names the Orchestration app even when Connectors have an app of their own.
func TestConnectorsOwnAppKeepsOrchestrationScope(t *testing.T) {
	cfg := loadConfig(t)
	cfg.Clients.Connectors = &config.Confidential{
		ClientID: "99999999-2222-4222-8222-222222222222",
		Secret:   &config.SecretRef{Name: "conn", Key: "secret"},
	}
	nodes := applyFixture(t, "baseline.yaml", cfg)
	wantEnv(t, envOf(t, nodes, "camunda-connectors", "connectors"), map[string]string{
		"CAMUNDA_CLIENT_AUTH_SCOPE":             ocID + "/.default",
		"CAMUNDA_CLIENT_AUTH_CLIENTID":          "99999999-2222-4222-8222-222222222222",
		"VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET": "secretKeyRef conn/secret",
	})
	wantEnv(t, envOf(t, nodes, "camunda-zeebe", "orchestration"), map[string]string{
		"CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_CONNECTORS_CLIENTS_0": "99999999-2222-4222-8222-222222222222",
	})
}

// Web Modeler forwards its users' tokens to the cluster, which must accept their audience.
func TestOrchestrationAcceptsWebModelerAudience(t *testing.T) {
	nodes := applyFixture(t, "baseline-oidc-minimal.yaml", loadConfig(t))
	wantEnv(t, envOf(t, nodes, "camunda-zeebe", "orchestration"), map[string]string{
		"CAMUNDA_SECURITY_AUTHENTICATION_OIDC_AUDIENCES_0": ocID,
		"CAMUNDA_SECURITY_AUTHENTICATION_OIDC_AUDIENCES_1": ocID,
		"CAMUNDA_SECURITY_AUTHENTICATION_OIDC_AUDIENCES_2": wmID,
	})
}

func TestWebModelerPublicAPIAudience(t *testing.T) {
	nodes := applyFixture(t, "baseline-oidc-minimal.yaml", loadConfig(t))
	wantEnv(t, envOf(t, nodes, "camunda-web-modeler-restapi", "web-modeler-restapi"),
		map[string]string{
			"CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_PUBLICAPI":   wmAPIID,
			"CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_INTERNALAPI": wmID,
		})
}

// Console's file keeps the chart's placeholder well-known URL, so its JWKS URL is given.
func TestConsoleJWKSURL(t *testing.T) {
	nodes := applyFixture(t, "baseline.yaml", loadConfig(t))
	env := envOf(t, nodes, "camunda-console", "camunda-platform")
	wantEnv(t, env, map[string]string{"CAMUNDA_IDENTITY_JWKS_URL": tenant + "discovery/v2.0/keys"})
	for _, k := range keycloakEnv {
		if _, ok := env[k]; ok {
			t.Errorf("%s left on Console", k)
		}
	}
}

// A basic-auth render creates demo users with known passwords and logs Connectors in as one.
func TestBasicAuthLeftoversNeutralised(t *testing.T) {
	nodes := applyFixture(t, "baseline.yaml", loadConfig(t))
	wantEnv(t, envOf(t, nodes, "camunda-zeebe", "orchestration"), map[string]string{
		"CAMUNDA_SECURITY_INITIALIZATION_USERS":  "",
		"CAMUNDA_SECURITY_AUTHENTICATION_METHOD": "oidc",
	})
	wantEnv(t, envOf(t, nodes, "camunda-connectors", "connectors"), map[string]string{
		"CAMUNDA_CLIENT_AUTH_METHOD":   "oidc",
		"CAMUNDA_CLIENT_AUTH_USERNAME": "",
		"CAMUNDA_CLIENT_AUTH_PASSWORD": "",
	})
	// An auth-on render has no demo users: nothing is added for them.
	nodes = applyFixture(t, "baseline-oidc-minimal.yaml", loadConfig(t))
	if _, ok := envOf(t, nodes, "camunda-zeebe", "orchestration")["CAMUNDA_SECURITY_INITIALIZATION_USERS"]; ok {
		t.Error("users override added to a render without users")
	}
}

// An entry the chart rendered under one of our names keeps its place and gets our value;
// the entries around it stay.
func TestUpsertKeepsOrderAndOthers(t *testing.T) {
	nodes := applyFixture(t, "baseline-oidc-minimal.yaml", loadConfig(t))
	var names []string
	for _, n := range nodes {
		if n.GetName() != "camunda-console" || n.GetKind() != "Deployment" {
			continue
		}
		env, _ := n.Pipe(yaml.Lookup("spec", "template", "spec", "containers", "[name=camunda-platform]", "env"))
		for _, e := range contentOf(env) {
			name, _ := scalarAt(e, "name")
			names = append(names, name)
		}
	}
	want := "NODE_EXTRA_CA_CERTS NODE_ENV CAMUNDA_IDENTITY_AUDIENCE CAMUNDA_IDENTITY_CLIENT_ID " +
		"CAMUNDA_CONSOLE_CONTEXT_PATH CAMUNDA_IDENTITY_TYPE CAMUNDA_IDENTITY_ISSUER CAMUNDA_IDENTITY_JWKS_URL"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("Console env order:\n got %s\nwant %s", got, want)
	}
}

func TestWorkloadsFoundByLabelsNotReleaseName(t *testing.T) {
	data, err := os.ReadFile(fixtures + "baseline.yaml")
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.ReplaceAll(string(data), "camunda-", "prod-eu-")
	renamed = strings.ReplaceAll(renamed, "prod-eu-platform", "camunda-platform")
	nodes, err := kio.FromBytes([]byte(renamed))
	if err != nil {
		t.Fatal(err)
	}
	report, err := Apply(nodes, loadConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Workloads) != 7 {
		t.Fatalf("found %d workloads, want 7", len(report.Workloads))
	}
	wantEnv(t, envOf(t, nodes, "prod-eu-connectors", "connectors"), map[string]string{
		"CAMUNDA_IDENTITY_BASEURL": "http://prod-eu-identity:80",
	})
}

func TestTwoReleasesInOneStream(t *testing.T) {
	data, err := os.ReadFile(fixtures + "default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	second := strings.ReplaceAll(string(data), "instance: camunda", "instance: other")
	second = strings.ReplaceAll(second, "name: camunda-", "name: other-")
	nodes, err := kio.FromBytes([]byte(string(data) + "\n---\n" + second))
	if err != nil {
		t.Fatal(err)
	}
	report, err := Apply(nodes, loadConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Workloads) != 4 {
		t.Errorf("changed %d workloads, want 2 per release", len(report.Workloads))
	}
}

// connectorsEnv is the empty env list of Connectors in default.yaml.
const connectorsEnv = "          env:\n            \n          resources:"

func TestErrors(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"second orchestration cluster", "name: camunda-zeebe\n", "name: camunda-zeebe-2\n",
			`release "camunda" has two Orchestration Cluster workloads`},
		{"env not a list", connectorsEnv, "          env: {a: b}\n          resources:",
			`Deployment "camunda-connectors": container "connectors": env: want a list, got a mapping`},
		{"env entry without name", connectorsEnv, "          env:\n            - value: x\n          resources:",
			`Deployment "camunda-connectors": container "connectors": env[0]: entry without a name`},
		{"containers not a list", "      containers:\n        - name: connectors\n",
			"      containers: {}\n      x:\n        - name: connectors\n",
			`Deployment "camunda-connectors": spec.template.spec.containers: want a list, got a mapping`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(fixtures + "default.yaml")
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if tc.name == "second orchestration cluster" {
				start := strings.Index(text, "# Source: camunda-platform/templates/orchestration/statefulset.yaml")
				text += "\n---\n" + strings.Replace(text[start:], tc.old, tc.new, 1)
			} else {
				if !strings.Contains(text, tc.old) {
					t.Fatalf("case does not apply")
				}
				text = strings.Replace(text, tc.old, tc.new, 1)
			}
			nodes, err := kio.FromBytes([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Apply(nodes, loadConfig(t))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n got %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestIdempotent(t *testing.T) {
	paths, _ := filepath.Glob(fixtures + "*.yaml")
	for _, p := range paths {
		if strings.HasSuffix(p, ".values.yaml") {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			nodes := readNodes(t, p)
			if _, err := Apply(nodes, loadConfig(t)); err != nil {
				t.Fatal(err)
			}
			report, err := Apply(nodes, loadConfig(t))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range nodes {
				if report.Changed(n) {
					t.Errorf("second run changed %s/%s", n.GetKind(), n.GetName())
				}
			}
		})
	}
}

func TestFilter(t *testing.T) {
	nodes := readNodes(t, fixtures+"default.yaml")
	f := &Filter{Config: loadConfig(t)}
	out, err := f.Filter(nodes)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(nodes) || len(f.Report.Workloads) != 2 {
		t.Errorf("Filter returned %d of %d nodes and %d workloads", len(out), len(nodes),
			len(f.Report.Workloads))
	}
}
