package transform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/stream"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// TestReadsKeepsWhatApplyUses runs Apply on every fixture, golden and corpus input twice, on
// all resources and on those Reads keeps, and wants the same errors, report and resources.
func TestReadsKeepsWhatApplyUses(t *testing.T) {
	cfg := loadConfig(t)
	inputs, _ := filepath.Glob(fixtures + "*.yaml")
	for _, pattern := range []string{
		"../testdata/golden/*/input.yaml",
		"../testdata/corpus/*/input.yaml",
	} {
		more, _ := filepath.Glob(pattern)
		inputs = append(inputs, more...)
	}
	for _, path := range inputs {
		if strings.HasSuffix(path, ".values.yaml") {
			continue
		}
		t.Run(strings.TrimPrefix(path, "../testdata/"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs, err := stream.Split(data)
			if err != nil {
				t.Skipf("the stream path refuses it before the transform: %v", err)
			}
			all := stream.Nodes(docs)
			docs, err = stream.SplitKeep(data, Reads)
			if err != nil {
				t.Fatalf("SplitKeep fails where Split does not: %v", err)
			}
			kept := stream.Nodes(docs)
			wantReport, wantErr := Apply(all, cfg)
			gotReport, gotErr := Apply(kept, cfg)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Fatalf("error: got %v, want %v", gotErr, wantErr)
			}
			if wantErr != nil {
				return
			}
			got, want := fmt.Sprint(gotReport.Workloads), fmt.Sprint(wantReport.Workloads)
			if got != want {
				t.Errorf("report:\n got %s\nwant %s", got, want)
			}
			if got, want := serialise(t, kept), serialise(t, keptOf(all, kept)); got != want {
				t.Errorf("resources differ:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// keptOf returns the resources of all that have the kind and name of one in kept.
func keptOf(all, kept []*yaml.RNode) []*yaml.RNode {
	ids := map[string]bool{}
	for _, n := range kept {
		ids[n.GetKind()+"/"+n.GetNamespace()+"/"+n.GetName()] = true
	}
	var out []*yaml.RNode
	for _, n := range all {
		if ids[n.GetKind()+"/"+n.GetNamespace()+"/"+n.GetName()] {
			out = append(out, n)
		}
	}
	return out
}

func serialise(t *testing.T, nodes []*yaml.RNode) string {
	t.Helper()
	var b strings.Builder
	for _, n := range nodes {
		text, err := yaml.Marshal(n.Document())
		if err != nil {
			t.Fatal(err)
		}
		b.Write(text)
		b.WriteString("---\n")
	}
	return b.String()
}
