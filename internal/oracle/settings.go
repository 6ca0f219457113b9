package oracle

import (
	"strconv"
	"strings"
	"unicode"
)

// The runtimes a container can have; they decide how its YAML files are read.
const (
	runtimeSpring = "spring"
	runtimeNode   = "node"
	runtimePHP    = "php"
)

// Settings is the effective configuration of one container: its Spring files overridden by
// its environment, placeholders resolved, plus the keys of its non-Spring files under a
// prefix such as `node-toml:`. A value taken from a Secret reads `secretKeyRef:<name>/<key>`.
type Settings struct {
	values         *ordered[string]
	origins        map[string]string
	usedEnv        map[string]nameSet
	envKeys        *ordered[[]string]
	env            *ordered[envVar]
	envFromSecrets []string
	runtime        string
}

// Value returns the effective value of a canonical key such as `camunda.identity.issuer`
// or `node-toml:oauth2.type`.
func (s *Settings) Value(key string) (string, bool) {
	if s == nil {
		return "", false
	}
	return s.values.get(key)
}

// Origin tells where a key's value comes from: `file:<configmap>/<key>` or `env:<NAME>`.
func (s *Settings) Origin(key string) string {
	if s == nil {
		return ""
	}
	return s.origins[key]
}

// Keys lists the keys in the order they were first set.
func (s *Settings) Keys() []string {
	if s == nil {
		return nil
	}
	return append([]string{}, s.values.keys()...)
}

// Map returns the effective values by key.
func (s *Settings) Map() map[string]string {
	out := map[string]string{}
	for _, k := range s.Keys() {
		out[k], _ = s.values.get(k)
	}
	return out
}

// Runtime is the container's runtime as the oracle guesses it: node, php or spring.
func (s *Settings) Runtime() string {
	if s == nil {
		return ""
	}
	return s.runtime
}

// source is what one container is configured from, before anything is merged.
type source struct {
	runtime        string
	files          []configFile
	env            *ordered[envVar]
	envFromSecrets []string
}

// buildSettings computes the settings of every container of every render, by container
// key; a container missing from a render has nil settings there. The list prefixes that
// decide how env vars bind are learnt from all renders together.
func buildSettings(renders []*Render) map[string][]*Settings {
	refs := make([]map[string]containerRef, len(renders))
	all := map[string]bool{}
	for i, r := range renders {
		refs[i] = r.containers()
		for k := range refs[i] {
			all[k] = true
		}
	}
	out := map[string][]*Settings{}
	for key := range all {
		srcs := make([]*source, len(renders))
		for i, r := range renders {
			if ref, ok := refs[i][key]; ok {
				srcs[i] = r.collect(ref)
			}
		}
		out[key] = settingsOf(srcs)
	}
	return out
}

func settingsOf(srcs []*source) []*Settings {
	prefixes := map[string]bool{}
	for _, src := range srcs {
		for _, k := range src.keys() {
			for _, p := range listPrefixes(k) {
				prefixes[p] = true
			}
		}
	}
	out := make([]*Settings, len(srcs))
	for i, src := range srcs {
		if src != nil {
			out[i] = effective(src, prefixes)
		}
	}
	return out
}

// collect gathers one container's runtime, parsed config files and environment.
func (r *Render) collect(ref containerRef) *source {
	env, secrets := r.containerEnv(ref.namespace, ref.container)
	src := &source{runtime: runtimeOf(ref.container), env: env, envFromSecrets: secrets}
	for _, f := range r.mountedFiles(ref.namespace, ref.spec, ref.container) {
		kind, ok := fileKind(f.name, src.runtime)
		if !ok {
			continue
		}
		flat, err := parseFile(f.name, f.text)
		if err != nil {
			continue // a file the oracle cannot read is left out
		}
		main := strings.HasPrefix(f.name, "application.")
		src.files = append(src.files, configFile{kind, f.origin, main, flat})
	}
	sortApplicationFirst(src.files)
	return src
}

// runtimeOf guesses a container's runtime: Node when it sets NODE_ENV or NODE_OPTIONS,
// PHP for the websockets image, Spring otherwise.
func runtimeOf(c *dict) string {
	for _, e := range list(field(c, "env")) {
		if name := field(e, "name"); name == "NODE_ENV" || name == "NODE_OPTIONS" {
			return runtimeNode
		}
	}
	if image, _ := field(c, "image").(string); strings.Contains(image, "websockets") {
		return runtimePHP
	}
	return runtimeSpring
}

