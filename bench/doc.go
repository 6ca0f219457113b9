// Package bench measures camunda-entra against the floor and against the tools a user would
// pick instead. It makes the large manifest streams the benchmarks read, and its tests hold
// the Go benchmarks, each run on the Camunda 8.8 render and on 1, 10 and 100 MiB streams:
// Floor (kyaml parse and serialise of every document, the baseline), Split, Apply (the
// transform), Rewrite (the library path), Command (the post-render command, config included)
// and WholeStream (the transform handed every tree at once, as the KRM function does it).
//
//	go test -run '^$' -bench . -benchmem ./bench
//	bench/compare.sh                     # whole processes side by side, with hyperfine
//	go run ./bench/gen -size 10M         # a generated stream, to stdout
//
// A generated stream repeats a rendered Camunda release as many releases, each under its own
// release name, with documents of other kinds between them:
//
//	# release 0: the render as it came     # release 7: every name and instance label renamed
//	kind: StatefulSet                      kind: StatefulSet
//	metadata:                              metadata:
//	  name: camunda-zeebe                    name: camunda-7-zeebe
//	  labels:                                labels:
//	    app.kubernetes.io/instance: camunda    app.kubernetes.io/instance: camunda-7
//
// so that the transform sees one release per copy and never the same object twice.
package bench
