package oracle

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// A decoded YAML or TOML value has one of the shapes the Python cross-check sees after
// PyYAML or tomllib: nil (None), bool, *big.Int, float64, string, timestamp, []any or *dict.

// timestamp is a YAML date or date-time, kept in the form Python's str() prints it.
type timestamp string

// errUnhashable reports a list or mapping used as a mapping key.
var errUnhashable = errors.New("unhashable mapping key")

// dict is a mapping that keeps its keys in insertion order, as a Python dict does: setting
// an existing key replaces its value in place and keeps the key first used.
type dict struct {
	keys  []any
	vals  []any
	index map[string]int
}

func newDict() *dict {
	return &dict{index: map[string]int{}}
}

// set stores v under k.
func (d *dict) set(k, v any) error {
	id, err := identity(k)
	if err != nil {
		return err
	}
	if i, ok := d.index[id]; ok {
		d.vals[i] = v
		return nil
	}
	d.index[id] = len(d.keys)
	d.keys = append(d.keys, k)
	d.vals = append(d.vals, v)
	return nil
}

// get returns the value under k; a nil dict is empty.
func (d *dict) get(k any) (any, bool) {
	if d == nil {
		return nil, false
	}
	id, err := identity(k)
	if err != nil {
		return nil, false
	}
	i, ok := d.index[id]
	if !ok {
		return nil, false
	}
	return d.vals[i], true
}

// size is the number of keys; a nil dict has none.
func (d *dict) size() int {
	if d == nil {
		return 0
	}
	return len(d.keys)
}

// identity is the equality class of a mapping key: numbers that compare equal in Python
// (true, 1 and 1.0) share one.
func identity(k any) (string, error) {
	switch v := k.(type) {
	case nil:
		return "none", nil
	case bool:
		if v {
			return "n:1", nil
		}
		return "n:0", nil
	case *big.Int:
		return "n:" + v.String(), nil
	case float64:
		if !math.IsInf(v, 0) && !math.IsNaN(v) && v == math.Trunc(v) {
			i, _ := big.NewFloat(v).Int(nil)
			return "n:" + i.String(), nil
		}
		return "f:" + floatRepr(v), nil
	case string:
		return "s:" + v, nil
	case timestamp:
		return "t:" + string(v), nil
	}
	return "", errUnhashable
}

// field is the value under a string key of a mapping, nil for anything else.
func field(v any, name string) any {
	d, _ := v.(*dict)
	got, _ := d.get(name)
	return got
}

// mapping is v when it is a mapping, nil otherwise.
func mapping(v any) *dict {
	d, _ := v.(*dict)
	return d
}

// list is v when it is a sequence, nil otherwise.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// has reports whether a mapping holds a string key.
func has(v any, name string) bool {
	_, ok := mapping(v).get(name)
	return ok
}

// truthy is Python's truth value of v.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case *big.Int:
		return x.Sign() != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case timestamp:
		return true
	case []any:
		return len(x) > 0
	case *dict:
		return x.size() > 0
	}
	return true
}

// norm is a scalar as Spring sees it: null is empty, booleans are lower case.
func norm(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		return strconv.FormatBool(x)
	}
	return str(v)
}

// str is Python's str() of v.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case timestamp:
		return string(x)
	}
	return repr(v)
}

// repr is Python's repr() of v. A timestamp nested in a collection is shown as a quoted
// string, where Python would show a datetime constructor.
func repr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case *big.Int:
		return x.String()
	case float64:
		return floatRepr(x)
	case string:
		return quote(x)
	case timestamp:
		return quote(string(x))
	case []any:
		return reprList(x)
	case *dict:
		return reprDict(x)
	}
	return fmt.Sprint(v)
}

func reprList(l []any) string {
	parts := make([]string, len(l))
	for i, v := range l {
		parts[i] = repr(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func reprDict(d *dict) string {
	parts := make([]string, len(d.keys))
	for i, k := range d.keys {
		parts[i] = repr(k) + ": " + repr(d.vals[i])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// quote renders a string the way Python's repr() does.
func quote(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		b.WriteString(quoteRune(r, q))
	}
	b.WriteString(q)
	return b.String()
}

func quoteRune(r rune, q string) string {
	switch {
	case r == '\\' || string(r) == q:
		return `\` + string(r)
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r == '\t':
		return `\t`
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x80 || unicode.IsPrint(r):
		return string(r)
	case r <= 0xff:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// floatRepr is Python's repr() of a float: the shortest digits that read back the same,
// fixed notation from 1e-4 up to 1e16 with at least one decimal, scientific otherwise.
func floatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sci := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(sci[strings.IndexByte(sci, 'e')+1:])
	if f != 0 && (exp < -4 || exp >= 16) {
		return sci
	}
	fixed := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(fixed, ".") {
		fixed += ".0"
	}
	return fixed
}
