// Package varint sums records of unsigned varints, the encoding of
// encoding/binary.PutUvarint.
package varint

import (
	"errors"
	"fmt"
)

// ErrTruncated is returned for a record that ends inside a varint.
var ErrTruncated = errors.New("varint: record ends inside a number")

// ErrTooLong is wrapped by the error for a record longer than MaxRecord.
var ErrTooLong = errors.New("varint: record too long")

// MaxRecord is the longest record accepted, in bytes.
const MaxRecord = 1 << 20

// reader reads varints from a record.
type reader struct {
	buf []byte
	pos int
	err error
}

// newReader returns a reader of record; a record that is too long gives a
// reader that has already failed.
func newReader(record []byte) *reader {
	r := &reader{buf: record}
	if len(record) > MaxRecord {
		r.err = fmt.Errorf("%w: %d bytes, more than %d", ErrTooLong, len(record), MaxRecord)
		r.buf = nil
	}
	return r
}

// next returns the next varint, and false at the end of the record or on error.
func (r *reader) next() (uint64, bool) {
	var x uint64
	var shift uint
	for r.pos < len(r.buf) {
		b := r.buf[r.pos]
		r.pos++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x, true
		}
		shift += 7
	}
	if shift > 0 {
		r.err = ErrTruncated
	}
	return 0, false
}

// Sum returns the sum of the varints of record.
func Sum(record []byte) (uint64, error) {
	r := newReader(record)
	var sum uint64
	for {
		x, ok := r.next()
		if !ok {
			return sum, r.err
		}
		sum += x
	}
}
