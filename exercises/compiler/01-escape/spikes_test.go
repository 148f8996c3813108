package spikes

import (
	"math"
	"testing"
)

func TestSummarize(t *testing.T) {
	s := summarize([]float64{1, 2, 3, 4})
	if s.Min != 1 || s.Max != 4 || s.Mean != 2.5 || s.N != 4 {
		t.Fatalf("summarize = %+v", s)
	}
	if want := math.Sqrt(1.25); math.Abs(s.StdDev-want) > 1e-12 {
		t.Fatalf("StdDev = %v, want %v", s.StdDev, want)
	}
	if e := summarize(nil); e.N != 0 || !math.IsInf(e.Min, 1) {
		t.Fatalf("summarize(nil) = %+v", e)
	}
}

func TestSpikes(t *testing.T) {
	samples := signal()
	if got, want := Spikes(samples, 64), 16; got != want {
		t.Fatalf("Spikes = %d, want %d", got, want)
	}
	if got := Spikes(samples[:10], 64); got != 0 {
		t.Fatalf("Spikes of a short signal = %d, want 0", got)
	}
}

// signal returns 64 Ki samples of a wave with a spike in every 64th window.
func signal() []float64 {
	samples := make([]float64, 1<<16)
	for i := range samples {
		samples[i] = math.Sin(float64(i) / 7)
		if i%(64*64) == 17 {
			samples[i] = 40
		}
	}
	return samples
}

func BenchmarkSpikes(b *testing.B) {
	samples := signal()
	for b.Loop() {
		Spikes(samples, 64)
	}
}
