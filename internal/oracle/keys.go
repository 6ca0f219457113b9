package oracle

import (
	"strings"
	"unicode"
)

// canonKey joins path segments into Spring's canonical property name: every segment is split
// at dots, empty parts are dropped, and each part is lower-cased with its dashes removed.
func canonKey(segments ...string) string {
	var parts []string
	for _, seg := range segments {
		for _, p := range strings.Split(seg, ".") {
			if p != "" {
				parts = append(parts, strings.ReplaceAll(strings.ToLower(p), "-", ""))
			}
		}
	}
	return strings.Join(parts, ".")
}

// envKey is the property an environment variable binds to: `_` and `.` separate segments,
// so `CAMUNDA_AUTH_0_` and `CAMUNDA_AUTH_0` are the same key.
func envKey(name string) string {
	return canonKey(strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '.' })...)
}

// placeholderKey is the property a `${name}` placeholder looks up.
func placeholderKey(name string) string {
	if strings.Contains(name, ".") {
		return canonKey(name)
	}
	return envKey(name)
}

// listPrefixes are the prefixes of key that a list index follows, outermost first.
func listPrefixes(key string) []string {
	segs := strings.Split(key, ".")
	var out []string
	for i, s := range segs {
		if isDigits(s) {
			out = append(out, strings.Join(segs[:i], "."))
		}
	}
	return out
}

// outerList is the prefix of the outermost list key lives in; ok is false outside lists.
func outerList(key string) (prefix string, ok bool) {
	p := listPrefixes(key)
	if len(p) == 0 {
		return "", false
	}
	return p[0], true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
