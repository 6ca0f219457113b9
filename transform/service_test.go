package transform

import (
	"testing"

	"sigs.k8s.io/kustomize/kyaml/kio"
)

// TestFindServiceTakesTheFirstInTheStream checks that the Service index answers as a walk over
// the stream in order would, whether or not the selectors name the release.
func TestFindServiceTakesTheFirstInTheStream(t *testing.T) {
	const stream = `
kind: Service
metadata: {name: other-release, namespace: ns}
spec: {selector: {app.kubernetes.io/instance: other, app: id}}
---
kind: Service
metadata: {name: any-release, namespace: ns}
spec: {selector: {app: id}}
---
kind: Service
metadata: {name: this-release, namespace: ns}
spec: {selector: {app.kubernetes.io/instance: rel, app: id}}
---
kind: Service
metadata: {name: other-namespace, namespace: elsewhere}
spec: {selector: {app: id}}
---
kind: Service
metadata: {name: empty-selector, namespace: ns}
spec: {selector: {}}
`
	nodes, err := kio.FromBytes([]byte(stream))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, ns string
		labels   map[string]string
		want     string
	}{
		{"any release comes first", "ns", map[string]string{instanceLabel: "rel", "app": "id"},
			"any-release"},
		{"the release's own", "ns", map[string]string{instanceLabel: "other", "app": "id"},
			"other-release"},
		{"no instance label", "ns", map[string]string{"app": "id"}, "any-release"},
		{"other namespace", "elsewhere", map[string]string{instanceLabel: "rel", "app": "id"},
			"other-namespace"},
		{"none", "ns", map[string]string{"app": "db"}, ""},
	}
	svcs := indexServices(nodes)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if n := svcs.find(tc.ns, tc.labels); n != nil {
				got = n.GetName()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
