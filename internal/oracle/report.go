package oracle

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Summary totals a report over all containers.
type Summary struct {
	// Reproduced counts delta rows P reproduces, out of Scored (reproduced plus missing).
	Reproduced int `json:"reproduced"`
	Scored     int `json:"scored"`
	Missing    int `json:"missing"`
	// Unverifiable counts rows of non-Spring files, UnverifiableAddressed those of them an
	// env var of P targets.
	Unverifiable          int `json:"unverifiable"`
	UnverifiableAddressed int `json:"unverifiableAddressed"`
	// Percent is Reproduced of Scored in percent, rounded to one decimal.
	Percent float64 `json:"percent"`
	// Delta counts all delta rows, unverifiable ones included.
	Delta int `json:"deltaTotal"`
	// Residual counts the residual keys P still has, ResidualTotal all residual keys.
	Residual      int `json:"residual"`
	ResidualTotal int `json:"residualTotal"`
	Extra         int `json:"extra"`
	Collateral    int `json:"collateral"`
	SecretLeaks   int `json:"secretLeaks"`
}

// String is the final line of the text report, the one oracle.py ends with.
func (s Summary) String() string {
	return fmt.Sprintf("oracle: %d/%d reproduced (%s%%), residual %d, extra %d, secret-leaks %d",
		s.Reproduced, s.Scored, strconv.FormatFloat(s.Percent, 'f', 1, 64), s.Residual, s.Extra,
		s.SecretLeaks)
}

// counts are a result's figures in table order: delta, reproduced, missing, unverifiable,
// residual still in P, extra, collateral and leaks.
func (r *Result) counts() [8]int {
	var c [8]int
	c[0] = len(r.Delta)
	for _, row := range r.Delta {
		switch row.Status {
		case Reproduced:
			c[1]++
		case Missing:
			c[2]++
		case Unverifiable:
			c[3]++
		}
	}
	for _, x := range r.Residual {
		if x.InP {
			c[4]++
		}
	}
	c[5], c[6], c[7] = len(r.Extra), len(r.Collateral), len(r.Leaks)
	return c
}

func summarize(results []*Result) Summary {
	var t [8]int
	var s Summary
	for _, r := range results {
		c := r.counts()
		for i := range t {
			t[i] += c[i]
		}
		s.ResidualTotal += len(r.Residual)
		for _, row := range r.Delta {
			if row.Status == Unverifiable && row.AddressedBy != "" {
				s.UnverifiableAddressed++
			}
		}
	}
	s.Delta, s.Reproduced, s.Missing, s.Unverifiable = t[0], t[1], t[2], t[3]
	s.Residual, s.Extra, s.Collateral, s.SecretLeaks = t[4], t[5], t[6], t[7]
	s.Scored = s.Reproduced + s.Missing
	s.Percent = percent(s.Reproduced, s.Scored)
	return s
}

// String is the text report without the rows P reproduces.
func (r *Report) String() string {
	var b strings.Builder
	_ = r.Write(&b, false)
	return b.String()
}

// Write prints the text report oracle.py prints: a table of the containers with anything
// to show, the rows that need attention (every row when verbose), and the summary.
func (r *Report) Write(w io.Writer, verbose bool) error {
	bw := bufio.NewWriter(w)
	const row = "%-64s %4v %4v %4v %4v %5v %5v %5v %5v\n"
	fmt.Fprintf(bw, row, "container", "|D|", "rep", "miss", "unv", "resid", "extra", "coll", "leak")
	for _, res := range r.Results {
		c := res.counts()
		if verbose || c[0]+c[4]+c[5]+c[6]+c[7] > 0 {
			fmt.Fprintf(bw, row, truncate(res.Key, 64), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])
		}
	}
	for _, res := range r.Results {
		if lines := res.lines(verbose); len(lines) > 0 {
			fmt.Fprintf(bw, "\n%s\n%s\n", res.Key, strings.Join(lines, "\n"))
		}
	}
	s := r.Summary
	fmt.Fprintf(bw, "\nunverifiable %d (addressed by env %d), collateral %d, residual total %d, "+
		"delta total %d\n", s.Unverifiable, s.UnverifiableAddressed, s.Collateral, s.ResidualTotal,
		s.Delta)
	fmt.Fprintln(bw, s.String())
	return bw.Flush()
}

// lines are the detail lines of one container.
func (r *Result) lines(verbose bool) []string {
	var out []string
	for _, x := range r.Delta {
		if verbose || x.Status != Reproduced {
			out = append(out, fmt.Sprintf("  %-12s %s  E=%s  P=%s%s", x.Status, x.Key, clip(x.E),
				clip(x.P), addressedNote(x.AddressedBy)))
		}
	}
	for _, x := range r.Residual {
		if verbose || x.InP {
			out = append(out, fmt.Sprintf("  residual     %s  B=%s  P=%s", x.Key, clip(x.B), clip(x.P)))
		}
	}
	for _, x := range r.Extra {
		out = append(out, fmt.Sprintf("  extra        %s=%s", x.Env, clip(x.Value)))
	}
	for _, x := range r.Collateral {
		out = append(out, fmt.Sprintf("  collateral   %s  E=%s  P=%s", x.Key, clip(x.E), clip(x.P)))
	}
	for _, x := range r.Leaks {
		out = append(out, fmt.Sprintf("  SECRET-LEAK  literal env %s feeds %s (a secretKeyRef in E)",
			x.Env, strings.Join(x.Keys, ", ")))
	}
	return out
}

func addressedNote(env string) string {
	if env == "" {
		return ""
	}
	return "  (env " + env + ")"
}

// clip is a value as a JSON string, cut to 70 characters.
func clip(v string) string {
	s := jsonQuote(v)
	if len(s) <= 70 {
		return s
	}
	return s[:67] + "..."
}

// jsonQuote quotes s as a JSON string with every character outside printable ASCII escaped,
// so the text stays ASCII.
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// truncate keeps the first n characters of s.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
