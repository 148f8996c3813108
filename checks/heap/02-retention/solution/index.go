// Package index keeps a small index of large records.
package index

import "bytes"

// KeySize is the length of the key at the start of every record.
const KeySize = 16

// Index maps record keys to their position in the input.
type Index struct {
	keys [][]byte
}

// Add indexes a record by its first KeySize bytes.
//
// The key is copied: a sub-slice would share the record's 64 KiB backing
// array and keep all of it alive for as long as the index lives.
func (ix *Index) Add(record []byte) {
	ix.keys = append(ix.keys, bytes.Clone(record[:KeySize]))
}

// Key returns the key of the i-th record added.
func (ix *Index) Key(i int) []byte {
	return ix.keys[i]
}

// Len returns how many records are indexed.
func (ix *Index) Len() int {
	return len(ix.keys)
}
