package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Counts
	}{
		{"", Counts{}},
		{"hello world\n", Counts{Words: 2, Lines: 1}},
		{"it's a well-known fact: 3.14 and 1000 cost 12 euros\n", Counts{Words: 7, Numbers: 4, Lines: 1}},
		{"  ** 42 **\n\nend", Counts{Words: 1, Numbers: 1, Lines: 2}},
		{"naïve café x2 v1", Counts{Words: 4, Numbers: 2, Lines: 0}},
	} {
		got, err := Count(strings.NewReader(tc.text))
		if err != nil {
			t.Fatalf("Count(%q): %v", tc.text, err)
		}
		if got != tc.want {
			t.Errorf("Count(%q) = %+v, want %+v", tc.text, got, tc.want)
		}
	}
}

// benchText is about 64 KiB of prose with numbers in it.
func benchText() []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < 64<<10; i++ {
		b.WriteString("The order 1,024 of user-42 shipped on 2026-12-06: it's 3.5 kg, ")
		b.WriteString("and the café's naïve invoice says 17 items.\n")
	}
	return b.Bytes()
}

func BenchmarkCount(b *testing.B) {
	text := benchText()
	r := bytes.NewReader(text)
	want, err := Count(bytes.NewReader(text))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		r.Reset(text)
		got, err := Count(r)
		if err != nil || got != want {
			b.Fatalf("Count = %+v, %v; want %+v", got, err, want)
		}
	}
}
