package values

import (
	"github.com/camunda-entra/camunda-entra/config"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

const auth = "global.identity.auth."

// builder writes the values of one configuration for one chart line.
type builder struct {
	cfg *config.Config
	v   Version
	t   *tree
}

// Build returns the chart values, as a YAML mapping, that configure the Entra setup of cfg
// for chart line v: the settings the chart renders itself, plus as env entries the fixes it
// does not make. Components the configuration has no client for are left out.
func Build(cfg *config.Config, v Version) *yaml.Node {
	b := &builder{cfg: cfg, v: v, t: newTree()}
	steps := []func(){
		b.global, b.orchestration, b.connectors, b.identity, b.optimize, b.webModeler, b.console,
	}
	for _, step := range steps {
		step()
	}
	return b.t.root
}

// global sets the provider: Entra's v2.0 endpoints of the tenant, and OIDC for every component.
func (b *builder) global() {
	c := b.cfg
	b.t.set(auth+"enabled", boolean(true))
	b.t.set(auth+"issuer", str(c.Issuer()))
	b.t.set(auth+"issuerBackendUrl", str(c.Issuer()))
	b.t.set(auth+"authUrl", str(c.AuthorizeURL()))
	b.t.set(auth+"tokenUrl", str(c.TokenURL()))
	b.t.set(auth+"jwksUrl", str(c.JWKSURL()))
	b.t.set(auth+"type", str("MICROSOFT"))
	b.t.set("global.security.authentication.method", str("oidc"))
}

// orchestration configures the Orchestration Cluster's login client and resource server, and
// its first administrator and Connectors client.
func (b *builder) orchestration() {
	c := b.cfg
	oc := c.Clients.Orchestration
	if oc == nil {
		return
	}
	const oidc = "orchestration.security.authentication.oidc"
	b.t.set(oidc+".clientId", str(oc.ClientID))
	b.t.set(oidc+".audience", str(config.AudienceOf(oc.Audience, oc.ClientID)))
	b.t.set(oidc+".usernameClaim", str(c.UsernameClaim()))
	b.t.set(oidc+".clientIdClaim", str(c.ClientIDClaim()))
	b.t.set(oidc+".preferUsernameClaim", boolean(true))
	b.t.set(oidc+".scope", strs("openid", "profile", "offline_access", oc.ClientID+"/.default"))
	b.secret(oidc, oc.Secret)
	b.redirect(oidc, oc.RedirectURL)
	if b.v >= V810 {
		b.t.note(oidc+".clientIdClaim", "Chart 15 warns that clientIdClaim, preferUsernameClaim "+
			"and scope are deprecated;\nthey still take effect.")
	}

	const roles = "orchestration.security.initialization.defaultRoles."
	b.t.set(roles+"admin.users", strs(c.InitialAdmin.Value))
	if conn := c.Connectors(); conn != nil {
		b.t.set(roles+"connectors.clients", strs(conn.ClientID))
	}
}

// connectors configures the Connectors' client credentials. Entra's client credentials grant
// needs a scope, the Orchestration app's /.default.
func (b *builder) connectors() {
	conn := b.cfg.Connectors()
	if conn == nil {
		return
	}
	scopeApp := conn.ClientID
	if oc := b.cfg.Clients.Orchestration; oc != nil {
		scopeApp = oc.ClientID
	}
	const oidc = "connectors.security.authentication.oidc"
	b.t.set(oidc+".clientId", str(conn.ClientID))
	b.t.set(oidc+".audience", str(config.AudienceOf(conn.Audience, conn.ClientID)))
	b.t.set(oidc+".tokenScope", str(scopeApp+"/.default"))
	b.secret(oidc, conn.Secret)
}

// identity configures Management Identity and the env entries it needs beyond the chart.
func (b *builder) identity() {
	c := b.cfg
	id := c.Clients.Identity
	if id == nil {
		return
	}
	aud := config.AudienceOf(id.Audience, id.ClientID)
	b.t.set(auth+"identity.clientId", str(id.ClientID))
	b.t.set(auth+"identity.audience", str(aud))
	b.t.set(auth+"identity.initialClaimName", str(c.AdminClaim()))
	b.t.set(auth+"identity.initialClaimValue", str(c.InitialAdmin.Value))
	b.secret(auth+"identity", id.Secret)
	b.t.set("identity.enabled", boolean(true))

	b.t.addEnv("identity.env", "CAMUNDA_IDENTITY_AUDIENCE", aud,
		"Workaround: the chart never sets this env var, and Management Identity does not\n"+
			"start without it when Optimize is disabled; harmless otherwise.\n"+
			"https://github.com/camunda/camunda-platform-helm/issues/4747")
	if opt := c.Clients.Optimize; opt != nil && b.v >= V810 {
		b.t.addEnv("identity.env", "CAMUNDA_OPTIMIZE_CLIENT_ID", opt.ClientID,
			"Workaround: chart 15 sets the Optimize client id only for Keycloak, so Management\n"+
				"Identity would register Optimize under the id \"optimize\".")
	}
}

// optimize configures Optimize's app registration.
func (b *builder) optimize() {
	opt := b.cfg.Clients.Optimize
	if opt == nil {
		return
	}
	b.t.set(auth+"optimize.clientId", str(opt.ClientID))
	b.t.set(auth+"optimize.audience", str(config.AudienceOf(opt.Audience, opt.ClientID)))
	b.secret(auth+"optimize", opt.Secret)
	b.redirect(auth+"optimize", opt.RedirectURL)
	b.t.set("optimize.enabled", boolean(true))
}

// webModeler configures Web Modeler, which chart 15 calls Camunda Hub. The camundaHub keys
// come from the 8.10 upgrade guide: the chart reads them first and falls back to the
// webModeler ones, so either spelling works there.
func (b *builder) webModeler() {
	wm := b.cfg.Clients.WebModeler
	if wm == nil {
		return
	}
	app, component := auth+"webModeler", "webModeler"
	if b.v >= V810 {
		app, component = auth+"camundaHub", "camundaHub"
	}
	b.t.set(app+".clientId", str(wm.ClientID))
	b.t.set(app+".clientApiAudience", str(config.AudienceOf(wm.Audience, wm.ClientID)))
	b.t.set(app+".publicApiAudience", str(wm.PublicAPIAudience))
	b.redirect(app, wm.RedirectURL)
	b.t.set(component+".enabled", boolean(true))
	if b.v >= V810 {
		b.t.note(app, "Chart 15 reads the Hub app from camundaHub and falls back to webModeler. "+
			"Inferred\nfrom the 8.10 upgrade guide and the chart's helpers, not from a render.")
	}
}

// console configures Console, a workload of charts 13 and 14 only.
func (b *builder) console() {
	con := b.cfg.Clients.Console
	if con == nil || b.v >= V810 {
		return
	}
	b.t.set(auth+"console.clientId", str(con.ClientID))
	b.t.set(auth+"console.audience", str(config.AudienceOf(con.Audience, con.ClientID)))
	b.redirect(auth+"console", con.RedirectURL)
	b.t.set("console.enabled", boolean(true))
	b.t.addEnv("console.env", "CAMUNDA_IDENTITY_JWKS_URL", b.cfg.JWKSURL(),
		"Beyond the chart: Console's config keeps the chart's placeholder well-known URL, so the\n"+
			"signing keys' URL is also given as env, as the chart's own 8.10 Entra test values do.")
}

// secret points a client at the key of a Kubernetes Secret holding its client secret.
func (b *builder) secret(prefix string, ref *config.SecretRef) {
	if ref == nil {
		return
	}
	b.t.set(prefix+".secret.existingSecret", str(ref.Name))
	b.t.set(prefix+".secret.existingSecretKey", str(ref.Key))
}

// redirect sets a component's external root URL when the configuration gives one; otherwise
// the chart's default stays, as the post-renderer keeps it.
func (b *builder) redirect(prefix, url string) {
	if url != "" {
		b.t.set(prefix+".redirectUrl", str(url))
	}
}
