package oracle

import (
	"regexp"
	"strings"
)

// secretRefPrefix starts the value of an env var taken from a Secret key.
const secretRefPrefix = "secretKeyRef:"

var (
	// k8sRef is a Kubernetes dependent variable reference `$(NAME)`.
	k8sRef = regexp.MustCompile(`\$\(([-._A-Za-z0-9]+)\)`)
	// k8sRefOrEscape also matches `$$`, which stands for a literal `$`.
	k8sRefOrEscape = regexp.MustCompile(`\$\$|\$\(([-._A-Za-z0-9]+)\)`)
)

// envVar is one environment variable of a container. A reference (secretKeyRef, fieldRef)
// becomes a canonical text such as `secretKeyRef:<name>/<key>` and is not literal.
type envVar struct {
	value   string
	literal bool
	via     string
}

// containerEnv builds a container's variables as the kubelet does, envFrom first and env
// after it, and lists its envFrom Secrets as `secretRef:<name>/<prefix>*` markers.
func (r *Render) containerEnv(ns any, c *dict) (*ordered[envVar], []string) {
	env := newOrdered[envVar]()
	var secrets []string
	for _, from := range list(field(c, "envFrom")) {
		if marker, ok := r.addEnvFrom(env, ns, mapping(from)); ok {
			secrets = append(secrets, marker)
		}
	}
	for _, e := range list(field(c, "env")) {
		name, ok := mapping(e).get("name")
		if !ok {
			continue
		}
		v := r.envValue(mapping(e), ns)
		if v.via == "value" {
			v = expandRefs(v, env)
		}
		env.set(str(name), v)
	}
	return env, secrets
}

// addEnvFrom adds the keys of an envFrom ConfigMap, or returns the marker of an envFrom
// Secret.
func (r *Render) addEnvFrom(env *ordered[envVar], ns any, from *dict) (string, bool) {
	prefix, hasPrefix := from.get("prefix")
	if !hasPrefix {
		prefix = ""
	}
	if ref, ok := from.get("configMapRef"); ok {
		cm := field(ref, "name")
		data, _ := r.configMap(cm, ns)
		text, _ := prefix.(string)
		for i, k := range data.keys {
			if !randomDataKeys[str(k)] {
				env.set(text+str(k), envVar{norm(data.vals[i]), true, "envFrom:" + str(cm)})
			}
		}
		return "", false
	}
	if ref, ok := from.get("secretRef"); ok {
		return "secretRef:" + str(field(ref, "name")) + "/" + str(prefix) + "*", true
	}
	return "", false
}

// envValue reads one `env` entry.
func (r *Render) envValue(e *dict, ns any) envVar {
	from, _ := e.get("valueFrom")
	if !truthy(from) {
		v, _ := e.get("value")
		return envVar{norm(v), true, "value"}
	}
	if ref, ok := mapping(from).get("secretKeyRef"); ok {
		return envVar{secretRefPrefix + refText(ref), false, "secretKeyRef"}
	}
	if ref, ok := mapping(from).get("configMapKeyRef"); ok {
		return r.configMapKeyRef(ref, ns)
	}
	return otherRef(mapping(from))
}

// configMapKeyRef is the value of the referenced key, or a canonical text when the
// ConfigMap or key is not in the render or holds random data.
func (r *Render) configMapKeyRef(ref any, ns any) envVar {
	data, _ := r.configMap(field(ref, "name"), ns)
	key := field(ref, "key")
	if v, ok := data.get(key); ok && !randomDataKeys[str(key)] {
		return envVar{norm(v), true, "configMapKeyRef"}
	}
	return envVar{"configMapKeyRef:" + refText(ref), true, "configMapKeyRef"}
}

// otherRef renders fieldRef, resourceFieldRef and the like as `<kind>:<detail>`.
func otherRef(from *dict) envVar {
	if from.size() == 0 {
		return envVar{"", true, "value"}
	}
	kind, ref := str(from.keys[0]), from.vals[0]
	detail := ref
	if m := mapping(ref); m != nil {
		detail = field(m, "fieldPath")
		if !truthy(detail) {
			detail = field(m, "resource")
		}
	}
	return envVar{kind + ":" + str(detail), false, kind}
}

// refText is `<name>/<key>` of a key reference.
func refText(ref any) string {
	return str(field(ref, "name")) + "/" + str(field(ref, "key"))
}

// expandRefs replaces `$(NAME)` with the value of a variable defined before and `$$` with
// `$`. The result is a literal unless every reference points at a non-literal variable.
func expandRefs(v envVar, env *ordered[envVar]) envVar {
	refs := k8sRef.FindAllStringSubmatch(v.value, -1)
	literal := len(refs) == 0
	for _, m := range refs {
		ref, ok := env.get(m[1])
		literal = literal || !ok || ref.literal
	}
	v.value = k8sRefOrEscape.ReplaceAllStringFunc(v.value, func(m string) string {
		if m == "$$" {
			return "$"
		}
		if ref, ok := env.get(m[2 : len(m)-1]); ok {
			return ref.value
		}
		return m
	})
	v.literal = literal
	return v
}

// isPlumbing reports an env var the chart invents to feed its own `${...}` placeholders.
func isPlumbing(name string) bool {
	return strings.HasPrefix(name, "VALUES_")
}
