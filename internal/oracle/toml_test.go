package oracle

import "testing"

// TestDecodeTOML checks the reader against what Python's tomllib gives, in repr form.
func TestDecodeTOML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tables", "a = 1\n[b.c]\nd = 'x' # note\n[b]\ne = true\n",
			`{'a': 1, 'b': {'c': {'d': 'x'}, 'e': True}}`},
		{"numbers", "i = +1_000\nh = 0xff\no = 0o17\nb = 0b11\nf = 6.5e-3\ng = -inf\nz = 5e3\n",
			`{'i': 1000, 'h': 255, 'o': 15, 'b': 3, 'f': 0.0065, 'g': -inf, 'z': 5000.0}`},
		{"strings", `s = "tab\there \u00e9 \"q\""` +
			"\nm = \"\"\"\nline \\\n   joined\"\"\"\nl = '''\nraw \\n'''\n",
			`{'s': 'tab\there é "q"', 'm': 'line joined', 'l': 'raw \\n'}`},
		{"dotted", "a.b = 1\n\"c.d\".e = 2\n", `{'a': {'b': 1}, 'c.d': {'e': 2}}`},
		{"arrays", "a = [ 1, [2, 'x'], # c\n  {k = 'v'}, ]\n[[t]]\nn = 1\n[[t]]\nn = 2\n[t.s]\nq = 3\n",
			`{'a': [1, [2, 'x'], {'k': 'v'}], 't': [{'n': 1}, {'n': 2, 's': {'q': 3}}]}`},
		{"quotes", "a = \"\"\"x\"\"\"\"\"\nb = ''''y'''\n", `{'a': 'x""', 'b': "'y"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decodeTOML(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := repr(d); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestDecodeTOMLErrors(t *testing.T) {
	for _, in := range []string{
		"a = 1\na = 2", "[a]\n[a]", "a = 1 b = 2", "a = \"open", "a = [1, 2", "a = \"\\q\"",
		"x = 1\n[x]",
		"d = 1979-05-27", // dates and times are not read, see tomlParser
	} {
		if _, err := decodeTOML(in); err == nil {
			t.Errorf("decodeTOML(%q) gave no error", in)
		}
	}
}
