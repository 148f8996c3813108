package digest

import (
	"crypto/sha256"
	"testing"
)

func documents(n, size int) [][]byte {
	docs := make([][]byte, n)
	for i := range docs {
		docs[i] = make([]byte, size)
		for j := range docs[i] {
			docs[i][j] = byte(i + j)
		}
	}
	return docs
}

func TestDigest(t *testing.T) {
	docs := documents(20, 1000)
	sums := Digest(docs)
	if len(sums) != len(docs) {
		t.Fatalf("got %d sums for %d documents", len(sums), len(docs))
	}
	for i, doc := range docs {
		if sums[i] != sha256.Sum256(doc) {
			t.Errorf("sum %d is wrong", i)
		}
	}
	if len(Digest(nil)) != 0 {
		t.Error("Digest(nil) is not empty")
	}
}

func BenchmarkDigest(b *testing.B) {
	docs := documents(50, 32<<10)
	for b.Loop() {
		Digest(docs)
	}
}
