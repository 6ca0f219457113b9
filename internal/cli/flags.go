package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// parseFlags parses a subcommand's flags. --help prints them and returns flag.ErrHelp; any
// other mistake is a one-line error pointing at --help, and so is an argument the subcommand
// does not take.
func parseFlags(fs *flag.FlagSet, args []string, s Streams, positional bool) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(s.Stderr)
		fs.Usage()
		return err
	}
	if err != nil {
		return &configError{fmt.Errorf("%w (run %q for the flags)", err, fs.Name()+" --help")}
	}
	if !positional && fs.NArg() > 0 {
		return &configError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}
