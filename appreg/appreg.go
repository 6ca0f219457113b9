package appreg

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
)

// Type is how an app registration takes part in sign-in.
type Type string

// The types of app registration Camunda needs.
const (
	// Confidential is a Web platform app with a client secret.
	Confidential Type = "confidential"
	// Public is a single-page application: no secret, authorization code with PKCE.
	Public Type = "public"
	// API is an app that only exposes an API; its machine clients are your own.
	API Type = "api"
)

// SignInAudience is the one Camunda's apps use: accounts of the tenant only.
const SignInAudience = "AzureADMyOrg"

// Registration is the app registration one component needs.
type Registration struct {
	// Component names the config client, such as "orchestration".
	Component string `json:"component"`
	Name      string `json:"name"`
	ClientID  string `json:"clientId"`
	Type      Type   `json:"type"`
	// Secret is where the config expects the app's client secret; nil for apps without one.
	Secret *config.SecretRef `json:"secret,omitempty"`
	// Scope is what Camunda requests to get a token for this app.
	Scope    string      `json:"scope"`
	Manifest Application `json:"manifest"`
}

// Application is the part of a Microsoft Graph application resource that Camunda depends on,
// in its JSON shape.
type Application struct {
	DisplayName    string       `json:"displayName"`
	SignInAudience string       `json:"signInAudience"`
	IdentifierURIs []string     `json:"identifierUris"`
	API            APISettings  `json:"api"`
	Web            RedirectURIs `json:"web"`
	SPA            RedirectURIs `json:"spa"`
}

// APISettings is the api property of an application.
type APISettings struct {
	// RequestedAccessTokenVersion must be 2: Camunda validates v2.0 tokens only.
	RequestedAccessTokenVersion int `json:"requestedAccessTokenVersion"`
}

// RedirectURIs is the web or spa property of an application.
type RedirectURIs struct {
	RedirectURIs []string `json:"redirectUris"`
}

// URLs are the external root URLs of the components, as users' browsers reach them. Each
// component takes its own URL if given, else the config's redirectUrl, else Base with the
// context path of the chart's combined Ingress, else the chart's localhost default.
type URLs struct {
	Base                                                   string
	Identity, Orchestration, Optimize, WebModeler, Console string
}

// Plan is the app registrations of a config.
type Plan struct {
	TenantID     string         `json:"tenantId"`
	Applications []Registration `json:"applications"`
	// Graph is the Microsoft Graph endpoint of the config's cloud.
	Graph string `json:"-"`
	// Warnings say where the URLs chosen differ from the ones camunda-entra configures.
	Warnings []string `json:"-"`
}

// urlChars are the characters a root URL may hold: enough for host names, ports and paths,
// and nothing a shell or JSON would treat specially. IPv6 literals are left out: brackets
// are shell patterns.
var urlChars = regexp.MustCompile(`^[A-Za-z0-9._~:/-]+$`)

// CheckURL validates a root URL given by the user: absolute http(s), with a host, without
// query, fragment or credentials.
func CheckURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("want an absolute http(s) URL, got %q", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.Contains(raw, "?") {
		return fmt.Errorf("want a root URL without credentials, query or fragment, got %q", raw)
	}
	if !urlChars.MatchString(raw) {
		return fmt.Errorf("%q has characters a root URL does not need", raw)
	}
	return nil
}

// Build derives the app registrations from a config and the components' URLs, in the order
// Identity, Orchestration, Connectors (when it has an app of its own), Optimize, Web Modeler
// UI and API, Console. The URLs must have passed CheckURL.
func Build(cfg *config.Config, urls URLs) *Plan {
	p := &Plan{TenantID: cfg.TenantID, Graph: graphOf(cfg)}
	for _, c := range components {
		reg, ok := c.build(cfg)
		if !ok {
			continue
		}
		if c.root != nil {
			root, warning := c.root.resolve(cfg, urls)
			reg.addRedirects(root, c.root.paths)
			if warning != "" {
				p.Warnings = append(p.Warnings, warning)
			}
		}
		p.Applications = append(p.Applications, reg)
	}
	return p
}

// graphOf is the Microsoft Graph endpoint of the config's cloud; a custom authority host
// keeps the public one, which the script lets the user replace.
func graphOf(cfg *config.Config) string {
	switch cfg.Cloud {
	case "usgov":
		return "https://graph.microsoft.us"
	case "china":
		return "https://microsoftgraph.chinacloudapi.cn"
	}
	return "https://graph.microsoft.com"
}

// newRegistration starts the registration of an app: its exposed API is api://<client id>,
// and Entra issues v2.0 access tokens for it.
func newRegistration(component, name, clientID string, t Type) Registration {
	return Registration{
		Component: component, Name: name, ClientID: clientID, Type: t,
		Scope: clientID + "/.default",
		Manifest: Application{
			DisplayName:    "Camunda " + name,
			SignInAudience: SignInAudience,
			IdentifierURIs: []string{"api://" + clientID},
			API:            APISettings{RequestedAccessTokenVersion: 2},
			Web:            RedirectURIs{RedirectURIs: []string{}},
			SPA:            RedirectURIs{RedirectURIs: []string{}},
		},
	}
}

// addRedirects sets the redirect URIs under root, on the platform of the app's type.
func (r *Registration) addRedirects(root string, paths []string) {
	uris := make([]string, 0, len(paths))
	for _, p := range paths {
		uris = append(uris, strings.TrimSuffix(root, "/")+p)
	}
	if r.Type == Public {
		r.Manifest.SPA.RedirectURIs = uris
		return
	}
	r.Manifest.Web.RedirectURIs = uris
}
