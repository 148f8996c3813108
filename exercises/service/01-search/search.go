// Package search answers queries over a directory of log files: every line
// that matches a regular expression, with its file and line number. The
// searchd command serves it over HTTP.
package search

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Match is one line that matched a query.
type Match struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Result is the answer to a query: how many lines matched, and the first of them.
type Result struct {
	Query   string  `json:"query"`
	Count   int     `json:"count"`
	Matches []Match `json:"matches"`
}

// Index is a directory of log files to search.
type Index struct {
	dir   string
	files []string
}

// Open lists the .log files of dir.
func Open(dir string) (*Index, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil {
		return nil, err
	}
	ix := &Index{dir: dir}
	for _, name := range names {
		ix.files = append(ix.files, filepath.Base(name))
	}
	sort.Strings(ix.files)
	return ix, nil
}

// mu guards the matches of the searches in flight.
var mu sync.Mutex

// Search finds the lines that match the regular expression query, in file
// and line order; Matches holds the first limit of them.
func (ix *Index) Search(query string, limit int) (Result, error) {
	if _, err := regexp.Compile(query); err != nil {
		return Result{}, err
	}
	var (
		matches  []Match
		firstErr error
		wg       sync.WaitGroup
	)
	for _, name := range ix.files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := os.ReadFile(filepath.Join(ix.dir, name))
			if err != nil {
				mu.Lock()
				firstErr = err
				mu.Unlock()
				return
			}
			text := string(data)
			for i, line := range strings.Split(text, "\n") {
				mu.Lock()
				if ok, _ := regexp.MatchString(query, line); ok {
					matches = append(matches, Match{File: name, Line: i + 1, Text: line})
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return Result{}, firstErr
	}
	sort.Slice(matches, func(i, j int) bool {
		if matches[i].File != matches[j].File {
			return matches[i].File < matches[j].File
		}
		return matches[i].Line < matches[j].Line
	})
	result := Result{Query: query, Count: len(matches), Matches: matches}
	if len(result.Matches) > limit {
		result.Matches = result.Matches[:limit]
	}
	return result, nil
}

// Files lists the files searched.
func (ix *Index) Files() []string {
	return ix.files
}
