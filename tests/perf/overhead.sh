#!/usr/bin/env bash
# Measures `workshop verify` against the bare `go test` commands that do the same
# work (per exercise: functional tests and benchmark runs, on the starter and on
# the solution), interleaved so that machine noise hits both alike.
#
#   tests/perf/overhead.sh [rounds]        (default 5; builds the release binary)
#
# Prints the wall time of each round and the medians. Only heap/01-concat's runs
# are reproduced by hand here; extend `bare` when more exercises land.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
cargo build --release --quiet
bin=$PWD/target/release/workshop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r exercises "$work/starter"
cp -r exercises "$work/solution"
cp checks/heap/01-concat/solution/concat.go "$work/solution/heap/01-concat/concat.go"

bare() {
    for side in starter solution; do
        (cd "$work/$side" &&
            go test -count=1 -run '^TestBuildLine' ./heap/01-concat/ >/dev/null &&
            go test -run '^$' -bench '^BenchmarkBuildLine$' -benchtime 200x -count 3 -benchmem ./heap/01-concat/ >/dev/null)
    done
}
runner() {
    "$bin" verify -j 1 heap/01-concat >/dev/null
}
now() { date +%s.%N; }

# Warm the build cache once.
bare; runner

bare_times=(); runner_times=()
for i in $(seq "$rounds"); do
    t0=$(now); bare; t1=$(now); runner; t2=$(now)
    b=$(echo "$t1 - $t0" | bc); r=$(echo "$t2 - $t1" | bc)
    bare_times+=("$b"); runner_times+=("$r")
    printf 'round %d: go test %.3fs  workshop verify %.3fs\n' "$i" "$b" "$r"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bare_times[@]}"); mr=$(median "${runner_times[@]}")
printf 'median: go test %.3fs  workshop verify %.3fs  ratio %.3f\n' "$mb" "$mr" "$(echo "$mr / $mb" | bc -l)"
