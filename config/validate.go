package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

var (
	guid = regexp.MustCompile(
		`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	// A Secret's name is a DNS subdomain; its keys are config keys.
	secretName = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	secretKey  = regexp.MustCompile(`^[-._a-zA-Z0-9]+$`)
	claimName  = regexp.MustCompile(`^[A-Za-z0-9_.:/-]+$`)
)

// Validate checks a decoded configuration, field by field, in the order of the file.
func (c *Config) Validate() error {
	checks := []func() error{
		c.validateHeader,
		func() error { return requireGUID("tenantId", c.TenantID) },
		c.validateAuthority,
		c.validateClaims,
		c.validateClients,
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) validateHeader() error {
	if c.APIVersion != APIVersion {
		return fmt.Errorf("apiVersion: want %q, got %q", APIVersion, c.APIVersion)
	}
	if c.Kind != Kind {
		return fmt.Errorf("kind: want %q, got %q", Kind, c.Kind)
	}
	return nil
}

func (c *Config) validateAuthority() error {
	if _, ok := clouds[c.Cloud]; c.Cloud != "" && !ok {
		return fmt.Errorf("cloud: want public, usgov or china, got %q", c.Cloud)
	}
	if c.AuthorityHost == "" {
		return nil
	}
	u, err := url.Parse(c.AuthorityHost)
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.Trim(u.Path, "/") != "" {
		return fmt.Errorf("authorityHost: want an https URL with a host and no path, got %q",
			c.AuthorityHost)
	}
	return nil
}

func (c *Config) validateClaims() error {
	if c.InitialAdmin.Value == "" {
		return fmt.Errorf("initialAdmin.value: required (the %s of the first administrator)",
			c.AdminClaim())
	}
	claims := map[string]string{
		"initialAdmin.claim": c.InitialAdmin.Claim,
		"claims.username":    c.Claims.Username,
		"claims.clientId":    c.Claims.ClientID,
	}
	for _, field := range []string{"initialAdmin.claim", "claims.username", "claims.clientId"} {
		if v := claims[field]; v != "" && !claimName.MatchString(v) {
			return fmt.Errorf("%s: %q is not a token claim name", field, v)
		}
	}
	return nil
}

func (c *Config) validateClients() error {
	cl := c.Clients
	if cl == (Clients{}) {
		return fmt.Errorf("clients: required, with one entry per component of the release")
	}
	steps := []func() error{
		func() error { return cl.Identity.validate("clients.identity", true) },
		func() error { return cl.Orchestration.validate("clients.orchestration", true) },
		c.validateConnectors,
		func() error { return cl.Optimize.validate("clients.optimize", true) },
		func() error { return cl.WebModeler.validate("clients.webModeler") },
		func() error { return cl.Console.validate("clients.console") },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// validateConnectors allows every field to be left out, since Connectors use the
// Orchestration app by default, but a different app needs its own secret.
func (c *Config) validateConnectors() error {
	own, oc := c.Clients.Connectors, c.Clients.Orchestration
	if own == nil {
		return nil
	}
	if oc == nil || (own.ClientID != "" && own.ClientID != oc.ClientID) {
		return own.validate("clients.connectors", true)
	}
	if own.ClientID != "" {
		return own.validate("clients.connectors", false)
	}
	return own.validateOptional("clients.connectors")
}

func (cl *Confidential) validate(path string, needSecret bool) error {
	if cl == nil {
		return nil
	}
	if err := requireGUID(path+".clientId", cl.ClientID); err != nil {
		return err
	}
	if needSecret && cl.Secret == nil {
		return fmt.Errorf("%s.secret: required (a confidential client needs {name, key} "+
			"of the Kubernetes Secret holding its client secret)", path)
	}
	return cl.validateOptional(path)
}

func (cl *Confidential) validateOptional(path string) error {
	if err := optionalGUID(path+".audience", cl.Audience); err != nil {
		return err
	}
	if err := cl.Secret.validate(path + ".secret"); err != nil {
		return err
	}
	return validateURL(path+".redirectUrl", cl.RedirectURL)
}

func (cl *Public) validate(path string) error {
	if cl == nil {
		return nil
	}
	if err := requireGUID(path+".clientId", cl.ClientID); err != nil {
		return err
	}
	if err := optionalGUID(path+".audience", cl.Audience); err != nil {
		return err
	}
	return validateURL(path+".redirectUrl", cl.RedirectURL)
}

func (wm *WebModeler) validate(path string) error {
	if wm == nil {
		return nil
	}
	pub := Public{ClientID: wm.ClientID, Audience: wm.Audience, RedirectURL: wm.RedirectURL}
	if err := pub.validate(path); err != nil {
		return err
	}
	return requireGUID(path+".publicApiAudience", wm.PublicAPIAudience)
}

func (s *SecretRef) validate(path string) error {
	if s == nil {
		return nil
	}
	if s.Name == "" {
		return fmt.Errorf("%s.name: required (the Kubernetes Secret's name)", path)
	}
	if len(s.Name) > 253 || !secretName.MatchString(s.Name) {
		return fmt.Errorf("%s.name: %q is not a valid Secret name", path, s.Name)
	}
	if s.Key == "" {
		return fmt.Errorf("%s.key: required (the key inside Secret %q)", path, s.Name)
	}
	if len(s.Key) > 253 || !secretKey.MatchString(s.Key) {
		return fmt.Errorf("%s.key: %q is not a valid Secret key", path, s.Key)
	}
	return nil
}

func requireGUID(path, value string) error {
	if value == "" {
		return fmt.Errorf("%s: required", path)
	}
	return optionalGUID(path, value)
}

func optionalGUID(path, value string) error {
	if value == "" || guid.MatchString(value) {
		return nil
	}
	const want = "want a GUID such as 00000000-0000-0000-0000-000000000000"
	if !showable(value) {
		return fmt.Errorf("%s: %s, got %d characters (not shown)", path, want, len(value))
	}
	return fmt.Errorf("%s: %s, got %q", path, want, value)
}

// showable reports whether a value that should have been a GUID may be repeated in a message:
// a short word, a URI such as api://..., or a GUID with a typo. Anything else may be a client
// secret pasted into the wrong field.
func showable(value string) bool {
	return len(value) <= 24 || strings.Contains(value, "://") ||
		strings.Trim(value, "0123456789abcdefABCDEF-{}") == ""
}

func validateURL(path, value string) error {
	if value == "" {
		return nil
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s: want an absolute http(s) URL, got %q", path, value)
	}
	if strings.HasSuffix(value, "/") {
		return fmt.Errorf("%s: %q must not end with a slash", path, value)
	}
	return nil
}
