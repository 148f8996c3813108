// Package endpoints is a small HTTP service with three endpoints of very
// different cost: /search scans a corpus of log lines for a word, /items
// lists a few records as JSON, /health answers "ok".
//
// A CPU profile of the service shows where the time goes by function, but
// not which endpoint spent it: the handlers share helpers (and in a real
// service, a database client, JSON encoding, compression...). Profiler
// labels tell: a CPU sample taken while a goroutine carries labels carries
// them too.
package endpoints

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime/pprof"
	"strings"
)

// NewHandler returns the service's handler.
func NewHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /search", search)
	mux.HandleFunc("GET /items", items)
	mux.HandleFunc("GET /health", health)
	return withEndpointLabel(mux)
}

// withEndpointLabel runs each request under the profiler label
// endpoint=<path>: every CPU sample taken while it is handled carries the
// label, and `go tool pprof -tags` or `-tagfocus endpoint=/search` tell the
// endpoints apart. The label goes with the context to goroutines started
// with it (pprof.Do sets the goroutine's labels; new goroutines inherit them).
func withEndpointLabel(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pprof.Do(r.Context(), pprof.Labels("endpoint", r.URL.Path), func(ctx context.Context) {
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	})
}

// corpus is what /search scans: 4000 lines of a made-up log.
var corpus = func() []string {
	levels := []string{"info", "warn", "error", "debug"}
	words := []string{"request", "timeout", "retry", "cache", "miss", "user", "login", "disk"}
	lines := make([]string, 4000)
	for i := range lines {
		lines[i] = fmt.Sprintf("2026-01-02T03:%02d:%02d %s %s %s id=%d",
			i/60%60, i%60, levels[i%len(levels)], words[i%len(words)], words[(i*7)%len(words)], i)
	}
	return lines
}()

// search counts the corpus lines that contain the query `q`.
func search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if q == "" {
		http.Error(w, "missing q", http.StatusBadRequest)
		return
	}
	n := 0
	for _, line := range corpus {
		if strings.Contains(line, q) {
			n++
		}
	}
	fmt.Fprintf(w, "%d\n", n)
}

type item struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Price int    `json:"price"`
}

var catalogue = func() []item {
	items := make([]item, 60)
	for i := range items {
		items[i] = item{ID: i + 1, Name: fmt.Sprintf("item-%d", i+1), Price: 100 * (i + 1)}
	}
	return items
}()

// items lists the catalogue as JSON.
func items(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(catalogue)
}

// health says the service is up.
func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok\n"))
}
