// Package lines writes measurements in a line protocol, one line each:
//
//	cpu,host=web-1 value=0.42 1700000000000000000
//
// as a metrics agent sends them to its database.
package lines

import (
	"fmt"
	"io"
)

// Point is one measurement.
type Point struct {
	Name  string
	Host  string
	Value float64
	// Time is in nanoseconds since the Unix epoch.
	Time int64
}

// Write writes one line per point to w.
func Write(w io.Writer, points []Point) error {
	var out []byte
	for _, p := range points {
		line := fmt.Sprintf("%s,host=%s value=%v %d\n", p.Name, p.Host, p.Value, p.Time)
		out = append(out, line...)
	}
	_, err := w.Write(out)
	return err
}
