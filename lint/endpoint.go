package lint

import (
	"fmt"
	"net/url"
	"strings"
)

// loginHosts are the Entra authority hosts of the public and sovereign clouds.
var loginHosts = map[string]bool{
	"login.microsoftonline.com":        true,
	"login.windows.net":                true,
	"login.microsoftonline.us":         true,
	"login.chinacloudapi.cn":           true,
	"login.partner.microsoftonline.cn": true,
}

// v1Issuer is the host of the issuer of Entra v1.0 access tokens.
const v1Issuer = "sts.windows.net"

// multiTenant are the tenant segments that stand for no tenant in particular.
var multiTenant = map[string]bool{"common": true, "organizations": true, "consumers": true}

// endpointProblem says what is wrong with an Entra URL: a v1.0 endpoint or issuer, or a
// tenant other than the config's. It returns "" for a v2.0 URL of the config's tenant and for
// anything that is not an Entra URL.
func endpointProblem(value string, w *want) string {
	u, err := url.Parse(strings.TrimSpace(value))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == v1Issuer {
		return "the v1.0 issuer " + v1Issuer
	}
	if !loginHosts[host] && host != authorityHost(w) {
		return ""
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	tenant := segs[0]
	if !strings.EqualFold(tenant, w.cfg.TenantID) {
		return fmt.Sprintf("for tenant %q, not the config's %s", tenant, w.cfg.TenantID)
	}
	for _, s := range segs[1:] {
		if s == "v2.0" {
			return ""
		}
	}
	return "a v1.0 endpoint (its path has no /v2.0)"
}

// authorityHost is the login host of the config's cloud or authorityHost.
func authorityHost(w *want) string {
	u, err := url.Parse(w.issuer)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// checkEndpoints looks at every other setting of the Camunda containers for v1.0 and
// other-tenant Entra URLs. A multi-tenant segment such as "common" is a warning there: a
// discovery document may use it, an issuer may not.
func checkEndpoints(t *target) []Finding {
	var out []Finding
	for i := range kinds {
		w := t.workload(kinds[i].Component)
		if w == nil {
			continue
		}
		for _, c := range containersOf(w) {
			out = append(out, t.scanEndpoints(w, c)...)
		}
	}
	return out
}

// containersOf lists the containers of a workload the linter reads.
func containersOf(w *workload) []string {
	if w.kind.Component == optimize {
		return optimizeContainers
	}
	return []string{""}
}

func (t *target) scanEndpoints(w *workload, container string) []Finding {
	s := w.settings(container)
	if s == nil {
		return nil
	}
	covered := coveredKeys(w.kind.Component, container)
	var out []Finding
	for _, key := range s.Keys() {
		v, _ := s.Value(key)
		problem := endpointProblem(v, t.want)
		if problem == "" || covered[key] {
			continue
		}
		sev := Error
		if multiTenant[strings.ToLower(tenantOf(v))] {
			sev = Warning
		}
		f := t.finding(checkEndpoint, w, container, key, sev)
		f.Message = fmt.Sprintf("%q is %s", v, problem)
		f.Fix = fmt.Sprintf("use the config's v2.0 URLs of tenant %s: issuer %s, token %s, "+
			"JWKS %s", t.want.cfg.TenantID, t.want.issuer, t.want.tokenURL, t.want.jwksURL)
		out = append(out, f)
	}
	return out
}

// coveredKeys are the keys of a container that an expectation already compares.
func coveredKeys(c component, container string) map[string]bool {
	out := map[string]bool{}
	for _, e := range expectations {
		if e.component == c && e.container == container {
			for _, k := range e.keys {
				out[k] = true
			}
		}
	}
	return out
}

// tenantOf is the first path segment of a URL.
func tenantOf(value string) string {
	u, err := url.Parse(strings.TrimSpace(value))
	if err != nil {
		return ""
	}
	return strings.Split(strings.Trim(u.Path, "/"), "/")[0]
}
