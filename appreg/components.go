package appreg

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
)

// component is how one component's app registration is built.
type component struct {
	build func(cfg *config.Config) (Registration, bool)
	// root is nil for an app without redirect URIs.
	root *rootSpec
}

// rootSpec says where a component's root URL comes from and which redirect paths lie under
// it: those the chart's Management Identity presets and the component's own settings render.
type rootSpec struct {
	name       string
	field      string
	flag       func(URLs) string
	configured func(*config.Config) string
	// contextPath is the component's path under the chart's combined Ingress.
	contextPath string
	// local is the chart's default, reached through a port-forward.
	local string
	paths []string
	// chartValue is the chart value that sets the component's own redirect, if any.
	chartValue string
	// configures is set when camunda-entra writes the root from the config.
	configures bool
}

var components = []component{
	{identityApp, &rootSpec{
		name: "Management Identity", field: "clients.identity.redirectUrl",
		flag:        func(u URLs) string { return u.Identity },
		configured:  func(c *config.Config) string { return confidentialURL(c.Clients.Identity) },
		contextPath: "/identity", local: "http://localhost:8084",
		paths: []string{"/auth/login-callback"},
	}},
	{orchestrationApp, &rootSpec{
		name: "Orchestration Cluster", field: "clients.orchestration.redirectUrl",
		flag: func(u URLs) string { return u.Orchestration },
		configured: func(c *config.Config) string {
			return confidentialURL(c.Clients.Orchestration)
		},
		contextPath: "/orchestration", local: "http://localhost:8080",
		paths:      []string{"/sso-callback", "/login/oauth2/code/orchestration"},
		configures: true,
	}},
	{connectorsApp, nil},
	{optimizeApp, &rootSpec{
		name: "Optimize", field: "clients.optimize.redirectUrl",
		flag:        func(u URLs) string { return u.Optimize },
		configured:  func(c *config.Config) string { return confidentialURL(c.Clients.Optimize) },
		contextPath: "/optimize", local: "http://localhost:8083",
		paths:      []string{"/api/authentication/callback"},
		chartValue: "global.identity.auth.optimize.redirectUrl", configures: true,
	}},
	{webModelerUIApp, &rootSpec{
		name: "Web Modeler", field: "clients.webModeler.redirectUrl",
		flag: func(u URLs) string { return u.WebModeler },
		configured: func(c *config.Config) string {
			if wm := c.Clients.WebModeler; wm != nil {
				return wm.RedirectURL
			}
			return ""
		},
		contextPath: "/modeler", local: "http://localhost:8070",
		paths:      []string{"/login-callback"},
		chartValue: "global.identity.auth.webModeler.redirectUrl", configures: true,
	}},
	{webModelerAPIApp, nil},
	{consoleApp, &rootSpec{
		name: "Console", field: "clients.console.redirectUrl",
		flag: func(u URLs) string { return u.Console },
		configured: func(c *config.Config) string {
			if con := c.Clients.Console; con != nil {
				return con.RedirectURL
			}
			return ""
		},
		contextPath: "/console", local: "http://localhost:8087",
		paths:      []string{"/"},
		chartValue: "global.identity.auth.console.redirectUrl", configures: true,
	}},
}

func confidentialURL(c *config.Confidential) string {
	if c == nil {
		return ""
	}
	return c.RedirectURL
}

// resolve picks the component's root URL. The warning says when camunda-entra configures the
// component from the config with another root, so that the login would be refused.
func (s *rootSpec) resolve(cfg *config.Config, urls URLs) (root, warning string) {
	configured := s.configured(cfg)
	switch {
	case s.flag(urls) != "":
		root = s.flag(urls)
	case configured != "":
		return configured, ""
	case urls.Base != "":
		root = strings.TrimSuffix(urls.Base, "/") + s.contextPath
	default:
		return s.local, ""
	}
	effective := configured
	if effective == "" {
		effective = s.local
	}
	if root == effective || !s.configures {
		return root, ""
	}
	source := "from " + s.field
	if configured == "" {
		source = "(the chart's default, as " + s.field + " is not set)"
	}
	warning = fmt.Sprintf("%s: the app registration allows %s, but camunda-entra configures "+
		"%s %s; set %s: %s", s.name, root, effective, source, s.field, root)
	if s.chartValue != "" {
		warning += fmt.Sprintf(", and the chart value %s to the same URL", s.chartValue)
	}
	return root, warning
}

func identityApp(cfg *config.Config) (Registration, bool) {
	id := cfg.Clients.Identity
	if id == nil {
		return Registration{}, false
	}
	r := newRegistration("identity", "Management Identity", id.ClientID, Confidential)
	r.Secret = id.Secret
	return r, true
}

func orchestrationApp(cfg *config.Config) (Registration, bool) {
	oc := cfg.Clients.Orchestration
	if oc == nil {
		return Registration{}, false
	}
	r := newRegistration("orchestration", "Orchestration Cluster", oc.ClientID, Confidential)
	r.Secret = oc.Secret
	return r, true
}

// connectorsApp is the Connectors client when it is an app of its own: it only requests
// tokens, for the Orchestration app's /.default scope.
func connectorsApp(cfg *config.Config) (Registration, bool) {
	conn, oc := cfg.Connectors(), cfg.Clients.Orchestration
	if conn == nil || oc == nil || conn.ClientID == oc.ClientID {
		return Registration{}, false
	}
	r := newRegistration("connectors", "Connectors", conn.ClientID, Confidential)
	r.Secret = conn.Secret
	r.Scope = oc.ClientID + "/.default"
	r.Manifest.IdentifierURIs = []string{}
	return r, true
}

func optimizeApp(cfg *config.Config) (Registration, bool) {
	opt := cfg.Clients.Optimize
	if opt == nil {
		return Registration{}, false
	}
	r := newRegistration("optimize", "Optimize", opt.ClientID, Confidential)
	r.Secret = opt.Secret
	return r, true
}

func webModelerUIApp(cfg *config.Config) (Registration, bool) {
	wm := cfg.Clients.WebModeler
	if wm == nil {
		return Registration{}, false
	}
	return newRegistration("webModeler", "Web Modeler UI", wm.ClientID, Public), true
}

// webModelerAPIApp is the app whose id is the audience of Web Modeler's public API; the
// clients that call that API are the user's own.
func webModelerAPIApp(cfg *config.Config) (Registration, bool) {
	wm := cfg.Clients.WebModeler
	if wm == nil || wm.PublicAPIAudience == "" {
		return Registration{}, false
	}
	return newRegistration("webModelerApi", "Web Modeler API", wm.PublicAPIAudience, API), true
}

func consoleApp(cfg *config.Config) (Registration, bool) {
	con := cfg.Clients.Console
	if con == nil {
		return Registration{}, false
	}
	return newRegistration("console", "Console", con.ClientID, Public), true
}
