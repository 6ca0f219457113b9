// Package config holds the one file that describes a Camunda release's Microsoft Entra ID
// setup: the tenant, the app registration of each component, where their client secrets live,
// and the initial admin.
//
//	apiVersion: camunda-entra.dev/v1alpha1
//	kind: EntraConfig
//	metadata:
//	  name: entra
//	tenantId: 11111111-2222-3333-4444-555555555555
//	initialAdmin:
//	  value: admin@example.com
//	clients:
//	  identity:
//	    clientId: aaaaaaaa-1111-4111-8111-111111111111
//	    secret: {name: entra-credentials, key: identity-client-secret}
//	  ...
//
// The file carries no secret values, only references to Kubernetes Secrets; Load refuses a
// file that tries to hold one. Every URL is derived from the tenant and one authority host, so
// the v2.0 endpoints can never be mixed with v1 ones.
package config

import (
	"fmt"
	"strings"
)

// APIVersion and Kind identify the configuration document, also as a KRM functionConfig.
const (
	APIVersion = "camunda-entra.dev/v1alpha1"
	Kind       = "EntraConfig"
)

// Authority hosts of the Entra clouds, by the name the config file uses.
var clouds = map[string]string{
	"public": "https://login.microsoftonline.com",
	"usgov":  "https://login.microsoftonline.us",
	"china":  "https://login.chinacloudapi.cn",
}

// Config is the whole configuration file.
type Config struct {
	APIVersion string   `json:"apiVersion" yaml:"apiVersion"`
	Kind       string   `json:"kind" yaml:"kind"`
	Metadata   Metadata `json:"metadata,omitempty" yaml:"metadata,omitempty"`

	// TenantID is the Entra directory (tenant) id.
	TenantID string `json:"tenantId" yaml:"tenantId"`
	// Cloud names the Entra cloud: public (default), usgov or china.
	Cloud string `json:"cloud,omitempty" yaml:"cloud,omitempty"`
	// AuthorityHost replaces the cloud's login host, for example for a sovereign cloud.
	AuthorityHost string `json:"authorityHost,omitempty" yaml:"authorityHost,omitempty"`

	InitialAdmin InitialAdmin `json:"initialAdmin" yaml:"initialAdmin"`
	Claims       Claims       `json:"claims,omitempty" yaml:"claims,omitempty"`
	Clients      Clients      `json:"clients" yaml:"clients"`
}

// Metadata is the object metadata a KRM functionConfig carries; the tool reads none of it.
type Metadata struct {
	Name        string            `json:"name,omitempty" yaml:"name,omitempty"`
	Namespace   string            `json:"namespace,omitempty" yaml:"namespace,omitempty"`
	Labels      map[string]string `json:"labels,omitempty" yaml:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty" yaml:"annotations,omitempty"`
}

// InitialAdmin is the user that Management Identity and the Orchestration Cluster make
// administrator on first start. Management Identity cannot change it afterwards.
type InitialAdmin struct {
	// Claim is the token claim that identifies the user; default preferred_username.
	Claim string `json:"claim,omitempty" yaml:"claim,omitempty"`
	// Value is that claim's value for the admin, usually an e-mail address.
	Value string `json:"value" yaml:"value"`
}

// Claims names the token claims that identify users and machine clients.
type Claims struct {
	// Username defaults to preferred_username.
	Username string `json:"username,omitempty" yaml:"username,omitempty"`
	// ClientID defaults to azp, which Entra puts in v2.0 tokens.
	ClientID string `json:"clientId,omitempty" yaml:"clientId,omitempty"`
}

// Clients holds one app registration per component. A component that the release does not
// contain may be left out.
type Clients struct {
	Identity      *Confidential `json:"identity,omitempty" yaml:"identity,omitempty"`
	Orchestration *Confidential `json:"orchestration,omitempty" yaml:"orchestration,omitempty"`
	// Connectors defaults, field by field, to the Orchestration app and its secret.
	Connectors *Confidential `json:"connectors,omitempty" yaml:"connectors,omitempty"`
	Optimize   *Confidential `json:"optimize,omitempty" yaml:"optimize,omitempty"`
	WebModeler *WebModeler   `json:"webModeler,omitempty" yaml:"webModeler,omitempty"`
	Console    *Public       `json:"console,omitempty" yaml:"console,omitempty"`
}

