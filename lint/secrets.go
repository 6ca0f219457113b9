package lint

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/oracle"
)

// secretUse is a setting through which a component receives its Entra client secret, and
// the env var the chart passes it in. Database passwords are not the config's business and
// are not checked.
type secretUse struct {
	component component
	key       string
	env       string
	// exact is set when the program reads the env var by that very name, so no other source
	// of the key counts.
	exact bool
	// client is the config client whose secret it must be.
	client string
	// optimizeOnly uses are checked only when the release runs Optimize.
	optimizeOnly bool
}

var secretUses = []secretUse{
	{orchestration, "camunda.security.authentication.oidc.clientsecret",
		"VALUES_ORCHESTRATION_CLIENT_SECRET", false, "orchestration", false},
	{connectors, "camunda.client.auth.clientsecret",
		"VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET", false, "connectors", false},
	{identity, "identity.clientsecret",
		"VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET", false, "identity", false},
	{identity, "identity.componentpresets.optimize.applications.0.secret",
		"CAMUNDA_OPTIMIZE_SECRET", false, "optimize", true},
	{optimize, "camunda.identity.client.secret",
		"CAMUNDA_IDENTITY_CLIENT_SECRET", true, "optimize", false},
}

// secretRefPrefix starts the effective value of a setting taken from a Secret key.
const secretRefPrefix = "secretKeyRef:"

// checkSecretRefs makes sure every client secret comes from the Secret key the config names
// for that client: not a key the config does not declare, not another app's secret, not a
// literal and not nothing.
func checkSecretRefs(t *target) []Finding {
	var out []Finding
	for _, u := range secretUses {
		w := t.workload(u.component)
		ref := t.want.secretOf(u.client)
		if w == nil || ref == nil || (u.optimizeOnly && !t.rel.has(optimize)) {
			continue
		}
		if f := t.secretFinding(w, u, ref); f != nil {
			out = append(out, *f)
		}
	}
	return out
}

func (t *target) secretFinding(w *workload, u secretUse, ref *config.SecretRef) *Finding {
	s := w.settings("")
	got, set := s.Value(u.key)
	if u.exact && !fromEnv(s, u.key, u.env) {
		got, set = "", false
	}
	want := secretRefPrefix + ref.Name + "/" + ref.Key
	if got == want {
		return nil
	}
	f := t.finding("secret-ref", w, "", carrier(s, u, got), Error)
	f.Message = t.secretMessage(u, got, set)
	f.Fix = fmt.Sprintf("set env %s from secretKeyRef {name: %s, key: %s} "+
		"(camunda-entra post-render does)", u.env, ref.Name, ref.Key)
	return &f
}

// carrier names the env var that brought the value when it is the chart's, else the key.
func carrier(s *oracle.Settings, u secretUse, got string) string {
	if v, ok := s.Value(envKey(u.env)); ok && v == got && fromEnv(s, envKey(u.env), u.env) {
		return u.env
	}
	return u.key
}

// envKey is the canonical key of one of the secret env names: lower case, dotted.
func envKey(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, "_", "."))
}

// secretMessage explains what is wrong with a client secret setting without showing it.
func (t *target) secretMessage(u secretUse, got string, set bool) string {
	field := t.want.secretField(u.client)
	if !set || got == "" || strings.Contains(got, "${") {
		return fmt.Sprintf("no client secret reaches it; the config names %s", field)
	}
	if !strings.HasPrefix(got, secretRefPrefix) {
		return "the client secret is not taken from a Secret (its value is not shown); " +
			"secrets belong in a Kubernetes Secret"
	}
	name, key, _ := strings.Cut(strings.TrimPrefix(got, secretRefPrefix), "/")
	if owner := t.ownerOf(name, key); owner != "" {
		return fmt.Sprintf("it refers to Secret %q key %q, which is %s, not %s",
			name, key, t.want.secretField(owner), field)
	}
	return fmt.Sprintf("it refers to Secret %q key %q, which the config does not declare "+
		"for any client; %s is the one to use", name, key, field)
}

// ownerOf returns the config client whose secret a Secret key is, or "".
func (t *target) ownerOf(name, key string) string {
	for _, client := range []string{"identity", "orchestration", "connectors", "optimize"} {
		if ref := t.want.secretOf(client); ref != nil && ref.Name == name && ref.Key == key {
			return client
		}
	}
	return ""
}
