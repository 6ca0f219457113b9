package postrender_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/postrender"
)

// A Go program that installs charts with the Helm SDK sets the post-renderer on its action,
// for example action.Install's PostRenderer field. Here it runs on a recorded render.
func ExamplePostRenderer() {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		panic(err)
	}
	rendered, err := os.ReadFile("../testdata/fixtures/camunda-8.8/default.yaml")
	if err != nil {
		panic(err)
	}
	pr := postrender.New(cfg)
	out, err := pr.Run(bytes.NewBuffer(rendered))
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(out.String(), "value: bbbbbbbb-2222-4222-8222-222222222222/.default"))
	for _, w := range pr.Report.Workloads {
		fmt.Println(w.Kind, w.Name)
	}
	// Output:
	// true
	// StatefulSet camunda-zeebe
	// Deployment camunda-connectors
}
