package lint

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/oracle"
	"github.com/camunda-entra/camunda-entra/postrender"
	"github.com/camunda-entra/camunda-entra/stream"
)

// Report is the result of linting one manifest stream.
type Report struct {
	// Findings are in release order, then in the order of the checks table.
	Findings []Finding
	// Workloads lists the Camunda workloads that were checked, as "Kind/name".
	Workloads []string
}

// checks are run in this order on every release; each finds one kind of mistake and names
// it in its findings' Check.
var checks = []func(t *target) []Finding{
	checkConfigured,             // configured
	checkSecretRefs,             // secret-ref
	checkExpectations,           // client-id, audience, endpoint: values the config decides
	checkConnectorsRole,         // client-id
	checkOrchestrationAudiences, // audience
	checkEndpoints,              // endpoint: v1 and other-tenant URLs anywhere else
	checkConnectorsScope,        // connectors-scope
	checkIdentityAudience,       // identity-audience
	checkInitialAdmin,           // initial-admin
	checkConsoleWellKnown,       // console-wellknown
}

// Lint reads a rendered release, with or without the post-renderer applied, and returns every
// Entra mistake it can prove against cfg. An input that is not a valid manifest stream is an
// error; the findings are not.
func Lint(input []byte, cfg *config.Config) (*Report, error) {
	if len(input) > postrender.MaxInput {
		return nil, postrender.ErrTooLarge
	}
	docs, err := stream.Split(input)
	if err != nil {
		return nil, err
	}
	render, err := oracle.Load(input)
	if err != nil {
		return nil, err
	}
	releases, err := groupReleases(stream.Nodes(docs), render.Effective())
	if err != nil {
		return nil, err
	}
	report := &Report{}
	w := wantOf(cfg)
	for _, r := range releases {
		t := &target{rel: r, want: w}
		for _, run := range checks {
			report.Findings = append(report.Findings, run(t)...)
		}
		report.Workloads = append(report.Workloads, r.ids()...)
	}
	return report, nil
}

// ids lists the release's workloads in component order.
func (r *release) ids() []string {
	var out []string
	for i := range kinds {
		if w := r.workloads[kinds[i].Component]; w != nil {
			out = append(out, w.id)
		}
	}
	return out
}

// target is one release under check, with what the config expects of it.
type target struct {
	rel  *release
	want *want
}

// workload returns a component's workload when the release has it and the config covers it.
func (t *target) workload(c component) *workload {
	w := t.rel.workloads[c]
	if w == nil || !t.want.configured(c) {
		return nil
	}
	return w
}

// finding starts a finding about a setting of a workload's container.
func (t *target) finding(check string, w *workload, container, setting string,
	sev Severity) Finding {
	if container == "" {
		container = w.kind.Container
	}
	return Finding{Severity: sev, Check: check, Workload: w.id, Container: container,
		Setting: setting}
}

// checkConfigured reports the components of the release that the config has no client for;
// the other checks skip them.
func checkConfigured(t *target) []Finding {
	var out []Finding
	for i := range kinds {
		k := &kinds[i]
		w := t.rel.workloads[k.Component]
		if w == nil || t.want.configured(k.Component) {
			continue
		}
		f := t.finding("configured", w, "", "", Error)
		f.Message = fmt.Sprintf("the release runs the %s, but the config has no %s",
			k.Title, configField(k.Component))
		f.Fix = fmt.Sprintf("add %s to the config with the app registration's client id",
			configField(k.Component))
		out = append(out, f)
	}
	return out
}

// firstSet returns the first of keys that is set, with its value; with none set, it returns
// the first key.
func firstSet(s *oracle.Settings, keys []string) (key, value string, ok bool) {
	for _, k := range keys {
		if v, found := s.Value(k); found {
			return k, v, true
		}
	}
	return keys[0], "", false
}

// listValues returns the elements of a list setting, in index order.
func listValues(s *oracle.Settings, prefix string) []string {
	var out []string
	for i := 0; ; i++ {
		v, ok := s.Value(fmt.Sprintf("%s.%d", prefix, i))
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// fromEnv reports whether an env var of exactly that name sets key.
func fromEnv(s *oracle.Settings, key, name string) bool {
	return s.Origin(key) == "env:"+name
}

// shown is a value as messages quote it: one that looks like an Entra client secret, pasted
// where an id belongs, is not repeated.
func shown(v string) string {
	if strings.Contains(v, "Q~") && len(v) >= 34 && !strings.ContainsAny(v, " /:") {
		return "(a value that looks like a client secret, not shown)"
	}
	return v
}
