package secrets_test

import (
	"fmt"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/secrets"
)

// The example configuration keeps three client secrets in one Secret; Connectors share the
// Orchestration Cluster's.
func ExampleFromConfig() {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		panic(err)
	}
	for _, s := range secrets.FromConfig(cfg) {
		fmt.Println("Secret", s.Name)
		for _, k := range s.Keys {
			fmt.Printf("  %s: %d reader(s), apps %v\n", k.Name, len(k.Users), k.Apps())
		}
	}
	// Output:
	// Secret entra-credentials
	//   identity-client-secret: 1 reader(s), apps [aaaaaaaa-1111-4111-8111-111111111111]
	//   orchestration-cluster-client-secret: 2 reader(s), apps [bbbbbbbb-2222-4222-8222-222222222222]
	//   optimize-client-secret: 1 reader(s), apps [cccccccc-3333-4333-8333-333333333333]
}
