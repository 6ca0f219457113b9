package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"

	"github.com/camunda-entra/camunda-entra/appreg"
)

// Output formats of the entra-apps subcommand.
const (
	appsScript = "script"
	appsJSON   = "json"
)

// entraAppsOptions are the flags of the entra-apps subcommand.
type entraAppsOptions struct {
	configPath string
	output     string
	urls       appreg.URLs
}

// runEntraApps prints the Entra app registrations the config describes: an Azure CLI script,
// or with --output json their Graph manifests. It exits 0, or 2 for bad usage or config.
func runEntraApps(args []string, s Streams) int {
	opts, err := parseEntraApps(args, s)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err == nil {
		err = opts.run(s)
	}
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra entra-apps: %v\n", err)
		return ExitConfig
	}
	return ExitOK
}

func parseEntraApps(args []string, s Streams) (*entraAppsOptions, error) {
	opts := &entraAppsOptions{}
	fs := flag.NewFlagSet("camunda-entra entra-apps", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: camunda-entra entra-apps --config FILE "+
			"[--base-url URL] [--<component>-url URL] [--output script|json]\n\n"+
			"Prints the Entra app registrations the config describes.\n\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.StringVar(&opts.output, "output", appsScript,
		"`format`: script (Azure CLI commands) or json (app manifests)")
	fs.StringVar(&opts.urls.Base, "base-url", "",
		"the `URL` of the chart's combined Ingress; each component under its context path")
	fs.StringVar(&opts.urls.Identity, "identity-url", "", "Management Identity's root `URL`")
	fs.StringVar(&opts.urls.Orchestration, "orchestration-url", "",
		"the Orchestration Cluster's root `URL`")
	fs.StringVar(&opts.urls.Optimize, "optimize-url", "", "Optimize's root `URL`")
	fs.StringVar(&opts.urls.WebModeler, "web-modeler-url", "", "Web Modeler's root `URL`")
	fs.StringVar(&opts.urls.Console, "console-url", "", "Console's root `URL`")
	if err := parseFlags(fs, args, s, false); err != nil {
		return opts, err
	}
	return opts, opts.validate()
}

func (o *entraAppsOptions) validate() error {
	if o.configPath == "" {
		return errors.New("--config is required")
	}
	if o.output != appsScript && o.output != appsJSON {
		return fmt.Errorf("--output: want script or json, got %q", o.output)
	}
	flags := []struct{ name, value string }{
		{"base-url", o.urls.Base}, {"identity-url", o.urls.Identity},
		{"orchestration-url", o.urls.Orchestration}, {"optimize-url", o.urls.Optimize},
		{"web-modeler-url", o.urls.WebModeler}, {"console-url", o.urls.Console},
	}
	for _, f := range flags {
		if f.value == "" {
			continue
		}
		if err := appreg.CheckURL(f.value); err != nil {
			return fmt.Errorf("--%s: %w", f.name, err)
		}
	}
	return nil
}

// run writes the plan to stdout and its warnings to stderr.
func (o *entraAppsOptions) run(s Streams) error {
	cfg, err := loadConfig(o.configPath)
	if err != nil {
		return err
	}
	plan := appreg.Build(cfg, o.urls)
	var out bytes.Buffer
	if o.output == appsJSON {
		err = plan.WriteJSON(&out)
	} else {
		err = plan.WriteScript(&out)
	}
	if err != nil {
		return err
	}
	for _, w := range plan.Warnings {
		fmt.Fprintf(s.Stderr, "camunda-entra entra-apps: warning: %s\n", w)
	}
	if _, err := s.Stdout.Write(out.Bytes()); err != nil {
		return fmt.Errorf("failed to write stdout: %w", err)
	}
	return nil
}
