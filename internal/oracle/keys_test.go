package oracle

import (
	"reflect"
	"strings"
	"testing"
)

func TestEnvKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CAMUNDA_IDENTITY_CLIENT_ID", "camunda.identity.client.id"},
		{"CAMUNDA_AUTH_0_", "camunda.auth.0"},
		{"A__B", "a.b"},
		{"spring.security.oauth2.client-id", "spring.security.oauth2.clientid"},
		{"VALUES_X", "values.x"},
	}
	for _, tt := range tests {
		if got := envKey(tt.in); got != tt.want {
			t.Errorf("envKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonKey(t *testing.T) {
	got := canonKey("Camunda", "identity.Client-ID", "", "0")
	if got != "camunda.identity.clientid.0" {
		t.Errorf("canonKey = %q", got)
	}
	if got := placeholderKey("camunda.client_id"); got != "camunda.client_id" {
		t.Errorf("placeholderKey with a dot = %q", got)
	}
}

func TestListPrefixes(t *testing.T) {
	got := listPrefixes("a.0.b.12.c")
	if want := []string{"a", "a.0.b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("listPrefixes = %q, want %q", got, want)
	}
	if p, ok := outerList("a.b"); ok {
		t.Errorf("outerList(a.b) = %q, want none", p)
	}
}

func TestResolve(t *testing.T) {
	env := map[string]string{"HOST": "idp", "EMPTY": "", "LOOP": "${LOOP}"}
	lookup := func(name string) (string, nameSet, bool) {
		v, ok := env[name]
		if !ok {
			return "", nil, false
		}
		return v, nameSet{name: true}, true
	}
	tests := []struct{ in, want, used string }{
		{"https://${HOST}/x", "https://idp/x", "HOST"},
		{"${MISSING:${HOST:none}}:${PORT:80}", "idp:80", "HOST"},
		{"${A:${B:${C:deep}}}", "deep", ""},
		{"${EMPTY:fallback}", "", "EMPTY"},
		{"${MISSING}", "${MISSING}", ""},
		{"open ${HOST", "open ${HOST", ""},
		{"${LOOP}", "${LOOP}", "LOOP"},
		{"${a:{b}}", "{b}", ""},
		{strings.Repeat("${X:", 10) + "v" + strings.Repeat("}", 10),
			strings.Repeat("${X:", 2) + "v" + strings.Repeat("}", 2), ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, used := resolve(tt.in, lookup)
			var names []string
			for _, n := range sortedKeys(used) {
				names = append(names, n)
			}
			if got != tt.want || strings.Join(names, ",") != tt.used {
				t.Errorf("resolve = %q using %q, want %q using %q", got, names, tt.want, tt.used)
			}
		})
	}
}

func TestExpandRefs(t *testing.T) {
	env := newOrdered[envVar]()
	env.set("SECRET", envVar{"secretKeyRef:s/k", false, "secretKeyRef"})
	env.set("HOST", envVar{"idp", true, "value"})
	tests := []struct {
		in      string
		want    string
		literal bool
	}{
		{"$(SECRET)", "secretKeyRef:s/k", false},
		{"$(SECRET)-$(HOST)", "secretKeyRef:s/k-idp", true},
		{"$(UNKNOWN)", "$(UNKNOWN)", true},
		{"$$(HOST) $$", "$(HOST) $", true},
		{"plain", "plain", true},
	}
	for _, tt := range tests {
		got := expandRefs(envVar{tt.in, true, "value"}, env)
		if got.value != tt.want || got.literal != tt.literal {
			t.Errorf("expandRefs(%q) = %+v, want %q literal %v", tt.in, got, tt.want, tt.literal)
		}
	}
}
