package lint

import (
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
)

// FuzzLint feeds the linter arbitrary streams: it returns findings or an error, never panics,
// and every finding names its workload, check and fix.
func FuzzLint(f *testing.F) {
	f.Add([]byte("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\n  labels:\n" +
		"    app.kubernetes.io/component: connectors\nspec:\n  template:\n    spec:\n" +
		"      containers:\n        - name: connectors\n          env:\n" +
		"            - {name: CAMUNDA_CLIENT_AUTH_SCOPE, value: x}\n"))
	f.Add([]byte("kind: StatefulSet\n" +
		"metadata: {labels: {app.kubernetes.io/component: orchestration}}\n" +
		"spec: {template: {spec: {containers: [{name: orchestration, env: null}]}}}\n---\n- a\n"))
	f.Add([]byte("---\n# only a comment\n---\n"))
	cfg, err := config.LoadFile(example)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		rep, err := Lint(input, cfg)
		if err != nil {
			return
		}
		for _, fd := range rep.Findings {
			if fd.Workload == "" || fd.Check == "" || fd.Fix == "" || fd.Message == "" {
				t.Errorf("incomplete finding %+v", fd)
			}
		}
	})
}
