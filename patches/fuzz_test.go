package patches

import (
	"os"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
)

// FuzzBuild feeds arbitrary streams to Build: it returns patches or an error, never panics,
// and whatever patches it returns can be written in both forms.
func FuzzBuild(f *testing.F) {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		f.Fatal(err)
	}
	render, err := os.ReadFile("../testdata/fixtures/camunda-8.8/default.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(render)
	f.Add([]byte(connectors("camunda", "      containers:\n        - name: connectors\n")))
	f.Add([]byte("kind: List\nitems: [{kind: Deployment}]\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		list, _, err := Build(input, cfg)
		if err != nil {
			return
		}
		if _, err := Flux(list); err != nil {
			t.Errorf("Flux: %v", err)
		}
		if _, err := Kustomization(list, "release.yaml"); err != nil {
			t.Errorf("Kustomization: %v", err)
		}
	})
}