// keys are the Spring keys of a container's files and environment; nil has none.
func (src *source) keys() []string {
	if src == nil {
		return nil
	}
	var out []string
	for _, f := range src.files {
		if f.kind != kindSpring {
			continue
		}
		for _, id := range f.flat.keys() {
			v, _ := f.flat.get(id)
			out = append(out, canonKey(v.segments...))
		}
	}
	for _, name := range src.env.keys() {
		out = append(out, envKey(name))
	}
	return out
}

// sourced is a value and where it comes from.
type sourced struct {
	value  string
	origin string
}

// effective merges a container's sources: Spring files, then env vars, which replace a
// file's list whole, then placeholders resolved.
func effective(src *source, prefixes map[string]bool) *Settings {
	values, other := newOrdered[sourced](), newOrdered[sourced]()
	for _, f := range src.files {
		for _, id := range f.flat.keys() {
			v, _ := f.flat.get(id)
			key := canonKey(v.segments...)
			if f.kind == kindSpring {
				values.set(key, sourced{v.value, f.origin})
			} else {
				other.set(f.kind+":"+key, sourced{v.value, f.origin})
			}
		}
	}
	props, envKeys := bindEnv(src.env, prefixes)
	replaceLists(values, props)
	for _, k := range props.keys() {
		p, _ := props.get(k)
		values.set(k, sourced{p.value, "env:" + p.origin})
	}
	s := &Settings{values: newOrdered[string](), origins: map[string]string{},
		usedEnv: map[string]nameSet{}, envKeys: envKeys, env: src.env,
		envFromSecrets: src.envFromSecrets, runtime: src.runtime}
	s.resolveAll(values, other)
	return s
}

// bindEnv maps env vars to keys; a var named like a list is split at commas into its
// elements. props holds each key's value and, as origin, the var's name.
func bindEnv(
	env *ordered[envVar], prefixes map[string]bool,
) (props *ordered[sourced], envKeys *ordered[[]string]) {
	props, envKeys = newOrdered[sourced](), newOrdered[[]string]()
	for _, name := range env.keys() {
		v, _ := env.get(name)
		key := envKey(name)
		items, keys := []string{v.value}, []string{key}
		if prefixes[key] {
			items, keys = strings.Split(v.value, ","), nil
			for i := range items {
				items[i] = strings.TrimFunc(items[i], isPySpace)
				keys = append(keys, key+"."+strconv.Itoa(i))
			}
		}
		for i, k := range keys {
			props.set(k, sourced{items[i], name})
		}
		envKeys.set(name, keys)
	}
	return props, envKeys
}

// replaceLists drops a file's whole outermost list when env sets any element of it.
func replaceLists(values, props *ordered[sourced]) {
	lists := map[string]bool{}
	for _, k := range props.keys() {
		if p, ok := outerList(k); ok {
			lists[p] = true
		}
	}
	values.removeIf(func(k string) bool {
		p, ok := outerList(k)
		return ok && lists[p] && strings.HasPrefix(k, p+".")
	})
}

// resolveAll resolves the placeholders of the Spring values against env vars and the
// other values, and those of Optimize's own file against env vars alone.
func (s *Settings) resolveAll(values, other *ordered[sourced]) {
	for _, k := range values.keys() {
		v, _ := values.get(k)
		resolved, used := resolve(v.value, s.placeholders(values, true, nameSet{k: true}))
		s.values.set(k, resolved)
		s.origins[k], s.usedEnv[k] = v.origin, used
	}
	for _, k := range other.keys() {
		v, _ := other.get(k)
		value := v.value
		if strings.HasPrefix(k, kindOptimizeConfig+":") {
			value, s.usedEnv[k] = resolve(value, s.placeholders(values, false, nameSet{}))
		}
		s.values.set(k, value)
		s.origins[k] = v.origin
	}
}

// placeholders looks a `${name}` up: an env var of that exact name first, then, for a
// Spring file, the merged property it binds to, itself resolved but never through a key
// already on the way.
func (s *Settings) placeholders(values *ordered[sourced], spring bool, seen nameSet) lookupFunc {
	return func(name string) (string, nameSet, bool) {
		if v, ok := s.env.get(name); ok {
			return v.value, nameSet{name: true}, true
		}
		key := placeholderKey(name)
		v, ok := values.get(key)
		if !spring || !ok || seen[key] {
			return "", nil, false
		}
		resolved, used := resolve(v.value, s.placeholders(values, true, with(seen, key)))
		return resolved, used, true
	}
}

// with is seen plus key, seen itself unchanged.
func with(seen nameSet, key string) nameSet {
	out := nameSet{key: true}
	out.addAll(seen)
	return out
}

// isPySpace is Python's idea of white space, which also counts the separators 0x1c-0x1f.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}
