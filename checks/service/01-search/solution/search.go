// Package search answers queries over a directory of log files: every line
// that matches a regular expression, with its file and line number. The
// searchd command serves it over HTTP.
package search

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
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

// maxLine is the longest line a search reads.
const maxLine = 1 << 20

// Search finds the lines that match the regular expression query, in file
// and line order; Matches holds the first limit of them.
//
// The expression is compiled once per search; each file is read line by line
// through one buffer, matched as bytes, and only a matching line listed in
// the answer becomes a string. The files are searched one after the other in
// the request's goroutine: the server already runs one per request, so the
// cores are busy without more goroutines, and the matches need no lock.
func (ix *Index) Search(query string, limit int) (Result, error) {
	re, err := regexp.Compile(query)
	if err != nil {
		return Result{}, err
	}
	result := Result{Query: query}
	buffer := make([]byte, 0, 16*1024)
	for _, name := range ix.files {
		if err := ix.searchFile(re, name, buffer, limit, &result); err != nil {
			return Result{}, err
		}
	}
	return result, nil
}

func (ix *Index) searchFile(re *regexp.Regexp, name string, buffer []byte, limit int, result *Result) error {
	f, err := os.Open(filepath.Join(ix.dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	lines.Buffer(buffer, maxLine)
	for n := 1; lines.Scan(); n++ {
		if !re.Match(lines.Bytes()) {
			continue
		}
		result.Count++
		if len(result.Matches) < limit {
			result.Matches = append(result.Matches, Match{File: name, Line: n, Text: lines.Text()})
		}
	}
	return lines.Err()
}

// Files lists the files searched.
func (ix *Index) Files() []string {
	return ix.files
}
