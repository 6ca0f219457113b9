package oracle

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The YAML 1.1 patterns PyYAML's resolver tries, in its order, on an untagged plain scalar.
var (
	boolPattern = regexp.MustCompile(
		`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	floatPattern = regexp.MustCompile(`^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?` +
		`|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?` +
		`|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*` +
		`|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	intPattern = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)` +
		`|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	nullPattern      = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	timestampPattern = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})` +
		`(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?` +
		`(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$`)
	// the resolver only takes a date alone in its full two-digit form
	shortDatePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$`)
	fullDatePattern  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// plain types an untagged plain scalar.
func plain(s string) (any, error) {
	switch {
	case boolPattern.MatchString(s):
		return yamlBool(s)
	case floatPattern.MatchString(s):
		return yamlFloat(s)
	case intPattern.MatchString(s):
		return yamlInt(s)
	case s == "<<":
		return nil, errors.New("a merge key `<<` used as a value")
	case nullPattern.MatchString(s):
		return nil, nil
	case isTimestamp(s):
		return yamlTimestamp(s)
	case s == "=":
		return nil, errors.New("a value key `=` is not supported")
	}
	return s, nil
}

func isTimestamp(s string) bool {
	if shortDatePattern.MatchString(s) {
		return fullDatePattern.MatchString(s)
	}
	return timestampPattern.MatchString(s)
}

func yamlBool(s string) (any, error) {
	switch strings.ToLower(s) {
	case "yes", "true", "on":
		return true, nil
	case "no", "false", "off":
		return false, nil
	}
	return nil, fmt.Errorf("invalid boolean %q", s)
}

// yamlInt reads a YAML 1.1 integer: 0b binary, 0x hex, a leading 0 octal, `:` base 60.
func yamlInt(s string) (any, error) {
	v, neg := cutSign(strings.ReplaceAll(s, "_", ""))
	n, ok := new(big.Int), false
	switch {
	case v == "0":
		ok = true
	case strings.HasPrefix(v, "0b"):
		_, ok = n.SetString(v[2:], 2)
	case strings.HasPrefix(v, "0x"):
		_, ok = n.SetString(v[2:], 16)
	case strings.HasPrefix(v, "0"):
		_, ok = n.SetString(v, 8)
	case strings.Contains(v, ":"):
		n, ok = sexagesimalInt(v)
	default:
		_, ok = n.SetString(v, 10)
	}
	if !ok {
		return nil, fmt.Errorf("invalid integer %q", s)
	}
	if neg {
		n.Neg(n)
	}
	return n, nil
}

func sexagesimalInt(v string) (*big.Int, bool) {
	n := new(big.Int)
	for _, part := range strings.Split(v, ":") {
		d, ok := new(big.Int).SetString(part, 10)
		if !ok {
			return nil, false
		}
		n.Mul(n, big.NewInt(60)).Add(n, d)
	}
	return n, true
}

// yamlFloat reads a YAML 1.1 float, `.inf`, `.nan` and base 60 included.
func yamlFloat(s string) (any, error) {
	v, neg := cutSign(strings.ToLower(strings.ReplaceAll(s, "_", "")))
	sign := 1.0
	if neg {
		sign = -1
	}
	switch {
	case v == ".inf":
		return sign * math.Inf(1), nil
	case v == ".nan":
		return math.NaN(), nil
	case strings.Contains(v, ":"):
		return sexagesimalFloat(s, v, sign)
	}
	f, err := parseFloat(v)
	if err != nil {
		return nil, fmt.Errorf("invalid float %q", s)
	}
	return sign * f, nil
}

// sexagesimalFloat adds the parts from the last one up, in PyYAML's order, so that the
// rounding is the same.
func sexagesimalFloat(s, v string, sign float64) (any, error) {
	parts := strings.Split(v, ":")
	total, base := 0.0, 1.0
	for i := len(parts) - 1; i >= 0; i-- {
		d, err := parseFloat(parts[i])
		if err != nil {
			return nil, fmt.Errorf("invalid float %q", s)
		}
		total += d * base
		base *= 60
	}
	return sign * total, nil
}

// cutSign removes a leading sign and reports whether it was a minus.
func cutSign(v string) (string, bool) {
	if v == "" || (v[0] != '-' && v[0] != '+') {
		return v, false
	}
	return v[1:], v[0] == '-'
}

// yamlTimestamp reads a date or date-time into the text Python's str() gives it.
func yamlTimestamp(s string) (any, error) {
	m := timestampPattern.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("invalid timestamp %q", s)
	}
	n := make([]int, 7)
	for i := 1; i <= 6; i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	if !validDate(n[1], n[2], n[3]) {
		return nil, fmt.Errorf("invalid date %q", s)
	}
	date := fmt.Sprintf("%04d-%02d-%02d", n[1], n[2], n[3])
	if m[4] == "" {
		return timestamp(date), nil
	}
	if n[4] > 23 || n[5] > 59 || n[6] > 59 {
		return nil, fmt.Errorf("invalid time %q", s)
	}
	out := fmt.Sprintf("%s %02d:%02d:%02d", date, n[4], n[5], n[6])
	if micro := fraction(m[7]); micro != "" {
		out += "." + micro
	}
	zone, err := zoneSuffix(m[8], m[9], m[10], m[11])
	if err != nil {
		return nil, fmt.Errorf("invalid time zone %q: %w", s, err)
	}
	return timestamp(out + zone), nil
}

func validDate(y, mo, d int) bool {
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return y >= 1 && t.Year() == y && int(t.Month()) == mo && t.Day() == d
}

// fraction is the microseconds of a fractional second, empty when zero.
func fraction(digits string) string {
	if digits == "" {
		return ""
	}
	digits = (digits + "000000")[:6]
	if digits == "000000" {
		return ""
	}
	return digits
}

// zoneSuffix is the UTC offset as Python prints it: `Z` is +00:00, no zone is nothing.
func zoneSuffix(tz, sign, hours, minutes string) (string, error) {
	if tz == "" {
		return "", nil
	}
	if sign == "" {
		return "+00:00", nil
	}
	h, _ := strconv.Atoi(hours)
	m, _ := strconv.Atoi(minutes)
	total := h*60 + m
	if total >= 24*60 {
		return "", errors.New("offset of a day or more")
	}
	if sign == "-" && total != 0 {
		return fmt.Sprintf("-%02d:%02d", total/60, total%60), nil
	}
	return fmt.Sprintf("+%02d:%02d", total/60, total%60), nil
}

// parseFloat reads a decimal float; like Python, a value out of range is an infinity or zero.
func parseFloat(v string) (float64, error) {
	f, err := strconv.ParseFloat(v, 64)
	if errors.Is(err, strconv.ErrRange) {
		return f, nil
	}
	return f, err
}
