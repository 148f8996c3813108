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
# and prints wall time and peak memory of each and the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
depth=${1:-20}
rounds=${2:-3}
cargo build --release --quiet
bin=$PWD/target/release/workshop
work=${PROFILE_BENCH_DIR:-$(mktemp -d)}
profile=$work/big-$depth.pprof
if [ ! -f "$profile" ]; then
    (cd tests/perf/bigprofile && go run . -depth "$depth" "$profile")
fi
printf 'profile: %s (%s bytes compressed, %s samples)\n' "$profile" "$(stat -c %s "$profile")" "$((1 << depth))"

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
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
go_t=$(grep '^go tool' "$work/results.txt" | cut -d'|' -f2 | median)
go_m=$(grep '^go tool' "$work/results.txt" | cut -d'|' -f3 | median)
ws_t=$(grep '^workshop' "$work/results.txt" | cut -d'|' -f2 | median)
ws_m=$(grep '^workshop' "$work/results.txt" | cut -d'|' -f3 | median)
printf 'median: go tool pprof %.2f s, workshop %.2f s (%.1fx faster, %.1fx less memory)\n' \
    "$go_t" "$ws_t" "$(echo "$go_t / $ws_t" | bc -l)" "$(echo "$go_m / $ws_m" | bc -l)"
