package stream

import (
	"fmt"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// parseCases are documents on which parseYAML must behave as kyaml's Parse.
var parseCases = map[string]string{
	"mapping":        "kind: A\nmetadata:\n  name: a\n",
	"comments":       "# head\nkind: A # line\n# foot\n",
	"end marker":     "kind: A\n...\n",
	"end only":       "...\n",
	"end then more":  "kind: A\n...\nkind: B\n",
	"directive":      "%YAML 1.2\n---\nkind: A\n",
	"bom":            "\ufeffkind: A\n",
	"crlf":           "kind: A\r\nspec:\r\n  x: 1\r\n",
	"anchor":         "a: &x {b: 1}\nc: *x\n",
	"unknown alias":  "a: *x\n",
	"tab":            "kind: A\nmetadata:\n\tname: a\n",
	"open flow":      "kind: [\n",
	"scalar":         "just text\n",
	"list":           "- a\n- b\n",
	"block scalar":   "data:\n  x: |\n    line\n\n    more\n",
	"tagged":         "!!map\nkind: A\n",
	"bad utf-8":      "kind: \xff\n",
	"nul":            "kind: a\x00b\n",
	"deep flow":      strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n",
	"duplicate keys": "kind: A\nkind: B\n",
	"empty":          "",
}

func TestParseYAMLMatchesKyaml(t *testing.T) {
	for name, text := range parseCases {
		t.Run(name, func(t *testing.T) { checkParseMatches(t, text) })
	}
}

// FuzzParseYAML checks parseYAML against kyaml's Parse on any text.
func FuzzParseYAML(f *testing.F) {
	for _, text := range parseCases {
		f.Add(text)
	}
	f.Fuzz(checkParseMatches)
}

// checkParseMatches fails when parseYAML and kyaml's Parse disagree on text: one fails and
// the other does not, their messages differ, or their nodes serialise differently.
func checkParseMatches(t *testing.T, text string) {
	t.Helper()
	want, wantErr := yaml.Parse(text)
	got, gotErr := parseYAML([]byte(text))
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("error: got %v, want %v", gotErr, wantErr)
	}
	if wantErr != nil {
		if gotErr.Error() != wantErr.Error() {
			t.Fatalf("error: got %q, want %q", gotErr, wantErr)
		}
		return
	}
	if got.YNode().Kind != want.YNode().Kind {
		t.Fatalf("kind: got %v, want %v", got.YNode().Kind, want.YNode().Kind)
	}
	gotText, gotErr := yaml.Marshal(got.Document())
	wantText, wantErr := yaml.Marshal(want.Document())
	if string(gotText) != string(wantText) || (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("serialised:\n got %q (%v)\nwant %q (%v)", gotText, gotErr, wantText, wantErr)
	}
}

func TestDuplicateKeys(t *testing.T) {
	var big strings.Builder
	for i := range 20 {
		fmt.Fprintf(&big, "k%d: %d\n", i, i)
	}
	big.WriteString("k3: again\n")
	cases := map[string]struct{ in, want string }{
		"large mapping": {big.String(), `duplicate key "k3" at the top level (lines 4 and 21)`},
		"deep": {"a:\n  - b: 1\n  - c:\n      - {x: 1, x: 2}\n",
			`duplicate key "x" at a[1].c[0] (lines 4 and 4)`},
		"first in the text": {"a: {x: 1, x: 2}\nb: 1\nb: 2\n",
			`duplicate key "x" at a (lines 1 and 1)`},
		"none": {"a: {x: 1, y: 2}\nb: [{x: 1}, {x: 2}]\n", ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			node, err := parseYAML([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if dup := checkDuplicates(node.YNode()); dup != nil {
				got = dup.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