// Confidential is an app registration with a client secret.
type Confidential struct {
	ClientID string `json:"clientId" yaml:"clientId"`
	// Audience defaults to ClientID, the audience of Entra v2.0 access tokens.
	Audience string     `json:"audience,omitempty" yaml:"audience,omitempty"`
	Secret   *SecretRef `json:"secret,omitempty" yaml:"secret,omitempty"`
	// RedirectURL is the component's external root URL; it defaults to the chart's.
	RedirectURL string `json:"redirectUrl,omitempty" yaml:"redirectUrl,omitempty"`
}

// Public is an app registration without a secret (a single-page application).
type Public struct {
	ClientID    string `json:"clientId" yaml:"clientId"`
	Audience    string `json:"audience,omitempty" yaml:"audience,omitempty"`
	RedirectURL string `json:"redirectUrl,omitempty" yaml:"redirectUrl,omitempty"`
}

// WebModeler is the Web Modeler UI app plus the audience of Web Modeler's public API.
type WebModeler struct {
	ClientID string `json:"clientId" yaml:"clientId"`
	// Audience is the audience of the UI's tokens, which the Orchestration Cluster must accept
	// too; it defaults to ClientID.
	Audience string `json:"audience,omitempty" yaml:"audience,omitempty"`
	// PublicAPIAudience is the app id that machine clients of the public API request tokens for.
	PublicAPIAudience string `json:"publicApiAudience" yaml:"publicApiAudience"`
	RedirectURL       string `json:"redirectUrl,omitempty" yaml:"redirectUrl,omitempty"`
}

// SecretRef names a key of a Kubernetes Secret in the release's namespace.
type SecretRef struct {
	Name string `json:"name" yaml:"name"`
	Key  string `json:"key" yaml:"key"`
}

// Issuer is the v2.0 issuer of the tenant's tokens.
func (c *Config) Issuer() string { return c.tenantURL("v2.0") }

// TokenURL is the tenant's v2.0 token endpoint.
func (c *Config) TokenURL() string { return c.tenantURL("oauth2/v2.0/token") }

// AuthorizeURL is the tenant's v2.0 authorization endpoint.
func (c *Config) AuthorizeURL() string { return c.tenantURL("oauth2/v2.0/authorize") }

// JWKSURL is where the tenant publishes its v2.0 signing keys.
func (c *Config) JWKSURL() string { return c.tenantURL("discovery/v2.0/keys") }

// WellKnownURL is the tenant's OpenID Connect discovery document.
func (c *Config) WellKnownURL() string {
	return c.tenantURL("v2.0/.well-known/openid-configuration")
}

func (c *Config) tenantURL(path string) string {
	return fmt.Sprintf("%s/%s/%s", c.authority(), c.TenantID, path)
}

func (c *Config) authority() string {
	if c.AuthorityHost != "" {
		return strings.TrimSuffix(c.AuthorityHost, "/")
	}
	if host, ok := clouds[c.Cloud]; ok {
		return host
	}
	return clouds["public"]
}

// Connectors returns the Connectors client with every field it leaves out taken from the
// Orchestration client, or nil when neither is configured.
func (c *Config) Connectors() *Confidential {
	oc, own := c.Clients.Orchestration, c.Clients.Connectors
	if own == nil {
		return oc
	}
	if oc == nil {
		return own
	}
	merged := *own
	if merged.ClientID == "" {
		merged.ClientID = oc.ClientID
	}
	if merged.Audience == "" && merged.ClientID == oc.ClientID {
		merged.Audience = oc.Audience
	}
	if merged.Secret == nil {
		merged.Secret = oc.Secret
	}
	return &merged
}

// AudienceOf returns an explicit audience, or the client id it defaults to.
func AudienceOf(audience, clientID string) string {
	if audience != "" {
		return audience
	}
	return clientID
}

// UsernameClaim returns the claim that names users.
func (c *Config) UsernameClaim() string { return orDefault(c.Claims.Username, "preferred_username") }

// ClientIDClaim returns the claim that names machine clients.
func (c *Config) ClientIDClaim() string { return orDefault(c.Claims.ClientID, "azp") }

// AdminClaim returns the claim that identifies the initial admin.
func (c *Config) AdminClaim() string {
	return orDefault(c.InitialAdmin.Claim, "preferred_username")
}

func orDefault(value, def string) string {
	if value == "" {
		return def
	}
	return value
}
