package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// logger writes diagnostics to stderr and, when a log file is set, appends them there too,
// since Helm 4 throws a post-renderer's stderr away.
type logger struct {
	stderr io.Writer
	file   *os.File
}

func newLogger(stderr io.Writer, path string) *logger {
	l := &logger{stderr: stderr}
	if path == "" {
		return l
	}
	_ = os.MkdirAll(filepath.Dir(path), 0o700)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		fmt.Fprintf(stderr, "camunda-entra: warning: cannot open log file %q: %v\n", path, err)
		return l
	}
	l.file = f
	return l
}

func (l *logger) printf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(l.stderr, msg)
	if l.file != nil {
		fmt.Fprintf(l.file, "%s %s\n", time.Now().UTC().Format(time.RFC3339), msg)
	}
}

func (l *logger) close() {
	if l.file != nil {
		_ = l.file.Close()
	}
}
