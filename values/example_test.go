package values_test

import (
	"fmt"

	"github.com/camunda-entra/camunda-entra/values"
)

// A chart version names the same line as its Camunda version.
func ExampleParseVersion() {
	for _, s := range []string{"8.10", "14.8.4", "8.7"} {
		v, err := values.ParseVersion(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: Camunda %s, chart %d.x\n", s, v, v.Chart())
	}
	// Output:
	// 8.10: Camunda 8.10, chart 15.x
	// 14.8.4: Camunda 8.9, chart 14.x
	// want 8.8, 8.9 or 8.10, or a chart version 13.x, 14.x or 15.x; got "8.7"
}
