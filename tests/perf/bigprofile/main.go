// Command bigprofile writes a large heap profile, for the profile reader's
// benchmark: every allocation is recorded (MemProfileRate = 1) and each comes
// from its own call path, 2^depth of them.
//
//	go run . -depth 20 big.pprof
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

var keep [][]byte

//go:noinline
func left(depth, path int) { walk(depth-1, path<<1) }

//go:noinline
func right(depth, path int) { walk(depth-1, path<<1|1) }

// walk reaches every leaf of a binary tree of calls, so each leaf allocation
// has a stack no other allocation shares.
//
//go:noinline
func walk(depth, path int) {
	if depth == 0 {
		keep = append(keep, make([]byte, 16+path%64))
		return
	}
	left(depth, path)
	right(depth, path)
}

func main() {
	depth := flag.Int("depth", 20, "levels of calls: 2^depth distinct stacks")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bigprofile [-depth N] out.pprof")
		os.Exit(2)
	}
	runtime.MemProfileRate = 1
	walk(*depth, 0)
	runtime.GC()
	f, err := os.Create(flag.Arg(0))
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		panic(err)
	}
	f.Close()
}
