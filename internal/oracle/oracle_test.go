package oracle

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

var update = flag.Bool("update", false, "rewrite the golden reports from the current code")

// fixtures is the folder of chart renders the project carries.
const fixtures = "../../testdata/fixtures/camunda-8.8"

func TestScoreFixtures(t *testing.T) {
	tests := []struct {
		name, before, after string
		want                Summary
	}{
		{
			name: "baseline-unchanged", before: "baseline.yaml", after: "baseline.yaml",
			want: Summary{Scored: 118, Missing: 118, Unverifiable: 16, Delta: 134,
				Residual: 15, ResidualTotal: 15},
		},
		{
			name: "oidc-minimal-unchanged", before: "baseline-oidc-minimal.yaml",
			after: "baseline-oidc-minimal.yaml",
			want:  Summary{Scored: 72, Missing: 72, Unverifiable: 10, Delta: 82},
		},
		{
			name: "baseline-to-entra", before: "baseline.yaml", after: "entra-values.yaml",
			want: Summary{Reproduced: 134, Scored: 134, Percent: 100, Delta: 134,
				ResidualTotal: 15},
		},
		{
			name: "oidc-minimal-to-entra", before: "baseline-oidc-minimal.yaml",
			after: "entra-values.yaml",
			want:  Summary{Reproduced: 82, Scored: 82, Percent: 100, Delta: 82},
		},
	}
	target := loadFixture(t, "entra-values.yaml")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Score(target, loadFixture(t, tt.before), loadFixture(t, tt.after))
			if rep.Summary != tt.want {
				t.Errorf("summary\n got %+v\nwant %+v\n%s", rep.Summary, tt.want, rep)
			}
			checkGolden(t, filepath.Join("testdata", "golden", tt.name+".txt"), rep)
		})
	}
}

// TestScoreCrafted scores the small hand-written cases under testdata/crafted, each a
// folder with target.yaml (E), before.yaml (B), after.yaml (P) and the report oracle.py
// prints for them with --verbose.
func TestScoreCrafted(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "crafted", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no crafted cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			rep := Score(loadFile(t, filepath.Join(dir, "target.yaml")),
				loadFile(t, filepath.Join(dir, "before.yaml")),
				loadFile(t, filepath.Join(dir, "after.yaml")))
			checkGolden(t, filepath.Join(dir, "report.golden"), rep)
		})
	}
}

func loadFixture(t *testing.T, name string) *Render {
	t.Helper()
	return loadFile(t, filepath.Join(fixtures, name))
}

func loadFile(t *testing.T, path string) *Render {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Load(data)
	if err != nil {
		t.Fatalf("failed to load %q: %v", path, err)
	}
	return r
}

// checkGolden compares the verbose text report with a golden file, the output oracle.py
// prints with --verbose for the same inputs.
func checkGolden(t *testing.T, path string, rep *Report) {
	t.Helper()
	var got bytes.Buffer
	if err := rep.Write(&got, true); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("report differs from %s:\n%s", path, lineDiff(string(want), got.String()))
	}
}

// lineDiff lists the lines only one of the texts has.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for l, n := range count {
		switch {
		case n > 0:
			b.WriteString("- " + l + "\n")
		case n < 0:
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// withEntries returns stream with entries, a YAML list, appended to the list field (env,
// envFrom) of a container of the workload "Kind/name".
func withEntries(t *testing.T, stream []byte, workload, container, field, entries string) []byte {
	t.Helper()
	nodes, err := kio.FromBytes(stream)
	if err != nil {
		t.Fatal(err)
	}
	add, err := yaml.Parse(entries)
	if err != nil {
		t.Fatal(err)
	}
	kind, name, _ := strings.Cut(workload, "/")
	for _, n := range nodes {
		if n.GetKind() != kind || n.GetName() != name {
			continue
		}
		list, err := n.Pipe(yaml.Lookup("spec", "template", "spec", "containers"),
			yaml.MatchElement("name", container), yaml.LookupCreate(yaml.SequenceNode, field))
		if err != nil || list == nil {
			t.Fatalf("no container %q in %s: %v", container, workload, err)
		}
		if seq := list.YNode(); seq.Kind != yaml.SequenceNode { // the chart renders `env:` empty
			seq.Kind, seq.Tag, seq.Value = yaml.SequenceNode, yaml.NodeTagSeq, ""
		}
		list.YNode().Content = append(list.YNode().Content, add.YNode().Content...)
	}
	out, err := kio.StringAll(nodes)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}
