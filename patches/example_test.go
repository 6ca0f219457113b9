package patches_test

import (
	"fmt"
	"os"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/patches"
)

// The chart's default render has the Orchestration Cluster and Connectors. The Connectors
// container has no env, so its patch adds one; the Orchestration Cluster's is replaced.
func ExampleBuild() {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		panic(err)
	}
	render, err := os.ReadFile("../testdata/fixtures/camunda-8.8/default.yaml")
	if err != nil {
		panic(err)
	}
	list, _, err := patches.Build(render, cfg)
	if err != nil {
		panic(err)
	}
	for _, p := range list {
		fmt.Printf("%s %s:\n", p.Target.Kind, p.Target.Name)
		for _, op := range p.Ops {
			fmt.Printf("  %-7s %s\n", op.Op, op.Path)
		}
	}
	// Output:
	// Deployment camunda-connectors:
	//   test    /spec/template/spec/containers/0/name
	//   add     /spec/template/spec/containers/0/env
	// StatefulSet camunda-zeebe:
	//   test    /spec/template/spec/containers/0/name
	//   test    /spec/template/spec/containers/0/env
	//   replace /spec/template/spec/containers/0/env
}
