#!/usr/bin/env bash
# TFTP benchmark: a 64 MiB file over loopback, the same clients against Ingot's TFTP server and
# tftpd-hpa (in.tftpd), median of RUNS fetches each; then 100 parallel fetches from Ingot.
#
#   bash benchmarks/tftp/run.sh [RUNS]        (default 5)
#
# Clients: curl (default options, and --tftp-blksize 1468) and Ingot's bench client (windowsize 16,
# blksize 1468; neither curl nor tftp-hpa can send windowsize). tftpd-hpa is unpacked from its Debian
# package into a temporary directory (apt-get download + dpkg -x: no service is installed or started)
# and run in the foreground; both servers are stopped by PID when the script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-5}
work=$(mktemp -d /tmp/ingot-tftp-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build benchmarks/tftp/Ingot.Benchmarks.Tftp/Ingot.Benchmarks.Tftp.csproj -c Release -nologo -v quiet >/dev/null
bench=(dotnet benchmarks/tftp/Ingot.Benchmarks.Tftp/bin/Release/net10.0/Ingot.Benchmarks.Tftp.dll)

(cd "$work" && apt-get download tftpd-hpa >/dev/null 2>&1 && dpkg -x tftpd-hpa_*.deb pkg)
tftpd="$work/pkg/usr/sbin/in.tftpd"

mkdir -p "$work/root" && chmod 755 "$work" "$work/root"
head -c $((64 << 20)) /dev/urandom > "$work/root/big.bin"
head -c $((4 << 20)) /dev/urandom > "$work/root/mid.bin"
chmod 644 "$work/root/"*.bin
want=$(sha256sum "$work/root/big.bin" | cut -d' ' -f1)

free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ingot_port=$(free_port)
hpa_port=$(free_port)
"${bench[@]}" serve "$work/root" "$ingot_port" > "$work/ingot.log" 2>&1 & pids+=($!)
"$tftpd" -L -u nobody -s "$work/root" -a "127.0.0.1:$hpa_port" > "$work/hpa.log" 2>&1 & pids+=($!)
for _ in $(seq 50); do grep -q serving "$work/ingot.log" && break; sleep 0.1; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One fetch with a client; prints seconds.
fetch() {
  local client=$1 port=$2
  case $client in
    curl)      /usr/bin/time -f %e curl -sS -o "$work/out" "tftp://127.0.0.1:$port/big.bin" 2>&1 >/dev/null | tail -1
               [[ $(sha256sum "$work/out" | cut -d' ' -f1) == "$want" ]] || { echo "checksum mismatch" >&2; exit 1; } ;;
    curl1468)  /usr/bin/time -f %e curl -sS --tftp-blksize 1468 -o "$work/out" "tftp://127.0.0.1:$port/big.bin" 2>&1 >/dev/null | tail -1
               [[ $(sha256sum "$work/out" | cut -d' ' -f1) == "$want" ]] || { echo "checksum mismatch" >&2; exit 1; } ;;
    window16)  read -r _ seconds sha < <("${bench[@]}" get "$port" big.bin 1468 16)
               [[ $sha == "$want" ]] || { echo "checksum mismatch" >&2; exit 1; }
               echo "$seconds" ;;
  esac
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); 64 MiB file, median of $runs"
printf '%-40s %10s %10s %8s\n' client Ingot tftpd-hpa ratio
for client in curl curl1468 window16; do
  ingot=$(for _ in $(seq "$runs"); do fetch "$client" "$ingot_port"; done | median)
  hpa=$(for _ in $(seq "$runs"); do fetch "$client" "$hpa_port"; done | median)
  label=$client
  [[ $client == curl ]] && label="curl (default options)"
  [[ $client == curl1468 ]] && label="curl --tftp-blksize 1468"
  [[ $client == window16 ]] && label="bench client windowsize 16 blksize 1468"
  printf '%-40s %9.2fs %9.2fs %7.2fx\n' "$label" "$ingot" "$hpa" "$(echo "$hpa / $ingot" | bc -l)"
done

echo
echo "100 parallel fetches of a 4 MiB file from Ingot (one bench-client process, windowsize 16, blksize 1468):"
mid=$(sha256sum "$work/root/mid.bin" | cut -d' ' -f1)
start=$(date +%s.%N)
"${bench[@]}" many 100 "$ingot_port" mid.bin 1468 16 > "$work/many"
end=$(date +%s.%N)
intact=$(cut -d' ' -f3 "$work/many" | grep -c "^$mid\$" || true)
echo "  $intact of 100 intact in $(printf %.2f "$(echo "$end - $start" | bc -l)") s (slowest fetch $(cut -d' ' -f2 "$work/many" | sort -n | tail -1) s)"
