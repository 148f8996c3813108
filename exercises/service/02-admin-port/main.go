// Command inventory serves the stock of a small shop:
//
//	GET /items     the items, as JSON
//	GET /healthz   200 once the service is up
//
// It also serves Go's profiling endpoints (net/http/pprof), for the team to
// diagnose it in production.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the public address of the API")
	debug := flag.String("debug", "127.0.0.1:6060", "the internal address for diagnostics")
	flag.Parse()
	_ = debug

	http.Handle("/", newAPI())

	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	server := &http.Server{Handler: http.DefaultServeMux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	log.Printf("inventory: serving on http://%s", *addr)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	server.Shutdown(shutdown)
}
