package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Severity says how sure the linter is that a finding breaks the Entra setup.
type Severity string

// The severities. An Error is a mistake that provably stops a login, a token exchange or a
// start; a Warning is a setting that differs from the config or from what the chart's own
// Entra setup uses, without proof that it fails.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one Entra mistake in a render: where it is, what is wrong and how to fix it.
// Messages quote client ids, audiences and URLs, never a value that may be a secret.
type Finding struct {
	Severity Severity `json:"severity"`
	// Check names the check that found it, such as "connectors-scope".
	Check string `json:"check"`
	// Workload is "Kind/name", such as "Deployment/camunda-connectors".
	Workload  string `json:"workload"`
	Container string `json:"container,omitempty"`
	// Setting is the canonical property key, or the env var name for a secret reference.
	Setting string `json:"setting,omitempty"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
}

// String is the finding on one line, as the text output prints it.
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s", f.Severity, f.Check, f.Workload)
	if f.Container != "" {
		fmt.Fprintf(&b, " container %s", f.Container)
	}
	if f.Setting != "" {
		fmt.Fprintf(&b, ": %s", f.Setting)
	}
	fmt.Fprintf(&b, ": %s; fix: %s", f.Message, f.Fix)
	return b.String()
}

// HasErrors reports whether any finding is an Error.
func HasErrors(findings []Finding) bool {
	for _, f := range findings {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Summary counts the findings, such as "2 errors, 1 warning".
func Summary(findings []Finding) string {
	var errs, warns int
	for _, f := range findings {
		if f.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return fmt.Sprintf("%s, %s", plural(errs, "error"), plural(warns, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// WriteText writes one finding per line.
func WriteText(w io.Writer, findings []Finding) error {
	for _, f := range findings {
		if _, err := fmt.Fprintln(w, f); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes the findings as one JSON array, empty when there are none.
func WriteJSON(w io.Writer, findings []Finding) error {
	if findings == nil {
		findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(findings)
}
