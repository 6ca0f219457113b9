package lint

import "github.com/camunda-entra/camunda-entra/config"

// want holds the values the config decides for a release, each empty where the config has no
// client for the component.
type want struct {
	cfg *config.Config

	orchestrationID, orchestrationAudience string
	connectorsID, connectorsAudience       string
	identityID, identityAudience           string
	optimizeID, optimizeAudience           string
	webModelerID, webModelerAudience       string
	publicAPIAudience                      string
	consoleID, consoleAudience             string
	issuer, tokenURL, jwksURL              string
}

// wantOf derives the expected values from a config.
func wantOf(cfg *config.Config) *want {
	w := &want{cfg: cfg, issuer: cfg.Issuer(), tokenURL: cfg.TokenURL(), jwksURL: cfg.JWKSURL()}
	cl := cfg.Clients
	w.orchestrationID, w.orchestrationAudience = confidential(cl.Orchestration)
	w.connectorsID, w.connectorsAudience = confidential(cfg.Connectors())
	w.identityID, w.identityAudience = confidential(cl.Identity)
	w.optimizeID, w.optimizeAudience = confidential(cl.Optimize)
	if wm := cl.WebModeler; wm != nil {
		w.webModelerID = wm.ClientID
		w.webModelerAudience = config.AudienceOf(wm.Audience, wm.ClientID)
		w.publicAPIAudience = wm.PublicAPIAudience
	}
	if con := cl.Console; con != nil {
		w.consoleID, w.consoleAudience = con.ClientID, config.AudienceOf(con.Audience, con.ClientID)
	}
	return w
}

func confidential(c *config.Confidential) (id, audience string) {
	if c == nil {
		return "", ""
	}
	return c.ClientID, config.AudienceOf(c.Audience, c.ClientID)
}

// connectorsScope is the scope Connectors must request: the Orchestration app's /.default,
// which Entra's client credentials grant needs.
func (w *want) connectorsScope() string {
	app := w.orchestrationID
	if app == "" {
		app = w.connectorsID
	}
	if app == "" {
		return ""
	}
	return app + "/.default"
}

// configured reports whether the config has a client for a component.
func (w *want) configured(c component) bool {
	cl := w.cfg.Clients
	switch c {
	case orchestration:
		return cl.Orchestration != nil
	case connectors:
		return w.cfg.Connectors() != nil
	case identity:
		return cl.Identity != nil
	case optimize:
		return cl.Optimize != nil
	case webModeler, webModelerUI:
		return cl.WebModeler != nil
	case console:
		return cl.Console != nil
	}
	return false
}

// configField is the config field that describes a component.
func configField(c component) string {
	switch c {
	case connectors:
		return "clients.orchestration"
	case webModelerUI:
		return "clients.webModeler"
	}
	return "clients." + string(c)
}

// secretOf returns the Secret reference the config gives a client, by config field name.
func (w *want) secretOf(client string) *config.SecretRef {
	var c *config.Confidential
	switch client {
	case "orchestration":
		c = w.cfg.Clients.Orchestration
	case "connectors":
		c = w.cfg.Connectors()
	case "identity":
		c = w.cfg.Clients.Identity
	case "optimize":
		c = w.cfg.Clients.Optimize
	}
	if c == nil {
		return nil
	}
	return c.Secret
}

// secretField is the config field that holds a client's Secret reference.
func (w *want) secretField(client string) string {
	own := w.cfg.Clients.Connectors
	if client == "connectors" && (own == nil || own.Secret == nil) {
		return "clients.orchestration.secret"
	}
	return "clients." + client + ".secret"
}
