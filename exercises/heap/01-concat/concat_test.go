package concat

import (
	"fmt"
	"strings"
	"testing"
)

func TestBuildLine(t *testing.T) {
	cases := []struct {
		fields []string
		sep    string
		want   string
	}{
		{nil, ",", ""},
		{[]string{"a"}, ",", "a"},
		{[]string{"a", "b", "c"}, ",", "a,b,c"},
		{[]string{"", "", ""}, "--", "----"},
		{[]string{"héllo", "wörld"}, " · ", "héllo · wörld"},
	}
	for _, c := range cases {
		if got := BuildLine(c.fields, c.sep); got != c.want {
			t.Errorf("BuildLine(%q, %q) = %q, want %q", c.fields, c.sep, got, c.want)
		}
	}
}

func TestBuildLineMatchesJoin(t *testing.T) {
	fields := benchFields()
	if got, want := BuildLine(fields, ";"), strings.Join(fields, ";"); got != want {
		t.Fatalf("BuildLine differs from strings.Join for %d fields", len(fields))
	}
}

// benchFields returns 1000 fields of 6 to 9 bytes each.
func benchFields() []string {
	fields := make([]string, 1000)
	for i := range fields {
		fields[i] = fmt.Sprintf("field%d", i)
	}
	return fields
}

func BenchmarkBuildLine(b *testing.B) {
	fields := benchFields()
	b.ResetTimer()
	for b.Loop() {
		_ = BuildLine(fields, ";")
	}
}
