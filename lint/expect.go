package lint

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/internal/oracle"
)

// expectation is a setting whose value the config decides: a client id, an audience or an
// Entra URL of one container.
type expectation struct {
	check     string
	component component
	// container is empty for the application container.
	container string
	// keys are where the setting may be, most binding first: the env var's key of a Node
	// app before the key of its file. The first one set is the effective one.
	keys []string
	// env is the env var that sets it, for the fix.
	env string
	// optional expectations are checked only when the setting is present.
	optional bool
	what     string
	value    func(*want) string
}

// Names of the value checks.
const (
	checkClientID = "client-id"
	checkAudience = "audience"
	checkEndpoint = "endpoint"
)

// optimizeContainers are Optimize's application container and its migration init container,
// which reads the same identity settings.
var optimizeContainers = []string{"", "migration"}

// expectations lists every value setting the linter compares with the config.
var expectations = append(append([]expectation{
	{checkClientID, orchestration, "", keys("camunda.security.authentication.oidc.clientid"),
		"CAMUNDA_SECURITY_AUTHENTICATION_OIDC_CLIENTID", false, "client id",
		func(w *want) string { return w.orchestrationID }},
	{checkClientID, orchestration, "", keys("camunda.identity.clientid"),
		"CAMUNDA_IDENTITY_CLIENTID", true, "client id",
		func(w *want) string { return w.orchestrationID }},
	{checkAudience, orchestration, "", keys("camunda.identity.audience"),
		"CAMUNDA_IDENTITY_AUDIENCE", true, "audience",
		func(w *want) string { return w.orchestrationAudience }},
	{checkEndpoint, orchestration, "", keys("camunda.security.authentication.oidc.issueruri"),
		"CAMUNDA_SECURITY_AUTHENTICATION_OIDC_ISSUERURI", false, "issuer",
		func(w *want) string { return w.issuer }},

	{checkClientID, connectors, "", keys("camunda.client.auth.clientid"),
		"CAMUNDA_CLIENT_AUTH_CLIENTID", false, "client id",
		func(w *want) string { return w.connectorsID }},
	{checkAudience, connectors, "", keys("camunda.client.auth.audience"),
		"CAMUNDA_CLIENT_AUTH_AUDIENCE", false, "audience",
		func(w *want) string { return w.connectorsAudience }},
	{checkEndpoint, connectors, "", keys("camunda.client.auth.tokenurl"),
		"CAMUNDA_CLIENT_AUTH_TOKENURL", true, "token URL",
		func(w *want) string { return w.tokenURL }},
	{checkEndpoint, connectors, "", keys("camunda.client.auth.issuerurl"),
		"CAMUNDA_CLIENT_AUTH_ISSUERURL", true, "issuer",
		func(w *want) string { return w.issuer }},

	{checkClientID, identity, "", keys("identity.clientid"),
		"IDENTITY_CLIENTID", false, "client id",
		func(w *want) string { return w.identityID }},
	{checkClientID, identity, "", keys("camunda.identity.clientid"),
		"CAMUNDA_IDENTITY_CLIENTID", true, "client id",
		func(w *want) string { return w.identityID }},
	{checkClientID, identity, "", keys("camunda.optimize.client.id"),
		"CAMUNDA_OPTIMIZE_CLIENT_ID", true, "Optimize client id",
		func(w *want) string { return w.optimizeID }},
	{checkAudience, identity, "", keys("camunda.identity.audience"),
		"CAMUNDA_IDENTITY_AUDIENCE", true, "audience",
		func(w *want) string { return w.identityAudience }},
	{checkEndpoint, identity, "", keys("identity.authprovider.issuerurl"),
		"IDENTITY_AUTHPROVIDER_ISSUERURL", false, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, identity, "", keys("identity.authprovider.backendurl"),
		"IDENTITY_AUTHPROVIDER_BACKENDURL", true, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, identity, "", keys("camunda.identity.issuer"),
		"CAMUNDA_IDENTITY_ISSUER", true, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, identity, "", keys("camunda.identity.issuerbackendurl"),
		"CAMUNDA_IDENTITY_ISSUERBACKENDURL", true, "issuer",
		func(w *want) string { return w.issuer }},

	{checkAudience, webModeler, "", keys("camunda.modeler.security.jwt.audience.internalapi"),
		"CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_INTERNALAPI", false, "Web Modeler UI audience",
		func(w *want) string { return w.webModelerAudience }},
	{checkAudience, webModeler, "", keys("camunda.modeler.security.jwt.audience.publicapi"),
		"CAMUNDA_MODELER_SECURITY_JWT_AUDIENCE_PUBLICAPI", false, "public API audience",
		func(w *want) string { return w.publicAPIAudience }},
	{checkClientID, webModeler, "", keys("camunda.modeler.oauth2.clientid"),
		"CAMUNDA_MODELER_OAUTH2_CLIENTID", true, "client id",
		func(w *want) string { return w.webModelerID }},
	{checkEndpoint, webModeler, "", keys("camunda.modeler.security.jwt.issuer.backendurl"),
		"CAMUNDA_MODELER_SECURITY_JWT_ISSUER_BACKENDURL", true, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, webModeler, "", keys("spring.security.oauth2.resourceserver.jwt.issueruri"),
		"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", true, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, webModeler, "", keys("spring.security.oauth2.resourceserver.jwt.jwkseturi"),
		"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", true, "JWKS URL",
		func(w *want) string { return w.jwksURL }},

	{checkClientID, webModelerUI, "", keys("oauth2.client.id", "node-toml:oauth2.clientid"),
		"OAUTH2_CLIENT_ID", false, "client id",
		func(w *want) string { return w.webModelerID }},
	{checkAudience, webModelerUI, "",
		keys("oauth2.token.audience", "node-toml:oauth2.token.audience"),
		"OAUTH2_TOKEN_AUDIENCE", false, "audience",
		func(w *want) string { return w.webModelerAudience }},
	{checkEndpoint, webModelerUI, "", keys("oauth2.token.issuer", "node-toml:oauth2.token.issuer"),
		"OAUTH2_TOKEN_ISSUER", false, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, webModelerUI, "", keys("oauth2.jwks.url", "node-toml:oauth2.token.jwksurl"),
		"OAUTH2_JWKS_URL", false, "JWKS URL",
		func(w *want) string { return w.jwksURL }},

	{checkClientID, console, "",
		keys("camunda.identity.client.id", "node-yaml:camunda.console.oauth.clientid"),
		"CAMUNDA_IDENTITY_CLIENT_ID", false, "client id",
		func(w *want) string { return w.consoleID }},
	{checkAudience, console, "",
		keys("camunda.identity.audience", "node-yaml:camunda.console.oauth.audience"),
		"CAMUNDA_IDENTITY_AUDIENCE", false, "audience",
		func(w *want) string { return w.consoleAudience }},
	{checkEndpoint, console, "",
		keys("camunda.identity.issuer", "node-yaml:camunda.console.oauth.issuer"),
		"CAMUNDA_IDENTITY_ISSUER", false, "issuer",
		func(w *want) string { return w.issuer }},
	{checkEndpoint, console, "",
		keys("camunda.identity.jwks.url", "node-yaml:camunda.console.oauth.jwksuri"),
		"CAMUNDA_IDENTITY_JWKS_URL", false, "JWKS URL",
		func(w *want) string { return w.jwksURL }},
}, optimizeExpectations(optimizeContainers[0])...), optimizeExpectations(optimizeContainers[1])...)

