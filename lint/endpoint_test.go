package lint

import (
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
)

// TestEndpointProblem classifies Entra URLs; tenant ids compare without case, so the config
// spells its tenant in upper case here.
func TestEndpointProblem(t *testing.T) {
	const tenant = "abcdef01-2222-3333-4444-555555555555"
	upper := strings.ToUpper(tenant)
	cases := []struct {
		name, value, want string
	}{
		{"v2.0 issuer", "https://login.microsoftonline.com/" + tenant + "/v2.0", ""},
		{"v2.0 token URL",
			"https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token", ""},
		{"v2.0 JWKS",
			"https://login.microsoftonline.com/" + tenant + "/discovery/v2.0/keys", ""},
		{"v1.0 issuer", "https://sts.windows.net/" + tenant + "/", "the v1.0 issuer sts.windows.net"},
		{"v1.0 token URL", "https://login.microsoftonline.com/" + tenant + "/oauth2/token",
			"a v1.0 endpoint (its path has no /v2.0)"},
		{"v1.0 JWKS on the old host", "https://login.windows.net/" + tenant + "/discovery/keys",
			"a v1.0 endpoint (its path has no /v2.0)"},
		{"another tenant", "https://login.microsoftonline.com/common/v2.0",
			`for tenant "common", not the config's ` + upper},
		{"no tenant", "https://login.microsoftonline.com/",
			`for tenant "", not the config's ` + upper},
		{"another cloud", "https://login.microsoftonline.us/" + tenant + "/oauth2/token",
			"a v1.0 endpoint (its path has no /v2.0)"},
		{"not Entra", "http://camunda-identity:80", ""},
		{"not a URL", "preferred_username", ""},
		{"empty", "", ""},
	}
	cfg := &config.Config{TenantID: upper}
	w := wantOf(cfg)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := endpointProblem(tc.value, w); got != tc.want {
				t.Errorf("endpointProblem(%q) = %q, want %q", tc.value, got, tc.want)
			}
		})
	}
}

// TestEndpointProblemAuthorityHost knows the login host the config names itself.
func TestEndpointProblemAuthorityHost(t *testing.T) {
	w := wantOf(&config.Config{TenantID: tenant, AuthorityHost: "https://login.example.org"})
	if got := endpointProblem("https://login.example.org/"+tenant+"/oauth2/token", w); got == "" {
		t.Error("a v1.0 URL on the config's own authority host passes")
	}
}
