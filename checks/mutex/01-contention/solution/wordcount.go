// Package wordcount counts words across many texts, concurrently.
package wordcount

import "strings"

// Count returns how often each word occurs in all texts, using the given
// number of worker goroutines.
//
// Each worker counts into a map of its own, with no lock at all, and hands
// that map over once, when its input runs out; this goroutine merges them.
// Nothing is shared while counting, so nobody waits for anybody.
func Count(texts []string, workers int) map[string]int {
	next := make(chan string)
	partial := make(chan map[string]int)
	for w := 0; w < workers; w++ {
		go func() {
			local := map[string]int{}
			for text := range next {
				for _, word := range strings.Fields(text) {
					local[strings.ToLower(word)]++
				}
			}
			partial <- local
		}()
	}
	go func() {
		for _, text := range texts {
			next <- text
		}
		close(next)
	}()
	counts := map[string]int{}
	for w := 0; w < workers; w++ {
		for word, n := range <-partial {
			counts[word] += n
		}
	}
	return counts
}
