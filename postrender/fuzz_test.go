package postrender

import (
	"bytes"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/internal/golden"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
)

// FuzzRewrite runs the whole stream path on mutated renders and checks that it never panics,
// that its output splits again, that a second run leaves the output as it is, that every
// document the transform did not change comes out byte for byte, and that unit by unit, with
// the trees parsed again, it succeeds or fails as Apply does with the whole stream, with the
// same output.
func FuzzRewrite(f *testing.F) {
	golden.Seed(f, "../testdata/fixtures/camunda-8.8/*.yaml", "../testdata/corpus/*/input.yaml")
	cfg := exampleConfig(f)
	f.Fuzz(func(t *testing.T, input []byte) {
		checkUnits(t, input, cfg)
		out, _, err := Rewrite(input, cfg)
		if err != nil {
			return
		}
		checkUnchangedDocuments(t, input, out, cfg)
		again, _, err := Rewrite(out, cfg)
		if err != nil {
			t.Fatalf("second run failed: %v\n%s", err, out)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("second run changed the output:\nfirst:\n%s\nsecond:\n%s", out, again)
		}
	})
}

// checkUnchangedDocuments splits input and output side by side: the output must split, into as
// many documents, and each document the transform left alone must keep its bytes.
func checkUnchangedDocuments(t *testing.T, input, out []byte, cfg *config.Config) {
	t.Helper()
	before, err := stream.Split(input)
	if err != nil {
		t.Fatalf("input split once but not twice: %v", err)
	}
	report, err := transform.Apply(stream.Nodes(before), cfg)
	if err != nil {
		t.Fatalf("input transformed once but not twice: %v", err)
	}
	after, err := stream.Split(out)
	if err != nil {
		t.Fatalf("output does not split: %v\n%s", err, out)
	}
	if len(after) != len(before) {
		t.Fatalf("output has %d documents, input %d:\n%s", len(after), len(before), out)
	}
	for i, d := range before {
		if d.Node != nil && report.Changed(d.Node) {
			continue
		}
		if !bytes.Equal(after[i].Marker, d.Marker) || !bytes.Equal(after[i].Body, d.Body) {
			t.Fatalf("%s was not changed, yet its bytes were:\n got %q\nwant %q",
				d.Name(), after[i].Body, d.Body)
		}
	}
}

// checkUnits compares the transform unit by unit with that of the whole stream. Of several
// errors the two may report different ones, so only whether they fail is compared.
func checkUnits(t *testing.T, input []byte, cfg *config.Config) {
	t.Helper()
	want := applyWhole(input, cfg)
	out, report, err := rewrite(bytes.Clone(input), cfg, false)
	got := describe(out, report, err)
	wantErr := strings.HasPrefix(want, "error: ")
	if wantErr != (err != nil) || err == nil && got != want {
		t.Fatalf("unit by unit:\n%s\nwhole stream:\n%s", got, want)
	}
}
