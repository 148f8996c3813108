package varint

import (
	"encoding/binary"
	"errors"
	"testing"
)

// record encodes values as unsigned varints.
func record(values ...uint64) []byte {
	var b []byte
	for _, v := range values {
		b = binary.AppendUvarint(b, v)
	}
	return b
}

func TestSum(t *testing.T) {
	cases := []struct {
		values []uint64
		want   uint64
	}{
		{nil, 0},
		{[]uint64{1}, 1},
		{[]uint64{127, 128, 300}, 555},
		{[]uint64{1 << 40, 1 << 62, 7}, 1<<40 + 1<<62 + 7},
	}
	for _, c := range cases {
		got, err := Sum(record(c.values...))
		if err != nil || got != c.want {
			t.Errorf("Sum(%v) = %d, %v; want %d", c.values, got, err, c.want)
		}
	}
}

func TestSumErrors(t *testing.T) {
	if _, err := Sum([]byte{0x80}); !errors.Is(err, ErrTruncated) {
		t.Errorf("a truncated record gives %v, want ErrTruncated", err)
	}
	if _, err := Sum(make([]byte, MaxRecord+1)); !errors.Is(err, ErrTooLong) {
		t.Errorf("a long record gives %v, want ErrTooLong", err)
	}
}

// BenchmarkSum sums a thousand short records, as a server reading small
// messages would.
func BenchmarkSum(b *testing.B) {
	records := make([][]byte, 1000)
	for i := range records {
		records[i] = record(uint64(i), uint64(i)*300, 5)
	}
	for b.Loop() {
		for _, r := range records {
			if _, err := Sum(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
