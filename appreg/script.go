package appreg

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// WriteJSON writes the plan as indented JSON: the tenant and, per app, its Graph manifest.
func (p *Plan) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

// WriteScript writes the plan as a bash script of Azure CLI commands that bring existing
// app registrations in line. It never handles a secret: resetting one is left to the user,
// in a comment that says where the config expects it.
func (p *Plan) WriteScript(w io.Writer) error {
	b := &strings.Builder{}
	p.writeHeader(b)
	for i := range p.Applications {
		writeApp(b, &p.Applications[i])
	}
	p.writeSecrets(b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (p *Plan) writeHeader(b *strings.Builder) {
	fmt.Fprintf(b, `#!/usr/bin/env bash
# Microsoft Entra app registrations for Camunda in tenant %s,
# written by camunda-entra entra-apps from the config. Run it signed in to that tenant
# (az login --tenant %s) as an owner of the apps.
#
# The config names every app by its client id, so the commands update apps that exist.
# To create a missing one, run
#   az ad app create --display-name "<name>" --sign-in-audience %s
#   az ad sp create --id <the appId it prints>
# put the appId into the config and run camunda-entra entra-apps again.
set -euo pipefail

# Microsoft Graph of the tenant's cloud.
graph=%s

# graph_patch APP_ID JSON changes an app registration through Microsoft Graph, for the
# properties az ad app update has no option for. Newer Azure CLI releases also take
# az ad app update --requested-access-token-version 2.
graph_patch() {
  local object_id
  object_id=$(az ad app show --id "$1" --query id --output tsv)
  az rest --method PATCH --uri "$graph/v1.0/applications/$object_id" \
    --headers Content-Type=application/json --body "$2"
}
`, p.TenantID, p.TenantID, SignInAudience, p.Graph)
}

// writeApp writes the commands of one app registration.
func writeApp(b *strings.Builder, r *Registration) {
	fmt.Fprintf(b, "\n# %s: %s\n", r.Name, describe(r))
	if r.Component == "connectors" {
		fmt.Fprintf(b, "# It requests tokens for the Orchestration app with the scope %s.\n",
			r.Scope)
	} else {
		fmt.Fprintf(b, "# Tokens for it are requested with the scope %s.\n", r.Scope)
	}
	if r.Type == Confidential && len(r.Manifest.IdentifierURIs) == 0 {
		b.WriteString("# It signs nobody in and exposes no API: nothing to change here.\n")
		return
	}
	update := []string{"az ad app update --id " + quote(r.ClientID)}
	update = append(update, option("--identifier-uris", r.Manifest.IdentifierURIs)...)
	update = append(update, option("--web-redirect-uris", r.Manifest.Web.RedirectURIs)...)
	if len(update) > 1 {
		b.WriteString(strings.Join(update, " \\\n  ") + "\n")
	}
	fmt.Fprintf(b, "graph_patch %s %s\n", quote(r.ClientID), quote(patchBody(r)))
}

// option spells an option with its values, one line each when there are several.
func option(name string, values []string) []string {
	switch len(values) {
	case 0:
		return nil
	case 1:
		return []string{name + " " + quote(values[0])}
	}
	lines := []string{name}
	for _, v := range values {
		lines = append(lines, "  "+quote(v))
	}
	return lines
}

// describe says what kind of app it is and what it is for.
func describe(r *Registration) string {
	switch {
	case r.Type == Public:
		return "single-page application, no secret"
	case r.Type == API:
		return "exposes the API; create secrets for your own API clients only"
	case len(r.Manifest.Web.RedirectURIs) == 0:
		return "confidential client, no sign-in"
	}
	return "confidential web app"
}

// patchBody is the JSON that sets the token version and, for a single-page app, its redirect
// URIs, which az ad app update cannot set.
func patchBody(r *Registration) string {
	body := map[string]any{"api": r.Manifest.API}
	if r.Type == Public {
		body["spa"] = r.Manifest.SPA
	}
	out, _ := json.Marshal(body)
	return string(out)
}

// writeSecrets lists, per Kubernetes Secret of the config, the keys to fill with client
// secrets, and how to get one.
func (p *Plan) writeSecrets(b *strings.Builder) {
	keys := map[string][]string{}
	apps := map[string]string{}
	for _, r := range p.Applications {
		if r.Secret == nil {
			continue
		}
		id := r.Secret.Name + "/" + r.Secret.Key
		if apps[id] == "" {
			keys[r.Secret.Name] = append(keys[r.Secret.Name], r.Secret.Key)
			apps[id] = r.ClientID
		}
	}
	if len(keys) == 0 {
		return
	}
	b.WriteString("\n# Client secrets are not handled here. For each key below, create a secret " +
		"of its app\n# (az ad app credential reset --id <client id> --append --display-name " +
		"camunda-entra\n# --query password --output tsv prints a new one once) and store it in " +
		"the Secret:\n")
	names := make([]string, 0, len(keys))
	for name := range keys {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(b, "#   kubectl create secret generic %s -n <namespace>", name)
		for _, key := range keys[name] {
			fmt.Fprintf(b, " \\\n#     --from-literal=%s=<secret of %s>", key, apps[name+"/"+key])
		}
		b.WriteString("\n")
	}
}

// plainWord is what bash reads as one word without quotes.
var plainWord = regexp.MustCompile(`^[A-Za-z0-9@%+=:,./_-]+$`)

// quote makes s one bash word.
func quote(s string) string {
	if plainWord.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
