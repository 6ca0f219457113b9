package lint

import (
	"fmt"
	"strings"
)

// Keys the checks below read.
const (
	audiencesKey        = "camunda.security.authentication.oidc.audiences"
	connectorsRoleKey   = "camunda.security.initialization.defaultroles.connectors.clients"
	authorizationsKey   = "camunda.security.authorizations.enabled"
	scopeKey            = "camunda.client.auth.scope"
	identityAudience    = "camunda.identity.audience"
	identityAudienceEnv = "CAMUNDA_IDENTITY_AUDIENCE"
	adminClaimNameKey   = "identity.initialclaimname"
	adminClaimValueKey  = "identity.initialclaimvalue"
	adminUsersKey       = "camunda.security.initialization.defaultroles.admin.users"
	adminRulesKey       = "camunda.security.initialization.defaultroles.admin.mappingrules"
	wellKnownKey        = "node-yaml:camunda.console.oauth.wellknown"
	jwksEnvKey          = "camunda.identity.jwks.url"
)

// wellKnownPlaceholder is what the chart writes as Console's discovery URL when no value is
// given.
const wellKnownPlaceholder = "https://well-known-uri"

// checkOrchestrationAudiences makes sure the Orchestration Cluster accepts its own audience
// and, when the release runs Web Modeler, the audience of the Web Modeler UI's tokens, which
// Web Modeler forwards to the cluster.
func checkOrchestrationAudiences(t *target) []Finding {
	w := t.workload(orchestration)
	if w == nil {
		return nil
	}
	wanted := []string{t.want.orchestrationAudience}
	if t.rel.has(webModeler) || t.rel.has(webModelerUI) {
		wanted = append(wanted, t.want.webModelerAudience)
	}
	got := listValues(w.settings(""), audiencesKey)
	var out []Finding
	for i, aud := range wanted {
		if aud == "" || contains(got, aud) {
			continue
		}
		f := t.finding(checkAudience, w, "", audiencesKey, Error)
		f.Message = audienceMessage(i, aud, got)
		f.Fix = fmt.Sprintf("set env %s_0, _1, ... to the whole list %s and any other "+
			"audience the cluster must accept; Spring binds a list from one source "+
			"(camunda-entra post-render does)", envName(audiencesKey),
			strings.Join(union(nil, wanted), ", "))
		out = append(out, f)
	}
	return out
}

func audienceMessage(i int, aud string, got []string) string {
	what := fmt.Sprintf("the Orchestration app's audience %q", aud)
	if i > 0 {
		what = fmt.Sprintf("the Web Modeler UI audience %q, so the calls Web Modeler makes "+
			"with its users' tokens are rejected", aud)
	}
	if len(got) == 0 {
		return "no audiences are set, which leaves out " + what
	}
	return fmt.Sprintf("the accepted audiences [%s] leave out %s", strings.Join(got, ", "), what)
}

// checkConnectorsRole makes sure the Connectors client id holds the Orchestration Cluster's
// connectors role, without which Connectors are refused once they are authenticated.
func checkConnectorsRole(t *target) []Finding {
	w := t.workload(orchestration)
	id := t.want.connectorsID
	if w == nil || id == "" || !t.rel.has(connectors) {
		return nil
	}
	s := w.settings("")
	if v, _ := s.Value(authorizationsKey); v == "false" {
		return nil
	}
	got := listValues(s, connectorsRoleKey)
	if contains(got, id) {
		return nil
	}
	f := t.finding(checkClientID, w, "", connectorsRoleKey, Error)
	f.Message = fmt.Sprintf("the connectors role's clients [%s] leave out the Connectors "+
		"client id %q", strings.Join(got, ", "), id)
	f.Fix = setEnv(envName(connectorsRoleKey)+"_0", id)
	return []Finding{f}
}

// checkConnectorsScope makes sure Connectors request the Orchestration app's /.default scope:
// Entra's client credentials grant needs a scope, and only that one gives a token the cluster
// accepts.
func checkConnectorsScope(t *target) []Finding {
	w := t.workload(connectors)
	scope := t.want.connectorsScope()
	if w == nil || scope == "" {
		return nil
	}
	got, ok := w.settings("").Value(scopeKey)
	if ok && (got == scope || got == "api://"+scope) {
		return nil
	}
	f := t.finding("connectors-scope", w, "", scopeKey, Error)
	f.Fix = setEnv("CAMUNDA_CLIENT_AUTH_SCOPE", scope) +
		" or chart value connectors.security.authentication.oidc.tokenScope"
	switch {
	case !ok || got == "":
		f.Message = "no scope is requested; Entra refuses the client credentials grant " +
			"(AADSTS90014: the required field 'scope' is missing)"
	case !strings.HasSuffix(got, "/.default"):
		f.Message = fmt.Sprintf("the scope %q lacks /.default, which Entra's client "+
			"credentials grant needs", shown(got))
	default:
		f.Message = fmt.Sprintf("the scope %q is not the Orchestration app's %q, so the "+
			"token's audience is one the cluster does not accept", shown(got), scope)
	}
	return []Finding{f}
}

