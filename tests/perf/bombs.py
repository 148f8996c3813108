#!/usr/bin/env python3
"""Writes profile bombs: small gzip files that expand into protobuf whose
decoded structures would be huge (tests/perf/bomb-bench.sh measures them).

    tests/perf/bombs.py DIR

  samples-261k.pprof   empty Profile.sample entries (field 2, length 0), 261 KB
  samples.pprof        the same, 4 GiB decompressed
  locations.pprof      empty Profile.location entries, 4 GiB decompressed
  functions.pprof      empty Profile.function entries, 4 GiB decompressed
  strings.pprof        empty Profile.string_table entries, 4 GiB decompressed
  string-4g.pprof      one string_table entry whose length says 4 GiB (and is)
"""
import gzip
import os
import sys

GIB = 1 << 30
CHUNK = 1 << 24


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def write(path, head, fill, total):
    """head, then `fill` repeated up to `total` bytes in all."""
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(head)
        left = total - len(head)
        block = fill * (CHUNK // len(fill))
        while left > 0:
            n = min(left, len(block))
            n -= n % len(fill)
            if n == 0:
                break
            f.write(block[:n])
            left -= n


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    # 261 KB of gzip: deflate's best ratio is about 1030:1.
    write(os.path.join(out, "samples-261k.pprof"), b"", b"\x12\x00", 268 << 20)
    for name, tag in [("samples", 2), ("locations", 4), ("functions", 5), ("strings", 6)]:
        entry = bytes([tag << 3 | 2, 0])
        write(os.path.join(out, name + ".pprof"), b"", entry, 4 * GIB - 64)
    length = 4 * GIB - 64
    head = b"\x32" + varint(length)
    write(os.path.join(out, "string-4g.pprof"), head, b"\x00", len(head) + length)


if __name__ == "__main__":
    main()
