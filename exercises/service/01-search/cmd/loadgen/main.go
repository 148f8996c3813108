// Command loadgen keeps searchd busy while you profile it: it sends searches
// over a few connections, each as soon as the last one is answered, and says
// how fast they were answered when it is done (or stopped with Ctrl-C).
//
//	go run ./cmd/loadgen -d 30s
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os/signal"
	"slices"
	"sync"
	"syscall"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "where searchd serves")
	connections := flag.Int("c", 8, "how many searches are in flight at once")
	duration := flag.Duration("d", 10*time.Second, "how long to send searches")
	flag.Parse()

	queries := []string{"timeout", "timeout", "timeout", `status=50[0-9]`, `user=u1[0-9]{3} `}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()

	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *connections},
	}
	log.Printf("loadgen: searching %s over %d connections for %s", *base, *connections, *duration)
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failed    int
		wg        sync.WaitGroup
	)
	started := time.Now()
	for c := 0; c < *connections; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				target := *base + "/search?q=" + url.QueryEscape(queries[i%len(queries)])
				begin := time.Now()
				answer, err := client.Get(target)
				if err == nil {
					io.Copy(io.Discard, answer.Body)
					answer.Body.Close()
				}
				took := time.Since(begin)
				mu.Lock()
				if err != nil || answer.StatusCode != http.StatusOK {
					failed++
				} else {
					latencies = append(latencies, took)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(started)
	slices.Sort(latencies)
	at := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[int(p*float64(len(latencies)-1))]
	}
	fmt.Printf("%d searches in %s (%.0f/s), %d failed\n", len(latencies)+failed, elapsed.Round(time.Millisecond), float64(len(latencies))/elapsed.Seconds(), failed)
	fmt.Printf("latency p50 %s, p90 %s, p99 %s, max %s\n", at(0.5), at(0.9), at(0.99), at(1))
}
