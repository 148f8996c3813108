package mirror

import (
	"strings"
	"testing"
	"time"
)

var mirrors = []Mirror{{"near", 10}, {"far", 2000}, {"farther", 4000}}

func TestFirst(t *testing.T) {
	got := First(mirrors, "logo.png")
	if !strings.HasPrefix(got, "logo.png:") {
		t.Fatalf("First = %q", got)
	}
	if got != mirrors[1].Get("logo.png") {
		t.Fatalf("the mirrors disagree: %q", got)
	}
}

func BenchmarkFirst(b *testing.B) {
	for b.Loop() {
		First(mirrors, "logo.png")
	}
	// Give the slower mirrors time to finish, so that only goroutines that can
	// never finish are still there when the trace stops.
	time.Sleep(50 * time.Millisecond)
}
