package stream

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// A document whose metadata is a list with an odd number of items is named in an error
// message without a panic (kyaml's getters index past the end of such a list).
func TestNameOfListMetadataDoesNotPanic(t *testing.T) {
	_, err := Split([]byte("kind: A\nmetadata: [x]\nkind: B\n"))
	if err == nil {
		t.Fatal("Split accepted a duplicate key")
	}
}

// A %YAML directive belongs to the document after the "---" that follows it, but the split
// puts it in a document of its own, which then fails to parse.
func TestDirectiveStaysWithItsDocument(t *testing.T) {
	docs, err := Split([]byte("%YAML 1.1\n---\nkind: A\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(Nodes(docs)); n != 1 {
		t.Errorf("got %d objects, want 1", n)
	}
}

// A UTF-16 stream has no "---" bytes to split on, and the YAML parser would read its first
// document only: it is refused rather than half read.
func TestUTF16StreamIsNotHalfRead(t *testing.T) {
	text := utf16.Encode([]rune("\ufeffkind: A\n---\nkind: B\n"))
	data := make([]byte, 0, 2*len(text))
	for _, u := range text {
		data = append(data, byte(u), byte(u>>8))
	}
	_, err := Split(data)
	if err == nil || err.Error() != "the stream is UTF-16; convert it to UTF-8" {
		t.Errorf("error: %v", err)
	}
}

func TestDocumentSizeLimit(t *testing.T) {
	big := "kind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: \"" +
		strings.Repeat("a", MaxDocument) + "\"\n"
	_, err := Split([]byte("kind: A\n---\n" + big))
	want := "document 1: 16 MiB, more than the 16 MiB one document may have"
	if err == nil || err.Error() != want {
		t.Errorf("error: %v, want %s", err, want)
	}
}
