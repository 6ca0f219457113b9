package oracle

import (
	"sort"
	"strconv"
	"strings"
)

// The kinds of mounted config file. Only spring files are Spring Boot property sources;
// the others keep their kind as a key prefix such as `node-toml:`.
const (
	kindSpring         = "spring"
	kindNodeTOML       = "node-toml"
	kindOptimizeConfig = "optimize-config"
	kindOtherYAML      = "other-yaml"
)

// nonSpringKinds are the key prefixes of files env variables may not override.
var nonSpringKinds = map[string]bool{
	kindNodeTOML: true, "node-yaml": true, kindOptimizeConfig: true, "php-yaml": true,
	kindOtherYAML: true,
}

// mountedFile is a ConfigMap key mounted into a container as a file.
type mountedFile struct {
	name   string
	origin string
	text   string
}

// configFile is a parsed mounted file.
type configFile struct {
	kind   string
	origin string
	main   bool // an application.* file
	flat   *ordered[flatValue]
}

// flatValue is one leaf of a parsed file: its path and its value as text.
type flatValue struct {
	segments []string
	value    string
}

// mountedFiles lists the ConfigMap keys mounted into container c, whole or by subPath.
func (r *Render) mountedFiles(ns any, spec, c *dict) []mountedFile {
	vols := newDict()
	for _, v := range list(field(spec, "volumes")) {
		name, named := mapping(v).get("name")
		if cm, ok := mapping(v).get("configMap"); ok && named {
			_ = vols.set(name, cm)
		}
	}
	var out []mountedFile
	for _, m := range list(field(c, "volumeMounts")) {
		vol, _ := vols.get(field(m, "name"))
		if !truthy(vol) {
			continue
		}
		data, found := r.configMap(field(vol, "name"), ns)
		if found {
			out = append(out, mountFiles(mapping(m), mapping(vol), data)...)
		}
	}
	return out
}

// mountFiles lists the files one volume mount of a ConfigMap volume creates.
func mountFiles(m, vol, data *dict) []mountedFile {
	items := newDict()
	for _, it := range list(field(vol, "items")) {
		_ = items.set(field(it, "path"), field(it, "key"))
	}
	if items.size() == 0 {
		for _, k := range data.keys {
			_ = items.set(k, k)
		}
	}
	var names []string
	var keys []any
	if sub := field(m, "subPath"); truthy(sub) {
		key, _ := items.get(sub)
		names, keys = []string{baseName(field(m, "mountPath"))}, []any{key}
	} else {
		for i, path := range items.keys {
			names, keys = append(names, baseName(path)), append(keys, items.vals[i])
		}
	}
	var out []mountedFile
	for i, key := range keys {
		text, ok := data.get(key)
		if ok && !randomDataKeys[str(key)] {
			origin := "file:" + str(field(vol, "name")) + "/" + str(key)
			out = append(out, mountedFile{names[i], origin, norm(text)})
		}
	}
	return out
}

func baseName(path any) string {
	p := str(path)
	return p[strings.LastIndex(p, "/")+1:]
}

// fileKind classifies a mounted file by name and by the container's runtime; ok is false
// for a file that is not configuration.
func fileKind(name, runtime string) (kind string, ok bool) {
	switch {
	case strings.HasSuffix(name, ".toml"):
		return kindNodeTOML, true
	case !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml"):
		return "", false
	case name == "environment-config.yaml":
		return kindOptimizeConfig, true
	case runtime == runtimeSpring && strings.HasPrefix(name, "application"):
		return kindSpring, true
	case runtime == runtimeNode || runtime == runtimePHP:
		return runtime + "-yaml", true
	}
	return kindOtherYAML, true
}

// parseFile flattens a YAML file, all its documents merged, or a TOML file.
func parseFile(name, text string) (*ordered[flatValue], error) {
	out := newOrdered[flatValue]()
	if strings.HasSuffix(name, ".toml") {
		doc, err := decodeTOML(text)
		if err != nil {
			return nil, err
		}
		flatten(doc, nil, out)
		return out, nil
	}
	docs, err := decodeYAML([]byte(text))
	if err != nil {
		return nil, err
	}
	for _, doc := range docs {
		if truthy(doc) {
			flatten(doc, nil, out)
		}
	}
	return out, nil
}

// flatten adds the leaves of v under path segs; list indices are segments and an empty
// mapping or list below the top is a leaf with an empty value.
func flatten(v any, segs []string, out *ordered[flatValue]) {
	var keys []string
	var vals []any
	switch x := v.(type) {
	case *dict:
		for i, k := range x.keys {
			keys, vals = append(keys, norm(k)), append(vals, x.vals[i])
		}
	case []any:
		for i, item := range x {
			keys, vals = append(keys, strconv.Itoa(i)), append(vals, item)
		}
	default:
		out.set(segmentsID(segs), flatValue{segs, norm(v)})
		return
	}
	if len(keys) == 0 && len(segs) > 0 {
		out.set(segmentsID(segs), flatValue{segs, ""})
	}
	for i, k := range keys {
		flatten(vals[i], append(append([]string{}, segs...), k), out)
	}
}

// segmentsID tells paths apart exactly, whatever their segments hold.
func segmentsID(segs []string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	return b.String()
}

// sortApplicationFirst puts application.* files first, so that profile files such as
// application-<profile>.yaml override them; the order is otherwise kept.
func sortApplicationFirst(files []configFile) {
	sort.SliceStable(files, func(i, j int) bool { return files[i].main && !files[j].main })
}
