// Package pipeline imports batches of records: parse, validate, store.
package pipeline

import (
	"context"
	"runtime/trace"
	"strconv"
	"strings"
)

// Record is one imported line.
type Record struct {
	ID    int
	Name  string
	Valid bool
}

// Import processes one batch of "id,name" lines and returns how many records
// were stored.
//
// Each stage runs in a region named after it, inside the batch's task, and
// the batch logs its size: the trace's task view then shows, per batch, how
// long each stage took and how many records it handled.
func Import(ctx context.Context, batch []string, store *Store) int {
	ctx, task := trace.NewTask(ctx, "batch")
	defer task.End()
	trace.Log(ctx, "records", strconv.Itoa(len(batch)))

	var records []Record
	trace.WithRegion(ctx, "parse", func() { records = parse(batch) })
	trace.WithRegion(ctx, "validate", func() { validate(records) })
	return store.Save(ctx, records)
}

func parse(lines []string) []Record {
	records := make([]Record, 0, len(lines))
	for _, line := range lines {
		id, name, _ := strings.Cut(line, ",")
		n, err := strconv.Atoi(id)
		records = append(records, Record{ID: n, Name: name, Valid: err == nil})
	}
	return records
}

func validate(records []Record) {
	for i := range records {
		r := &records[i]
		r.Valid = r.Valid && r.Name != "" && strings.ToLower(r.Name) == r.Name
	}
}

// Store keeps valid records by id.
type Store struct {
	byID map[int]string
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{byID: map[int]string{}} }

// Save stores the valid records and returns how many it stored.
func (s *Store) Save(ctx context.Context, records []Record) int {
	defer trace.StartRegion(ctx, "store").End()
	n := 0
	for _, r := range records {
		if r.Valid {
			s.byID[r.ID] = r.Name
			n++
		}
	}
	return n
}
