// Command words counts the words, numbers and lines of its standard input,
// which it reads one byte at a time, like wc.
//
// Exercise: run `workshop check pgo/01-profile`. This time the code stays as
// it is: give the compiler the CPU profile that the check measured, as
// default.pgo in this directory, and let it optimise where the time goes.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	c, err := Count(bufio.NewReader(os.Stdin))
	if err != nil {
		fmt.Fprintln(os.Stderr, "words:", err)
		os.Exit(1)
	}
	fmt.Printf("%d words, %d numbers, %d lines\n", c.Words, c.Numbers, c.Lines)
}

// Counts is what Count found in a text.
type Counts struct {
	Words   int // runs of letters (with ' and - inside words)
	Numbers int // runs of digits (with . and , between digits)
	Lines   int // newline characters
}

// class is what a byte is to the counter.
type class uint8

const (
	space class = iota
	letter
	digit
	joiner // ' - . , : continue a word or a number when more of it follows
	other
)

// Count reads src to its end and counts the words, numbers and lines in it.
func Count(src io.ByteReader) (Counts, error) {
	var c Counts
	prev := space
	for {
		b, err := src.ReadByte()
		if err != nil {
			if err == io.EOF {
				return c, nil
			}
			return c, err
		}
		k := classify(b)
		if k != prev {
			switch {
			case k == letter && prev != joiner:
				c.Words++
			case k == digit && prev != joiner && prev != letter:
				c.Numbers++
			case k == joiner && prev != letter && prev != digit:
				k = space
			}
		}
		if b == '\n' {
			c.Lines++
		}
		prev = k
	}
}

// classify says what a byte is: ASCII letters, digits and the bytes of
// UTF-8 sequences (letters of other scripts) take part in words.
func classify(b byte) class {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', b == '_':
		return letter
	case '0' <= b && b <= '9':
		return digit
	case b >= 0x80:
		return letter
	case b == '\'' || b == '-' || b == '.' || b == ',' || b == ':':
		return joiner
	case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f':
		return space
	}
	return other
}
