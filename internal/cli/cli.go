// Package cli is the camunda-entra command: it reads a manifest stream, injects the Entra
// configuration and writes the stream back, for Helm post-renderers and shell pipes.
package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
	"github.com/camunda-entra/camunda-entra/stream"
	"github.com/camunda-entra/camunda-entra/transform"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitInput  = 1 // the manifest stream is invalid or cannot be wired
	ExitConfig = 2 // bad usage or a bad configuration file
)

// LogEnv names the environment variable that sets --log-file.
const LogEnv = "CAMUNDA_ENTRA_LOG"

const usage = `camunda-entra wires a rendered Camunda 8 release to Microsoft Entra ID.

Usage:
  camunda-entra --config FILE [--report] [--log-file FILE] < manifests.yaml > wired.yaml
  camunda-entra --version

It reads a multi-document manifest stream on stdin, injects the Entra OIDC settings from
the config file into the Camunda workloads, and writes the stream to stdout. Documents it
does not change come out byte for byte.

Flags:
`

// usageError marks errors in how the command was called.
type usageError struct{ error }

// options are the command's flags.
type options struct {
	configPath string
	report     bool
	version    bool
	logFile    string
}

// Run executes the command and returns its exit code. Nothing reaches stdout unless the whole
// stream was transformed.
func Run(version string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "camunda-entra: %v\n", err)
		return ExitConfig
	}
	if opts.version {
		fmt.Fprintf(stdout, "camunda-entra %s\n", version)
		return ExitOK
	}
	log := newLogger(stderr, opts.logFile)
	defer log.close()
	code, err := opts.run(stdin, stdout, log)
	if err != nil {
		log.printf("camunda-entra: %v", err)
	}
	return code
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	opts := &options{}
	fs := flag.NewFlagSet("camunda-entra", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.BoolVar(&opts.report, "report", false,
		"print to stderr, per workload, which env vars were set or replaced")
	fs.StringVar(&opts.logFile, "log-file", os.Getenv(LogEnv),
		"also append diagnostics to this `file` (Helm 4 discards a post-renderer's stderr; "+
			"default $"+LogEnv+")")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	if opts.configPath == "" && !opts.version {
		return nil, usageError{errors.New("--config is required")}
	}
	return opts, nil
}

// run does the work; the returned code goes with the error, if any.
func (o *options) run(stdin io.Reader, stdout io.Writer, log *logger) (int, error) {
	cfg, err := config.LoadFile(o.configPath)
	if err != nil {
		return ExitConfig, err
	}
	input, err := io.ReadAll(stdin)
	if err != nil {
		return ExitInput, fmt.Errorf("failed to read stdin: %w", err)
	}
	out, report, err := Transform(input, cfg)
	var notConfigured *transform.NotConfiguredError
	if errors.As(err, &notConfigured) {
		return ExitConfig, err
	}
	if err != nil {
		return ExitInput, err
	}
	if len(bytes.TrimSpace(input)) == 0 {
		log.printf("camunda-entra: warning: no manifests on stdin")
	} else if len(report.Workloads) == 0 {
		log.printf("camunda-entra: warning: no Camunda workloads in the stream; nothing changed")
	}
	if o.report {
		log.printf("%s", strings.TrimRight(FormatReport(report), "\n"))
	}
	if _, err := stdout.Write(out); err != nil {
		return ExitInput, fmt.Errorf("failed to write stdout: %w", err)
	}
	return ExitOK, nil
}

// Transform runs the whole stream path: split, inject, join.
func Transform(input []byte, cfg *config.Config) ([]byte, *transform.Report, error) {
	docs, err := stream.Split(input)
	if err != nil {
		return nil, nil, err
	}
	report, err := transform.Apply(stream.Nodes(docs), cfg)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range docs {
		d.Changed = d.Node != nil && report.Changed(d.Node)
	}
	out, err := stream.Join(docs)
	if err != nil {
		return nil, nil, err
	}
	return out, report, nil
}

// FormatReport renders a report as indented text, one env entry per line. Values are the
// literals the transform wrote or the Secret references, never secret values.
func FormatReport(r *transform.Report) string {
	var b strings.Builder
	for _, w := range r.Workloads {
		fmt.Fprintf(&b, "%s/%s: %s of release %q (Camunda %s)\n",
			w.Kind, w.Name, w.Component, w.Release, w.Generation)
		for _, c := range w.Containers {
			fmt.Fprintf(&b, "  container %s\n", c.Name)
			for _, ch := range c.Changes {
				if ch.Action == transform.Removed {
					fmt.Fprintf(&b, "    %-8s %s\n", ch.Action, ch.Name)
					continue
				}
				fmt.Fprintf(&b, "    %-8s %s=%s\n", ch.Action, ch.Name, ch.Value)
			}
		}
	}
	return b.String()
}
