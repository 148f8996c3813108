// Package service handles requests against a latency budget.
//
// Exercise: run `workshop check trace/flightrecorder`. Now and then a request
// takes far longer than its budget, and by the time anyone notices, it is
// over. Keep a flight recorder running, and when a request runs over its
// budget, write what the recorder holds to Service.Snapshot: an execution trace
// of the moments that led up to the slow request.
package service

import (
	"context"
	"hash/crc32"
	"io"
	"runtime/trace"
	"time"
)

// Service handles requests one after another.
type Service struct {
	// Budget is how long a request may take.
	Budget time.Duration
	// Snapshot receives an execution trace when a request runs over budget.
	Snapshot io.Writer
}

// Run handles the requests and returns the ids of those that ran over budget.
func (s *Service) Run(ctx context.Context, ids []int) []int {
	var slow []int
	for _, id := range ids {
		start := time.Now()
		s.handle(ctx, id)
		if time.Since(start) > s.Budget {
			slow = append(slow, id)
		}
	}
	return slow
}

func (s *Service) handle(ctx context.Context, id int) {
	ctx, task := trace.NewTask(ctx, "request")
	defer task.End()
	trace.WithRegion(ctx, "handle", func() { work(id) })
}

// work is the request's real work; a few ids hit a slow path.
func work(id int) uint32 {
	if id%50 == 37 {
		time.Sleep(60 * time.Millisecond)
	}
	data := make([]byte, 4096)
	for i := range data {
		data[i] = byte(id + i)
	}
	return crc32.ChecksumIEEE(data)
}
