package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/camunda-entra/camunda-entra/lint"
	"github.com/camunda-entra/camunda-entra/postrender"
)

// Output formats of the lint subcommand.
const (
	lintText = "text"
	lintJSON = "json"
)

// lintOptions are the flags and arguments of the lint subcommand.
type lintOptions struct {
	configPath string
	output     string
	inputs     []string
}

// runLint checks a rendered release against the config. It exits 0 when it finds no error
// (warnings allowed), 1 when it finds one or the input is not a manifest stream, and 2 for
// bad usage or a bad config.
func runLint(args []string, s Streams) int {
	opts, err := parseLint(args, s)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra lint: %v\n", err)
		return ExitConfig
	}
	code, err := opts.run(s)
	if err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra lint: %v\n", err)
	}
	return code
}

func parseLint(args []string, s Streams) (*lintOptions, error) {
	opts := &lintOptions{}
	fs := flag.NewFlagSet("camunda-entra lint", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: camunda-entra lint --config FILE [--output text|json] "+
			"[FILE|- ...]\n\nReads the rendered release from the files, or stdin, and "+
			"reports its Entra mistakes.\n\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.StringVar(&opts.output, "output", lintText, "`format` of the findings: text or json")
	if err := parseFlags(fs, args, s, true); err != nil {
		return opts, err
	}
	opts.inputs = fs.Args()
	return opts, opts.validate()
}

func (o *lintOptions) validate() error {
	if o.configPath == "" {
		return errors.New("--config is required")
	}
	if o.output != lintText && o.output != lintJSON {
		return fmt.Errorf("--output: want text or json, got %q", o.output)
	}
	stdin := 0
	for _, in := range o.inputs {
		if in == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return errors.New("stdin (-) can be read only once")
	}
	return nil
}

// run lints the input and writes the findings to stdout, a summary to stderr.
func (o *lintOptions) run(s Streams) (int, error) {
	cfg, err := loadConfig(o.configPath)
	if err != nil {
		return ExitConfig, err
	}
	input, err := o.read(s.Stdin)
	if err != nil {
		return exitCode(err), err
	}
	report, err := lint.Lint(input, cfg)
	if err != nil {
		return ExitInput, err
	}
	if err := o.write(s.Stdout, report.Findings); err != nil {
		return ExitInput, fmt.Errorf("failed to write stdout: %w", err)
	}
	o.summarise(s.Stderr, report)
	if lint.HasErrors(report.Findings) {
		return ExitInput, nil
	}
	return ExitOK, nil
}

func (o *lintOptions) write(w io.Writer, findings []lint.Finding) error {
	if o.output == lintJSON {
		return lint.WriteJSON(w, findings)
	}
	return lint.WriteText(w, findings)
}

func (o *lintOptions) summarise(w io.Writer, report *lint.Report) {
	if len(report.Workloads) == 0 {
		fmt.Fprintln(w, "camunda-entra lint: warning: no Camunda workloads in the input")
		return
	}
	fmt.Fprintf(w, "camunda-entra lint: %s in %d workloads\n", lint.Summary(report.Findings),
		len(report.Workloads))
}

// read returns the inputs as one stream: stdin when there are none, else each file, "-" for
// stdin, separated by document markers.
func (o *lintOptions) read(stdin io.Reader) ([]byte, error) {
	if len(o.inputs) == 0 {
		return readInput(stdin)
	}
	var out bytes.Buffer
	for _, name := range o.inputs {
		data, err := readLintInput(name, stdin)
		if err != nil {
			return nil, err
		}
		if out.Len() > 0 {
			out.WriteString("\n---\n")
		}
		out.Write(data)
		if out.Len() > postrender.MaxInput {
			return nil, postrender.ErrTooLarge
		}
	}
	return out.Bytes(), nil
}

// readLintInput reads one input argument; a file that cannot be read is a usage error.
func readLintInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return readInput(stdin)
	}
	info, err := os.Stat(name)
	if err == nil && info.Size() > postrender.MaxInput {
		return nil, postrender.ErrTooLarge
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &configError{fmt.Errorf("failed to read %q: %w", name, pathErrorCause(err))}
	}
	return data, nil
}

// pathErrorCause drops the path an os error repeats, since the message names the file.
func pathErrorCause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
