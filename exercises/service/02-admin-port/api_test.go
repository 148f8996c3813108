package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestItems(t *testing.T) {
	server := httptest.NewServer(newAPI())
	defer server.Close()
	answer, err := http.Get(server.URL + "/items")
	if err != nil {
		t.Fatal(err)
	}
	defer answer.Body.Close()
	if answer.StatusCode != http.StatusOK {
		t.Fatalf("GET /items: %s", answer.Status)
	}
	var items []Item
	if err := json.NewDecoder(answer.Body).Decode(&items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[0].Name != "widget" || items[0].Stock != 42 {
		t.Fatalf("GET /items: %+v", items)
	}
}

func TestHealth(t *testing.T) {
	server := httptest.NewServer(newAPI())
	defer server.Close()
	answer, err := http.Get(server.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	answer.Body.Close()
	if answer.StatusCode != http.StatusOK {
		t.Fatalf("GET /healthz: %s", answer.Status)
	}
}
