// Package cli is the camunda-entra command. Its subcommands are the doors to the transform:
// a stdin-to-stdout post-renderer for Helm and shell pipes, a KRM function for kustomize and
// kpt, and a wrapper that runs the user's helm with the post-renderer wired in.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/transform"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitInput  = 1 // the manifest stream is invalid or cannot be wired
	ExitConfig = 2 // bad usage, or a config file that is invalid or misses a component
)

const usage = `camunda-entra wires a rendered Camunda 8 release to Microsoft Entra ID.

Usage:
  camunda-entra [post-render] --config FILE [--report] [--log-file FILE]
      Read a manifest stream on stdin, write it wired to stdout (a Helm post-renderer).
  camunda-entra fn
      Run as a KRM function: a ResourceList on stdin, its functionConfig the config.
  camunda-entra helm install|upgrade|template RELEASE CHART --entra-config FILE [helm flags]
      Run helm (3 or 4, from $HELM_BIN or PATH) with the post-renderer wired in.
  camunda-entra lint --config FILE [--output text|json] [FILE|- ...]
      Check a rendered release, wired or not, for Entra mistakes; exit 1 on an error.
  camunda-entra values --config FILE [--chart-version 8.8|8.9|8.10]
      Print the chart values that configure Entra without the post-renderer.
  camunda-entra entra-apps --config FILE [--base-url URL] [--<component>-url URL] [--output script|json]
      Print the Entra app registrations: an Azure CLI script, or Graph app manifests.
  camunda-entra secrets --config FILE [--namespace NS] [--output all|commands|manifest]
      Print kubectl commands and Secret manifests for the config's Secrets, values to fill in.
  camunda-entra patches --config FILE [--output flux|kustomization] [--resource FILE]
      Read a render on stdin; print the post-renderer's changes as kustomize patches.
  camunda-entra version

Exit codes: 0 success, 1 invalid input stream, 2 bad usage or configuration.
Run "camunda-entra post-render --help" for the post-renderer's flags.
`

// Streams are the standard streams and environment of one run.
type Streams struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// OS returns the process's own streams.
func OS() Streams {
	return Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// Run executes the command and returns its exit code.
func Run(version string, args []string, s Streams) int {
	if len(args) == 0 {
		return runPostRender(args, s)
	}
	switch args[0] {
	case "post-render":
		return runPostRender(args[1:], s)
	case "fn":
		return runFunction(args[1:], s)
	case "helm":
		return runHelm(version, args[1:], s)
	case "lint":
		return runLint(args[1:], s)
	case "values":
		return runValues(args[1:], s)
	case "entra-apps":
		return runEntraApps(args[1:], s)
	case "secrets":
		return runSecrets(args[1:], s)
	case "patches":
		return runPatches(args[1:], s)
	case "version", "--version", "-version":
		fmt.Fprintf(s.Stdout, "camunda-entra %s\n", version)
		return ExitOK
	case "help", "--help", "-help", "-h":
		fmt.Fprint(s.Stdout, usage)
		return ExitOK
	}
	return runPostRender(args, s)
}

// exitCode chooses the exit code for an error of the transform path.
func exitCode(err error) int {
	var notConfigured *transform.NotConfiguredError
	var cfgErr *configError
	if errors.As(err, &notConfigured) || errors.As(err, &cfgErr) {
		return ExitConfig
	}
	return ExitInput
}

// configError marks a configuration that could not be loaded.
type configError struct{ error }

func (e *configError) Unwrap() error { return e.error }

func loadConfig(path string) (*config.Config, error) {
	cfg, err := config.LoadFile(path)
	if err != nil {
		return nil, &configError{err}
	}
	return cfg, nil
}
