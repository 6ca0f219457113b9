package oracle

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// The TOML number forms; underscores sit only between digits.
var (
	tomlDecimal = regexp.MustCompile(`^[-+]?(?:0|[1-9](?:_?[0-9])*)$`)
	tomlHex     = regexp.MustCompile(`^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$`)
	tomlOctal   = regexp.MustCompile(`^0o[0-7](?:_?[0-7])*$`)
	tomlBinary  = regexp.MustCompile(`^0b[01](?:_?[01])*$`)
	tomlFloat   = regexp.MustCompile(`^[-+]?(?:0|[1-9](?:_?[0-9])*)` +
		`(?:\.[0-9](?:_?[0-9])*)?(?:[eE][-+]?[0-9](?:_?[0-9])*)?$`)
)

// tomlParser reads the part of TOML 1.0 a chart's config file uses: tables, arrays of
// tables, dotted and quoted keys, the four kinds of strings, integers, floats, booleans,
// arrays and inline tables. Dates and times are not read: a file holding one is reported as
// invalid, and the oracle then leaves the file out, as it does with any file it cannot read.
type tomlParser struct {
	s       string
	pos     int
	root    *dict
	cur     *dict
	headers map[*dict]bool
}

// decodeTOML parses a TOML document into a mapping.
func decodeTOML(text string) (*dict, error) {
	p := &tomlParser{s: text, root: newDict(), headers: map[*dict]bool{}}
	p.cur = p.root
	for {
		p.skipBlank()
		if p.pos >= len(p.s) {
			return p.root, nil
		}
		if err := p.statement(); err != nil {
			return nil, fmt.Errorf("line %d: %w", strings.Count(p.s[:p.pos], "\n")+1, err)
		}
	}
}

func (p *tomlParser) statement() error {
	var err error
	if p.peek() == '[' {
		err = p.header()
	} else {
		err = p.keyValue(p.cur)
	}
	if err != nil {
		return err
	}
	return p.endOfLine()
}

// header opens a `[table]` or appends to an `[[array]]`.
func (p *tomlParser) header() error {
	array := strings.HasPrefix(p.s[p.pos:], "[[")
	closing := "]"
	if array {
		closing = "]]"
	}
	p.pos += len(closing)
	path, err := p.key()
	if err != nil {
		return err
	}
	if !strings.HasPrefix(p.s[p.pos:], closing) {
		return fmt.Errorf("expected %q after a table name", closing)
	}
	p.pos += len(closing)
	parent, err := p.walk(p.root, path[:len(path)-1])
	if err != nil {
		return err
	}
	if array {
		return p.appendTable(parent, path[len(path)-1])
	}
	return p.openTable(parent, path[len(path)-1])
}

func (p *tomlParser) openTable(parent *dict, name string) error {
	v, ok := parent.get(name)
	if !ok {
		v = newDict()
		_ = parent.set(name, v)
	}
	t, isTable := v.(*dict)
	if !isTable || p.headers[t] {
		return fmt.Errorf("table %q defined twice", name)
	}
	p.headers[t] = true
	p.cur = t
	return nil
}

func (p *tomlParser) appendTable(parent *dict, name string) error {
	v, _ := parent.get(name)
	l, ok := v.([]any)
	if v != nil && !ok {
		return fmt.Errorf("key %q is not an array of tables", name)
	}
	t := newDict()
	p.headers[t] = true
	p.cur = t
	return parent.set(name, append(l, t))
}

// walk descends a dotted path from t, creating tables and entering the last table of an
// array of tables.
func (p *tomlParser) walk(t *dict, path []string) (*dict, error) {
	for _, name := range path {
		v, ok := t.get(name)
		if !ok {
			v = newDict()
			_ = t.set(name, v)
		}
		if l, isList := v.([]any); isList && len(l) > 0 {
			v = l[len(l)-1]
		}
		next, isTable := v.(*dict)
		if !isTable {
			return nil, fmt.Errorf("key %q is not a table", name)
		}
		t = next
	}
	return t, nil
}

