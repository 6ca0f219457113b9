package cli

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/secrets"
)

// secretsOptions are the flags of the secrets subcommand.
type secretsOptions struct {
	configPath string
	namespace  string
	output     string
}

const secretsHeader = `# The Kubernetes Secrets the camunda-entra configuration refers to. Replace
# each <fill in: ...> with the client secret of that app registration in Entra
# (Certificates & secrets), then run the commands or apply the manifest.
# camunda-entra never reads the values.
`

// runSecrets prints kubectl commands and Secret manifests for the configuration's secret
// references, with placeholders where the values go.
func runSecrets(args []string, s Streams) int {
	opts, err := parseSecrets(args, s)
	if err != nil {
		return generatorFailed(s, "secrets", err)
	}
	cfg, err := loadConfig(opts.configPath)
	if err != nil {
		return generatorFailed(s, "secrets", err)
	}
	list := secrets.FromConfig(cfg)
	if len(list) == 0 {
		fmt.Fprintln(s.Stderr, "camunda-entra secrets: the config refers to no Secret "+
			"(only public clients need none)")
		return ExitOK
	}
	warnSharedKeys(s, list)
	out, err := opts.write(list)
	if err != nil {
		return generatorFailed(s, "secrets", err)
	}
	return writeGenerated(s, "secrets", out)
}

func parseSecrets(args []string, s Streams) (*secretsOptions, error) {
	opts := &secretsOptions{}
	fs := generatorFlags("secrets")
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.StringVar(&opts.namespace, "namespace", "",
		"the release's `namespace` (default: kubectl's current namespace)")
	fs.StringVar(&opts.output, "output", "all",
		"what to print: all, commands (a shell script) or manifest (YAML)")
	if err := parseGeneratorFlags(fs, args, s, &opts.configPath); err != nil {
		return nil, err
	}
	if err := checkChoice("output", opts.output, "all", "commands", "manifest"); err != nil {
		return nil, err
	}
	if err := secrets.CheckNamespace(opts.namespace); err != nil {
		return nil, &configError{flagError("namespace", err)}
	}
	return opts, nil
}

// write returns the header, then the commands, the manifest or both.
func (o *secretsOptions) write(list []secrets.Secret) ([]byte, error) {
	out := []byte(secretsHeader)
	if o.output != "manifest" {
		out = append(out, "\n"+secrets.Commands(list, o.namespace)...)
	}
	if o.output == "commands" {
		return out, nil
	}
	manifest, err := secrets.Manifest(list, o.namespace)
	if err != nil {
		return nil, err
	}
	if o.output == "all" {
		out = append(out, "\n# The same Secrets as a manifest, for kubectl apply -f:\n"...)
	}
	return append(out, manifest...), nil
}

// warnSharedKeys warns of a key the config names for two apps: it can hold one value only.
func warnSharedKeys(s Streams, list []secrets.Secret) {
	for _, sec := range list {
		for _, k := range sec.Keys {
			if apps := k.Apps(); len(apps) > 1 {
				fmt.Fprintf(s.Stderr, "camunda-entra secrets: warning: key %q of Secret %q is "+
					"named for %d Entra apps (%s), but each app has a client secret of its own\n",
					k.Name, sec.Name, len(apps), strings.Join(apps, ", "))
			}
		}
	}
}
