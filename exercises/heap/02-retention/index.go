// Package index keeps a small index of large records.
//
// Exercise: run `workshop check heap/02-retention`. The index stores only a
// 16-byte key per record, yet the program's memory stays high. Find out from
// the heap profile what keeps the memory alive, and fix it.
package index

// KeySize is the length of the key at the start of every record.
const KeySize = 16

// Index maps record keys to their position in the input.
type Index struct {
	keys [][]byte
}

// Add indexes a record by its first KeySize bytes.
func (ix *Index) Add(record []byte) {
	ix.keys = append(ix.keys, record[:KeySize])
}

// Key returns the key of the i-th record added.
func (ix *Index) Key(i int) []byte {
	return ix.keys[i]
}

// Len returns how many records are indexed.
func (ix *Index) Len() int {
	return len(ix.keys)
}