// keyValue reads `key = value` into t.
func (p *tomlParser) keyValue(t *dict) error {
	path, err := p.key()
	if err != nil {
		return err
	}
	if p.peek() != '=' {
		return errors.New("expected '=' after a key")
	}
	p.pos++
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return err
	}
	t, err = p.walk(t, path[:len(path)-1])
	if err != nil {
		return err
	}
	name := path[len(path)-1]
	if _, dup := t.get(name); dup {
		return fmt.Errorf("key %q defined twice", name)
	}
	return t.set(name, v)
}

// key reads a dotted key and the blanks after it.
func (p *tomlParser) key() ([]string, error) {
	var path []string
	for {
		p.skipSpace()
		part, err := p.simpleKey()
		if err != nil {
			return nil, err
		}
		path = append(path, part)
		p.skipSpace()
		if p.peek() != '.' {
			return path, nil
		}
		p.pos++
	}
}

func (p *tomlParser) simpleKey() (string, error) {
	switch p.peek() {
	case '"':
		return p.basicString()
	case '\'':
		return p.literalString()
	}
	start := p.pos
	for p.pos < len(p.s) && isBareKeyChar(p.s[p.pos]) {
		p.pos++
	}
	if start == p.pos {
		return "", errors.New("expected a key")
	}
	return p.s[start:p.pos], nil
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-'
}

// value reads one value of any kind.
func (p *tomlParser) value() (any, error) {
	rest := p.s[p.pos:]
	switch {
	case strings.HasPrefix(rest, `"""`):
		return p.multiline(`"""`, true)
	case strings.HasPrefix(rest, `'''`):
		return p.multiline(`'''`, false)
	case strings.HasPrefix(rest, `"`):
		return p.basicString()
	case strings.HasPrefix(rest, `'`):
		return p.literalString()
	case strings.HasPrefix(rest, "["):
		return p.array()
	case strings.HasPrefix(rest, "{"):
		return p.inlineTable()
	}
	return p.word()
}

// word reads a boolean or a number.
func (p *tomlParser) word() (any, error) {
	start := p.pos
	for p.pos < len(p.s) && (isBareKeyChar(p.s[p.pos]) || strings.IndexByte("+.:", p.s[p.pos]) >= 0) {
		p.pos++
	}
	w := p.s[start:p.pos]
	plain := strings.ReplaceAll(w, "_", "")
	unsigned, neg := cutSign(w)
	switch {
	case w == "true" || w == "false":
		return w == "true", nil
	case unsigned == "inf" && neg:
		return math.Inf(-1), nil
	case unsigned == "inf":
		return math.Inf(1), nil
	case unsigned == "nan":
		return math.NaN(), nil
	case tomlDecimal.MatchString(w):
		n, _ := new(big.Int).SetString(strings.TrimPrefix(plain, "+"), 10)
		return n, nil
	case tomlHex.MatchString(w), tomlOctal.MatchString(w), tomlBinary.MatchString(w):
		n, _ := new(big.Int).SetString(plain, 0)
		return n, nil
	case tomlFloat.MatchString(w):
		return parseFloat(plain)
	}
	return nil, fmt.Errorf("unsupported value %q", w)
}

func (p *tomlParser) array() (any, error) {
	p.pos++
	out := []any{}
	for {
		p.skipBlank()
		if p.peek() == ']' {
			p.pos++
			return out, nil
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		p.skipBlank()
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
		default:
			return nil, errors.New("expected ',' or ']' in an array")
		}
	}
}

func (p *tomlParser) inlineTable() (any, error) {
	p.pos++
	t := newDict()
	p.headers[t] = true
	for first := true; ; first = false {
		p.skipSpace()
		if first && p.peek() == '}' {
			p.pos++
			return t, nil
		}
		if err := p.keyValue(t); err != nil {
			return nil, err
		}
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return t, nil
		default:
			return nil, errors.New("expected ',' or '}' in an inline table")
		}
	}
}

