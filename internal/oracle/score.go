package oracle

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Status is how a setting the chart's Entra values change fares in the post-rendered release.
type Status string

// The statuses of a delta row.
const (
	// Reproduced means the release has the chart's value, or, for Optimize's own file, sets
	// the env var Optimize documents for it.
	Reproduced Status = "reproduced"
	// Missing means a Spring setting differs from the chart's value.
	Missing Status = "missing"
	// Unverifiable means a setting of a non-Spring file differs; env may not reach it.
	Unverifiable Status = "unverifiable"
)

// Absent stands in a row for a key a configuration does not have.
const Absent = "<absent>"

// viaPlaceholders marks a plumbing env var credited through the keys it feeds.
const viaPlaceholders = "placeholder consumers"

// optimizeDocumentedEnv are the env vars Optimize documents behind the `api.*` keys of its
// environment-config.yaml.
var optimizeDocumentedEnv = map[string]string{
	"optimize-config:api.audience":  "CAMUNDA_OPTIMIZE_API_AUDIENCE",
	"optimize-config:api.jwtseturi": "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
}

// webappDocumentedEnv are the env vars Web Modeler's Node webapp documents for keys of its
// application.toml; setting one marks a row as addressed, not as reproduced.
var webappDocumentedEnv = map[string]string{
	"node-toml:oauth2.type":                "OAUTH2_TYPE",
	"node-toml:oauth2.clientid":            "OAUTH2_CLIENT_ID",
	"node-toml:oauth2.token.jwksurl":       "OAUTH2_JWKS_URL",
	"node-toml:oauth2.token.audience":      "OAUTH2_TOKEN_AUDIENCE",
	"node-toml:oauth2.token.issuer":        "OAUTH2_TOKEN_ISSUER",
	"node-toml:identity.baseurl":           "IDENTITY_BASE_URL",
	"node-toml:oauth2.token.usernameclaim": "CAMUNDA_IDENTITY_USERNAMECLAIM",
	"node-toml:server.url":                 "SERVER_URL",
}

var (
	_ fmt.Stringer   = (*Report)(nil)
	_ json.Marshaler = (*Report)(nil)
	_ fmt.Stringer   = Summary{}
)

// Report is the score of a post-rendered release P against the chart's Entra render E and
// the baseline B it was made from. It implements fmt.Stringer with the text report and
// json.Marshaler with the shape of oracle.py's --json output.
type Report struct {
	// Results holds one entry per container, sorted by key.
	Results []*Result
	Summary Summary
}

// Result is the score of one container, keyed "Kind/name:container".
type Result struct {
	Key     string `json:"-"`
	Runtime string `json:"runtime"`
	// Delta holds the keys whose value differs between B and E, sorted.
	Delta []Row `json:"delta"`
	// Collateral holds the keys equal in B and E that P changed.
	Collateral []Change `json:"collateral"`
	// Residual holds the keys B has and E does not.
	Residual []Residual `json:"residual"`
	// Extra holds the env vars P adds for keys neither B nor E has, and new envFrom Secrets.
	Extra []Extra `json:"extra"`
	// Leaks holds the literal env vars of P that feed a key E takes from a Secret.
	Leaks []Leak `json:"leaks"`
}

// Row is one key of the delta between B and E.
type Row struct {
	Key     string `json:"key"`
	E       string `json:"E"`
	B       string `json:"B"`
	P       string `json:"P"`
	SourceE string `json:"sourceE"`
	SourceP string `json:"sourceP,omitempty"`
	Status  Status `json:"status"`
	// AddressedBy names the env var of P that targets a non-Spring key with E's value.
	AddressedBy string `json:"addressedBy,omitempty"`
	// Via tells why a row counts as reproduced when P's value differs.
	Via string `json:"via,omitempty"`
}

// Change is a key P changed although B and E agree on it.
type Change struct {
	Key string `json:"key"`
	E   string `json:"E"`
	P   string `json:"P"`
}

// Residual is a key B has and E does not; InP tells whether P still has it.
type Residual struct {
	Key string `json:"key"`
	B   string `json:"B"`
	P   string `json:"P"`
	InP bool   `json:"inP"`
}

// Extra is an env var, or an envFrom Secret marker, P adds beyond B and E.
type Extra struct {
	Env   string `json:"env"`
	Value string `json:"value"`
}

