package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/camunda-entra/camunda-entra/postrender"
)

// corpusDir holds the hostile and surprising inputs, one folder per case.
const corpusDir = "../../testdata/corpus"

// corpusMinimum is the size the corpus must keep: losing cases by accident fails the test.
const corpusMinimum = 40

// TestCorpus runs every testdata/corpus/<case>/ folder through the command:
//
//   - input.yaml is stdin (empty when absent);
//   - config.yaml is the config (examples/entra.yaml when absent);
//   - args.txt, when present, replaces the arguments, one a line, $CASE naming the folder;
//   - error.txt pins a failure: stderr, a single line, then "exit N"; stdout must be empty;
//   - expected.yaml and stderr.txt pin a success: stdout and the warnings or report;
//   - no stderr may hold "MARKER", which stands for secret values in the inputs and configs.
//
// Refresh the pinned files with go test ./internal/cli -update and read the diff.
func TestCorpus(t *testing.T) {
	dirs := corpusCases(t)
	if len(dirs) < corpusMinimum {
		t.Fatalf("found %d corpus cases, want at least %d", len(dirs), corpusMinimum)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			input, args := readCase(t, dir)
			stdout, stderr, code := runCommand(t, input, args...)
			checkCase(t, dir, stdout, strings.ReplaceAll(stderr, dir, "$CASE"), code)
		})
	}
}

// corpusCases returns the case folders of the corpus.
func corpusCases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(corpusDir, e.Name()))
		}
	}
	return dirs
}

// readCase returns a corpus case's stdin and command-line arguments.
func readCase(t *testing.T, dir string) ([]byte, []string) {
	t.Helper()
	input, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config.yaml")
	if _, err := os.Stat(config); err != nil {
		config = "../../examples/entra.yaml"
	}
	args := []string{"--config", config}
	if text, err := os.ReadFile(filepath.Join(dir, "args.txt")); err == nil {
		args = strings.Fields(strings.ReplaceAll(string(text), "$CASE", dir))
	}
	return input, args
}

// secretMarker marks, in the corpus, every value that stands for a secret: a Secret's data, a
// literal client secret in a config. No message may repeat it.
const secretMarker = "MARKER"

// checkCase compares a run with the case's pinned files.
func checkCase(t *testing.T, dir, stdout, stderr string, code int) {
	t.Helper()
	_, errFile := os.Stat(filepath.Join(dir, "error.txt"))
	_, outFile := os.Stat(filepath.Join(dir, "expected.yaml"))
	if errFile == nil && outFile == nil {
		t.Fatal("the case has both error.txt and expected.yaml; delete the stale one")
	}
	if strings.Contains(stderr, secretMarker) {
		t.Errorf("stderr repeats a value marked as secret:\n%s", stderr)
	}
	if code == ExitOK {
		checkGolden(t, filepath.Join(dir, "expected.yaml"), []byte(stdout))
		checkGolden(t, filepath.Join(dir, "stderr.txt"), []byte(stderr))
		return
	}
	pinned := fmt.Sprintf("%sexit %d\n", stderr, code)
	checkGolden(t, filepath.Join(dir, "error.txt"), []byte(pinned))
	if stdout != "" {
		t.Errorf("failed run wrote to stdout:\n%s", stdout)
	}
	if n := strings.Count(stderr, "\n"); n != 1 {
		t.Errorf("failed run wrote %d lines to stderr, want one:\n%s", n, stderr)
	}
}

// TestCorpusTooLarge feeds a single document of 50 MB, generated rather than committed. It is
// refused before it is parsed.
func TestCorpusTooLarge(t *testing.T) {
	var doc bytes.Buffer
	doc.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n")
	for i := 0; doc.Len() < 50<<20; i++ {
		fmt.Fprintf(&doc, "  key%d: value\n", i)
	}
	reader := &countingReader{r: bytes.NewReader(doc.Bytes())}
	var stdout, stderr bytes.Buffer
	code := Run("test", []string{"--config", "../../examples/entra.yaml"},
		Streams{Stdin: reader, Stdout: &stdout, Stderr: &stderr, Getenv: noEnv})
	want := "camunda-entra: document 0: 50 MiB, " +
		"more than the 16 MiB one document may have\n"
	if code != ExitInput || stderr.String() != want || stdout.Len() != 0 {
		t.Errorf("got exit %d, stdout %d bytes, stderr %q; want exit 1 and %q",
			code, stdout.Len(), stderr.String(), want)
	}
	if reader.n > postrender.MaxInput+1 {
		t.Errorf("read %d bytes of stdin, want no more than the limit and one", reader.n)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func noEnv(string) string { return "" }
