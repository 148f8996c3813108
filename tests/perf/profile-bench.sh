#!/usr/bin/env bash
# Benchmarks the profile reader against go tool pprof on one large heap profile.
#
#   tests/perf/profile-bench.sh [depth] [rounds]     (defaults: 20, 3)
#
# Writes a heap profile with 2^depth distinct call paths (tests/perf/bigprofile),
# then, interleaved so that machine noise hits both alike:
#   go tool pprof -top -sample_index=alloc_space PROFILE > /dev/null
#   workshop inspect --sample alloc_space PROFILE > /dev/null
# (both decode, aggregate flat and cum per function and print a top table),
# and prints wall time and peak memory of each, the ratios, and peak memory as
# a multiple of the profile's size, compressed and decompressed.
# Then, against a base profile of 2^(depth-1) paths, and line by line:
#   go tool pprof -top -diff_base=BASE -sample_index=alloc_space PROFILE
#   workshop inspect --sample alloc_space --base BASE PROFILE
#   go tool pprof -list 'main\.walk' -sample_index=alloc_space PROFILE
#   workshop inspect --sample alloc_space --list 'main\.walk' PROFILE
# (run from the repository, where the listed source, bigprofile/main.go, is).
#
# PROFILE_BENCH_BASELINE=path/to/workshop adds another build of workshop to
# every round (say, one from an earlier commit), to compare before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
depth=${1:-20}
rounds=${2:-3}
cargo build --release --quiet
bin=$PWD/target/release/workshop
baseline=${PROFILE_BENCH_BASELINE:-}
work=${PROFILE_BENCH_DIR:-$(mktemp -d)}
profile=$work/big-$depth.pprof
if [ ! -f "$profile" ]; then
    (cd tests/perf/bigprofile && go run . -depth "$depth" "$profile")
fi
base=$work/big-$((depth - 1)).pprof
if [ ! -f "$base" ]; then
    (cd tests/perf/bigprofile && go run . -depth "$((depth - 1))" "$base")
fi
compressed=$(stat -c %s "$profile")
decompressed=$(gzip -dc "$profile" | wc -c)
printf 'profile: %s (%s bytes compressed, %s decompressed, %s samples)\n' \
    "$profile" "$compressed" "$decompressed" "$((1 << depth))"

measure() { # name command...
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null
    read -r secs rss < "$work/time.txt"
    printf '  %-36s %6.2f s  %6.0f MB max RSS\n' "$name" "$secs" "$(echo "$rss / 1024" | bc -l)"
    echo "$name|$secs|$rss" >> "$work/results.txt"
}

rm -f "$work/results.txt"
for i in $(seq "$rounds"); do
    echo "round $i"
    measure "go tool pprof -top" go tool pprof -top -sample_index=alloc_space "$profile"
    measure "workshop inspect" "$bin" inspect --sample alloc_space "$profile"
    if [ -n "$baseline" ]; then
        measure "baseline inspect" "$baseline" inspect --sample alloc_space "$profile"
    fi
    measure "go tool pprof -top -diff_base" go tool pprof -top -diff_base="$base" -sample_index=alloc_space "$profile"
    measure "workshop inspect --base" "$bin" inspect --sample alloc_space --base "$base" "$profile"
    measure "go tool pprof -list" go tool pprof -list 'main\.walk' -sample_index=alloc_space "$profile"
    measure "workshop inspect --list" "$bin" inspect --sample alloc_space --list 'main\.walk' "$profile"
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# The median time and peak memory (KB) of one program's rounds.
medians() { # name
    local t m
    t=$(grep "^$1|" "$work/results.txt" | cut -d'|' -f2 | median)
    m=$(grep "^$1|" "$work/results.txt" | cut -d'|' -f3 | median)
    echo "$t $m"
}
read -r go_t go_m < <(medians "go tool pprof -top")
read -r ws_t ws_m < <(medians "workshop inspect")
# Peak memory as multiples of the file and of the protobuf it holds.
sizes() { # max-RSS-KB
    printf '%.0f MB max RSS, %.1fx the compressed file, %.1fx the decompressed protobuf' \
        "$(echo "$1 / 1024" | bc -l)" "$(echo "$1 * 1024 / $compressed" | bc -l)" \
        "$(echo "$1 * 1024 / $decompressed" | bc -l)"
}
printf 'median: go tool pprof %.2f s, workshop %.2f s (%.1fx faster, %.1fx less memory)\n' \
    "$go_t" "$ws_t" "$(echo "$go_t / $ws_t" | bc -l)" "$(echo "$go_m / $ws_m" | bc -l)"
printf '  go tool pprof: %s\n' "$(sizes "$go_m")"
printf '  workshop:      %s\n' "$(sizes "$ws_m")"
if [ -n "$baseline" ]; then
    read -r base_t base_m < <(medians "baseline inspect")
    printf '  baseline:      %.2f s, %s\n' "$base_t" "$(sizes "$base_m")"
    printf 'workshop against the baseline: %.2fx the time, %.2fx the memory\n' \
        "$(echo "$ws_t / $base_t" | bc -l)" "$(echo "$ws_m / $base_m" | bc -l)"
fi
for pair in "go tool pprof -top -diff_base|workshop inspect --base" "go tool pprof -list|workshop inspect --list"; do
    read -r a_t a_m < <(medians "${pair%%|*}")
    read -r b_t b_m < <(medians "${pair##*|}")
    printf 'median: %s %.2f s, %s %.2f s (%.1fx faster, %.1fx less memory)\n' \
        "${pair%%|*}" "$a_t" "${pair##*|}" "$b_t" "$(echo "$a_t / $b_t" | bc -l)" "$(echo "$a_m / $b_m" | bc -l)"
done
