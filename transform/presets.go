package transform

import (
	"bytes"
	_ "embed"
	"text/template"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Management Identity reads its component presets (the APIs, roles and applications it
// registers for each component) from lists in the application.yaml the chart mounts. The
// audiences in those lists must be the Entra app ids, and a release rendered with auth off has
// no Connectors or Orchestration presets at all.
//
// Spring Boot binds a list from a single property source: an env var for one element of a
// list hides every element the file has. So changing one audience by env means restating the
// whole list. The transform does that, for every list of each preset it owns, instead of
// editing the ConfigMap: the change stays in the pod template (so it rolls the pods), the
// ConfigMap and its checksum annotation stay the chart's, and the result is the same for an
// auth-on and an auth-off render. The cost is a long env list on one container, about 120
// entries. Presets of components the release does not contain are left to the file.
//
//go:embed presets.yaml
var presetsText string

var presetsTemplate = template.Must(
	template.New("presets.yaml").Option("missingkey=error").Parse(presetsText))

// presetOwners maps each preset to the component whose presence in the release makes the
// transform write it; the identity preset is always written.
var presetOwners = map[string]Component{
	"connectors":    Connectors,
	"console":       Console,
	"identity":      Identity,
	"optimize":      Optimize,
	"orchestration": Orchestration,
	"webmodeler":    WebModeler,
}

// presetValues fills presets.yaml.
type presetValues struct {
	Identity, Orchestration, Optimize, WebModeler, WebModelerPublic, Console string
	OrchestrationURL, OptimizeURL, WebModelerURL, ConsoleURL                 string
}

func (p *plan) presetValues() presetValues {
	cl := p.cfg.Clients
	v := presetValues{
		OrchestrationURL: defaultOrchestrationURL,
		OptimizeURL:      defaultOptimizeURL,
		WebModelerURL:    defaultWebModelerURL,
		ConsoleURL:       defaultConsoleURL,
	}
	if cl.Identity != nil {
		v.Identity = config.AudienceOf(cl.Identity.Audience, cl.Identity.ClientID)
	}
	if conn := p.cfg.Connectors(); conn != nil {
		v.Orchestration = config.AudienceOf(conn.Audience, conn.ClientID)
	}
	if oc := cl.Orchestration; oc != nil {
		v.Orchestration = config.AudienceOf(oc.Audience, oc.ClientID)
		v.OrchestrationURL = orDefault(oc.RedirectURL, v.OrchestrationURL)
	}
	if opt := cl.Optimize; opt != nil {
		v.Optimize = config.AudienceOf(opt.Audience, opt.ClientID)
		v.OptimizeURL = orDefault(opt.RedirectURL, v.OptimizeURL)
	}
	if wm := cl.WebModeler; wm != nil {
		v.WebModeler = config.AudienceOf(wm.Audience, wm.ClientID)
		v.WebModelerPublic = wm.PublicAPIAudience
		v.WebModelerURL = orDefault(wm.RedirectURL, v.WebModelerURL)
	}
	if con := cl.Console; con != nil {
		v.Console = config.AudienceOf(con.Audience, con.ClientID)
		v.ConsoleURL = orDefault(con.RedirectURL, v.ConsoleURL)
	}
	return v
}

// presets returns the env vars that restate the presets of the release's components.
func (p *plan) presets() []envVar {
	var buf bytes.Buffer
	if err := presetsTemplate.Execute(&buf, p.presetValues()); err != nil {
		panic("presets.yaml: " + err.Error()) // the template is compiled in
	}
	tree := yaml.MustParse(buf.String())
	var vars []envVar
	content := tree.Content()
	for i := 0; i+1 < len(content); i += 2 {
		name := content[i].Value
		if owner := presetOwners[name]; owner != Identity && p.rel.workloads[owner] == nil {
			continue
		}
		prefix := "IDENTITY_COMPONENTPRESETS_" + envKey(name)
		vars = append(vars, flattenNode(prefix, yaml.NewRNode(content[i+1]))...)
	}
	return vars
}