// checkIdentityAudience makes sure Management Identity gets CAMUNDA_IDENTITY_AUDIENCE as an
// env var when the release has no Optimize: the chart then drops the Optimize preset, the
// embedded one reads that env var, and the file's camunda.identity.audience does not satisfy
// it, so Management Identity does not start.
// https://github.com/camunda/camunda-platform-helm/issues/4747
func checkIdentityAudience(t *target) []Finding {
	w := t.workload(identity)
	if w == nil || t.rel.has(optimize) {
		return nil
	}
	if fromEnv(w.settings(""), identityAudience, identityAudienceEnv) {
		return nil
	}
	f := t.finding("identity-audience", w, "", identityAudienceEnv, Error)
	f.Message = "Optimize is not in the release and the env var is missing: Management " +
		"Identity does not start (camunda-platform-helm#4747); the file's " +
		"camunda.identity.audience does not replace it"
	f.Fix = setEnv(identityAudienceEnv, t.want.identityAudience) + " or chart value identity.env"
	return []Finding{f}
}

// checkInitialAdmin makes sure Management Identity and the Orchestration Cluster each have an
// initial administrator, and the config's one.
func checkInitialAdmin(t *target) []Finding {
	var out []Finding
	if w := t.workload(identity); w != nil {
		out = append(out, t.identityAdmin(w)...)
	}
	if w := t.workload(orchestration); w != nil {
		out = append(out, t.orchestrationAdmin(w)...)
	}
	return out
}

func (t *target) identityAdmin(w *workload) []Finding {
	cfg := t.want.cfg
	s := w.settings("")
	value, _ := s.Value(adminClaimValueKey)
	claim, _ := s.Value(adminClaimNameKey)
	var out []Finding
	switch {
	case value == "":
		out = append(out, t.adminFinding(w, adminClaimValueKey, Error,
			"no initial admin: nobody can administer Management Identity, and the value "+
				"cannot be changed after its first start",
			setEnv("IDENTITY_INITIALCLAIMVALUE", cfg.InitialAdmin.Value)))
	case value != cfg.InitialAdmin.Value:
		out = append(out, t.adminFinding(w, adminClaimValueKey, Warning,
			fmt.Sprintf("the initial admin %q differs from the config's %q", value,
				cfg.InitialAdmin.Value),
			setEnv("IDENTITY_INITIALCLAIMVALUE", cfg.InitialAdmin.Value)))
	}
	if claim != cfg.AdminClaim() {
		out = append(out, t.adminFinding(w, adminClaimNameKey, Warning,
			fmt.Sprintf("the initial admin claim %q differs from the config's %q", claim,
				cfg.AdminClaim()),
			setEnv("IDENTITY_INITIALCLAIMNAME", cfg.AdminClaim())))
	}
	return out
}

func (t *target) orchestrationAdmin(w *workload) []Finding {
	admin := t.want.cfg.InitialAdmin.Value
	s := w.settings("")
	users := listValues(s, adminUsersKey)
	rules := listValues(s, adminRulesKey)
	fix := setEnv(envName(adminUsersKey)+"_0", admin)
	switch {
	case contains(users, admin):
		return nil
	case len(users) == 0 && len(rules) == 0:
		return []Finding{t.adminFinding(w, adminUsersKey, Error,
			"no initial admin user or mapping rule", fix)}
	case len(rules) == 0 && onlyDemo(users):
		return []Finding{t.adminFinding(w, adminUsersKey, Error,
			"the only admin is the basic-auth user \"demo\", whom Entra does not know", fix)}
	}
	return []Finding{t.adminFinding(w, adminUsersKey, Warning,
		fmt.Sprintf("the admin users [%s] leave out the config's initial admin %q",
			strings.Join(users, ", "), admin), fix)}
}

func (t *target) adminFinding(w *workload, key string, sev Severity, msg, fix string) Finding {
	f := t.finding("initial-admin", w, "", key, sev)
	f.Message, f.Fix = msg, fix
	return f
}

func onlyDemo(users []string) bool {
	for _, u := range users {
		if u != "demo" && u != "" {
			return false
		}
	}
	return true
}

// checkConsoleWellKnown warns when Console keeps the chart's placeholder discovery URL and
// has no JWKS URL of its own to fall back on.
func checkConsoleWellKnown(t *target) []Finding {
	w := t.workload(console)
	if w == nil {
		return nil
	}
	s := w.settings("")
	v, _ := s.Value(wellKnownKey)
	if v != wellKnownPlaceholder || fromEnv(s, jwksEnvKey, "CAMUNDA_IDENTITY_JWKS_URL") {
		return nil
	}
	f := t.finding("console-wellknown", w, "", strings.TrimPrefix(wellKnownKey, "node-yaml:"),
		Warning)
	f.Message = fmt.Sprintf("Console's discovery URL is the chart's placeholder %q and no "+
		"CAMUNDA_IDENTITY_JWKS_URL is set", v)
	f.Fix = setEnv("CAMUNDA_IDENTITY_JWKS_URL", t.want.jwksURL)
	return []Finding{f}
}

// envName is the env var that relaxed binding maps onto a canonical key.
func envName(key string) string {
	return strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// union is a followed by the elements of b it lacks.
func union(a, b []string) []string {
	out := append([]string{}, a...)
	for _, v := range b {
		if v != "" && !contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
