package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"strings"

	"github.com/camunda-entra/camunda-entra/postrender"
	"github.com/camunda-entra/camunda-entra/transform"
)

// LogEnv names the environment variable that sets --log-file.
const LogEnv = "CAMUNDA_ENTRA_LOG"

// postRenderOptions are the flags of the post-render subcommand.
type postRenderOptions struct {
	configPath string
	report     bool
	logFile    string
}

func runPostRender(args []string, s Streams) int {
	opts, err := parsePostRender(args, s)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	log := newLogger(s.Stderr, opts.logFile)
	defer log.close()
	if err != nil {
		log.printf("camunda-entra: %v", err)
		return ExitConfig
	}
	if err := opts.run(s, log); err != nil {
		log.printf("camunda-entra: %v", err)
		return exitCode(err)
	}
	return ExitOK
}

func parsePostRender(args []string, s Streams) (*postRenderOptions, error) {
	opts := &postRenderOptions{logFile: s.Getenv(LogEnv)}
	fs := flag.NewFlagSet("camunda-entra post-render", flag.ContinueOnError)
	fs.StringVar(&opts.configPath, "config", "", "the Entra configuration `file` (required)")
	fs.BoolVar(&opts.report, "report", false,
		"print to stderr, per workload, which env vars were set or replaced")
	fs.StringVar(&opts.logFile, "log-file", opts.logFile,
		"also append diagnostics to this `file`, for Helm 4, which discards stderr "+
			"(default $"+LogEnv+")")
	if err := parseFlags(fs, args, s, false); err != nil {
		return opts, err
	}
	if opts.configPath == "" {
		return opts, errors.New("--config is required")
	}
	if opts.logFile == "" && s.Getenv("HELM_PLUGIN_NAME") != "" {
		opts.logFile = defaultPluginLog(s.Getenv)
	}
	return opts, nil
}

// defaultPluginLog is where the post-renderer logs when Helm 4 runs it as a plugin and no
// log file was asked for: Helm 4 prints only "exited with error", so the reason must go
// somewhere the user can read it.
func defaultPluginLog(getenv func(string) string) string {
	dir := getenv("XDG_CACHE_HOME")
	if dir == "" {
		dir = filepath.Join(getenv("HOME"), ".cache")
	}
	return filepath.Join(dir, "camunda-entra", "post-render.log")
}

// run reads the whole stream before it writes anything, so a failure leaves stdout empty.
func (o *postRenderOptions) run(s Streams, log *logger) error {
	cfg, err := loadConfig(o.configPath)
	if err != nil {
		return err
	}
	before := goMemory()
	in, err := postrender.Read(s.Stdin)
	if err != nil {
		return err
	}
	if s.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(before + memoryLimit(in.Size()))
	}
	report, err := in.Write(s.Stdout, cfg)
	if err != nil {
		return err
	}
	switch {
	case in.Blank():
		log.printf("camunda-entra: warning: no manifests on stdin")
	case len(report.Workloads) == 0:
		log.printf("camunda-entra: warning: no Camunda workloads in the stream; nothing changed")
	}
	if o.report {
		log.printf("%s", strings.TrimRight(FormatReport(report), "\n"))
	}
	return nil
}

// memoryLimit is the memory, past what the process held before, that transforming a stream
// of size bytes is allowed before the collector works harder: a soft limit. The text of
// the stream stays in memory to the end, and so does the new text of every document the
// transform changes; the trees parsed on the way are garbage. Left to its default pace the
// collector lets that garbage grow to the size of all that text, and the process to four
// times the stream. The limit makes it collect sooner, at little cost: text holds no pointers,
// so a collection does not read it.
func memoryLimit(size int) int64 {
	return 2*int64(size) + 64<<20
}

// goMemory returns the memory the Go runtime holds and has not given back to the system, as
// the memory limit counts it.
func goMemory() int64 {
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(samples)
	return int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
}

// readInput reads stdin whole, but no more than one byte past the size limit, so that an
// endless stream fails instead of filling the memory.
func readInput(r io.Reader) ([]byte, error) {
	input, err := io.ReadAll(io.LimitReader(r, postrender.MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("failed to read stdin: %w", err)
	}
	if len(input) > postrender.MaxInput {
		return nil, postrender.ErrTooLarge
	}
	return input, nil
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
