package oracle

import (
	"path/filepath"
	"testing"
)

func TestEffectiveFixture(t *testing.T) {
	eff := loadFixture(t, "entra-values.yaml").Effective()
	tests := []struct{ container, key, want, origin string }{
		{"StatefulSet/camunda-zeebe:orchestration",
			"camunda.security.authentication.oidc.clientsecret",
			"secretKeyRef:entra-credentials/orchestration-cluster-client-secret",
			"file:camunda-zeebe-configuration-unified/application.yaml"},
		{"StatefulSet/camunda-zeebe:orchestration",
			"camunda.security.authentication.oidc.scope.3",
			"bbbbbbbb-2222-4222-8222-222222222222/.default",
			"file:camunda-zeebe-configuration-unified/application.yaml"},
		{"Deployment/camunda-web-modeler-webapp:web-modeler-webapp", "node-toml:oauth2.type",
			"MICROSOFT", "file:camunda-web-modeler-webapp-configuration/application.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			s := eff[tt.container]
			got, ok := s.Value(tt.key)
			if !ok || got != tt.want || s.Origin(tt.key) != tt.origin {
				t.Errorf("%s = %q (set %v) from %q, want %q from %q", tt.key, got, ok,
					s.Origin(tt.key), tt.want, tt.origin)
			}
		})
	}
	if rt := eff["Deployment/camunda-web-modeler-webapp:web-modeler-webapp"].Runtime(); rt != "node" {
		t.Errorf("webapp runtime = %q, want node", rt)
	}
}

// TestEffectiveEnv checks how env overrides the mounted file, on the hand-written
// spring-env case.
func TestEffectiveEnv(t *testing.T) {
	eff := loadFile(t, filepath.Join("testdata", "crafted", "spring-env", "after.yaml")).Effective()
	tests := []struct {
		name, container, key, want, origin string
	}{
		{"env wins", "Deployment/app:main", "camunda.identity.type", "MICROSOFT",
			"env:CAMUNDA_IDENTITY_TYPE"},
		{"k8s reference", "Deployment/app:main", "camunda.identity.issuer",
			"https://login.microsoftonline.com/t/v2.0", "env:CAMUNDA_IDENTITY_ISSUER"},
		{"list split at commas", "Deployment/app:main", "camunda.identity.audiences.1", "aud-2",
			"env:CAMUNDA_IDENTITY_AUDIENCES"},
		{"placeholder default", "Deployment/app:main", "camunda.identity.baseurl",
			"http://identity:80", "env:CAMUNDA_IDENTITY_BASEURL"},
		{"configMapKeyRef in the same namespace", "Deployment/app:main", "log.level", "info",
			"env:LOG_LEVEL"},
		{"file value kept", "Deployment/app:main", "server.forwardheadersstrategy", "framework",
			"file:app/application.yaml"},
		{"envFrom prefix", "Deployment/app:wait", "init.log.level", "info", "env:INIT_LOG_LEVEL"},
		{"fieldRef and escapes", "Deployment/app:wait", "target",
			"fieldRef:metadata.name.svc and $(POD_NAME) and $(UNKNOWN)", "env:TARGET"},
		{"secret through a reference", "Deployment/worker:worker", "camunda.identity.clientsecret",
			"secretKeyRef:entra/client-secret", "env:CAMUNDA_IDENTITY_CLIENTSECRET"},
		{"items mount", "Deployment/worker:worker", "management.endpoints.include.2", "prometheus",
			"file:app/application.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := eff[tt.container]
			got, ok := s.Value(tt.key)
			if !ok || got != tt.want || s.Origin(tt.key) != tt.origin {
				t.Errorf("%s = %q (set %v) from %q, want %q from %q", tt.key, got, ok,
					s.Origin(tt.key), tt.want, tt.origin)
			}
		})
	}
}

func TestEffectiveListReplaced(t *testing.T) {
	s := loadFile(t, filepath.Join("testdata", "crafted", "spring-env", "after.yaml")).
		Effective()["Deployment/app:main"]
	for _, key := range []string{"management.endpoints.include.1", "management.endpoints.include.2"} {
		if v, ok := s.Value(key); ok {
			t.Errorf("%s = %q, want it dropped with the rest of the file's list", key, v)
		}
	}
	if v, _ := s.Value("management.endpoints.include.0"); v != "health" {
		t.Errorf("include.0 = %q, want health", v)
	}
}

func TestLoadSkipsOtherDocuments(t *testing.T) {
	r, err := Load([]byte(`
---
just text
---
- a list
---
kind: Deployment
metadata: {name: a}
spec:
  template:
    spec:
      initContainers: [{name: init}]
      containers: [{name: main, env: [{name: X, value: 1}]}, {image: nameless}]
`))
	if err != nil {
		t.Fatal(err)
	}
	got := r.Containers()
	if len(got) != 2 || got[0] != "Deployment/a:init" || got[1] != "Deployment/a:main" {
		t.Errorf("containers = %q", got)
	}
}

func TestLoadError(t *testing.T) {
	if _, err := Load([]byte("a: [unclosed")); err == nil {
		t.Error("Load gave no error for broken YAML")
	}
}
