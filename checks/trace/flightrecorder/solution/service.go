// Package service handles requests against a latency budget.
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
//
// A flight recorder keeps the last second or so of execution trace in memory,
// at little cost. When a request runs over budget, what the recorder holds
// (the slow request and what came before it) is written out once: the rare
// event is caught as it happens, without tracing everything all the time.
func (s *Service) Run(ctx context.Context, ids []int) []int {
	recorder := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   time.Second,
		MaxBytes: 2 << 20,
	})
	if err := recorder.Start(); err == nil {
		defer recorder.Stop()
	}
	written := false

	var slow []int
	for _, id := range ids {
		start := time.Now()
		s.handle(ctx, id)
		if time.Since(start) > s.Budget {
			slow = append(slow, id)
			if !written && recorder.Enabled() {
				_, err := recorder.WriteTo(s.Snapshot)
				written = err == nil
			}
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
