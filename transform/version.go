package transform

import (
	"regexp"
	"strconv"
)

// generation is the Camunda minor version a release was rendered for, as 88, 89 or 810.
type generation int

const (
	gen88  generation = 88
	gen89  generation = 89
	gen810 generation = 810
)

func (g generation) String() string {
	if g == gen810 {
		return "8.10"
	}
	return "8." + strconv.Itoa(int(g)-80)
}

var (
	// The chart's major version follows the Camunda minor: 13 is 8.8, 14 is 8.9, 15 is 8.10.
	chartVersion = regexp.MustCompile(`^camunda-platform-(\d+)\.`)
	imageVersion = regexp.MustCompile(`:8\.(\d+)\.`)
)

// detectGeneration reads the generation from the chart label of the release's workloads, or
// else from the Camunda image tags; a release that shows neither is taken as 8.8.
func detectGeneration(r *release) generation {
	for _, w := range r.workloads {
		if m := chartVersion.FindStringSubmatch(labelOf(w.node, chartLabel)); m != nil {
			major, _ := strconv.Atoi(m[1])
			return fromMinor(major - 5)
		}
	}
	for _, w := range r.workloads {
		image, _ := scalarAt(w.container, "image")
		if m := imageVersion.FindStringSubmatch(image); m != nil {
			minor, _ := strconv.Atoi(m[1])
			return fromMinor(minor)
		}
	}
	return gen88
}

func fromMinor(minor int) generation {
	switch {
	case minor >= 10:
		return gen810
	case minor == 9:
		return gen89
	}
	return gen88
}
