package main

import (
	"encoding/json"
	"net/http"
)

// Item is one line of the inventory.
type Item struct {
	SKU   string `json:"sku"`
	Name  string `json:"name"`
	Stock int    `json:"stock"`
}

var inventory = []Item{
	{SKU: "W-100", Name: "widget", Stock: 42},
	{SKU: "G-200", Name: "gadget", Stock: 7},
	{SKU: "S-300", Name: "sprocket", Stock: 0},
}

// newAPI answers GET /items with the inventory as JSON.
func newAPI() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(inventory)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	return mux
}
