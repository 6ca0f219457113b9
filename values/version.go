package values

import (
	"fmt"
	"regexp"
	"strconv"
)

// Version is the Camunda minor version a line of the camunda-platform chart installs.
type Version int

// The chart lines values can be written for.
const (
	V88  Version = 8  // chart 13.x
	V89  Version = 9  // chart 14.x
	V810 Version = 10 // chart 15.x
)

// String returns the version as Camunda spells it, for example 8.10.
func (v Version) String() string { return "8." + strconv.Itoa(int(v)) }

// Chart returns the major version of the camunda-platform chart for this Camunda version.
func (v Version) Chart() int { return int(v) + 5 }

// versionText matches 8.10, 8.9.3, 13.12.7, v15.0.0-alpha4 and the like.
var versionText = regexp.MustCompile(`^v?(\d+)(?:\.(\d+))?(?:\.\d+)?(?:[-+][0-9A-Za-z.-]*)?$`)

// ParseVersion reads a Camunda version (8.8, 8.9, 8.10, with or without a patch number) or
// a chart version (13.x, 14.x, 15.x).
func ParseVersion(s string) (Version, error) {
	m := versionText.FindStringSubmatch(s)
	if m == nil {
		return 0, badVersion(s)
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	switch {
	case major == 8 && m[2] != "" && minor >= 8 && minor <= 10:
		return Version(minor), nil
	case major >= 13 && major <= 15:
		return Version(major - 5), nil
	}
	return 0, badVersion(s)
}

func badVersion(s string) error {
	return fmt.Errorf("want 8.8, 8.9 or 8.10, or a chart version 13.x, 14.x or 15.x; got %q", s)
}
