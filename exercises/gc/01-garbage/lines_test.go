package lines

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	points := []Point{
		{Name: "cpu", Host: "web-1", Value: 0.42, Time: 1700000000000000000},
		{Name: "mem", Host: "db-2", Value: 1.5e9, Time: 1700000000000000001},
		{Name: "temp", Host: "edge", Value: -3, Time: 0},
		{Name: "ratio", Host: "x", Value: math.Inf(1), Time: -5},
	}
	var out bytes.Buffer
	if err := Write(&out, points); err != nil {
		t.Fatal(err)
	}
	want := "cpu,host=web-1 value=0.42 1700000000000000000\n" +
		"mem,host=db-2 value=1.5e+09 1700000000000000001\n" +
		"temp,host=edge value=-3 0\n" +
		"ratio,host=x value=+Inf -5\n"
	if out.String() != want {
		t.Fatalf("Write wrote:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestWriteMany(t *testing.T) {
	points := batch(20000)
	var out bytes.Buffer
	if err := Write(&out, points); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(points) {
		t.Fatalf("%d lines, want %d", len(lines), len(points))
	}
	if lines[12345] != "mem,host=host-54 value=12345.25 1700000000012345000" {
		t.Fatalf("line 12345 is %q", lines[12345])
	}
}

type failing struct{}

func (failing) Write(p []byte) (int, error) { return 0, io.ErrShortWrite }

func TestWriteReportsErrors(t *testing.T) {
	if err := Write(failing{}, batch(10)); err == nil {
		t.Fatal("Write to a failing writer returned no error")
	}
}

// batch is n points as an agent collects them.
func batch(n int) []Point {
	names := []string{"cpu", "mem", "disk", "net"}
	points := make([]Point, n)
	for i := range points {
		points[i] = Point{
			Name:  names[i%len(names)],
			Host:  "host-" + string(rune('0'+i%10)) + string(rune('0'+i/10%10)),
			Value: float64(i) + 0.25,
			Time:  1700000000000000000 + int64(i)*1000,
		}
	}
	return points
}

// BenchmarkWrite writes a batch of 50,000 points, as an agent flushes them.
func BenchmarkWrite(b *testing.B) {
	points := batch(50000)
	for b.Loop() {
		if err := Write(io.Discard, points); err != nil {
			b.Fatal(err)
		}
	}
}
