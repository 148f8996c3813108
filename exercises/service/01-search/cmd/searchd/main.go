// Command searchd serves searches over a directory of log files:
//
//	GET /search?q=<regexp>[&limit=N]   the matching lines, as JSON
//	GET /healthz                       200 once the service is up
//
// The pprof endpoints are served on a second, internal address (-debug),
// never on the public one.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	search "workshop.example/exercises/service/01-search"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the address of the search API")
	debug := flag.String("debug", "127.0.0.1:6060", "the internal address of the pprof endpoints")
	logs := flag.String("logs", "testdata/logs", "the directory of the log files")
	flag.Parse()

	// Record every contended lock, for /debug/pprof/mutex.
	runtime.SetMutexProfileFraction(1)

	ix, err := search.Open(*logs)
	if err != nil {
		log.Fatal(err)
	}
	api := http.NewServeMux()
	api.Handle("GET /search", ix)
	api.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	internal := http.NewServeMux()
	internal.HandleFunc("/debug/pprof/", pprof.Index)
	internal.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	internal.HandleFunc("/debug/pprof/profile", pprof.Profile)
	internal.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	internal.HandleFunc("/debug/pprof/trace", pprof.Trace)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	servers := []*http.Server{
		serve(*addr, api),
		// Profiles take seconds to collect: no write timeout here.
		serve(*debug, internal),
	}
	log.Printf("searchd: %d log files; serving on http://%s, pprof on http://%s/debug/pprof/", len(ix.Files()), *addr, *debug)
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, s := range servers {
		s.Shutdown(shutdown)
	}
}

// serve listens on addr at once, so that a taken port stops the program
// before it says it is serving, and serves handler there.
func serve(addr string, handler http.Handler) *http.Server {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	server := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	return server
}
