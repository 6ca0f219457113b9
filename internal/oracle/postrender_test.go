package oracle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Made-up ids of the fixtures' Entra applications.
const (
	orchestrationID = "bbbbbbbb-2222-4222-8222-222222222222"
	webModelerUIID  = "dddddddd-4444-4444-8444-444444444444"
	optimizeID      = "cccccccc-3333-4333-8333-333333333333"
	consoleID       = "ffffffff-6666-4666-8666-666666666666"
)

// postRendered is the auth-on baseline with env vars added the way a post-renderer would:
// some right, one secret as a literal, one list element alone, one var nothing reads.
func postRendered(t *testing.T) []byte {
	t.Helper()
	p, err := os.ReadFile(filepath.Join(fixtures, "baseline-oidc-minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p = withEntries(t, p, "StatefulSet/camunda-zeebe", "orchestration", "env", `
- name: CAMUNDA_SECURITY_AUTHENTICATION_OIDC_AUDIENCES
  value: `+orchestrationID+`, `+orchestrationID+`,`+webModelerUIID+`
- name: CAMUNDA_SECURITY_AUTHENTICATION_OIDC_CLIENTSECRET
  value: s3cr3t
- name: CAMUNDA_SECURITY_AUTHENTICATION_OIDC_CLIENTIDCLAIM
  value: azp
`)
	p = withEntries(t, p, "Deployment/camunda-connectors", "connectors", "env", `
- name: ENTRA_SECRET
  valueFrom:
    secretKeyRef: {name: entra-credentials, key: orchestration-cluster-client-secret}
- name: CAMUNDA_CLIENT_AUTH_CLIENTSECRET
  value: $(ENTRA_SECRET)
- name: FEATURE_X_ENABLED
  value: "true"
`)
	p = withEntries(t, p, "Deployment/camunda-connectors", "connectors", "envFrom", `
- secretRef: {name: entra-extra}
`)
	p = withEntries(t, p, "Deployment/camunda-identity", "camunda-platform", "env", `
- name: IDENTITY_COMPONENTPRESETS_CONSOLE_APIS_0_AUDIENCE
  value: `+consoleID+`
`)
	p = withEntries(t, p, "Deployment/camunda-optimize", "optimize", "env", `
- name: CAMUNDA_OPTIMIZE_API_AUDIENCE
  value: `+optimizeID+`
`)
	return withEntries(t, p, "Deployment/camunda-web-modeler-webapp", "web-modeler-webapp", "env", `
- name: OAUTH2_TOKEN_AUDIENCE
  value: `+webModelerUIID+`
`)
}

func TestScorePostRendered(t *testing.T) {
	p, err := Load(postRendered(t))
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(loadFixture(t, "entra-values.yaml"), loadFixture(t, "baseline-oidc-minimal.yaml"), p)
	want := Summary{Reproduced: 8, Scored: 73, Missing: 65, Unverifiable: 9,
		UnverifiableAddressed: 1, Percent: 11, Delta: 82, Extra: 3, Collateral: 3, SecretLeaks: 1}
	if rep.Summary != want {
		t.Errorf("summary\n got %+v\nwant %+v\n%s", rep.Summary, want, rep)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "post-rendered.txt"), rep)
}

func TestScorePostRenderedRows(t *testing.T) {
	p, err := Load(postRendered(t))
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(loadFixture(t, "entra-values.yaml"), loadFixture(t, "baseline-oidc-minimal.yaml"), p)
	tests := []struct {
		container, key string
		status         Status
		via, addressed string
	}{
		{"StatefulSet/camunda-zeebe:orchestration",
			"camunda.security.authentication.oidc.audiences.2", Reproduced, "", ""},
		{"StatefulSet/camunda-zeebe:orchestration",
			"camunda.security.authentication.oidc.clientsecret", Missing, "", ""},
		{"Deployment/camunda-connectors:connectors",
			"camunda.client.auth.clientsecret", Reproduced, "", ""},
		{"Deployment/camunda-connectors:connectors",
			"values.camunda.identity.client.secret", Reproduced, viaPlaceholders, ""},
		{"Deployment/camunda-optimize:optimize", "optimize-config:api.audience", Reproduced, "",
			"CAMUNDA_OPTIMIZE_API_AUDIENCE"},
		{"Deployment/camunda-web-modeler-webapp:web-modeler-webapp",
			"node-toml:oauth2.token.audience", Unverifiable, "", "OAUTH2_TOKEN_AUDIENCE"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			row := findRow(t, rep, tt.container, tt.key)
			if row.Status != tt.status || row.Via != tt.via || row.AddressedBy != tt.addressed {
				t.Errorf("got %+v, want status %q via %q addressed by %q", row, tt.status, tt.via,
					tt.addressed)
			}
		})
	}
}

func TestScorePostRenderedFindings(t *testing.T) {
	p, err := Load(postRendered(t))
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(loadFixture(t, "entra-values.yaml"), loadFixture(t, "baseline-oidc-minimal.yaml"), p)

	leaks := rep.Result("StatefulSet/camunda-zeebe:orchestration").Leaks
	if len(leaks) != 1 || leaks[0].Env != "CAMUNDA_SECURITY_AUTHENTICATION_OIDC_CLIENTSECRET" {
		t.Errorf("leaks = %+v", leaks)
	}

	coll := rep.Result("Deployment/camunda-identity:camunda-platform").Collateral
	if len(coll) != 3 || coll[0].Key != "identity.componentpresets.console.apis.0.name" ||
		coll[0].P != Absent {
		t.Errorf("collateral = %+v", coll)
	}

	var extra []string
	for _, x := range rep.Result("Deployment/camunda-connectors:connectors").Extra {
		extra = append(extra, x.Env)
	}
	want := "ENTRA_SECRET FEATURE_X_ENABLED secretRef:entra-extra/*"
	if strings.Join(extra, " ") != want {
		t.Errorf("extra = %q, want %q", extra, want)
	}
}

// findRow returns the delta row of key in a container, failing the test without it.
func findRow(t *testing.T, rep *Report, container, key string) Row {
	t.Helper()
	res := rep.Result(container)
	if res == nil {
		t.Fatalf("no container %q", container)
	}
	for _, row := range res.Delta {
		if row.Key == key {
			return row
		}
	}
	t.Fatalf("no row %q in %q:\n%s", key, container, rep)
	return Row{}
}
