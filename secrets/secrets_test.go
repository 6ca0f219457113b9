package secrets

import (
	"reflect"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

const head = `apiVersion: camunda-entra.dev/v1alpha1
kind: EntraConfig
tenantId: 11111111-2222-3333-4444-555555555555
initialAdmin: {value: admin@example.com}
`

const (
	idApp   = "aaaaaaaa-1111-4111-8111-111111111111"
	ocApp   = "bbbbbbbb-2222-4222-8222-222222222222"
	connApp = "99999999-9999-4999-8999-999999999999"
)

func TestFromConfig(t *testing.T) {
	cases := []struct {
		name   string
		config string
		want   []Secret
	}{
		{
			name: "Connectors share the Orchestration key",
			config: `clients:
  identity:
    clientId: ` + idApp + `
    secret: {name: entra-credentials, key: identity-client-secret}
  orchestration:
    clientId: ` + ocApp + `
    secret: {name: entra-credentials, key: oc-secret}`,
			want: []Secret{{Name: "entra-credentials", Keys: []Key{
				{Name: "identity-client-secret", Users: []User{{"Management Identity", idApp}}},
				{Name: "oc-secret", Users: []User{
					{"Orchestration Cluster", ocApp}, {"Connectors", ocApp}}},
			}}},
		},
		{
			name: "Connectors with an app and Secret of their own",
			config: `clients:
  orchestration:
    clientId: ` + ocApp + `
    secret: {name: entra-credentials, key: oc-secret}
  connectors:
    clientId: ` + connApp + `
    secret: {name: connectors, key: client-secret}`,
			want: []Secret{
				{Name: "entra-credentials", Keys: []Key{
					{Name: "oc-secret", Users: []User{{"Orchestration Cluster", ocApp}}}}},
				{Name: "connectors", Keys: []Key{
					{Name: "client-secret", Users: []User{{"Connectors", connApp}}}}},
			},
		},
		{
			name: "public clients need no Secret",
			config: `clients:
  console:
    clientId: ffffffff-6666-4666-8666-666666666666`,
			want: nil,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := config.Load([]byte(head + tc.config))
			if err != nil {
				t.Fatal(err)
			}
			if got := FromConfig(cfg); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestPlaceholder(t *testing.T) {
	cases := []struct {
		name string
		key  Key
		want string
	}{
		{"one app", Key{Users: []User{{"Optimize", "c"}}},
			"<fill in: client secret of Entra app c (Optimize)>"},
		{"one app, two components",
			Key{Users: []User{{"Orchestration Cluster", "b"}, {"Connectors", "b"}}},
			"<fill in: client secret of Entra app b (Orchestration Cluster, Connectors)>"},
		{"two apps", Key{Users: []User{{"Orchestration Cluster", "b"}, {"Connectors", "x"}}},
			"<fill in: client secret of Entra app b (Orchestration Cluster) and app x (Connectors)>"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.key.Placeholder(); got != tc.want {
				t.Errorf("got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestManifestIsSecrets parses the skeleton back: Secrets with the right names, namespace and
// keys, and no value but the placeholders.
func TestManifestIsSecrets(t *testing.T) {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	secrets := FromConfig(cfg)
	out, err := Manifest(secrets, "camunda")
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := kio.FromBytes(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 1 || nodes[0].GetKind() != "Secret" ||
		nodes[0].GetName() != "entra-credentials" || nodes[0].GetNamespace() != "camunda" {
		t.Fatalf("want one Secret entra-credentials in camunda, got:\n%s", out)
	}
	data := map[string]string{}
	stringData := nodes[0].Field("stringData")
	if stringData == nil {
		t.Fatalf("no stringData:\n%s", out)
	}
	_ = stringData.Value.VisitFields(func(f *yaml.MapNode) error {
		data[f.Key.YNode().Value] = f.Value.YNode().Value
		return nil
	})
	want := map[string]string{}
	for _, k := range secrets[0].Keys {
		want[k.Name] = k.Placeholder()
	}
	if !reflect.DeepEqual(data, want) || len(want) != 3 {
		t.Errorf("stringData %v, want the three placeholders %v", data, want)
	}
}

func TestCommands(t *testing.T) {
	secrets := []Secret{
		{Name: "a", Keys: []Key{{Name: "k1", Users: []User{{"Optimize", "c"}}}}},
		{Name: "b", Keys: []Key{{Name: "k2", Users: []User{{"Optimize", "d"}}}}},
	}
	cases := map[string]string{
		"": "kubectl create secret generic a \\\n" +
			"  --from-literal=k1='<fill in: client secret of Entra app c (Optimize)>'\n\n" +
			"kubectl create secret generic b \\\n" +
			"  --from-literal=k2='<fill in: client secret of Entra app d (Optimize)>'\n",
		"prod": "kubectl create secret generic a --namespace prod \\\n",
	}
	for ns, want := range cases {
		t.Run("namespace "+ns, func(t *testing.T) {
			if got := Commands(secrets, ns); !strings.HasPrefix(got, want) {
				t.Errorf("got:\n%s\nwant it to start with:\n%s", got, want)
			}
		})
	}
}

func TestCheckNamespace(t *testing.T) {
	for ns, ok := range map[string]bool{
		"": true, "camunda": true, "team-1": true,
		"Camunda": false, "a b": false, "x;rm -rf": false, "-a": false,
		strings.Repeat("a", 64): false,
	} {
		if err := CheckNamespace(ns); (err == nil) != ok {
			t.Errorf("%q: got %v, want ok=%v", ns, err, ok)
		}
	}
}
