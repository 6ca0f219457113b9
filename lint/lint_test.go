package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/golden"
	"github.com/camunda-entra/camunda-entra/postrender"
)

const (
	fixtures = "../testdata/fixtures/camunda-8.8"
	example  = "../examples/entra.yaml"
)

// Ids and URLs of the fixtures' Entra setup.
const (
	tenant          = "11111111-2222-3333-4444-555555555555"
	identityID      = "aaaaaaaa-1111-4111-8111-111111111111"
	orchestrationID = "bbbbbbbb-2222-4222-8222-222222222222"
	webModelerID    = "dddddddd-4444-4444-8444-444444444444"
	otherTenant     = "99999999-2222-3333-4444-555555555555"
)

// Templates of the chart whose documents the plants edit.
const (
	connectorsDeployment = "camunda-platform/templates/connectors/deployment.yaml"
	connectorsConfig     = "camunda-platform/templates/connectors/configmap.yaml"
	orchestrationSet     = "camunda-platform/templates/orchestration/statefulset.yaml"
	orchestrationConfig  = "camunda-platform/templates/orchestration/configmap-unified.yaml"
	identityDeployment   = "camunda-platform/templates/identity/deployment.yaml"
	identityConfig       = "camunda-platform/templates/identity/configmap.yaml"
	optimizeConfig       = "camunda-platform/templates/optimize/configmap.yaml"
	consoleDeployment    = "camunda-platform/templates/console/deployment.yaml"
	identityEnvVars      = "camunda-platform/templates/common/configmap-identity-auth.yaml"
)

func loadConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// postRendered is a fixture after camunda-entra post-render with the example config.
func postRendered(t *testing.T, name string) []byte {
	t.Helper()
	out, _, err := postrender.Rewrite(readFixture(t, name), loadConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func lintOf(t *testing.T, input []byte, cfg *config.Config) []Finding {
	t.Helper()
	rep, err := Lint(input, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

// plant replaces old with new in the document the chart rendered from template. It fails the
// test unless old occurs exactly once there, so that a plant can never miss silently.
func plant(t *testing.T, stream []byte, template, old, new string) []byte {
	t.Helper()
	docs := strings.SplitAfter(string(stream), "\n---")
	found := 0
	for i, d := range docs {
		if !strings.Contains(d, "# Source: "+template+"\n") {
			continue
		}
		found++
		if n := strings.Count(d, old); n != 1 {
			t.Fatalf("%s: %q occurs %d times, want 1", template, old, n)
		}
		docs[i] = strings.Replace(d, old, new, 1)
	}
	if found != 1 {
		t.Fatalf("%d documents from %s, want 1", found, template)
	}
	return []byte(strings.Join(docs, ""))
}

// TestPostRenderedFixtures lints every 8.8 fixture after the post-renderer: none has an
// error. The auth-on baseline keeps the literals the chart wrote into Optimize's own file,
// which env is not expected to override; they are warnings.
func TestPostRenderedFixtures(t *testing.T) {
	cases := []struct {
		fixture string
		summary string
	}{
		{"entra-values.yaml", "0 errors, 0 warnings"},
		{"entra-values-no-optimize.yaml", "0 errors, 0 warnings"},
		{"baseline-oidc-minimal.yaml", "0 errors, 4 warnings"},
		{"baseline.yaml", "0 errors, 0 warnings"},
		{"default.yaml", "0 errors, 0 warnings"},
	}
	cfg := loadConfig(t)
	for _, tc := range cases {
		t.Run(tc.fixture, func(t *testing.T) {
			findings := lintOf(t, postRendered(t, tc.fixture), cfg)
			if got := Summary(findings); got != tc.summary {
				t.Errorf("got %s, want %s:\n%s", got, tc.summary, text(findings))
			}
		})
	}
}

// TestGoldenOutputsLintClean lints the output of every whole-stream golden case of the
// post-renderer, 8.9, 8.10 and a Helm 4 stream included, with that case's config: what the
// post-renderer writes has no error.
func TestGoldenOutputsLintClean(t *testing.T) {
	outputs, _ := filepath.Glob("../testdata/golden/*/expected.yaml")
	if len(outputs) == 0 {
		t.Fatal("no golden outputs found")
	}
	for _, out := range outputs {
		dir := filepath.Dir(out)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			cfg, err := config.LoadFile(filepath.Join(dir, "config.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			input, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if findings := lintOf(t, input, cfg); HasErrors(findings) {
				t.Errorf("errors in the post-renderer's output:\n%s", text(findings))
			}
		})
	}
}

// TestChartEntraRender lints the chart's own Entra render, before any post-renderer: it
// works, so it has no error; Console keeps the chart's placeholder discovery URL.
func TestChartEntraRender(t *testing.T) {
	cfg := loadConfig(t)
	for _, fixture := range []string{"entra-values.yaml", "entra-values-no-optimize.yaml"} {
		t.Run(fixture, func(t *testing.T) {
			findings := lintOf(t, readFixture(t, fixture), cfg)
			if len(findings) != 1 || findings[0].Check != "console-wellknown" {
				t.Errorf("want only the console-wellknown warning, got:\n%s", text(findings))
			}
		})
	}
}

// TestGoldenBaseline pins every finding of the auth-on render that has no Entra settings.
func TestGoldenBaseline(t *testing.T) {
	findings := lintOf(t, readFixture(t, "baseline-oidc-minimal.yaml"), loadConfig(t))
	if !HasErrors(findings) {
		t.Fatal("the render without Entra settings has no errors")
	}
	golden.Check(t, filepath.Join("testdata", "baseline-oidc-minimal.txt"), []byte(text(findings)))
	var js bytes.Buffer
	if err := WriteJSON(&js, findings); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "baseline-oidc-minimal.json"), js.Bytes())
}

// want is a finding a planted mistake must produce: its check, workload, setting and
// severity, and words its message must hold.
type wantFinding struct {
	check, workload, setting string
	severity                 Severity
	words                    string
}

// TestPlantedMistakes plants one mistake per case into a render that lints clean and
// requires exactly the findings it causes.
func TestPlantedMistakes(t *testing.T) {
	entra := readFixture(t, "entra-values.yaml")
	noOptimize := readFixture(t, "entra-values-no-optimize.yaml")
	wired := postRendered(t, "entra-values.yaml")
	cases := []struct {
		name  string
		input []byte
		want  []wantFinding
	}{
		{"secret key the config does not declare (the draft's)",
			plant(t, entra, connectorsDeployment, "key: orchestration-cluster-client-secret",
				"key: oidc-client-secret"),
			[]wantFinding{{"secret-ref", "Deployment/camunda-connectors",
				"VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET", Error,
				`Secret "entra-credentials" key "oidc-client-secret", which the config does not declare`}}},
		{"another app's secret",
			plant(t, wired, connectorsDeployment, "key: orchestration-cluster-client-secret",
				"key: identity-client-secret"),
			[]wantFinding{{"secret-ref", "Deployment/camunda-connectors",
				"VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET", Error,
				"which is clients.identity.secret, not clients.orchestration.secret"}}},
		{"secret as a literal",
			plant(t, entra, orchestrationSet, `valueFrom:
                secretKeyRef:
                  name: entra-credentials
                  key: orchestration-cluster-client-secret`, "value: s3cr3t-literal"),
			[]wantFinding{{"secret-ref", "StatefulSet/camunda-zeebe",
				"VALUES_ORCHESTRATION_CLIENT_SECRET", Error, "not taken from a Secret"}}},
		{"Orchestration does not accept the Web Modeler audience",
			plant(t, entra, orchestrationConfig, `              - "dddddddd-4444-4444-8444-444444444444"
`, ""),
			[]wantFinding{{"audience", "StatefulSet/camunda-zeebe",
				"camunda.security.authentication.oidc.audiences", Error,
				`leave out the Web Modeler UI audience "` + webModelerID + `"`}}},
		{"v1 issuer",
			plant(t, entra, orchestrationConfig,
				`issuer-uri: "https://login.microsoftonline.com/`+tenant+`/v2.0"`,
				`issuer-uri: "https://sts.windows.net/`+tenant+`/"`),
			[]wantFinding{{"endpoint", "StatefulSet/camunda-zeebe",
				"camunda.security.authentication.oidc.issueruri", Error, "v1.0 issuer"}}},
		{"v1 token URL",
			plant(t, entra, connectorsConfig, "/oauth2/v2.0/token", "/oauth2/token"),
			[]wantFinding{{"endpoint", "Deployment/camunda-connectors",
				"camunda.client.auth.tokenurl", Error, "a v1.0 endpoint"}}},
		{"another tenant in a setting no expectation covers",
			plant(t, entra, identityEnvVars, "BACKEND_URL: \"https://login.microsoftonline.com/"+
				tenant, "BACKEND_URL: \"https://login.microsoftonline.com/"+otherTenant),
			[]wantFinding{
				{"endpoint", "Deployment/camunda-connectors", "camunda.identity.issuer.backend.url",
					Error, `for tenant "` + otherTenant + `"`},
				{"endpoint", "Deployment/camunda-optimize", "camunda.identity.issuer.backend.url",
					Error, `for tenant "` + otherTenant + `"`}}},
		{"Connectors without a scope",
			plant(t, entra, connectorsConfig,
				`          scope: "bbbbbbbb-2222-4222-8222-222222222222/.default"
`, ""),
			[]wantFinding{{"connectors-scope", "Deployment/camunda-connectors",
				"camunda.client.auth.scope", Error, "AADSTS90014"}}},
		{"Connectors scope without /.default",
			plant(t, wired, connectorsDeployment, "value: "+orchestrationID+"/.default",
				"value: "+orchestrationID),
			[]wantFinding{{"connectors-scope", "Deployment/camunda-connectors",
				"camunda.client.auth.scope", Error, "lacks /.default"}}},
		{"Connectors scope of Management Identity",
			plant(t, entra, connectorsConfig, `scope: "`+orchestrationID,
				`scope: "`+identityID),
			[]wantFinding{{"connectors-scope", "Deployment/camunda-connectors",
				"camunda.client.auth.scope", Error, "not the Orchestration app's"}}},
		{"Management Identity without its audience when Optimize is off",
			plant(t, noOptimize, identityDeployment, `            - name: CAMUNDA_IDENTITY_AUDIENCE
              value: aaaaaaaa-1111-4111-8111-111111111111
`, ""),
			[]wantFinding{{"identity-audience", "Deployment/camunda-identity",
				"CAMUNDA_IDENTITY_AUDIENCE", Error, "camunda-platform-helm#4747"}}},
		{"Management Identity without the env var but with Optimize",
			plant(t, entra, identityDeployment, `            - name: CAMUNDA_IDENTITY_AUDIENCE
              value: aaaaaaaa-1111-4111-8111-111111111111
`, ""),
			nil},
		{"no initial admin in Management Identity",
			plant(t, entra, identityConfig, "initial-claim-value: admin@example.com",
				"initial-claim-value: "),
			[]wantFinding{{"initial-admin", "Deployment/camunda-identity",
				"identity.initialclaimvalue", Error, "no initial admin"}}},
		{"demo admin in the Orchestration Cluster",
			plant(t, entra, orchestrationConfig, "- admin@example.com", "- demo"),
			[]wantFinding{{"initial-admin", "StatefulSet/camunda-zeebe",
				"camunda.security.initialization.defaultroles.admin.users", Error, `"demo"`}}},
		{"another initial admin",
			plant(t, entra, orchestrationConfig, "- admin@example.com", "- someone@example.com"),
			[]wantFinding{{"initial-admin", "StatefulSet/camunda-zeebe",
				"camunda.security.initialization.defaultroles.admin.users", Warning,
				"leave out the config's initial admin"}}},
		{"Console's placeholder discovery URL",
			plant(t, wired, consoleDeployment, `
            - name: CAMUNDA_IDENTITY_JWKS_URL
              value: https://login.microsoftonline.com/`+tenant+`/discovery/v2.0/keys`, ""),
			[]wantFinding{{"console-wellknown", "Deployment/camunda-console",
				"camunda.console.oauth.wellknown", Warning, "https://well-known-uri"}}},
		{"client id that differs from the config's",
			plant(t, entra, optimizeConfig, `clientId: "cccccccc-3333-4333-8333-333333333333"`,
				`clientId: "cccccccc-0000-4333-8333-333333333333"`),
			[]wantFinding{
				{"client-id", "Deployment/camunda-optimize", "camunda.identity.clientid", Error,
					`"cccccccc-0000-4333-8333-333333333333" differs`},
				{"client-id", "Deployment/camunda-optimize", "camunda.identity.clientid", Error,
					`"cccccccc-0000-4333-8333-333333333333" differs`}}},
		{"Connectors outside the connectors role",
			plant(t, entra, orchestrationConfig, `              clients:
              - bbbbbbbb-2222-4222-8222-222222222222`, `              clients:
              - connectors`),
			[]wantFinding{{"client-id", "StatefulSet/camunda-zeebe",
				"camunda.security.initialization.defaultroles.connectors.clients", Error,
				"leave out the Connectors client id"}}},
	}
	cfg := loadConfig(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			findings := lintOf(t, tc.input, cfg)
			requireFindings(t, withoutConsolePlaceholder(findings, tc.want), tc.want)
		})
	}
}

