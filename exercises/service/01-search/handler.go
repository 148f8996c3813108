package search

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// DefaultLimit is how many matches an answer lists when the query says nothing.
const DefaultLimit = 20

// ServeHTTP answers GET /search?q=<regexp>[&limit=N] with a Result as JSON.
func (ix *Index) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query().Get("q")
	if query == "" {
		http.Error(w, "missing q, the regular expression to search for", http.StatusBadRequest)
		return
	}
	limit := DefaultLimit
	if text := r.URL.Query().Get("limit"); text != "" {
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 {
			http.Error(w, "limit must be a whole number", http.StatusBadRequest)
			return
		}
		limit = n
	}
	result, err := ix.Search(query, limit)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(result)
}
