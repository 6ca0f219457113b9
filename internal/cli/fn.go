package cli

import (
	"bytes"
	"fmt"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/transform"
	"sigs.k8s.io/kustomize/kyaml/fn/framework"
	"sigs.k8s.io/kustomize/kyaml/kio"
)

// runFunction runs the transform as a KRM function: kustomize (exec or container) or kpt send
// a ResourceList whose functionConfig is the Entra config. The framework writes its output
// even when processing fails, and kustomize ignores error results unless the function exits
// non-zero; so the output is buffered, dropped on error, and the error sets the exit code.
func runFunction(args []string, s Streams) int {
	if len(args) > 0 {
		fmt.Fprintf(s.Stderr, "camunda-entra fn: unexpected argument %q "+
			"(the configuration is the ResourceList's functionConfig)\n", args[0])
		return ExitConfig
	}
	input, err := readInput(s.Stdin)
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra fn: %v\n", err)
		return ExitInput
	}
	var out bytes.Buffer
	rw := &kio.ByteReadWriter{
		Reader: bytes.NewReader(input), Writer: &out, KeepReaderAnnotations: true,
	}
	err = framework.Execute(framework.ResourceListProcessorFunc(process), rw)
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra fn: %v\n", err)
		return exitCode(err)
	}
	if _, err := s.Stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra fn: failed to write stdout: %v\n", err)
		return ExitInput
	}
	return ExitOK
}

// process injects the configuration into the ResourceList's items.
func process(rl *framework.ResourceList) error {
	cfg, err := config.FromFunctionConfig(rl.FunctionConfig)
	if err != nil {
		return &configError{fmt.Errorf("functionConfig: %w", err)}
	}
	_, err = transform.Apply(rl.Items, cfg)
	return err
}
