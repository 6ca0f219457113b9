package values

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Render returns the values of Build as a YAML file, after a header that says what the file
// covers and what the chart still needs.
func Render(cfg *config.Config, v Version) ([]byte, error) {
	body, err := yaml.MarshalWithOptions(Build(cfg, v),
		&yaml.EncoderOptions{SeqIndent: yaml.WideSequenceStyle})
	if err != nil {
		return nil, fmt.Errorf("failed to write the values: %w", err)
	}
	return append([]byte(header(cfg, v)), body...), nil
}

// header is the comment that opens the file.
func header(cfg *config.Config, v Version) string {
	lines := []string{
		fmt.Sprintf("Values for the camunda-platform chart %d.x (Camunda %s) that connect the release to",
			v.Chart(), v),
		"Microsoft Entra ID the way the camunda-entra post-renderer does, for an install without it:",
		"  helm install camunda camunda/camunda-platform -f entra-values.yaml -f your-values.yaml",
		"Written by `camunda-entra values`. Client secrets stay in the Kubernetes Secrets named",
		"below (`camunda-entra secrets` prints them). Env entries are fixes the chart does not",
		"make by itself; a comment above each one says why.",
		"",
		"These values cover authentication only. The chart needs more, from your own values:",
	}
	lines = append(lines, needs(cfg, v)...)
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	return b.String()
}

// needs lists what the chart requires to render and run the enabled components, which is not
// the business of this tool.
func needs(cfg *config.Config, v Version) []string {
	cl := cfg.Clients
	var out []string
	if v >= V89 {
		out = append(out, "- a secondary storage type (orchestration.data.secondaryStorage.type);")
	}
	if cl.Identity != nil {
		out = append(out, "- a database for Management Identity;")
	}
	if cl.WebModeler != nil {
		mail := "webModeler.restapi.mail.fromAddress"
		if v >= V810 {
			mail = "camundaHub.restapi.mail.fromAddress"
		}
		out = append(out, "- a database for Web Modeler, and the sender of its mails ("+mail+");")
	}
	if cl.Identity == nil && (cl.WebModeler != nil || cl.Console != nil && v < V810) {
		out = append(out, "- Management Identity, which Web Modeler and Console require "+
			"(the config has no",
			"  clients.identity);")
	}
	if v >= V810 {
		out = append(out, "- Helm 4, which chart 15 requires.")
	}
	if len(out) == 0 {
		out = append(out, "- nothing for authentication.")
	}
	if v >= V810 && cl.Console != nil {
		out = append(out, "",
			"Chart 15 has no Console workload: Hub serves Console with the camundaHub app, so",
			"clients.console is not used.")
	}
	return out
}
