// Package shop serves order-history requests.
//
// Exercise: run `workshop check trace/02-task`. In an execution trace the
// lookups of one request run on different goroutines, and nothing says which
// request they belong to. Make every request a trace task that covers the
// goroutines working for it.
package shop

import (
	"context"
	"fmt"
	"runtime/trace"
	"sync"
)

// Request asks for a user's order history.
type Request struct {
	UserID int
}

// Response is what the handler returns.
type Response struct {
	User   string
	Orders []string
}

// Handle serves one request: it looks up the user and their orders at the
// same time and combines the answers.
func Handle(ctx context.Context, req Request) Response {
	var resp Response
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		resp.User = lookupUser(context.Background(), req.UserID)
	}()
	go func() {
		defer wg.Done()
		resp.Orders = lookupOrders(context.Background(), req.UserID)
	}()
	wg.Wait()
	return resp
}

// lookupUser and lookupOrders stand in for calls to other services. Their
// regions show on the trace, under the task of whatever context they are given.
func lookupUser(ctx context.Context, id int) string {
	defer trace.StartRegion(ctx, "lookup-user").End()
	return fmt.Sprintf("user-%d", id)
}

func lookupOrders(ctx context.Context, id int) []string {
	defer trace.StartRegion(ctx, "lookup-orders").End()
	orders := make([]string, id%5)
	for i := range orders {
		orders[i] = fmt.Sprintf("order-%d-%d", id, i)
	}
	return orders
}
