// Package wordcount counts words across many texts, concurrently.
//
// Exercise: run `workshop check mutex/01-contention`. The workers spend their
// time waiting for each other; the mutex profile shows where.
package wordcount

import (
	"strings"
	"sync"
)

// Count returns how often each word occurs in all texts, using the given
// number of worker goroutines.
func Count(texts []string, workers int) map[string]int {
	var (
		mu     sync.Mutex
		counts = map[string]int{}
		wg     sync.WaitGroup
	)
	next := make(chan string)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for text := range next {
				for _, word := range strings.Fields(text) {
					mu.Lock()
					counts[strings.ToLower(word)]++
					mu.Unlock()
				}
			}
		}()
	}
	for _, text := range texts {
		next <- text
	}
	close(next)
	wg.Wait()
	return counts
}
