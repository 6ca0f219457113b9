package transform

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Chart defaults for each component's external root URL, used when the config gives none.
const (
	defaultOrchestrationURL = "http://localhost:8080"
	defaultOptimizeURL      = "http://localhost:8083"
	defaultWebModelerURL    = "http://localhost:8070"
	defaultConsoleURL       = "http://localhost:8087"
)

// edit is what the transform does to one container.
type edit struct {
	container *yaml.RNode
	set       []envVar
	remove    []string
}

// plan holds what every component's env is computed from.
type plan struct {
	cfg         *config.Config
	rel         *release
	cms         configMaps
	identityURL string
	gen         generation
}

// edits returns the container edits of one workload.
func (p *plan) edits(w *workload) []edit {
	switch w.sig.Component {
	case Orchestration:
		return []edit{{container: w.container, set: p.orchestration(w)}}
	case Connectors:
		return []edit{{container: w.container, set: p.connectors(w)}}
	case Identity:
		return []edit{{container: w.container, set: p.identity()}}
	case Optimize:
		return p.optimize(w)
	case WebModeler:
		return []edit{{container: w.container, set: p.webModeler(w)}}
	case WebModelerUI:
		return []edit{{container: w.container, set: p.webModelerUI()}}
	case Console:
		return []edit{{container: w.container, set: p.console(), remove: keycloakEnv}}
	}
	return nil
}

// orchestration configures the unified Orchestration Cluster (Zeebe, Operate, Tasklist and
// its Identity) as an OIDC resource server and login client.
func (p *plan) orchestration(w *workload) []envVar {
	c := p.cfg
	oc := c.Clients.Orchestration
	root := orDefault(oc.RedirectURL, defaultOrchestrationURL)
	audiences := []string{oc.ClientID, config.AudienceOf(oc.Audience, oc.ClientID)}
	if wm := c.Clients.WebModeler; wm != nil {
		// Web Modeler forwards its users' tokens to the cluster: their audience must pass.
		audiences = append(audiences, config.AudienceOf(wm.Audience, wm.ClientID))
	}
	const oidc = "CAMUNDA_SECURITY_AUTHENTICATION_OIDC_"
	vars := []envVar{
		fromSecret("VALUES_ORCHESTRATION_CLIENT_SECRET", oc.Secret),
		literal("CAMUNDA_SECURITY_AUTHENTICATION_METHOD", "oidc"),
		literal(oidc+"CLIENTID", oc.ClientID),
		literal(oidc+"CLIENTSECRET", "${VALUES_ORCHESTRATION_CLIENT_SECRET}"),
		literal(oidc+"ISSUERURI", c.Issuer()),
		literal(oidc+"REDIRECTURI", root+"/sso-callback"),
		literal(oidc+"USERNAMECLAIM", c.UsernameClaim()),
		literal(oidc+"CLIENTIDCLAIM", c.ClientIDClaim()),
		literal(oidc+"PREFERUSERNAMECLAIM", "true"),
		literal(oidc+"AUTHENTICATIONREFRESHINTERVAL", "PT30S"),
	}
	vars = append(vars, indexed(oidc+"AUDIENCES", audiences)...)
	vars = append(vars, indexed(oidc+"SCOPE",
		[]string{"openid", "profile", "offline_access", oc.ClientID + "/.default"})...)
	vars = append(vars,
		literal("CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_ADMIN_USERS_0", c.InitialAdmin.Value),
		literal("CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_CONNECTORS_CLIENTS_0",
			c.Connectors().ClientID),
		literal("CAMUNDA_IDENTITY_CLIENTID", oc.ClientID),
		literal("CAMUNDA_IDENTITY_AUDIENCE", config.AudienceOf(oc.Audience, oc.ClientID)),
		literal("CAMUNDA_OPERATE_IDENTITY_REDIRECTROOTURL", root+"/operate"),
		literal("CAMUNDA_TASKLIST_IDENTITY_REDIRECTROOTURL", root+"/tasklist"),
	)
	// A release rendered for basic auth creates demo users with known passwords. An empty
	// value makes Spring bind an empty list, so none of them is created.
	if users := lookup(p.springFiles(w), "camunda", "security", "initialization", "users"); users != nil {
		vars = append(vars, literal("CAMUNDA_SECURITY_INITIALIZATION_USERS", ""))
	}
	return vars
}

