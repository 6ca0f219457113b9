package stream

import (
	"bytes"
	"fmt"
	"io"
)

// readBlock is the size of the blocks Read reads a stream in: a block is the start of a
// document larger and copied once more for each document that crosses its end, and a fresh
// block of several MiB costs a small stream more in page faults than its whole transform.
const readBlock = 64 << 10

// Read reads a stream from r and cuts it into documents, as Cut does, without holding the
// text twice: it reads blocks that end where a document ends, and each document is a slice
// of its block. Reading all of r first would copy the text as the buffer grows, and keep up
// to twice the stream in memory.
func Read(r io.Reader) ([]*Document, error) {
	return read(r, readBlock)
}

// read is Read with blocks of at least size bytes.
func read(r io.Reader, size int) ([]*Document, error) {
	var docs []*Document
	var carry []byte // the start of a document that continues in the next block
	for first := true; ; first = false {
		block, eof, err := readMore(r, carry, size)
		if err != nil {
			return nil, fmt.Errorf("failed to read the stream: %w", err)
		}
		if first {
			if err := checkEncoding(block); err != nil {
				return nil, err
			}
		}
		end := len(block)
		if !eof {
			end = lastMarker(block)
		}
		if docs, err = cutSegments(block[:end], docs); err != nil {
			return nil, err
		}
		if eof {
			return docs, nil
		}
		carry = block[end:]
	}
}

// readMore returns a new block of size bytes, or twice as large as carry when that is more,
// that starts with carry and is filled from r, and whether r has ended.
func readMore(r io.Reader, carry []byte, size int) ([]byte, bool, error) {
	block := make([]byte, max(size, 2*len(carry)))
	copy(block, carry)
	n, err := io.ReadFull(r, block[len(carry):])
	block = block[:len(carry)+n]
	switch err {
	case nil:
		return block, false, nil
	case io.EOF, io.ErrUnexpectedEOF:
		// The last block is trimmed to its text, since its documents keep it alive.
		return bytes.Clone(block), true, nil
	}
	return nil, false, err
}

// lastMarker returns where the last whole marker line of the block starts, or 0 when no
// marker line but one at the very start is whole in it: the text from there on goes to the
// next block, so that every block but the first starts with a marker line.
func lastMarker(block []byte) int {
	end := len(block)
	for {
		i := bytes.LastIndex(block[:end], []byte("\n---"))
		if i < 0 {
			return 0
		}
		line := block[i+1:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 && isMarker(line[:nl+1]) {
			return i + 1
		}
		end = i
	}
}
