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
	Numbers int // runs of digits
	Lines   int // newline characters
}

// class is what a byte is to the counter.
type class uint8

const (
	space class = iota
	letter
	digit
	other
)

// Token is a run of bytes of one class.
type Token struct {
	Class class
	Len   int // bytes
	Lines int // newlines in it
}

// Count reads src to its end and counts the words, numbers and lines in it.
// An error of src is returned with the line it happened on.
func Count(src io.ByteScanner) (c Counts, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("line %d: %w", c.Lines+1, err)
		}
	}()
	for {
		t, err := scan(src)
		if err != nil {
			return c, err
		}
		if t == nil {
			return c, nil
		}
		switch t.Class {
		case letter:
			c.Words++
		case digit:
			c.Numbers++
		}
		c.Lines += t.Lines
	}
}

// scan reads the next token of src, or nil at its end.
func scan(src io.ByteScanner) (*Token, error) {
	b, err := src.ReadByte()
	if err != nil {
		if err == io.EOF {
			err = nil
		}
		return nil, err
	}
	t := &Token{Class: classify(b), Len: 1}
	for {
		if b == '\n' {
			t.Lines++
		}
		b, err = src.ReadByte()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, err
		}
		if classify(b) != t.Class {
			return t, src.UnreadByte()
		}
		t.Len++
	}
}

// classify says what a byte is: ASCII letters, the bytes of UTF-8 sequences
// (letters of other scripts) and ' and - take part in words.
func classify(b byte) class {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', b >= 0x80, b == '\'', b == '-':
		return letter
	case '0' <= b && b <= '9':
		return digit
	case b == ' ', b == '\t', b == '\n', b == '\r':
		return space
	}
	return other
}
