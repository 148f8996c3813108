package index

import (
	"bytes"
	"fmt"
	"testing"
)

// readRecord stands in for reading one 64 KiB record from disk.
func readRecord(i int) []byte {
	record := make([]byte, 64<<10)
	copy(record, fmt.Sprintf("key-%012d", i))
	return record
}

func TestIndex(t *testing.T) {
	var ix Index
	for i := 0; i < 3; i++ {
		ix.Add(readRecord(i))
	}
	if ix.Len() != 3 {
		t.Fatalf("Len = %d, want 3", ix.Len())
	}
	for i := 0; i < 3; i++ {
		want := []byte(fmt.Sprintf("key-%012d", i))
		if got := ix.Key(i); !bytes.Equal(got, want) {
			t.Errorf("Key(%d) = %q, want %q", i, got, want)
		}
	}
}

// kept is the index the program holds on to after loading.
var kept *Index

// BenchmarkLoad indexes 200 records; the last index stays reachable, as it
// would in a program that keeps serving lookups from it.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		var ix Index
		for i := 0; i < 200; i++ {
			ix.Add(readRecord(i))
		}
		kept = &ix
	}
}
