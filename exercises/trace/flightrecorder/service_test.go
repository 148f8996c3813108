package service

import (
	"context"
	"io"
	"os"
	"slices"
	"testing"
	"time"
)

// lazyFile creates its file on the first write, so that a snapshot that was
// never taken leaves no file behind.
type lazyFile struct {
	path string
	file *os.File
}

func (l *lazyFile) Write(p []byte) (int, error) {
	if l.file == nil {
		f, err := os.Create(l.path)
		if err != nil {
			return 0, err
		}
		l.file = f
	}
	return l.file.Write(p)
}

// snapshot is where the service writes its snapshot: the file the workshop
// names in WORKSHOP_SNAPSHOT, or nowhere.
func snapshot(t *testing.T) io.Writer {
	path := os.Getenv("WORKSHOP_SNAPSHOT")
	if path == "" {
		return io.Discard
	}
	w := &lazyFile{path: path}
	t.Cleanup(func() {
		if w.file != nil {
			w.file.Close()
		}
	})
	return w
}

func TestRun(t *testing.T) {
	s := &Service{Budget: 20 * time.Millisecond, Snapshot: snapshot(t)}
	ids := make([]int, 100)
	for i := range ids {
		ids[i] = i
	}
	slow := s.Run(context.Background(), ids)
	if !slices.Equal(slow, []int{37, 87}) {
		t.Fatalf("slow requests = %v, want [37 87]", slow)
	}
}
