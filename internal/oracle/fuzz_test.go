package oracle

import (
	"os"
	"path/filepath"
	"testing"
)

func FuzzLoad(f *testing.F) {
	for _, name := range []string{"spring-env", "non-spring"} {
		data, err := os.ReadFile(filepath.Join("testdata", "crafted", name, "after.yaml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("a: &a [*a]"))
	f.Add([]byte("kind: ConfigMap\nmetadata: {name: [x]}\n"))
	f.Fuzz(func(t *testing.T, stream []byte) {
		r, err := Load(stream)
		if err != nil {
			return
		}
		// a render scored against itself changes nothing
		s := Score(r, r, r).Summary
		if s.Delta != 0 || s.Collateral != 0 || s.Extra != 0 || s.SecretLeaks != 0 {
			t.Errorf("render against itself: %+v", s)
		}
	})
}

func FuzzDecodeTOML(f *testing.F) {
	f.Add("a = 1\n[b.c]\nd = 'x'\n[[e]]\nf = [1, {g = \"h\"}]\n")
	f.Add("m = \"\"\"\nx \\\n  y\"\"\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		d, err := decodeTOML(text)
		if err == nil && d == nil {
			t.Error("no table and no error")
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("${A:${B:x}}-${C}")
	f.Add("${{}}${")
	f.Fuzz(func(t *testing.T, value string) {
		none := func(string) (string, nameSet, bool) { return "", nil, false }
		got, used := resolve(value, none)
		if len(used) != 0 {
			t.Errorf("resolve(%q) used %v with nothing defined", value, used)
		}
		if again, _ := resolve(value, none); again != got {
			t.Errorf("resolve(%q) is not deterministic", value)
		}
	})
}
