// Package concat builds a report line from many small fields.
package concat

import "strings"

// BuildLine joins fields with sep between them, the way a log line or a CSV
// row is put together.
//
// The total length is known before anything is copied, so one Grow makes the
// builder allocate exactly once, and String hands over that buffer without a
// copy.
func BuildLine(fields []string, sep string) string {
	if len(fields) == 0 {
		return ""
	}
	size := len(sep) * (len(fields) - 1)
	for _, field := range fields {
		size += len(field)
	}
	var b strings.Builder
	b.Grow(size)
	for i, field := range fields {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(field)
	}
	return b.String()
}
