package oracle

import (
	"math"
	"testing"
)

// TestPlainScalar checks the typing of plain scalars against what PyYAML's safe loader
// gives, as oracle.py's norm() prints it.
func TestPlainScalar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"yes", "true"}, {"No", "false"}, {"on", "true"}, {"OFF", "false"}, {"true", "true"},
		{"010", "8"}, {"0o17", "0o17"}, {"08", "08"}, {"0x1F", "31"}, {"0b101", "5"},
		{"-0b11", "-3"}, {"1_000", "1000"}, {"+12", "12"}, {"-0", "0"}, {"1:30", "90"},
		{"-1:30:00", "-5400"}, {"123456789012345678901234567890", "123456789012345678901234567890"},
		{"8.10", "8.1"}, {"1.", "1.0"}, {".5", "0.5"}, {"+.5", "+.5"}, {"1e5", "1e5"},
		{"12e3", "12e3"}, {"1.0e+5", "100000.0"}, {"1.e-5", "1e-05"}, {"0.0001", "0.0001"},
		{"0.00001", "1e-05"}, {"1_0.5_", "10.5"}, {"-.inf", "-inf"}, {".NaN", "nan"},
		{"1:30.5", "90.5"}, {"~", ""}, {"null", ""}, {"", ""}, {"abc", "abc"},
		{"2024-01-02", "2024-01-02"}, {"2024-1-2", "2024-1-2"},
		{"2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.100000-05:00"},
		{"2001-12-14 21:59:43", "2001-12-14 21:59:43"},
		{"2002-12-14T00:00:00Z", "2002-12-14 00:00:00+00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := plain(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := norm(v); got != tt.want {
				t.Errorf("norm(plain(%q)) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlainScalarErrors(t *testing.T) {
	for _, in := range []string{"<<", "=", "0x_", "2024-13-01", "2001-02-29 10:00:00"} {
		if v, err := plain(in); err == nil {
			t.Errorf("plain(%q) = %#v, want an error", in, v)
		}
	}
}

func TestFloatRepr(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {0.1, "0.1"},
		{1e15, "1000000000000000.0"},
		{1e16, "1e+16"}, {1.5e-5, "1.5e-05"}, {0.0001, "0.0001"}, {123.456, "123.456"},
		{math.Inf(-1), "-inf"},
	}
	for _, tt := range tests {
		if got := floatRepr(tt.in); got != tt.want {
			t.Errorf("floatRepr(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDecodeYAML covers what the manifest reader adds to plain scalars: quoting, explicit
// tags, merge keys, anchors and duplicate keys.
func TestDecodeYAML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quoted", "a: \"on\"\nb: '010'\nc: |\n  x\nd: >-\n  8.10\n",
			`{'a': 'on', 'b': '010', 'c': 'x\n', 'd': '8.10'}`},
		{"tags", "{a: !!str 1, b: !!int '7', c: !!float '1', d: !!bool 'yes'}",
			`{'a': '1', 'b': 7, 'c': 1.0, 'd': True}`},
		{"merge", "base: &b {x: 1, y: 2}\nm: {<<: *b, y: 3}",
			`{'base': {'x': 1, 'y': 2}, 'm': {'x': 1, 'y': 3}}`},
		{"merge-list", "a: &a {x: 1}\nb: &b {x: 2, z: 0}\nm: {<<: [*a, *b]}",
			`{'a': {'x': 1}, 'b': {'x': 2, 'z': 0}, 'm': {'x': 1, 'z': 0}}`},
		{"duplicate", "{a: 1, b: 2, a: 3}", `{'a': 3, 'b': 2}`},
		{"equal-keys", "{1: a, true: b, 1.0: c}", `{1: 'c'}`},
		{"null-key", "{~: a, b: [null, ~]}", `{None: 'a', 'b': [None, None]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := decodeYAML([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := repr(docs[0]); got != tt.want {
				t.Errorf("got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestDecodeYAMLErrors(t *testing.T) {
	for _, in := range []string{"a: !custom x", "<<: 1", "{[a]: 1}", "a: !!binary aGk=", "a: ="} {
		if _, err := decodeYAML([]byte(in)); err == nil {
			t.Errorf("decodeYAML(%q) gave no error", in)
		}
	}
}
