package bench

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/postrender"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
)

// TestStreamIsManyReleases checks that a generated stream has about the asked size and that
// camunda-entra wires every copy of the render as its own release, exactly as the render.
func TestStreamIsManyReleases(t *testing.T) {
	render, err := os.ReadFile("../" + RenderPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile("../" + ConfigPath)
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGenerator(render)
	if err != nil {
		t.Fatal(err)
	}
	const size = 1 << 20
	s := g.Stream(size)
	if len(s) < size || len(s) > size+64<<10 {
		t.Errorf("stream of %d bytes, want about %d", len(s), size)
	}
	if _, err := stream.Split(s); err != nil {
		t.Fatal(err)
	}

	_, want, err := postrender.Rewrite(render, cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, got, err := postrender.Rewrite(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	releases := byRelease(got)
	if len(releases) < 5 {
		t.Fatalf("got %d releases, want one per copy of the render", len(releases))
	}
	wantText := formatWorkloads(byRelease(want)["camunda"], "camunda")
	for name, workloads := range releases {
		if len(workloads) < len(want.Workloads) && name == lastRelease(releases) {
			continue // the stream may end inside a copy
		}
		if got := formatWorkloads(workloads, name); got != wantText {
			t.Errorf("release %s is wired unlike the render:\n%s\nwant:\n%s", name, got, wantText)
		}
	}
}

func byRelease(r *transform.Report) map[string][]transform.WorkloadReport {
	out := map[string][]transform.WorkloadReport{}
	for _, w := range r.Workloads {
		out[w.Release] = append(out[w.Release], w)
	}
	return out
}

// lastRelease returns the name of the copy with the highest number.
func lastRelease(releases map[string][]transform.WorkloadReport) string {
	last, n := "", -1
	for name := range releases {
		var i int
		if _, err := fmt.Sscanf(name, "camunda-%d", &i); err == nil && i > n {
			last, n = name, i
		}
	}
	return last
}

// formatWorkloads prints workload reports with the release name written as "camunda".
func formatWorkloads(ws []transform.WorkloadReport, release string) string {
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "%s/%s %s\n", w.Kind, w.Name, w.Component)
		for _, c := range w.Containers {
			fmt.Fprintf(&b, "  %s %v\n", c.Name, c.Changes)
		}
	}
	return strings.ReplaceAll(b.String(), release+"-", "camunda-")
}