// optimizeExpectations are the identity settings of one Optimize container. Optimize's own
// environment-config.yaml is read before the env var its defaults name, since a literal there
// wins.
func optimizeExpectations(container string) []expectation {
	return []expectation{
		{checkClientID, optimize, container, keys("camunda.identity.clientid"),
			"CAMUNDA_IDENTITY_CLIENTID", false, "client id",
			func(w *want) string { return w.optimizeID }},
		{checkAudience, optimize, container, keys("camunda.identity.audience"),
			"CAMUNDA_IDENTITY_AUDIENCE", false, "audience",
			func(w *want) string { return w.optimizeAudience }},
		{checkAudience, optimize, container,
			keys("optimize-config:api.audience", "camunda.optimize.api.audience"),
			"CAMUNDA_OPTIMIZE_API_AUDIENCE", true, "API audience",
			func(w *want) string { return w.optimizeAudience }},
		{checkEndpoint, optimize, container, keys("camunda.identity.issuer"),
			"CAMUNDA_IDENTITY_ISSUER", false, "issuer",
			func(w *want) string { return w.issuer }},
		{checkEndpoint, optimize, container, keys("camunda.identity.issuerbackendurl"),
			"CAMUNDA_IDENTITY_ISSUERBACKENDURL", true, "issuer",
			func(w *want) string { return w.issuer }},
		{checkEndpoint, optimize, container,
			keys("optimize-config:api.jwtseturi",
				"spring.security.oauth2.resourceserver.jwt.jwk.set.uri"),
			"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", true, "JWKS URL",
			func(w *want) string { return w.jwksURL }},
	}
}

