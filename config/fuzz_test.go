package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// FuzzLoad checks that Load never panics, that a config it accepts validates again, and that
// writing such a config out gives a file Load accepts too.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(valid))
	paths, _ := filepath.Glob("../testdata/corpus/*/config.yaml")
	paths = append(paths, "../examples/entra.yaml", "../examples/kustomize/entra.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, line := range []string{"cloud: usgov", "authorityHost: https://login.example.eu",
		"claims: {username: email, clientId: appid}", "metadata: {labels: {a: b}}"} {
		f.Add([]byte(strings.Replace(valid, "initialAdmin:", line+"\ninitialAdmin:", 1)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Load(data)
		if err != nil {
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("a loaded config does not validate again: %v", err)
		}
		out, err := yaml.Marshal(cfg)
		if err != nil {
			t.Fatalf("failed to write a loaded config: %v", err)
		}
		if _, err := Load(out); err != nil {
			t.Fatalf("a loaded config, written out, does not load: %v\n%s", err, out)
		}
	})
}
