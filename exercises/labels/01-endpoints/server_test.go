package endpoints

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t testing.TB, h http.Handler, path string) (int, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
	return w.Code, w.Body.String()
}

func TestEndpoints(t *testing.T) {
	h := NewHandler()
	for _, c := range []struct {
		path, want string
		code       int
	}{
		{"/search?q=timeout", "1000\n", 200},
		{"/search?q=id=3999", "1\n", 200},
		{"/search", "missing q\n", 400},
		{"/items", `{"id":60,"name":"item-60","price":6000}]` + "\n", 200},
		{"/health", "ok\n", 200},
		{"/nowhere", "404 page not found\n", 404},
	} {
		code, body := get(t, h, c.path)
		if code != c.code || !strings.HasSuffix(body, c.want) {
			t.Errorf("GET %s: %d %q, want %d ending in %q", c.path, code, body, c.code, c.want)
		}
	}
}

// discard is a ResponseWriter that keeps nothing, so that the benchmark
// measures the handlers rather than a recorder.
type discard struct {
	header http.Header
	code   int
}

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(code int)        { d.code = code }

// BenchmarkEndpoints sends the three endpoints the same number of requests,
// in turn.
func BenchmarkEndpoints(b *testing.B) {
	h := NewHandler()
	var requests []*http.Request
	for _, path := range []string{"/search?q=timeout", "/items", "/health"} {
		requests = append(requests, httptest.NewRequest("GET", path, nil))
	}
	w := &discard{header: http.Header{}}
	for i := 0; b.Loop(); i++ {
		w.code = 200
		h.ServeHTTP(w, requests[i%len(requests)])
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}
