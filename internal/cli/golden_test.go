package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/internal/golden"
)

// TestGolden runs the command on every testdata/golden/<case>/ folder: config.yaml and
// input.yaml in, expected.yaml (the stream) or expected-error.txt (stderr and exit code) out.
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/golden/*")
	if len(dirs) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			input, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runCommand(t, input, "--config", filepath.Join(dir, "config.yaml"))
			if code != ExitOK {
				got := strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
				checkGolden(t, filepath.Join(dir, "expected-error.txt"),
					[]byte(fmt.Sprintf("%sexit %d\n", got, code)))
				if stdout != "" {
					t.Errorf("failed run wrote to stdout:\n%s", stdout)
				}
				return
			}
			checkGolden(t, filepath.Join(dir, "expected.yaml"), []byte(stdout))
		})
	}
}

// runCommand runs the command in process and returns stdout, stderr and the exit code.
func runCommand(t *testing.T, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run("test", args, Streams{Stdin: bytes.NewReader(stdin), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	return stdout.String(), stderr.String(), code
}

// checkGolden compares got with a golden file, or rewrites the file under -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got)
}
