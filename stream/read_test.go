package stream

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadCutsAsCut reads streams in blocks of many sizes, so that block ends fall on every
// kind of place, and expects the documents Cut finds in the whole text.
func TestReadCutsAsCut(t *testing.T) {
	streams := map[string][]byte{
		"no marker":         []byte("a: 1\nb: 2\n"),
		"leading marker":    []byte("---\na: 1\n---\nb: 2\n"),
		"text before":       []byte("# head\n---\na: 1\n--- \nb: 2\n---\n"),
		"marker lookalikes": []byte("a: |\n  ---x\n----\n---\tb\n---\r\nc: 1\n--- d: 2\n"),
		"no final newline":  []byte("a: 1\n---\nb: 2"),
		"only markers":      []byte("---\n---\n---"),
		"empty":             nil,
	}
	files, _ := filepath.Glob("../testdata/fixtures/camunda-8.8/*.yaml")
	for _, f := range files[:2] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		streams[filepath.Base(f)] = data
	}
	for name, data := range streams {
		want, err := Cut(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, size := range []int{1, 2, 3, 4, 5, 7, 16, 64, 1000, 1 << 20} {
			got, err := read(iotest.HalfReader(bytes.NewReader(data)), size)
			if err != nil {
				t.Fatalf("%s, blocks of %d: %v", name, size, err)
			}
			if a, b := describe(got), describe(want); a != b {
				t.Fatalf("%s, blocks of %d:\n got %s\nwant %s", name, size, a, b)
			}
		}
	}
}

// describe lists the documents' indices, markers and bodies.
func describe(docs []*Document) string {
	var b strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "%d %t %q %q; ", d.Index, d.Marker == nil, d.Marker, d.Body)
	}
	return b.String()
}

func TestReadRefusesUTF16AndReportsReadErrors(t *testing.T) {
	_, err := Read(bytes.NewReader([]byte{0xff, 0xfe, 'a', 0}))
	if err == nil || err.Error() != "the stream is UTF-16; convert it to UTF-8" {
		t.Errorf("UTF-16: got %v", err)
	}
	broken := iotest.ErrReader(errors.New("disk on fire"))
	_, err = Read(broken)
	if err == nil || err.Error() != "failed to read the stream: disk on fire" {
		t.Errorf("read error: got %v", err)
	}
}
