// Package thumbs computes small summaries ("thumbnails") of many images.
package thumbs

import (
	"runtime"
	"sync"
)

// Image is a grey-scale picture.
type Image struct {
	Width, Height int
	Pixels        []byte
}

// Thumb is the average brightness of each quarter of an image.
type Thumb [4]byte

// Thumbnails summarises every image, concurrently.
//
// One worker per core takes image indexes from a channel: as many goroutines
// as can run at once, no more. Thousands of goroutines for thousands of small
// jobs only make the scheduler queue them.
func Thumbnails(images []Image) []Thumb {
	thumbs := make([]Thumb, len(images))
	next := make(chan int, len(images))
	for i := range images {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				thumbs[i] = thumbnail(images[i])
			}
		}()
	}
	wg.Wait()
	return thumbs
}

func thumbnail(img Image) Thumb {
	var sums [4]int
	var counts [4]int
	for y := 0; y < img.Height; y++ {
		for x := 0; x < img.Width; x++ {
			q := 0
			if x >= img.Width/2 {
				q++
			}
			if y >= img.Height/2 {
				q += 2
			}
			sums[q] += int(img.Pixels[y*img.Width+x])
			counts[q]++
		}
	}
	var t Thumb
	for q := range t {
		if counts[q] > 0 {
			t[q] = byte(sums[q] / counts[q])
		}
	}
	return t
}
