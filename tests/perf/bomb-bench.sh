#!/usr/bin/env bash
# Measures `workshop inspect` on profile bombs (written by tests/perf/bombs.py):
# wall time, peak memory and the first line of what it says, each run held to
# 2 GB of address space and 30 s so that none can take the machine.
#
#   tests/perf/bomb-bench.sh [workshop binary] [bomb dir]
#
# Defaults: target/debug/workshop, a fresh temporary directory.
set -uo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/debug/workshop}
dir=${2:-$(mktemp -d)}
[ -f "$dir/string-4g.pprof" ] || python3 tests/perf/bombs.py "$dir"
for bomb in samples-261k samples locations functions strings string-4g; do
    file=$dir/$bomb.pprof
    out=$(
        ulimit -v 2097152
        /usr/bin/time -f "%e s %M KB" -o "$dir/time.txt" timeout -k 5 30 "$bin" inspect "$file" 2>&1 >/dev/null
        echo "exit $?"
    )
    printf '%-14s %8s bytes  %s  %s\n' "$bomb" "$(stat -c %s "$file")" \
        "$(tail -1 "$dir/time.txt")" "$(echo "$out" | tr '\n' ' ' | cut -c1-200)"
done
