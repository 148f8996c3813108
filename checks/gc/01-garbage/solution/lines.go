// Package lines writes measurements in a line protocol, one line each:
//
//	cpu,host=web-1 value=0.42 1700000000000000000
//
// as a metrics agent sends them to its database.
package lines

import (
	"bufio"
	"io"
	"strconv"
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
//
// Each line is formatted with strconv's Append functions into one small
// buffer that is reused for every line, and written through a bufio.Writer:
// nothing is allocated per point, and the whole batch never sits in memory.
func Write(w io.Writer, points []Point) error {
	out := bufio.NewWriterSize(w, 32*1024)
	line := make([]byte, 0, 128)
	for _, p := range points {
		line = append(line[:0], p.Name...)
		line = append(line, ",host="...)
		line = append(line, p.Host...)
		line = append(line, " value="...)
		line = strconv.AppendFloat(line, p.Value, 'g', -1, 64)
		line = append(line, ' ')
		line = strconv.AppendInt(line, p.Time, 10)
		line = append(line, '\n')
		if _, err := out.Write(line); err != nil {
			return err
		}
	}
	return out.Flush()
}