// Leak is a literal env var of P that feeds keys whose value E takes from a Secret.
type Leak struct {
	Env  string   `json:"env"`
	Keys []string `json:"keys"`
}

// Score compares every container of the post-rendered release after with the chart's
// Entra render target and the baseline before. A nil render has no containers.
func Score(target, before, after *Render) *Report {
	all := buildSettings([]*Render{target, before, after})
	rep := &Report{}
	for _, key := range sortedKeys(all) {
		s := all[key]
		res := scoreContainer(s[0], s[1], s[2])
		res.Key, res.Runtime = key, firstRuntime(s)
		rep.Results = append(rep.Results, res)
	}
	rep.Summary = summarize(rep.Results)
	return rep
}

// firstRuntime is the runtime of the first render that has the container.
func firstRuntime(all []*Settings) string {
	for _, s := range all {
		if s != nil {
			return s.runtime
		}
	}
	return ""
}

// Result returns the result of the container "Kind/name:container", or nil.
func (r *Report) Result(key string) *Result {
	for _, res := range r.Results {
		if res.Key == key {
			return res
		}
	}
	return nil
}

// MarshalJSON writes the report in the shape of oracle.py's --json output, less its inputs.
func (r *Report) MarshalJSON() ([]byte, error) {
	byKey := map[string]*Result{}
	for _, res := range r.Results {
		byKey[res.Key] = res
	}
	return json.Marshal(struct {
		Summary    Summary            `json:"summary"`
		Containers map[string]*Result `json:"containers"`
	}{r.Summary, byKey})
}

// scoreContainer compares one container's settings in E, B and P; any may be nil.
func scoreContainer(e, b, p *Settings) *Result {
	res := &Result{Leaks: secretLeaks(e, p)}
	keys := e.Keys()
	sort.Strings(keys)
	for _, key := range keys {
		want, _ := e.Value(key)
		if old, ok := b.Value(key); !ok || old != want {
			res.Delta = append(res.Delta, deltaRow(key, e, b, p))
			continue
		}
		if got, ok := p.Value(key); !ok || got != want {
			res.Collateral = append(res.Collateral, Change{key, want, valueOr(p, key)})
		}
	}
	creditPlumbing(res.Delta, e, p)
	res.Residual = residuals(e, b, p)
	addressing := map[string]bool{}
	for _, row := range res.Delta {
		if row.AddressedBy != "" {
			addressing[row.AddressedBy] = true
		}
	}
	res.Extra = extras(e, b, p, addressing)
	return res
}

// deltaRow scores one key whose value differs between B and E.
func deltaRow(key string, e, b, p *Settings) Row {
	want, _ := e.Value(key)
	got, inP := p.Value(key)
	row := Row{Key: key, E: want, B: valueOr(b, key), P: valueOr(p, key),
		SourceE: e.Origin(key), SourceP: p.Origin(key)}
	switch {
	case inP && got == want:
		row.Status = Reproduced
	case isNonSpring(key):
		row.AddressedBy = addressingEnv(p, key, want)
		row.Status = Unverifiable
		if row.AddressedBy != "" && row.AddressedBy == optimizeDocumentedEnv[key] {
			row.Status = Reproduced
		}
	default:
		row.Status = Missing
	}
	return row
}

func isNonSpring(key string) bool {
	kind, _, _ := strings.Cut(key, ":")
	return nonSpringKinds[kind]
}

// addressingEnv names an env var of P that targets a non-Spring key with E's value: a
// documented alias, or a var that binds to the same key.
func addressingEnv(p *Settings, key, want string) string {
	if p == nil {
		return ""
	}
	for _, alias := range []string{optimizeDocumentedEnv[key], webappDocumentedEnv[key]} {
		if v, ok := p.env.get(alias); alias != "" && ok && v.value == want {
			return alias
		}
	}
	_, bare, _ := strings.Cut(key, ":")
	for _, name := range p.envKeys.keys() {
		keys, _ := p.envKeys.get(name)
		if got, ok := p.Value(bare); contains(keys, bare) && ok && got == want {
			return name
		}
	}
	return ""
}

