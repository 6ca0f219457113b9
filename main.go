// Command camunda-entra wires a rendered Camunda 8 Helm release to Microsoft Entra ID. See
// README.md for its uses as a Helm post-renderer, a Helm plugin and a kustomize function.
package main

import (
	"os"

	"github.com/camunda-entra/camunda-entra/internal/cli"
)

// version is set at build time from plugin.yaml by the Makefile.
var version = "dev"

func main() {
	os.Exit(cli.Run(version, os.Args[1:], cli.OS()))
}
