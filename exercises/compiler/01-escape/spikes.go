// Package spikes finds the windows of a signal whose peak stands far above
// their mean.
package spikes

import "math"

// Stats summarises one window of samples.
type Stats struct {
	Min, Max, Mean, StdDev float64
	N                      int
}

// summarize computes the statistics of one window.
func summarize(window []float64) *Stats {
	s := Stats{Min: math.Inf(1), Max: math.Inf(-1), N: len(window)}
	if len(window) == 0 {
		return &s
	}
	var sum float64
	for _, x := range window {
		sum += x
		if x < s.Min {
			s.Min = x
		}
		if x > s.Max {
			s.Max = x
		}
	}
	s.Mean = sum / float64(len(window))
	var squares float64
	for _, x := range window {
		d := x - s.Mean
		squares += d * d
	}
	s.StdDev = math.Sqrt(squares / float64(len(window)))
	return &s
}

// Spikes counts the windows of width samples whose maximum lies more than
// three standard deviations above their mean.
func Spikes(samples []float64, width int) int {
	spikes := 0
	for start := 0; start+width <= len(samples); start += width {
		s := summarize(samples[start : start+width])
		if s.Max > s.Mean+3*s.StdDev {
			spikes++
		}
	}
	return spikes
}
