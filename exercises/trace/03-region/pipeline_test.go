package pipeline

import (
	"context"
	"fmt"
	"testing"
)

func TestImport(t *testing.T) {
	store := NewStore()
	n := Import(context.Background(), []string{"1,ann", "2,Bob", "x,cid", "4,", "5,dee"}, store)
	if n != 2 {
		t.Fatalf("stored %d records, want 2", n)
	}
	if store.byID[5] != "dee" {
		t.Errorf("record 5 = %q", store.byID[5])
	}
}

// BenchmarkImport imports 20 batches of 500 lines per iteration.
func BenchmarkImport(b *testing.B) {
	batch := make([]string, 500)
	for i := range batch {
		batch[i] = fmt.Sprintf("%d,name%d", i, i%13)
	}
	ctx := context.Background()
	for b.Loop() {
		store := NewStore()
		for j := 0; j < 20; j++ {
			Import(ctx, batch, store)
		}
	}
}
