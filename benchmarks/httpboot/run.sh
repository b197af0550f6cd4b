#!/usr/bin/env bash
# HTTP boot under load: CLIENTS clients at once each fetch the ephemeral kernel and initrd, one after
# the other on one connection as iPXE does, from Ingot's HTTP boot (`ingot serve`, port from
# --boot-urls) and, side by side, from python3's http.server (the stand-in of recipes/dc) serving the
# same two files. Every transfer is checked (HTTP 200 and the full size); wall time from the first
# start to the last byte is reported, median over RUNS runs, with min and max, plus the median of
# the clients' own times. Everything is on 127.0.0.1; both servers are stopped by PID at the end.
#
#   bash benchmarks/httpboot/run.sh [CLIENTS] [RUNS]     # default 100 clients, 5 runs
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-100}
runs=${2:-5}
work=$(mktemp -d /tmp/ingot-httpboot-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

bash scripts/build-ephemeral-image.sh .build/ephemeral >/dev/null
./ingot add-ephemeral-image --dir .build/ephemeral --data-dir "$work/data" >/dev/null
kernel_size=$(stat -c %s .build/ephemeral/vmlinuz)
initrd_size=$(stat -c %s .build/ephemeral/initrd.img)

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api=$(free_port); boot=$(free_port); peer=$(free_port)
./ingot serve --data-dir "$work/data" --urls "http://127.0.0.1:$api" --boot-urls "http://127.0.0.1:$boot" >"$work/serve.log" 2>&1 &
pids+=($!)
mkdir -p "$work/peer"
cp .build/ephemeral/vmlinuz "$work/peer/boot-kernel"; cp .build/ephemeral/initrd.img "$work/peer/boot-initrd"
(cd "$work/peer" && exec /usr/bin/python3 -m http.server --bind 127.0.0.1 "$peer") >"$work/peer.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "Ingot serving on" "$work/serve.log" && curl -fs -o /dev/null "http://127.0.0.1:$peer/boot-kernel" && break
  sleep 0.5
done
grep -q "Ingot serving on" "$work/serve.log" || { cat "$work/serve.log"; echo "ingot serve did not start" >&2; exit 1; }

ingot_base="http://127.0.0.1:$boot/images/ingot/amd64/generic/ephemeral/stable"
peer_base="http://127.0.0.1:$peer"

# one_run NAME BASE: CLIENTS curl processes at once; prints "wall_ms client_median_ms failures"
one_run() {
  local base=$2 dir="$work/run-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  local start end cpids=()
  start=$(date +%s%N)
  for i in $(seq 1 "$clients"); do
    curl -s -o /dev/null -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' \
      "$base/boot-kernel" "$base/boot-initrd" >"$dir/$i" 2>&1 &
    cpids+=($!)
  done
  wait "${cpids[@]}" || true
  end=$(date +%s%N)
  local failures
  failures=$(cat "$dir"/* | awk -v k="$kernel_size" -v r="$initrd_size" 'NR%2==1 && !($1==200 && $2==k) {f++} NR%2==0 && !($1==200 && $2==r) {f++} END {print f+0}')
  local median
  median=$(for f in "$dir"/*; do awk '{t+=$3} END {printf "%d\n", t*1000}' "$f"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$(( (end - start) / 1000000 )) $median $failures"
}

summary() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms (min %d, max %d; n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "files: kernel $kernel_size bytes, initrd $initrd_size bytes; $clients clients at once, $runs runs each"
one_run warm-ingot "$ingot_base" >/dev/null; one_run warm-peer "$peer_base" >/dev/null
: >"$work/ingot.txt"; : >"$work/peer.txt"
for _ in $(seq 1 "$runs"); do
  one_run ingot "$ingot_base" >>"$work/ingot.txt"
  one_run peer "$peer_base" >>"$work/peer.txt"
done
for name in ingot peer; do
  label=$([ $name = ingot ] && echo "Ingot HTTP boot      " || echo "python3 http.server  ")
  echo "$label wall: $(cut -d' ' -f1 "$work/$name.txt" | summary); client median of medians: $(cut -d' ' -f2 "$work/$name.txt" | summary); failed transfers: $(awk '{f+=$3} END {print f+0}' "$work/$name.txt")"
done
ingot_wall=$(cut -d' ' -f1 "$work/ingot.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
peer_wall=$(cut -d' ' -f1 "$work/peer.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
awk -v i="$ingot_wall" -v p="$peer_wall" -v n="$clients" -v b=$((kernel_size + initrd_size)) \
  'BEGIN {printf "ratio (peer wall / Ingot wall): %.2f; Ingot %.0f MiB/s, peer %.0f MiB/s\n", p/i, n*b/1048576/(i/1000), n*b/1048576/(p/1000)}'