// withoutConsolePlaceholder drops the warning the chart's own render always has, unless the
// case is about it.
func withoutConsolePlaceholder(findings []Finding, want []wantFinding) []Finding {
	if len(want) == 1 && want[0].check == "console-wellknown" {
		return findings
	}
	var out []Finding
	for _, f := range findings {
		if f.Check != "console-wellknown" {
			out = append(out, f)
		}
	}
	return out
}

func requireFindings(t *testing.T, got []Finding, want []wantFinding) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), text(got))
	}
	for i, w := range want {
		g := got[i]
		if g.Check != w.check || g.Workload != w.workload || g.Setting != w.setting ||
			g.Severity != w.severity || !strings.Contains(g.Message, w.words) {
			t.Errorf("finding %d:\n got %s\nwant %s %s %s %s with %q", i, g, w.severity,
				w.check, w.workload, w.setting, w.words)
		}
		if g.Fix == "" {
			t.Errorf("finding %d has no fix", i)
		}
	}
}

// TestLiteralSecretNotShown makes sure a client secret written as a literal never reaches the
// output.
func TestLiteralSecretNotShown(t *testing.T) {
	input := plant(t, readFixture(t, "entra-values.yaml"), orchestrationSet, `valueFrom:
                secretKeyRef:
                  name: entra-credentials
                  key: orchestration-cluster-client-secret`, "value: s3cr3t-literal")
	findings := lintOf(t, input, loadConfig(t))
	var js bytes.Buffer
	if err := WriteJSON(&js, findings); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{text(findings), js.String()} {
		if strings.Contains(out, "s3cr3t-literal") {
			t.Errorf("the literal secret is in the output:\n%s", out)
		}
	}
}

// TestUnconfiguredComponent reports a component the config lacks, and skips its checks.
func TestUnconfiguredComponent(t *testing.T) {
	cfg := loadConfig(t)
	cfg.Clients.Console = nil
	findings := lintOf(t, postRendered(t, "entra-values.yaml"), cfg)
	requireFindings(t, findings, []wantFinding{{"configured", "Deployment/camunda-console", "",
		Error, "has no clients.console"}})
}

// TestInvalidStream refuses input that is not a manifest stream.
func TestInvalidStream(t *testing.T) {
	twice := string(readFixture(t, "default.yaml"))
	for _, input := range []string{"kind: [\n", "- a list\n", twice + "---\n" + twice} {
		if _, err := Lint([]byte(input), loadConfig(t)); err == nil {
			t.Errorf("%.40q: no error", input)
		}
	}
}

// TestNoWorkloads lints a stream without Camunda workloads: nothing to find.
func TestNoWorkloads(t *testing.T) {
	rep, err := Lint([]byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"),
		loadConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 || len(rep.Workloads) != 0 {
		t.Errorf("got %+v", rep)
	}
}

func text(findings []Finding) string {
	var b strings.Builder
	_ = WriteText(&b, findings)
	return b.String()
}
