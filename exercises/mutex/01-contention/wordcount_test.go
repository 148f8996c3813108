package wordcount

import (
	"fmt"
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	texts := []string{"the cat", "The dog and the cat", "a Dog"}
	counts := Count(texts, 3)
	want := map[string]int{"the": 3, "cat": 2, "dog": 2, "and": 1, "a": 1}
	if len(counts) != len(want) {
		t.Fatalf("Count = %v, want %v", counts, want)
	}
	for word, n := range want {
		if counts[word] != n {
			t.Errorf("counts[%q] = %d, want %d", word, counts[word], n)
		}
	}
}

func corpus() []string {
	texts := make([]string, 64)
	for i := range texts {
		var b strings.Builder
		for j := 0; j < 400; j++ {
			fmt.Fprintf(&b, "word%d ", (i*7+j)%97)
		}
		texts[i] = b.String()
	}
	return texts
}

func BenchmarkCount(b *testing.B) {
	texts := corpus()
	for b.Loop() {
		Count(texts, 8)
	}
}
