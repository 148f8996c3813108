// Package thumbs computes small summaries ("thumbnails") of many images.
//
// Exercise: run `workshop check trace/01-basics`. Every image gets a goroutine
// of its own. The execution trace shows what that does to the scheduler: how
// many goroutines are alive at once, and how long they wait to run.
package thumbs

import "sync"

// Image is a grey-scale picture.
type Image struct {
	Width, Height int
	Pixels        []byte
}

// Thumb is the average brightness of each quarter of an image.
type Thumb [4]byte

// Thumbnails summarises every image, concurrently.
func Thumbnails(images []Image) []Thumb {
	thumbs := make([]Thumb, len(images))
	var wg sync.WaitGroup
	for i, img := range images {
		wg.Add(1)
		go func() {
			defer wg.Done()
			thumbs[i] = thumbnail(img)
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
