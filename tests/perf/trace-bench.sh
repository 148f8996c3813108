#!/usr/bin/env bash
# Benchmarks the trace reader against Go's own on one large trace.
#
#   tests/perf/trace-bench.sh [size-MB] [rounds]     (defaults: 120 MB, 3 rounds)
#   SPAWN=1 tests/perf/trace-bench.sh 130 2          (a goroutine per job: millions of goroutines)
#   TRACE=some.trace tests/perf/trace-bench.sh - 2   (any trace, e.g. of net/http's benchmarks)
#   BASELINE=old/workshop ...                         (an older build measured in the same rounds)
#
# Writes a trace of at least size-MB with tests/perf/bigtrace (a busy program),
# then, interleaved so that machine noise hits both alike:
#   go tool trace -d=parsed TRACE > /dev/null
#   workshop inspect --dump TRACE > /dev/null     (the same text, byte for byte)
#   workshop inspect TRACE > /dev/null             (read and digest, no dump)
# and prints wall time, throughput and peak memory (max RSS) of each, the ratios,
# and whether the two dumps are identical.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-120}
rounds=${2:-3}
cargo build --release --quiet
bin=$PWD/target/release/workshop
work=${TRACE_BENCH_DIR:-$(mktemp -d)}
spawn=()
if [ -n "${SPAWN:-}" ]; then
    spawn=(-spawn)
fi
trace=${TRACE:-$work/big-$size${SPAWN:+-spawn}.trace}
if [ ! -f "$trace" ]; then
    (cd tests/perf/bigtrace && go run . -size "$size" "${spawn[@]}" "$trace")
fi
bytes=$(stat -c %s "$trace")
mb=$(echo "$bytes / 1048576" | bc -l)
printf 'trace: %s (%.1f MB)\n' "$trace" "$mb"
summary=$("$bin" inspect "$trace")
events=$(echo "$summary" | head -1 | grep -o '[0-9]* events' | cut -d' ' -f1)
echo "$summary" | sed -n 2p
printf '%s events\n' "$events"

measure() { # name command...
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null
    read -r secs rss < "$work/time.txt"
    printf '  %-28s %7.2f s  %7.1f MB/s  %5.2f M events/s  %7.0f MB max RSS\n' "$name" "$secs" \
        "$(echo "$mb / $secs" | bc -l)" "$(echo "$events / $secs / 1000000" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
    echo "$name $secs $rss" >> "$work/results.txt"
}

rm -f "$work/results.txt"
for i in $(seq "$rounds"); do
    echo "round $i"
    measure "go tool trace -d=parsed" go tool trace -d=parsed "$trace"
    measure "workshop inspect --dump" "$bin" inspect --dump "$trace"
    measure "workshop inspect" "$bin" inspect "$trace"
    if [ -n "${BASELINE:-}" ]; then
        measure "baseline --dump" "$BASELINE" inspect --dump "$trace"
        measure "baseline inspect" "$BASELINE" inspect "$trace"
    fi
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
go_t=$(grep '^go tool' "$work/results.txt" | awk '{print $5}' | median)
go_m=$(grep '^go tool' "$work/results.txt" | awk '{print $6}' | median)
dump_t=$(grep '^workshop inspect --dump' "$work/results.txt" | awk '{print $4}' | median)
dump_m=$(grep '^workshop inspect --dump' "$work/results.txt" | awk '{print $5}' | median)
read_t=$(grep '^workshop inspect ' "$work/results.txt" | grep -v -- --dump | awk '{print $3}' | median)
printf 'median: go %.2f s, workshop --dump %.2f s (%.1fx faster, %.1fx less memory), workshop summary %.2f s (%.1fx faster)\n' \
    "$go_t" "$dump_t" "$(echo "$go_t / $dump_t" | bc -l)" "$(echo "$go_m / $dump_m" | bc -l)" "$read_t" "$(echo "$go_t / $read_t" | bc -l)"

if cmp -s <(go tool trace -d=parsed "$trace") <("$bin" inspect --dump "$trace"); then
    echo "dumps identical"
else
    echo "DUMPS DIFFER"
    exit 1
fi
