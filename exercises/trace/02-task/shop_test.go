package shop

import (
	"context"
	"testing"
)

func TestHandle(t *testing.T) {
	resp := Handle(context.Background(), Request{UserID: 7})
	if resp.User != "user-7" {
		t.Errorf("User = %q", resp.User)
	}
	if len(resp.Orders) != 2 || resp.Orders[1] != "order-7-1" {
		t.Errorf("Orders = %v", resp.Orders)
	}
}

// BenchmarkHandle serves 50 requests per iteration.
func BenchmarkHandle(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		for id := 0; id < 50; id++ {
			Handle(ctx, Request{UserID: id})
		}
	}
}
