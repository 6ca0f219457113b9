package postrender

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/internal/golden"
	"github.com/camunda-entra/camunda-entra/internal/oracle"
)

const fixtures = "../testdata/fixtures/camunda-8.8/"

// TestOracle post-renders the chart's renders without Entra values and requires every Entra
// setting of the chart's own Entra render to come out the same, container by container:
// mounted Spring files flattened with relaxed binding, overridden by env and envFrom, with
// placeholders resolved, and secrets as the same Secret references. Settings in files that
// are not Spring's, where env may not win, cannot be checked this way: the test pins their
// list in testdata/oracle/ instead of skipping them silently.
func TestOracle(t *testing.T) {
	cfg := exampleConfig(t)
	cases := map[string]string{
		"auth-on":  "baseline-oidc-minimal.yaml",
		"auth-off": "baseline.yaml",
	}
	for name, fixture := range cases {
		t.Run(name, func(t *testing.T) {
			before := readFixture(t, fixture)
			after, _, err := Rewrite(before, cfg)
			if err != nil {
				t.Fatal(err)
			}
			report := oracle.Score(load(t, readFixture(t, "entra-values.yaml")), load(t, before),
				load(t, after))
			s := report.Summary
			if s.Missing != 0 || s.Reproduced != s.Scored || s.SecretLeaks != 0 || s.Collateral != 0 {
				t.Errorf("%s\n%s", s, report)
			}
			golden.Check(t, filepath.Join("../testdata/oracle", name+"-unverifiable.txt"),
				[]byte(unverifiable(report)))
			checkNoDefaultCredentials(t, report)
		})
	}
}

// unverifiable lists the settings of non-Spring files and the env var that addresses each.
func unverifiable(r *oracle.Report) string {
	var lines []string
	for _, res := range r.Results {
		for _, row := range res.Delta {
			if row.Status == oracle.Unverifiable {
				lines = append(lines, fmt.Sprintf("%s %s addressed-by=%q", res.Key, row.Key,
					row.AddressedBy))
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// checkNoDefaultCredentials fails when a basic-auth setting of the baseline, one the Entra
// render does not have, still holds the baseline's value after the post-renderer.
func checkNoDefaultCredentials(t *testing.T, r *oracle.Report) {
	t.Helper()
	for _, res := range r.Results {
		for _, x := range res.Residual {
			credential := strings.Contains(x.Key, "password") || strings.Contains(x.Key, "username") ||
				strings.Contains(x.Key, "initialization.users") || strings.HasSuffix(x.Key, "auth.method")
			if credential && x.InP && x.P == x.B {
				t.Errorf("%s %s still %q after the post-renderer", res.Key, x.Key, x.P)
			}
		}
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(fixtures + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func load(t *testing.T, data []byte) *oracle.Render {
	t.Helper()
	r, err := oracle.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
