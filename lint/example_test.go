package lint_test

import (
	"fmt"
	"os"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/lint"
)

// A Connectors workload rendered with the draft guide's secret key, a v1.0 token URL and no
// scope.
const connectorsRender = `apiVersion: v1
kind: ConfigMap
metadata: {name: camunda-connectors-configuration}
data:
  application.yaml: |
    camunda:
      client:
        auth:
          token-url: https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/token
          client-id: bbbbbbbb-2222-4222-8222-222222222222
          client-secret: ${VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET}
          audience: bbbbbbbb-2222-4222-8222-222222222222
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: camunda-connectors
  labels: {app.kubernetes.io/component: connectors, app.kubernetes.io/instance: camunda}
spec:
  template:
    spec:
      volumes: [{name: config, configMap: {name: camunda-connectors-configuration}}]
      containers:
        - name: connectors
          volumeMounts: [{name: config, mountPath: /config}]
          env:
            - name: VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET
              valueFrom: {secretKeyRef: {name: entra-credentials, key: oidc-client-secret}}
`

func ExampleLint() {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		panic(err)
	}
	report, err := lint.Lint([]byte(connectorsRender), cfg)
	if err != nil {
		panic(err)
	}
	for _, f := range report.Findings {
		fmt.Printf("%s [%s] %s\n", f.Severity, f.Check, f.Setting)
	}
	fmt.Println(lint.Summary(report.Findings))
	// Output:
	// error [secret-ref] VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET
	// error [endpoint] camunda.client.auth.tokenurl
	// error [connectors-scope] camunda.client.auth.scope
	// 3 errors, 0 warnings
}

func ExampleWriteJSON() {
	findings := []lint.Finding{{
		Severity: lint.Warning, Check: "console-wellknown", Workload: "Deployment/camunda-console",
		Container: "camunda-platform", Setting: "camunda.console.oauth.wellknown",
		Message: "placeholder", Fix: "set CAMUNDA_IDENTITY_JWKS_URL",
	}}
	_ = lint.WriteJSON(os.Stdout, findings)
	_ = lint.WriteJSON(os.Stdout, nil)
	// Output:
	// [
	//   {
	//     "severity": "warning",
	//     "check": "console-wellknown",
	//     "workload": "Deployment/camunda-console",
	//     "container": "camunda-platform",
	//     "setting": "camunda.console.oauth.wellknown",
	//     "message": "placeholder",
	//     "fix": "set CAMUNDA_IDENTITY_JWKS_URL"
	//   }
	// ]
	// []
}
