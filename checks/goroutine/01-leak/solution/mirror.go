// Package mirror fetches a resource from whichever mirror answers first.
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
//
// The channel has room for every answer, so the mirrors that lose the race
// can still deliver theirs and end; nobody reads those answers, and the
// channel is collected once they are done. (A context cancelled after the
// first answer, with the sends in a select, works too and also stops the
// losers' work early.)
func First(mirrors []Mirror, key string) string {
	answers := make(chan string, len(mirrors))
	for _, m := range mirrors {
		go func() {
			answers <- m.Get(key)
		}()
	}
	return <-answers
}