func (p *tomlParser) literalString() (string, error) {
	end := strings.IndexAny(p.s[p.pos+1:], "'\n")
	if end < 0 || p.s[p.pos+1+end] != '\'' {
		return "", errors.New("unterminated string")
	}
	s := p.s[p.pos+1 : p.pos+1+end]
	p.pos += end + 2
	return s, nil
}

func (p *tomlParser) basicString() (string, error) {
	p.pos++
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\n':
			return "", errors.New("newline in a string")
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return "", errors.New("unterminated string")
}

// multiline reads a `"""` or `”'` string: a newline right after the opening quotes is
// dropped and, in a basic one, a backslash at the end of a line joins it to the next.
func (p *tomlParser) multiline(quotes string, basic bool) (string, error) {
	p.pos += 3
	if strings.HasPrefix(p.s[p.pos:], "\r\n") {
		p.pos += 2
	} else if strings.HasPrefix(p.s[p.pos:], "\n") {
		p.pos++
	}
	var b strings.Builder
	for p.pos < len(p.s) {
		if strings.HasPrefix(p.s[p.pos:], quotes) {
			return p.closeMultiline(&b, quotes[0]), nil
		}
		if !basic || p.s[p.pos] != '\\' {
			b.WriteByte(p.s[p.pos])
			p.pos++
			continue
		}
		if err := p.multilineEscape(&b); err != nil {
			return "", err
		}
	}
	return "", errors.New("unterminated string")
}

// closeMultiline ends a multi-line string; up to two quotes before the closing three are
// part of the string.
func (p *tomlParser) closeMultiline(b *strings.Builder, q byte) string {
	n := 0
	for p.pos+n < len(p.s) && p.s[p.pos+n] == q && n < 5 {
		n++
	}
	b.WriteString(strings.Repeat(string(q), n-3))
	p.pos += n
	return b.String()
}

func (p *tomlParser) multilineEscape(b *strings.Builder) error {
	rest := strings.TrimLeft(p.s[p.pos+1:], " \t")
	if !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(rest, "\r\n") {
		return p.escape(b)
	}
	rest = strings.TrimLeft(rest, " \t\r\n")
	p.pos = len(p.s) - len(rest)
	return nil
}

// escape reads one backslash escape of a basic string.
func (p *tomlParser) escape(b *strings.Builder) error {
	if p.pos+1 >= len(p.s) {
		return errors.New("unterminated escape")
	}
	simple := map[byte]string{'b': "\b", 't': "\t", 'n': "\n", 'f': "\f", 'r': "\r",
		'"': `"`, '\\': `\`}
	c := p.s[p.pos+1]
	if s, ok := simple[c]; ok {
		b.WriteString(s)
		p.pos += 2
		return nil
	}
	width := map[byte]int{'u': 4, 'U': 8}[c]
	if width == 0 || p.pos+2+width > len(p.s) {
		return fmt.Errorf("invalid escape %q", "\\"+string(c))
	}
	r, err := strconv.ParseUint(p.s[p.pos+2:p.pos+2+width], 16, 32)
	if err != nil || r > 0x10ffff || (r >= 0xd800 && r < 0xe000) {
		return errors.New("invalid unicode escape")
	}
	b.WriteRune(rune(r))
	p.pos += 2 + width
	return nil
}

// endOfLine accepts blanks and a comment up to the end of the line.
func (p *tomlParser) endOfLine() error {
	p.skipSpace()
	if p.peek() == '#' {
		for p.pos < len(p.s) && p.s[p.pos] != '\n' {
			p.pos++
		}
	}
	rest := p.s[p.pos:]
	if rest == "" || strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n") {
		return nil
	}
	return fmt.Errorf("unexpected %q after a value", rest[:1])
}

func (p *tomlParser) peek() byte {
	if p.pos >= len(p.s) {
		return 0
	}
	return p.s[p.pos]
}

func (p *tomlParser) skipSpace() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t') {
		p.pos++
	}
}

// skipBlank skips blanks, newlines and comments.
func (p *tomlParser) skipBlank() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		case '#':
			for p.pos < len(p.s) && p.s[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}
