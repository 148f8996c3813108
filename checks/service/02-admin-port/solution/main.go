// Command inventory serves the stock of a small shop:
//
//	GET /items     the items, as JSON
//	GET /healthz   200 once the service is up
//
// Go's profiling endpoints (net/http/pprof) are served on a second listener
// (-debug), on an internal address only: never on the public one.
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
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the public address of the API")
	debug := flag.String("debug", "127.0.0.1:6060", "the internal address for diagnostics")
	flag.Parse()

	// net/http/pprof registers itself on http.DefaultServeMux when imported:
	// neither listener serves that mux. Its handlers go on the internal one
	// by name.
	internal := http.NewServeMux()
	internal.HandleFunc("/debug/pprof/", pprof.Index)
	internal.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	internal.HandleFunc("/debug/pprof/profile", pprof.Profile)
	internal.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	internal.HandleFunc("/debug/pprof/trace", pprof.Trace)

	servers := []*http.Server{
		serve(*addr, newAPI()),
		serve(*debug, internal),
	}
	log.Printf("inventory: serving on http://%s, diagnostics on http://%s/debug/pprof/", *addr, *debug)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, server := range servers {
		server.Shutdown(shutdown)
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
