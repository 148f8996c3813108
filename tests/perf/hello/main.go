// Command hello answers every request with a few bytes: a server with
// nothing to do, for measuring load generators against each other.
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18080", "where to listen")
	flag.Parse()
	body := []byte("hello\n")
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(body)
	})))
}
