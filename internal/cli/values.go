package cli

import (
	"github.com/camunda-entra/camunda-entra/values"
)

// valuesOptions are the flags of the values subcommand.
type valuesOptions struct {
	configPath   string
	chartVersion string
	version      values.Version
}

// runValues prints the chart values that configure the release for Entra without the
// post-renderer.
func runValues(args []string, s Streams) int {
	opts, err := parseValues(args, s)
	if err != nil {
		return generatorFailed(s, "values", err)
	}
	cfg, err := loadConfig(opts.configPath)
	if err != nil {
		return generatorFailed(s, "values", err)
	}
	out, err := values.Render(cfg, opts.version)
	if err != nil {
		return generatorFailed(s, "values", err)
	}
	return writeGenerated(s, "values", out)
}

func parseValues(args []string, s Streams) (*valuesOptions, error) {
	opts := &valuesOptions{}
	fs := generatorFlags("values")
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.StringVar(&opts.chartVersion, "chart-version", "8.8",
		"the Camunda `version` the chart installs: 8.8, 8.9 or 8.10 (or chart 13.x, 14.x, 15.x)")
	if err := parseGeneratorFlags(fs, args, s, &opts.configPath); err != nil {
		return nil, err
	}
	v, err := values.ParseVersion(opts.chartVersion)
	if err != nil {
		return nil, &configError{flagError("chart-version", err)}
	}
	opts.version = v
	return opts, nil
}