// creditPlumbing counts a missing key set by a chart plumbing var (VALUES_*) as reproduced
// once every key that var feeds in E is reproduced.
func creditPlumbing(rows []Row, e, p *Settings) {
	for i := range rows {
		name := envOrigin(e, rows[i].Key)
		if rows[i].Status == Missing && isPlumbing(name) && consumersMatch(name, rows[i].Key, e, p) {
			rows[i].Status, rows[i].Via = Reproduced, viaPlaceholders
		}
	}
}

// consumersMatch reports whether env var name feeds some key of E other than key, and P
// has E's value for every such key.
func consumersMatch(name, key string, e, p *Settings) bool {
	users := 0
	for _, k := range e.Keys() {
		if k == key || !e.usedEnv[k][name] {
			continue
		}
		want, _ := e.Value(k)
		if got, ok := p.Value(k); !ok || got != want {
			return false
		}
		users++
	}
	return users > 0
}

// envOrigin names the env var a key's value comes from, empty when it comes from a file.
func envOrigin(s *Settings, key string) string {
	if name, ok := strings.CutPrefix(s.Origin(key), "env:"); ok {
		return name
	}
	return ""
}

// secretLeaks finds the env vars of P with a literal value that feed a key whose value in E
// comes from a Secret.
func secretLeaks(e, p *Settings) []Leak {
	if e == nil || p == nil {
		return nil
	}
	byEnv := map[string]*Leak{}
	for _, key := range e.Keys() {
		want, _ := e.Value(key)
		got, _ := p.Value(key)
		if !strings.HasPrefix(want, secretRefPrefix) || got == "" ||
			strings.HasPrefix(got, secretRefPrefix) {
			continue
		}
		for _, n := range feeders(p, key) {
			if v, ok := p.env.get(n); ok && v.literal && v.value != "" {
				if byEnv[n] == nil {
					byEnv[n] = &Leak{Env: n}
				}
				byEnv[n].Keys = append(byEnv[n].Keys, key)
			}
		}
	}
	var out []Leak
	for _, n := range sortedKeys(byEnv) {
		out = append(out, *byEnv[n])
	}
	return out
}

// feeders are the env vars a key's value is built from.
func feeders(s *Settings, key string) []string {
	set := nameSet{envOrigin(s, key): true}
	set.addAll(s.usedEnv[key])
	return sortedKeys(set)
}

func residuals(e, b, p *Settings) []Residual {
	var out []Residual
	keys := b.Keys()
	sort.Strings(keys)
	for _, k := range keys {
		if _, inE := e.Value(k); inE {
			continue
		}
		old, _ := b.Value(k)
		_, inP := p.Value(k)
		out = append(out, Residual{k, old, valueOr(p, k), inP})
	}
	return out
}

// extras lists the env vars P adds, beyond B's and those addressing a delta row, that bind
// to no key of B or E, then the envFrom Secrets neither B nor E has.
func extras(e, b, p *Settings, addressing map[string]bool) []Extra {
	if p == nil {
		return nil
	}
	var out []Extra
	for _, n := range p.env.keys() {
		if (b != nil && b.env.has(n)) || addressing[n] || bindsKnown(p, n, e, b) {
			continue
		}
		v, _ := p.env.get(n)
		out = append(out, Extra{n, v.value})
	}
	old := map[string]bool{}
	for _, s := range []*Settings{e, b} {
		if s != nil {
			for _, m := range s.envFromSecrets {
				old[m] = true
			}
		}
	}
	for _, m := range p.envFromSecrets {
		if !old[m] {
			out = append(out, Extra{m, m})
		}
	}
	return out
}

// bindsKnown reports whether env var n of P binds to a key E or B has.
func bindsKnown(p *Settings, n string, e, b *Settings) bool {
	keys, _ := p.envKeys.get(n)
	for _, k := range keys {
		_, inE := e.Value(k)
		_, inB := b.Value(k)
		if inE || inB {
			return true
		}
	}
	return false
}

// valueOr is a key's value, or Absent.
func valueOr(s *Settings, key string) string {
	if v, ok := s.Value(key); ok {
		return v
	}
	return Absent
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// percent is the share reproduced, rounded to one decimal; 100 when nothing is scored.
func percent(reproduced, scored int) float64 {
	if scored == 0 {
		return 100
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(100*float64(reproduced)/float64(scored),
		'f', 1, 64), 64)
	return v
}
