package search

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func open(t *testing.T) *Index {
	t.Helper()
	ix, err := Open("testdata/logs")
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.Files()) != 16 {
		t.Fatalf("found %d log files, want 16", len(ix.Files()))
	}
	return ix
}

func TestSearchFindsEveryMatchInOrder(t *testing.T) {
	ix := open(t)
	for _, c := range []struct {
		query string
		count int
	}{
		{"timeout", 113},
		{`status=50[0-9]`, 327},
		{`user=u1[0-9]{3} `, 344},
		{"no such text anywhere", 0},
	} {
		result, err := ix.Search(c.query, 1000)
		if err != nil {
			t.Fatalf("Search(%q): %v", c.query, err)
		}
		if result.Count != c.count || len(result.Matches) != c.count {
			t.Errorf("Search(%q) found %d (listed %d), want %d", c.query, result.Count, len(result.Matches), c.count)
		}
		for i := 1; i < len(result.Matches); i++ {
			a, b := result.Matches[i-1], result.Matches[i]
			if a.File > b.File || (a.File == b.File && a.Line >= b.Line) {
				t.Fatalf("Search(%q): match %d (%s:%d) comes after %s:%d", c.query, i, b.File, b.Line, a.File, a.Line)
			}
		}
	}
	first, _ := ix.Search("timeout", 1)
	want := Match{File: "api-00.log", Line: 5}
	if len(first.Matches) != 1 || first.Matches[0].File != want.File || first.Matches[0].Line != want.Line {
		t.Fatalf("first match of timeout: %+v, want api-00.log:5", first.Matches)
	}
	if !strings.Contains(first.Matches[0].Text, `msg="upstream timeout"`) {
		t.Errorf("the match's text is %q, want the whole line", first.Matches[0].Text)
	}
	if first.Count != 113 {
		t.Errorf("Count with a limit of 1 is %d, want 113", first.Count)
	}
}

func TestSearchRefusesABadExpression(t *testing.T) {
	if _, err := open(t).Search("(unclosed", 10); err == nil {
		t.Fatal("Search of an invalid regular expression succeeded")
	}
}

func TestHandler(t *testing.T) {
	ix := open(t)
	w := httptest.NewRecorder()
	ix.ServeHTTP(w, httptest.NewRequest("GET", "/search?q=timeout&limit=3", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var result Result
	if err := json.Unmarshal(w.Body.Bytes(), &result); err != nil {
		t.Fatal(err)
	}
	if result.Count != 113 || len(result.Matches) != 3 || result.Query != "timeout" {
		t.Errorf("answer: count %d, %d matches, query %q", result.Count, len(result.Matches), result.Query)
	}
	for _, bad := range []string{"/search", "/search?q=(", "/search?q=x&limit=many"} {
		w := httptest.NewRecorder()
		ix.ServeHTTP(w, httptest.NewRequest("GET", bad, nil))
		if w.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", bad, w.Code)
		}
	}
}

// BenchmarkSearch is one search of the log files, as the service makes it.
func BenchmarkSearch(b *testing.B) {
	ix, err := Open("testdata/logs")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ix.Search("timeout", DefaultLimit); err != nil {
			b.Fatal(err)
		}
	}
}
