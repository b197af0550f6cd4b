#!/bin/sh
# memtester (Ingot's body): tests a bounded amount of memory, --size=SIZE (memtester's units: 64M,
# 1G; default 64M) for --loops=N passes (default 1). Runs memtester where it is installed. Otherwise
# it fills a file of that size on a tmpfs (the page cache, i.e. RAM) with a pattern and with random
# bytes, reads each back and compares checksums. Exits non-zero on a mismatch or when the memory cannot
# be had.
set -u
size=64M; loops=1
for arg in "$@"; do
    case "$arg" in
        --size=*) size=${arg#--size=} ;;
        --loops=*) loops=${arg#--loops=} ;;
    esac
done
if command -v memtester >/dev/null 2>&1; then exec memtester "$size" "$loops"; fi

number=${size%[KkMmGg]}
case "$number" in ''|*[!0-9]*) echo "memtester: bad size '$size'"; exit 2 ;; esac
case "$size" in
    *[Gg]) mib=$((number * 1024)) ;; *[Mm]) mib=$number ;; *[Kk]) mib=$((number / 1024)) ;; *) mib=$((number / 1048576)) ;;
esac
[ "$mib" -gt 0 ] || { echo "memtester: bad size '$size'"; exit 2; }
free=$(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo)
if [ "$mib" -gt $((free / 2)) ]; then
    echo "memtester: ${mib} MiB asked, ${free} MiB available: testing $((free / 2)) MiB"
    mib=$((free / 2))
fi
dir=$(mktemp -d /tmp/memtest.XXXXXX) || exit 2
mount -t tmpfs -o size=$((mib + 1))m memtest "$dir" 2>/dev/null || echo "memtester: no tmpfs mount, using $dir"
cleanup() { umount "$dir" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
status=0
loop=1
while [ "$loop" -le "$loops" ]; do
    for pattern in zeros random; do
        if [ "$pattern" = zeros ]; then src=/dev/zero; else src=/dev/urandom; fi
        sum=$(dd if=$src bs=1M count="$mib" 2>/dev/null | tee "$dir/block" | md5sum | cut -d' ' -f1)
        back=$(md5sum < "$dir/block" | cut -d' ' -f1)
        size_on=$(wc -c < "$dir/block")
        if [ "$sum" != "$back" ] || [ "$size_on" -ne $((mib * 1048576)) ]; then
            echo "Loop $loop, $pattern: FAILURE (${size_on} bytes, $sum written, $back read)"; status=1
        else
            echo "Loop $loop, $pattern: ok (${mib} MiB)"
        fi
        rm -f "$dir/block"
    done
    loop=$((loop + 1))
done
[ "$status" -eq 0 ] && echo "Done: ${mib} MiB x ${loops} loop(s) passed."
exit $status
