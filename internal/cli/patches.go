package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"

	"github.com/camunda-entra/camunda-entra/patches"
)

// patchesOptions are the flags of the patches subcommand.
type patchesOptions struct {
	configPath string
	output     string
	resource   string
}

// runPatches reads a rendered release on stdin and prints, as kustomize patches, what the
// post-renderer would change in it: for a Flux HelmRelease or a kustomization.
func runPatches(args []string, s Streams) int {
	opts, err := parsePatches(args, s)
	if err != nil {
		return generatorFailed(s, "patches", err)
	}
	out, err := opts.run(s)
	if err != nil {
		return generatorFailed(s, "patches", err)
	}
	return writeGenerated(s, "patches", out)
}

func parsePatches(args []string, s Streams) (*patchesOptions, error) {
	opts := &patchesOptions{}
	fs := generatorFlags("patches")
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.StringVar(&opts.output, "output", "flux",
		"flux (the postRenderers of a HelmRelease spec) or kustomization (a kustomization.yaml)")
	fs.StringVar(&opts.resource, "resource", "release.yaml",
		"with --output kustomization: the `file` the kustomization reads the render from")
	if err := parseGeneratorFlags(fs, args, s, &opts.configPath); err != nil {
		return nil, err
	}
	if err := checkChoice("output", opts.output, "flux", "kustomization"); err != nil {
		return nil, err
	}
	if opts.output != "kustomization" && isSet(fs, "resource") {
		return nil, &configError{errors.New("--resource: only with --output kustomization")}
	}
	if opts.resource == "" {
		return nil, &configError{errors.New("--resource: want a file name, got none")}
	}
	return opts, nil
}

// run builds the patches from the whole stream before anything is written.
func (o *patchesOptions) run(s Streams) ([]byte, error) {
	cfg, err := loadConfig(o.configPath)
	if err != nil {
		return nil, err
	}
	input, err := readInput(s.Stdin)
	if err != nil {
		return nil, err
	}
	list, _, err := patches.Build(input, cfg)
	if err != nil {
		return nil, err
	}
	switch {
	case len(bytes.TrimSpace(input)) == 0:
		fmt.Fprintln(s.Stderr, "camunda-entra patches: warning: no manifests on stdin")
	case len(list) == 0:
		fmt.Fprintln(s.Stderr, "camunda-entra patches: warning: nothing in the stream to "+
			"wire; no patches")
	}
	if o.output == "kustomization" {
		return patches.Kustomization(list, o.resource)
	}
	return patches.Flux(list)
}

// isSet reports whether a flag was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
