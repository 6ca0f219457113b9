package lint

import "testing"

func TestFindingString(t *testing.T) {
	cases := []struct {
		name string
		f    Finding
		want string
	}{
		{"setting of a container",
			Finding{Error, "audience", "StatefulSet/z", "orchestration", "a.b", "wrong", "set it"},
			"error [audience] StatefulSet/z container orchestration: a.b: wrong; fix: set it"},
		{"workload only",
			Finding{Error, "configured", "Deployment/c", "", "", "no client", "add it"},
			"error [configured] Deployment/c: no client; fix: add it"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.String(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	cases := []struct {
		findings []Finding
		want     string
		errors   bool
	}{
		{nil, "0 errors, 0 warnings", false},
		{[]Finding{{Severity: Warning}}, "0 errors, 1 warning", false},
		{[]Finding{{Severity: Error}, {Severity: Error}, {Severity: Warning}},
			"2 errors, 1 warning", true},
	}
	for _, tc := range cases {
		if got := Summary(tc.findings); got != tc.want {
			t.Errorf("Summary = %q, want %q", got, tc.want)
		}
		if got := HasErrors(tc.findings); got != tc.errors {
			t.Errorf("%s: HasErrors = %v", tc.want, got)
		}
	}
}