func keys(k ...string) []string { return k }

// checkExpectations compares every expected setting of the release with the config.
func checkExpectations(t *target) []Finding {
	var out []Finding
	for i := range expectations {
		if f := t.expect(&expectations[i]); f != nil {
			out = append(out, *f)
		}
	}
	return out
}

// expect compares one setting with the value the config decides.
func (t *target) expect(e *expectation) *Finding {
	w := t.workload(e.component)
	value := e.value(t.want)
	if w == nil || value == "" {
		return nil
	}
	s := w.settings(e.container)
	if s == nil {
		return nil
	}
	key, got, ok := firstSet(s, e.keys)
	if (!ok && e.optional) || got == value {
		return nil
	}
	f := t.finding(e.check, w, e.container, key, Error)
	f.Message = mismatch(e.what, got, value, ok, t.want)
	f.Fix = setEnv(e.env, value)
	if strings.HasPrefix(key, optimizeFile) {
		optimizeLiteral(&f, s, e, value)
	}
	return &f
}

// optimizeFile prefixes the keys of Optimize's environment-config.yaml.
const optimizeFile = "optimize-config:"

// optimizeLiteral adjusts a finding about a literal in Optimize's environment-config.yaml.
// The file is Optimize's own format: its values replace the defaults, whose placeholders are
// the only way env reaches them. So an env var with the right value is likely, not provably,
// ignored: that is a warning.
func optimizeLiteral(f *Finding, s *oracle.Settings, e *expectation, value string) {
	key := strings.TrimPrefix(f.Setting, optimizeFile)
	f.Fix = fmt.Sprintf("set %s to %q in Optimize's environment-config.yaml (chart values), "+
		"or remove it there so that env %s applies", key, value, e.env)
	if _, got, ok := firstSet(s, e.keys[1:]); ok && got == value {
		f.Severity = Warning
		f.Message += fmt.Sprintf("; env %s has the config's value, but a literal in this "+
			"file is expected to win over it", e.env)
	}
}

// mismatch explains how a value differs from the expected one.
func mismatch(what, got, value string, set bool, w *want) string {
	if !set || got == "" {
		return fmt.Sprintf("the %s is not set; the config's is %q", what, value)
	}
	if problem := endpointProblem(got, w); problem != "" {
		return fmt.Sprintf("the %s %q is %s; the config's is %q", what, shown(got), problem, value)
	}
	return fmt.Sprintf("the %s %q differs from the config's %q", what, shown(got), value)
}

// setEnv is the fix that sets an env var on the container.
func setEnv(name, value string) string {
	return fmt.Sprintf("set env %s=%q on the container (camunda-entra post-render does)",
		name, value)
}