// connectors configures the Connectors runtime's client credentials against the
// Orchestration app: Entra needs the app's /.default scope for that grant.
func (p *plan) connectors(w *workload) []envVar {
	c := p.cfg
	conn := c.Connectors()
	oc := c.Clients.Orchestration
	scopeApp := conn.ClientID
	if oc != nil {
		scopeApp = oc.ClientID
	}
	vars := []envVar{
		fromSecret("VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET", conn.Secret),
		literal("CAMUNDA_CLIENT_AUTH_TOKENURL", c.TokenURL()),
		literal("CAMUNDA_CLIENT_AUTH_CLIENTID", conn.ClientID),
		literal("CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "${VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET}"),
		literal("CAMUNDA_CLIENT_AUTH_AUDIENCE", config.AudienceOf(conn.Audience, conn.ClientID)),
		literal("CAMUNDA_CLIENT_AUTH_SCOPE", scopeApp+"/.default"),
	}
	vars = append(vars, p.identityClientEnv()...)
	files := p.springFiles(w)
	if p.gen >= gen89 || lookup(files, "camunda", "client", "auth", "issuer-url") != nil {
		vars = append(vars, literal("CAMUNDA_CLIENT_AUTH_ISSUERURL", c.Issuer()))
	}
	// A basic-auth render logs in with a demo user; switch the method and drop the user.
	if lookup(files, "camunda", "client", "auth", "method") != nil {
		vars = append(vars,
			literal("CAMUNDA_CLIENT_AUTH_METHOD", "oidc"),
			literal("CAMUNDA_CLIENT_AUTH_USERNAME", ""),
			literal("CAMUNDA_CLIENT_AUTH_PASSWORD", ""))
	}
	return vars
}

// identityClientEnv is what the chart's shared identity-env-vars ConfigMap gives Connectors
// and Optimize; env set on the container wins over that envFrom.
func (p *plan) identityClientEnv() []envVar {
	vars := []envVar{
		literal("CAMUNDA_IDENTITY_TYPE", "MICROSOFT"),
		literal("CAMUNDA_IDENTITY_ISSUER", p.cfg.Issuer()),
		literal("CAMUNDA_IDENTITY_ISSUER_BACKEND_URL", p.cfg.Issuer()),
	}
	if p.identityURL != "" {
		vars = append([]envVar{literal("CAMUNDA_IDENTITY_BASEURL", p.identityURL)}, vars...)
	}
	return vars
}

// identity configures Management Identity, including its component presets.
func (p *plan) identity() []envVar {
	c := p.cfg
	id := c.Clients.Identity
	aud := config.AudienceOf(id.Audience, id.ClientID)
	vars := []envVar{
		fromSecret("VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET", id.Secret),
		// The chart never sets this, and Identity does not start without it when Optimize is
		// off: https://github.com/camunda/camunda-platform-helm/issues/4747
		literal("CAMUNDA_IDENTITY_AUDIENCE", aud),
		literal("SPRING_PROFILES_ACTIVE", "oidc"),
		literal("IDENTITY_CLIENTID", id.ClientID),
		literal("IDENTITY_CLIENTSECRET", "${VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET}"),
		literal("IDENTITY_AUTHPROVIDER_TYPE", "MICROSOFT"),
		literal("IDENTITY_AUTHPROVIDER_ISSUERURL", c.Issuer()),
		literal("IDENTITY_AUTHPROVIDER_BACKENDURL", c.Issuer()),
		literal("IDENTITY_INITIALCLAIMNAME", c.AdminClaim()),
		literal("IDENTITY_INITIALCLAIMVALUE", c.InitialAdmin.Value),
		literal("CAMUNDA_IDENTITY_CLIENTID", id.ClientID),
		literal("CAMUNDA_IDENTITY_CLIENTSECRET", "${VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET}"),
		literal("CAMUNDA_IDENTITY_ISSUER", c.Issuer()),
		literal("CAMUNDA_IDENTITY_ISSUERBACKENDURL", c.Issuer()),
	}
	if p.identityURL != "" {
		vars = append(vars, literal("CAMUNDA_IDENTITY_BASEURL", p.identityURL))
	}
	if opt := c.Clients.Optimize; opt != nil && p.rel.workloads[Optimize] != nil {
		// Chart 8.10 stops setting the id for non-Keycloak providers; set it on every version.
		vars = append(vars,
			literal("CAMUNDA_OPTIMIZE_CLIENT_ID", opt.ClientID),
			fromSecret("CAMUNDA_OPTIMIZE_SECRET", opt.Secret))
	}
	return append(vars, p.presets()...)
}

// optimize configures Optimize and its migration init container.
func (p *plan) optimize(w *workload) []edit {
	c := p.cfg
	opt := c.Clients.Optimize
	aud := config.AudienceOf(opt.Audience, opt.ClientID)
	common := []envVar{
		literal("CAMUNDA_IDENTITY_CLIENTID", opt.ClientID),
		literal("CAMUNDA_IDENTITY_AUDIENCE", aud),
		literal("CAMUNDA_IDENTITY_ISSUER", c.Issuer()),
		literal("CAMUNDA_IDENTITY_ISSUERBACKENDURL", c.Issuer()),
		// environment-config.yaml is Optimize's own format, not Spring's: these are the env
		// names its defaults read, and a literal the chart wrote there still wins.
		literal("CAMUNDA_OPTIMIZE_API_AUDIENCE", aud),
		literal("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", c.JWKSURL()),
	}
	main := append([]envVar{fromSecret("CAMUNDA_IDENTITY_CLIENT_SECRET", opt.Secret)}, common...)
	main = append(main, p.identityClientEnv()...)
	edits := []edit{{container: w.container, set: dedupe(main)}}
	if mig, _ := findContainer(w.pod, "initContainers", "migration"); mig != nil {
		edits = append(edits, edit{container: mig, set: common})
	}
	return edits
}

// webModeler configures the Web Modeler REST API (the Hub in 8.10).
func (p *plan) webModeler(w *workload) []envVar {
	c := p.cfg
	wm := c.Clients.WebModeler
	const jwt = "CAMUNDA_MODELER_SECURITY_JWT_"
	vars := []envVar{
		literal("CAMUNDA_IDENTITY_TYPE", "MICROSOFT"),
		literal("CAMUNDA_IDENTITY_ISSUER", c.Issuer()),
		literal("CAMUNDA_IDENTITY_ISSUERBACKENDURL", c.Issuer()),
		literal(jwt+"ISSUER_BACKENDURL", c.Issuer()),
		literal(jwt+"AUDIENCE_INTERNALAPI", config.AudienceOf(wm.Audience, wm.ClientID)),
		literal(jwt+"AUDIENCE_PUBLICAPI", wm.PublicAPIAudience),
		literal("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", c.Issuer()),
		literal("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", c.JWKSURL()),
	}
	if p.identityURL != "" {
		vars = append([]envVar{literal("CAMUNDA_IDENTITY_BASEURL", p.identityURL)}, vars...)
	}
	if p.gen >= gen89 {
		vars = append(vars,
			literal("CAMUNDA_MODELER_OAUTH2_CLIENTID", wm.ClientID),
			literal("CAMUNDA_MODELER_OAUTH2_TOKEN_USERNAMECLAIM", c.UsernameClaim()))
	}
	return append(vars, p.bearerClusters(w)...)
}

// bearerClusters switches Web Modeler's clusters to forward the user's token. Spring replaces
// a list whole, so every cluster is restated from the mounted file with only that field
// changed; clusters that already use BEARER_TOKEN leave the list alone.
func (p *plan) bearerClusters(w *workload) []envVar {
	clusters := lookup(p.springFiles(w), "camunda", "modeler", "clusters")
	items := contentOf(clusters)
	needed := false
	for _, cl := range items {
		if auth := lookupOne(cl, []string{"authentication"}); auth == nil ||
			yaml.GetValue(auth) != "BEARER_TOKEN" {
			needed = true
		}
	}
	if !needed {
		return nil
	}
	var vars []envVar
	for i, cl := range items {
		prefix := fmt.Sprintf("CAMUNDA_MODELER_CLUSTERS_%d", i)
		vars = append(vars, flattenNode(prefix, cl)...)
		vars = upsertVar(vars, literal(prefix+"_AUTHENTICATION", "BEARER_TOKEN"))
	}
	return vars
}

// webModelerUI configures the 8.8 Web Modeler webapp (Node.js) through the env names it
// documents; its TOML file comes from the chart.
func (p *plan) webModelerUI() []envVar {
	c := p.cfg
	wm := c.Clients.WebModeler
	return []envVar{
		literal("OAUTH2_TYPE", "MICROSOFT"),
		literal("OAUTH2_CLIENT_ID", wm.ClientID),
		literal("OAUTH2_JWKS_URL", c.JWKSURL()),
		literal("OAUTH2_TOKEN_AUDIENCE", config.AudienceOf(wm.Audience, wm.ClientID)),
		literal("OAUTH2_TOKEN_ISSUER", c.Issuer()),
	}
}

// keycloakEnv is what the chart gives Console only for a Keycloak provider.
var keycloakEnv = []string{"KEYCLOAK_BASE_URL", "KEYCLOAK_INTERNAL_BASE_URL", "KEYCLOAK_REALM"}

// console configures Console (Node.js). Its config file's wellKnown stays the chart's
// placeholder, so the JWKS URL is given directly.
func (p *plan) console() []envVar {
	c := p.cfg
	con := c.Clients.Console
	return []envVar{
		literal("CAMUNDA_IDENTITY_TYPE", "MICROSOFT"),
		literal("CAMUNDA_IDENTITY_ISSUER", c.Issuer()),
		literal("CAMUNDA_IDENTITY_AUDIENCE", config.AudienceOf(con.Audience, con.ClientID)),
		literal("CAMUNDA_IDENTITY_CLIENT_ID", con.ClientID),
		literal("CAMUNDA_IDENTITY_JWKS_URL", c.JWKSURL()),
	}
}

func (p *plan) springFiles(w *workload) []*yaml.RNode {
	return p.cms.springFiles(w, w.container)
}

// indexed spells a list as one env var per element.
func indexed(prefix string, items []string) []envVar {
	vars := make([]envVar, 0, len(items))
	for i, v := range items {
		vars = append(vars, literal(fmt.Sprintf("%s_%d", prefix, i), v))
	}
	return vars
}

// flattenNode spells a YAML subtree as relaxed-binding env vars under prefix.
func flattenNode(prefix string, n *yaml.RNode) []envVar {
	switch n.YNode().Kind {
	case yaml.MappingNode:
		var vars []envVar
		content := n.Content()
		for i := 0; i+1 < len(content); i += 2 {
			key := envKey(content[i].Value)
			vars = append(vars, flattenNode(prefix+"_"+key, yaml.NewRNode(content[i+1]))...)
		}
		return vars
	case yaml.SequenceNode:
		var vars []envVar
		for i, item := range contentOf(n) {
			vars = append(vars, flattenNode(fmt.Sprintf("%s_%d", prefix, i), item)...)
		}
		return vars
	}
	if isNullNode(n) {
		return []envVar{literal(prefix, "")}
	}
	return []envVar{literal(prefix, n.YNode().Value)}
}

// envKey is a property key as an env name segment: upper case, dashes and dots dropped.
func envKey(key string) string {
	key = strings.ReplaceAll(key, "-", "")
	return strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// upsertVar replaces the var of the same name in vars, or appends it.
func upsertVar(vars []envVar, v envVar) []envVar {
	for i := range vars {
		if vars[i].name == v.name {
			vars[i] = v
			return vars
		}
	}
	return append(vars, v)
}

// dedupe keeps the last entry of each name, in the place of the first.
func dedupe(vars []envVar) []envVar {
	var out []envVar
	for _, v := range vars {
		out = upsertVar(out, v)
	}
	return out
}

func orDefault(value, def string) string {
	if value == "" {
		return def
	}
	return value
}
