package logs

import (
	"fmt"
	"testing"
)

func TestCountErrors(t *testing.T) {
	lines := []string{
		"ERROR NET-0042: connection reset",
		"INFO started",
		"ERROR db-0001: lowercase code is not an error report",
		"ERROR DB-17: short code is not one either",
		"WARN ERROR ABC-1234: not at the start",
		"ERROR ABC-1234: disk full",
	}
	if got := CountErrors(lines); got != 2 {
		t.Fatalf("CountErrors = %d, want 2", got)
	}
	if got := CountErrors(nil); got != 0 {
		t.Fatalf("CountErrors(nil) = %d, want 0", got)
	}
}

// benchLines is a log of 1000 lines, one in ten an error report.
func benchLines() []string {
	lines := make([]string, 1000)
	for i := range lines {
		if i%10 == 0 {
			lines[i] = fmt.Sprintf("ERROR APP-%04d: request %d failed", i, i)
		} else {
			lines[i] = fmt.Sprintf("INFO request %d served in %dms", i, i%97)
		}
	}
	return lines
}

func BenchmarkCountErrors(b *testing.B) {
	lines := benchLines()
	for b.Loop() {
		if CountErrors(lines) != 100 {
			b.Fatal("wrong count")
		}
	}
}
