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

// A filter program reads the stream, then transforms and writes it; it can size its memory
// limit between the two steps, as the camunda-entra command does.
func ExampleRead() {
	cfg, err := config.LoadFile("../examples/entra.yaml")
	if err != nil {
		panic(err)
	}
	f, err := os.Open("../testdata/fixtures/camunda-8.8/default.yaml")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	in, err := postrender.Read(f)
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	report, err := in.Write(&out, cfg)
	if err != nil {
		panic(err)
	}
	fmt.Println(in.Size() > 0, len(report.Workloads), bytes.Contains(out.Bytes(), []byte("# Source:")))
	// Output:
	// true 2 true
}
