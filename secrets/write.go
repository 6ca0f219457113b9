package secrets

import (
	"fmt"
	"regexp"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// namespaceName is a Kubernetes namespace name: a DNS label.
var namespaceName = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)

// CheckNamespace refuses a namespace name Kubernetes would refuse, before it reaches a shell
// command.
func CheckNamespace(ns string) error {
	if ns != "" && !namespaceName.MatchString(ns) {
		return fmt.Errorf("%q is not a valid namespace name", ns)
	}
	return nil
}

// Commands returns one `kubectl create secret generic` command per Secret. Names and keys are
// safe in a shell as the config validates them; the placeholders are single-quoted. An empty
// namespace leaves the flag out, so kubectl uses the current context's namespace.
func Commands(secrets []Secret, namespace string) string {
	var b strings.Builder
	for i, s := range secrets {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("kubectl create secret generic " + s.Name)
		if namespace != "" {
			b.WriteString(" --namespace " + namespace)
		}
		for _, k := range s.Keys {
			fmt.Fprintf(&b, " \\\n  --from-literal=%s='%s'", k.Name, k.Placeholder())
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Manifest returns one Secret manifest per Secret, a stream of YAML documents, with each
// value a placeholder under stringData and the apps it belongs to in a comment.
func Manifest(secrets []Secret, namespace string) ([]byte, error) {
	var out []byte
	for _, s := range secrets {
		doc, err := yaml.MarshalWithOptions(secretNode(s, namespace),
			&yaml.EncoderOptions{SeqIndent: yaml.WideSequenceStyle})
		if err != nil {
			return nil, fmt.Errorf("failed to write Secret %q: %w", s.Name, err)
		}
		out = append(append(out, "---\n"...), doc...)
	}
	return out, nil
}

// secretNode builds the Secret skeleton.
func secretNode(s Secret, namespace string) *yaml.Node {
	meta := mapping(str("name"), str(s.Name))
	if namespace != "" {
		meta.Content = append(meta.Content, str("namespace"), str(namespace))
	}
	data := mapping()
	for _, k := range s.Keys {
		key := str(k.Name)
		key.HeadComment = describe(k)
		data.Content = append(data.Content, key, quoted(k.Placeholder()))
	}
	return mapping(
		str("apiVersion"), str("v1"),
		str("kind"), str("Secret"),
		str("metadata"), meta,
		str("type"), str("Opaque"),
		str("stringData"), data,
	)
}

// describe names the components that read a key, for the comment above it.
func describe(k Key) string {
	var parts []string
	for _, u := range k.Users {
		parts = append(parts, fmt.Sprintf("%s, Entra app %s", u.Component, u.ClientID))
	}
	return strings.Join(parts, "\n")
}

// mapping builds a mapping from alternating key and value nodes.
func mapping(keysAndValues ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: keysAndValues}
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: yaml.NodeTagString, Value: s}
}

func quoted(s string) *yaml.Node {
	n := str(s)
	n.Style = yaml.DoubleQuotedStyle
	return n
}
