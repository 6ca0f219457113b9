package oracle

import "strings"

// maxDefaultDepth bounds how deep `${a:${b:${c}}}` defaults nest before they are left as text.
const maxDefaultDepth = 8

// nameSet is a set of environment variable names.
type nameSet map[string]bool

func (s nameSet) addAll(other nameSet) {
	for n := range other {
		s[n] = true
	}
}

// lookupFunc finds the value of a placeholder name and the env vars it came from; ok is
// false when nothing defines the name.
type lookupFunc func(name string) (value string, used nameSet, ok bool)

// resolve replaces every `${name}` and `${name:default}` in value. A name nothing defines
// takes its default, itself resolved; without a default the placeholder stays as written.
// It returns the env vars the result was built from.
func resolve(value string, lookup lookupFunc) (string, nameSet) {
	return resolveDepth(value, lookup, 0)
}

func resolveDepth(value string, lookup lookupFunc, depth int) (string, nameSet) {
	used := nameSet{}
	if depth >= maxDefaultDepth {
		return value, used
	}
	var out strings.Builder
	i := 0
	for {
		start := strings.Index(value[i:], "${")
		if start < 0 {
			break
		}
		start += i
		end := closingBrace(value, start)
		if end < 0 {
			break
		}
		name, def, hasDefault := strings.Cut(value[start+2:end], ":")
		found, names, ok := lookup(name)
		used.addAll(names)
		if !ok && hasDefault {
			found, names = resolveDepth(def, lookup, depth+1)
			used.addAll(names)
			ok = true
		}
		out.WriteString(value[i:start])
		if !ok {
			found = value[start : end+1]
		}
		out.WriteString(found)
		i = end + 1
	}
	out.WriteString(value[i:])
	return out.String(), used
}

// closingBrace is the index of the brace that closes the placeholder starting at start,
// counting nested braces, or -1 when it is not closed.
func closingBrace(value string, start int) int {
	level := 0
	for j := start; j < len(value); j++ {
		switch value[j] {
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				return j
			}
		}
	}
	return -1
}
