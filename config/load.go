package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// LoadFile reads and validates a configuration file.
func LoadFile(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("config file %q does not exist", path)
	}
	if err != nil {
		return nil, fmt.Errorf("failed to read config file %q: %w", path, unwrapPath(err))
	}
	cfg, err := Load(data)
	if err != nil {
		return nil, fmt.Errorf("config file %q: %w", path, err)
	}
	return cfg, nil
}

// unwrapPath drops the path that os errors repeat, since the caller names the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load parses and validates a configuration document. Unknown fields, values of the wrong
// type and secret values are refused with an error that names the field.
func Load(data []byte) (*Config, error) {
	doc, err := decodeOne(data)
	if err != nil {
		return nil, err
	}
	return FromNode(yaml.NewRNode(doc))
}

// decodeOne parses the one YAML document of a configuration. A second document is refused,
// since it would otherwise be ignored without a word.
func decodeOne(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, more yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("no configuration document: the file is empty or only comments")
		}
		return nil, invalidYAML(err)
	}
	err := dec.Decode(&more)
	switch {
	case errors.Is(err, io.EOF):
		return &doc, nil
	case err != nil:
		return nil, invalidYAML(err)
	case len(more.Content) == 0 || isNull(more.Content[0]):
		return &doc, nil // a final "---" with nothing after it
	}
	return nil, fmt.Errorf("a second YAML document starts at line %d; "+
		"the config is one %s document", more.Content[0].Line, Kind)
}

func invalidYAML(err error) error {
	return fmt.Errorf("invalid YAML: %s", strings.Join(strings.Fields(err.Error()), " "))
}

// FromNode validates and decodes a parsed configuration document.
func FromNode(node *yaml.RNode) (*Config, error) {
	if err := checkShape(node.YNode(), reflect.TypeOf(Config{}), ""); err != nil {
		return nil, err
	}
	cfg := &Config{}
	if err := node.YNode().Decode(cfg); err != nil {
		return nil, fmt.Errorf("failed to decode: %s", strings.Join(strings.Fields(err.Error()), " "))
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// checkShape compares a YAML node with the Go type it will be decoded into, so that a
// mistake is reported with its field path instead of a line number. Values are never quoted
// in its messages: a misplaced secret must not end up in a log.
func checkShape(node *yaml.Node, t reflect.Type, path string) error {
	if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
		node = node.Content[0]
	}
	if node.Kind == yaml.AliasNode {
		node = node.Alias
	}
	if isNull(node) {
		return nil
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeOf(SecretRef{}) && node.Kind == yaml.ScalarNode {
		return literalSecret(path)
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkStruct(node, t, path)
	case reflect.Map:
		return checkMap(node, t, path)
	case reflect.String:
		if node.Kind != yaml.ScalarNode || node.ShortTag() != "!!str" {
			return fmt.Errorf("%s: want a string, got %s", path, describe(node))
		}
		if entraSecret.MatchString(node.Value) {
			return literalSecret(path)
		}
	}
	return nil
}

// entraSecret matches the client secret values Entra has generated since 2021: three
// characters, a digit, "Q~" and 31 to 34 more. One pasted into a field meant for an id must not
// reach a validation message, which quotes the value, or the env of a pod.
var entraSecret = regexp.MustCompile(`^[A-Za-z0-9_.~-]{3}[0-9]Q~[A-Za-z0-9_.~-]{31,34}$`)

func checkStruct(node *yaml.Node, t reflect.Type, path string) error {
	if node.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping, got %s", orTop(path), describe(node))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key := node.Content[i].Value
		if line, dup := seen[key]; dup {
			return fmt.Errorf("%s: defined twice (lines %d and %d)", join(path, key), line,
				node.Content[i].Line)
		}
		seen[key] = node.Content[i].Line
		field, ok := fieldByTag(t, key)
		if !ok {
			return unknownField(join(path, key), key, t)
		}
		if err := checkShape(node.Content[i+1], field.Type, join(path, key)); err != nil {
			return err
		}
	}
	return nil
}

func checkMap(node *yaml.Node, t reflect.Type, path string) error {
	if node.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping, got %s", path, describe(node))
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key := node.Content[i].Value
		if err := checkShape(node.Content[i+1], t.Elem(), join(path, key)); err != nil {
			return err
		}
	}
	return nil
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if strings.Split(f.Tag.Get("yaml"), ",")[0] == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// secretWords mark a field name that looks like it holds a credential.
var secretWords = []string{"secret", "password", "token", "credential"}

// unknownField refuses a field the type does not have; one that may hold a credential, or
// any extra field of a secret reference, gets the message that says where secrets belong.
func unknownField(path, key string, t reflect.Type) error {
	lower := strings.ToLower(key)
	for _, w := range secretWords {
		if strings.Contains(lower, w) || t == reflect.TypeOf(SecretRef{}) {
			return literalSecret(path)
		}
	}
	return fmt.Errorf("%s: unknown field", path)
}

func literalSecret(path string) error {
	return fmt.Errorf("%s: secret values are not accepted in the config; "+
		"create a Kubernetes Secret and reference it with secret: {name: ..., key: ...}", path)
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	}
	return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orTop(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}
