package cli

import (
	"errors"
	"flag"
	"fmt"
)

// The values, secrets and patches subcommands write a file made from the configuration (and,
// for patches, a render on stdin). They share the handling of flags, errors and output here.

// generatorFlags returns the flag set of a subcommand, silent: a flag error is reported in
// one line by the caller, and only --help prints the flags.
func generatorFlags(name string) *flag.FlagSet {
	return flag.NewFlagSet("camunda-entra "+name, flag.ContinueOnError)
}

// parseGeneratorFlags parses args and checks that no argument is left and that --config,
// which every generator has, was given. Usage errors are configErrors, for exit code 2.
func parseGeneratorFlags(fs *flag.FlagSet, args []string, s Streams, configPath *string) error {
	if err := parseFlags(fs, args, s, false); err != nil {
		return err
	}
	if *configPath == "" {
		return &configError{errors.New("--config is required")}
	}
	return nil
}

// checkChoice refuses a flag value that is not one of choices.
func checkChoice(flagName, value string, choices ...string) error {
	for _, c := range choices {
		if value == c {
			return nil
		}
	}
	return &configError{fmt.Errorf("--%s: want %s, got %q", flagName, orList(choices), value)}
}

// flagError prefixes a flag's name to what is wrong with its value.
func flagError(name string, err error) error { return fmt.Errorf("--%s: %w", name, err) }

// orList spells choices as "a, b or c".
func orList(choices []string) string {
	if len(choices) == 1 {
		return choices[0]
	}
	out := choices[0]
	for _, c := range choices[1 : len(choices)-1] {
		out += ", " + c
	}
	return out + " or " + choices[len(choices)-1]
}

// generatorFailed prints err as one line and returns the exit code: 0 after --help, 2 for
// usage and configuration errors, 1 for an invalid render.
func generatorFailed(s Streams, name string, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	fmt.Fprintf(s.Stderr, "camunda-entra %s: %v\n", name, err)
	return exitCode(err)
}

// writeGenerated writes the finished output to stdout.
func writeGenerated(s Streams, name string, out []byte) int {
	if _, err := s.Stdout.Write(out); err != nil {
		fmt.Fprintf(s.Stderr, "camunda-entra %s: failed to write stdout: %v\n", name, err)
		return ExitInput
	}
	return ExitOK
}
