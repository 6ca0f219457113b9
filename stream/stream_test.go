package stream

import (
	"os"
	"path/filepath"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

func TestRoundTripIsByteIdentical(t *testing.T) {
	inputs := map[string]string{
		"empty":               "",
		"no marker":           "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
		"leading marker":      "---\n# Source: x/templates/a.yaml\napiVersion: v1\nkind: A\n",
		"no final newline":    "---\nkind: A\n---\nkind: B",
		"comment-only doc":    "---\n# HIDDEN: the Secret\n---\nkind: A\n",
		"blank docs":          "---\n---\n\n---\nkind: A\n",
		"marker with spaces":  "--- \nkind: A\n---\t\nkind: B\n",
		"content on marker":   "--- # first\nkind: A\n--- !!map\nkind: B\n",
		"crlf":                "---\r\nkind: A\r\nmetadata:\r\n  name: a\r\n---\r\nkind: B\r\n",
		"dashes in a block":   "kind: A\ndata:\n  x: |\n    ----\n    --- not at column 0\n",
		"end marker":          "kind: A\n...\n---\nkind: B\n",
		"trailing spaces":     "kind: A\nspec:\n  env:\n    \n    \n",
		"bom":                 "\ufeffkind: A\n",
		"document end only":   "---\n",
		"comment before mark": "# top\n---\nkind: A\n",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			docs, err := Split([]byte(in))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				d.Changed = false
			}
			out, err := Join(docs)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != in {
				t.Errorf("round trip changed the stream:\n got %q\nwant %q", out, in)
			}
		})
	}
}

func TestFixturesRoundTrip(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/fixtures/camunda-8.8/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no fixtures found")
	}
	for _, p := range paths {
		in, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := Split(in)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out, _ := Join(docs)
		if string(out) != string(in) {
			t.Errorf("%s: round trip changed the stream", p)
		}
	}
}

func TestSplitCountsDocuments(t *testing.T) {
	docs, err := Split([]byte("# top\n---\nkind: A\n---\n# only a comment\n---\nkind: B\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 4 {
		t.Fatalf("got %d documents, want 4", len(docs))
	}
	if got := len(Nodes(docs)); got != 2 {
		t.Errorf("got %d parsed documents, want 2", got)
	}
}

func TestChangedDocumentIsSerialisedAndKeepsComments(t *testing.T) {
	in := "---\n# Source: c/templates/d.yaml\napiVersion: v1\nkind: A\nmetadata:\n  name: a\n" +
		"spec:\n  list:\n    - x\n---\nkind: B\n"
	docs, err := Split([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	docs[0].Changed = true
	if err := docs[0].Node.PipeE(setName("b")); err != nil {
		t.Fatal(err)
	}
	out, err := Join(docs)
	if err != nil {
		t.Fatal(err)
	}
	want := "---\n# Source: c/templates/d.yaml\napiVersion: v1\nkind: A\nmetadata:\n  name: b\n" +
		"spec:\n  list:\n    - x\n---\nkind: B\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestSplitErrors(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"invalid YAML": {"---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: [\n",
			"document 1 (c/templates/b.yaml): invalid YAML: yaml: line 3: did not find expected node content"},
		"scalar": {"kind: A\n---\njust text\n", "document 1: want a mapping (a Kubernetes object), got a scalar"},
		"list":   {"- a\n- b\n", "document 0: want a mapping (a Kubernetes object), got a list"},
		"tab":    {"kind: A\nmetadata:\n\tname: a\n", "document 0: invalid YAML: yaml: line 3: found character that cannot start any token"},
		"duplicate key": {"kind: A\nkind: B\n",
			`document 0 (A): duplicate key "kind" at the top level (lines 1 and 2)`},
		"nested duplicate key": {"kind: A\nspec:\n  env:\n    - name: a\n      name: b\n",
			`document 0 (A): duplicate key "name" at spec.env[0] (lines 4 and 5)`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Split([]byte(tc.in))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error:\n got %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestName(t *testing.T) {
	docs, err := Split([]byte("kind: A\nmetadata:\n  name: a\n  annotations:\n" +
		"    postrenderer.helm.sh/postrender-filename: c/templates/a.yaml\n" +
		"---\nkind: Deployment\nmetadata:\n  name: web\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Name(); got != "document 0 (c/templates/a.yaml)" {
		t.Errorf("Helm 4 document: %s", got)
	}
	if got := docs[1].Name(); got != "document 1 (Deployment/web)" {
		t.Errorf("plain document: %s", got)
	}
}

func setName(name string) yaml.Filter {
	return yaml.FilterFunc(func(n *yaml.RNode) (*yaml.RNode, error) {
		return n, n.SetName(name)
	})
}
