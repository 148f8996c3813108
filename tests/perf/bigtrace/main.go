// Command bigtrace writes a large execution trace from a busy program, for the
// reader's benchmark:
//
//	go run . -size 120 big.trace          (stops once the trace passes 120 MB)
//	go run . -size 120 -spawn big.trace   (one goroutine per job: over a million goroutines)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"time"
)

type countingFile struct {
	f *os.File
	n atomic.Int64
}

func (c *countingFile) Write(p []byte) (int, error) {
	n, err := c.f.Write(p)
	c.n.Add(int64(n))
	return n, err
}

var sink atomic.Value

func main() {
	size := flag.Int64("size", 120, "stop after this many megabytes of trace")
	spawn := flag.Bool("spawn", false, "run every job in a goroutine of its own instead of 8 workers")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bigtrace [-size MB] out.trace")
		os.Exit(2)
	}
	f, err := os.Create(flag.Arg(0))
	if err != nil {
		panic(err)
	}
	out := &countingFile{f: f}
	if err := trace.Start(out); err != nil {
		panic(err)
	}
	var mu sync.Mutex
	shared := map[int]int{}
	for out.n.Load() < *size<<20 {
		ctx, task := trace.NewTask(context.Background(), "batch")
		job := func(j int) {
			trace.WithRegion(ctx, "work", func() {
				sink.Store(make([]byte, 256+j%512))
				mu.Lock()
				shared[j%64]++
				mu.Unlock()
			})
		}
		var wg sync.WaitGroup
		if *spawn {
			for j := 0; j < 2000; j++ {
				wg.Add(1)
				go func(j int) {
					defer wg.Done()
					job(j)
				}(j)
			}
		} else {
			jobs := make(chan int)
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := range jobs {
						job(j)
					}
				}()
			}
			for j := 0; j < 2000; j++ {
				jobs <- j
			}
			close(jobs)
		}
		wg.Wait()
		trace.Log(ctx, "done", "batch")
		task.End()
		time.Sleep(time.Microsecond)
	}
	trace.Stop()
	f.Close()
}
