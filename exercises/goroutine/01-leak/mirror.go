// Package mirror fetches a resource from whichever mirror answers first.
//
// Exercise: run `workshop check goroutine/01-leak`. The answers are right,
// but every call leaves goroutines behind that never end. The execution trace
// shows which ones, where they were created and where they wait.
package mirror

import (
	"fmt"
	"hash/fnv"
)

// Mirror is one copy of the service.
type Mirror struct {
	Name string
	// Work is how much hashing a lookup on this mirror costs (a slower mirror
	// has more).
	Work int
}

// Get looks a key up on the mirror. Every mirror gives the same answer; the
// slower ones take longer.
func (m Mirror) Get(key string) string {
	busy := fnv.New64a()
	for i := 0; i < m.Work; i++ {
		busy.Write([]byte(key))
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return fmt.Sprintf("%s:%x", key, h.Sum64()&0xffff)
}

// First asks every mirror at once and returns the first answer.
func First(mirrors []Mirror, key string) string {
	answers := make(chan string)
	for _, m := range mirrors {
		go func() {
			answers <- m.Get(key)
		}()
	}
	return <-answers
}
