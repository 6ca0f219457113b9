package values

import (
	"strings"
	"testing"
)

func TestParseVersion(t *testing.T) {
	cases := []struct {
		in   string
		want Version
	}{
		{"8.8", V88},
		{"8.9", V89},
		{"8.10", V810},
		{"8.8.3", V88},
		{"13", V88},
		{"13.12.7", V88},
		{"14.8.4", V89},
		{"v15.0.0-alpha4", V810},
		{"8.7", 0},
		{"8.11", 0},
		{"8", 0},
		{"12.5.0", 0},
		{"16.0.0", 0},
		{"", 0},
		{"latest", 0},
		{"8.10 ", 0},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseVersion(tc.in)
			if tc.want == 0 {
				if err == nil {
					t.Fatalf("got %s, want an error", got)
				}
				if !strings.Contains(err.Error(), "want 8.8, 8.9 or 8.10") {
					t.Errorf("error does not say what is accepted: %v", err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %s, %v; want %s", got, err, tc.want)
			}
		})
	}
}

func TestVersionNames(t *testing.T) {
	for _, tc := range []struct {
		v            Version
		name         string
		chartVersion int
	}{{V88, "8.8", 13}, {V89, "8.9", 14}, {V810, "8.10", 15}} {
		if tc.v.String() != tc.name || tc.v.Chart() != tc.chartVersion {
			t.Errorf("%d: got %s and chart %d, want %s and %d",
				int(tc.v), tc.v, tc.v.Chart(), tc.name, tc.chartVersion)
		}
	}
}

// FuzzParseVersion checks that any input gives a known version or an error, never a panic.
func FuzzParseVersion(f *testing.F) {
	for _, s := range []string{"8.8", "8.10", "15.0.0-alpha4", "v13", "8.99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVersion(s)
		if err == nil && v != V88 && v != V89 && v != V810 {
			t.Errorf("%q gave the unknown version %d", s, int(v))
		}
	})
}
