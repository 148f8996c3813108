package thumbs

import "testing"

func image(w, h int, seed byte) Image {
	px := make([]byte, w*h)
	for i := range px {
		px[i] = seed + byte(i%7)
	}
	return Image{Width: w, Height: h, Pixels: px}
}

func TestThumbnails(t *testing.T) {
	flat := Image{Width: 2, Height: 2, Pixels: []byte{10, 20, 30, 40}}
	got := Thumbnails([]Image{flat, image(8, 8, 100)})
	if got[0] != (Thumb{10, 20, 30, 40}) {
		t.Errorf("thumb of a 2x2 image = %v", got[0])
	}
	if got[1] != thumbnail(image(8, 8, 100)) {
		t.Errorf("thumbs out of order: %v", got[1])
	}
	if len(Thumbnails(nil)) != 0 {
		t.Error("Thumbnails(nil) is not empty")
	}
}

func BenchmarkThumbnails(b *testing.B) {
	images := make([]Image, 4000)
	for i := range images {
		images[i] = image(32, 32, byte(i))
	}
	for b.Loop() {
		Thumbnails(images)
	}
}
