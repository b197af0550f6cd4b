#!/usr/bin/env bash
# DHCP benchmark: perfdhcp (Kea's tool) against Ingot's DHCP server, Kea (kea-dhcp4, memfile leases)
# and dnsmasq, side by side in the same run on the same network-namespace setup; four-way exchanges
# (DISCOVER-OFFER-REQUEST-ACK) per second and drops, median of RUNS rounds.
#
#   bash benchmarks/dhcp/run.sh [RUNS] [RATE] [SECONDS] [CLIENTS]     (defaults 5 4000 10 30000)
#
# Setup: two network namespaces made for this run (names carry the script's PID), joined by a veth
# pair; the servers run one at a time in the server namespace, bound to their end (10.77.0.1/16),
# perfdhcp runs in the client namespace on the other end. Each server starts with no leases and hands
# out 10.77.1.0-10.77.255.254 (65,279 addresses) for one hour; perfdhcp asks at RATE exchanges per
# second for SECONDS from CLIENTS distinct MACs. Every lease is persisted by every server: Ingot in
# its SQLite database (the real DhcpLeaseStore, as `ingot serve` uses it), Kea in its memfile CSV,
# dnsmasq in its lease file. Per-lease logging is off on all three. Rounds go Ingot, Kea, dnsmasq in
# turn so that load from other work on the machine falls on all of them alike. Ingot's host warms up
# first (20,000 exchanges in process on a throwaway server, as a long-running `ingot serve` is warm);
# WARMUP=0 in the environment turns that off.
#
# The Debian packages kea-admin (perfdhcp), kea-dhcp4-server and dnsmasq are installed with apt-get
# when missing, with their system services neither started (policy-rc.d) nor enabled (update-rc.d
# disable). Everything this script starts is stopped by PID; the namespaces and the temporary
# directory are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-5}
rate=${2:-4000}
seconds=${3:-10}
clients=${4:-30000}

packages=(kea-admin kea-dhcp4-server dnsmasq)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]} (services neither started nor enabled)"
  own_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  ((own_policy)) && rm -f /usr/sbin/policy-rc.d
  for service in kea-dhcp4-server dnsmasq; do
    update-rc.d "$service" disable >/dev/null 2>&1 || true
    if [[ -d /run/systemd/system ]]; then systemctl disable --now "$service" >/dev/null 2>&1 || true; fi
  done
fi

work=$(mktemp -d /tmp/ingot-dhcp-bench.XXXXXX)
server_ns=ingot-dhcpb-s$$
client_ns=ingot-dhcpb-c$$
server_if=idbs$$
client_if=idbc$$
pids=()
stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  ip netns del "$server_ns" 2>/dev/null || true
  ip netns del "$client_ns" 2>/dev/null || true
  ip link del "$server_if" 2>/dev/null || true
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

dotnet build benchmarks/dhcp/Ingot.Benchmarks.Dhcp/Ingot.Benchmarks.Dhcp.csproj -c Release -nologo -v quiet >/dev/null
ingot=(dotnet "$PWD/benchmarks/dhcp/Ingot.Benchmarks.Dhcp/bin/Release/net10.0/Ingot.Benchmarks.Dhcp.dll")

ip netns add "$server_ns"
ip netns add "$client_ns"
ip link add "$server_if" type veth peer name "$client_if"
ip link set "$server_if" netns "$server_ns"
ip link set "$client_if" netns "$client_ns"
ip -n "$server_ns" addr add 10.77.0.1/16 dev "$server_if"
ip -n "$client_ns" addr add 10.77.0.2/16 dev "$client_if"
for ns in "$server_ns" "$client_ns"; do ip -n "$ns" link set lo up; done
ip -n "$server_ns" link set "$server_if" up
ip -n "$client_ns" link set "$client_if" up

first=10.77.1.0
last=10.77.255.254

write_kea_config() {
  cat > "$1/kea.json" <<EOF
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "$server_if" ] },
    "lease-database": { "type": "memfile", "persist": true, "name": "$1/kea-leases4.csv", "lfc-interval": 0 },
    "valid-lifetime": 3600,
    "authoritative": true,
    "subnet4": [ { "id": 1, "subnet": "10.77.0.0/16", "pools": [ { "pool": "$first - $last" } ] } ],
    "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "$1/kea.log" } ], "severity": "WARN" } ]
  }
}
EOF
}

write_dnsmasq_config() {
  cat > "$1/dnsmasq.conf" <<EOF
port=0
interface=$server_if
bind-interfaces
dhcp-range=$first,$last,255.255.0.0,1h
dhcp-lease-max=70000
dhcp-authoritative
dhcp-leasefile=$1/dnsmasq.leases
no-ping
quiet-dhcp
log-facility=$1/dnsmasq.log
pid-file=
user=root
EOF
}

# Starts server $1 with its state in $2; prints its PID.
start_server() {
  local server=$1 dir=$2
  case $server in
    ingot)
      ip netns exec "$server_ns" "${ingot[@]}" serve "$server_if" "$dir/ingot.db" 10.77.0.0/16 "$first" "$last" > "$dir/ingot.log" 2>&1 &
      ;;
    kea)
      write_kea_config "$dir"
      ip netns exec "$server_ns" env KEA_LOCKFILE_DIR="$dir" KEA_PIDFILE_DIR="$dir" kea-dhcp4 -c "$dir/kea.json" -p 67 > "$dir/kea.out" 2>&1 &
      ;;
    dnsmasq)
      write_dnsmasq_config "$dir"
      ip netns exec "$server_ns" dnsmasq --keep-in-foreground --conf-file="$dir/dnsmasq.conf" > "$dir/dnsmasq.out" 2>&1 &
      ;;
  esac
  echo $!
}

# Waits (at most 60 s) until something listens on UDP port 67 in the server namespace and, for Ingot,
# until it says it serves.
wait_ready() {
  local server=$1 dir=$2 pid=$3
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || { echo "$server exited at start:" >&2; cat "$dir"/*.out "$dir"/*.log >&2 2>/dev/null; exit 1; }
    if ip netns exec "$server_ns" ss -Hlun 'sport = :67' | grep -q .; then
      [[ $server != ingot ]] && return 0
      grep -q serving "$dir/ingot.log" && return 0
    fi
    sleep 0.1
  done
  echo "$server did not start listening within 60 s" >&2
  exit 1
}

# One perfdhcp run; prints "<exchanges/s> <drops> <sent DISCOVERs> <ACKs received>".
measure() {
  local out=$1
  ip netns exec "$client_ns" perfdhcp -4 -l "$client_if" -r "$rate" -R "$clients" -p "$seconds" -W 250000 > "$out" 2>&1 || true
  /usr/bin/python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rate = re.search(r"Rate: ([0-9.]+) 4-way exchanges/second", text)
blocks = re.split(r"\*\*\*Statistics for: ", text)
def stat(block, name):
    m = re.search(name + r": (\d+)", block)
    return int(m.group(1)) if m else 0
do = next((b for b in blocks if b.startswith("DISCOVER-OFFER")), "")
ra = next((b for b in blocks if b.startswith("REQUEST-ACK")), "")
if rate is None or not do:
    sys.stderr.write(text)
    sys.exit("perfdhcp printed no rate")
print(rate.group(1), stat(do, "drops") + stat(ra, "drops"), stat(do, "sent packets"), stat(ra, "received packets"))
PY
}

servers=(ingot kea dnsmasq)
declare -A rates drops acks
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "perfdhcp: $rate exchanges/s asked for ${seconds} s from $clients clients; $runs rounds"
for round in $(seq "$runs"); do
  for server in "${servers[@]}"; do
    dir="$work/$server-$round"
    mkdir -p "$dir"
    pid=$(start_server "$server" "$dir")
    pids+=("$pid")
    wait_ready "$server" "$dir" "$pid"
    read -r r d sent acked < <(measure "$dir/perfdhcp.txt")
    stop_pid "$pid"
    pids=()
    stored=""
    [[ $server == ingot ]] && stored=", $(grep -o '[0-9]* leases stored' "$dir/ingot.log" || echo 'no lease count')"
    printf 'round %d %-8s %9.1f exchanges/s, %6d drops (%d DISCOVERs sent, %d ACKs)%s\n' "$round" "$server" "$r" "$d" "$sent" "$acked" "$stored"
    rates[$server]+="$r "
    drops[$server]+="$d "
    acks[$server]+="$acked "
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
printf '%-8s %16s %10s %12s\n' server "exchanges/s" drops "ACKs"
for server in "${servers[@]}"; do
  printf '%-8s %16.1f %10d %12d\n' "$server" "$(echo "${rates[$server]}" | median)" "$(echo "${drops[$server]}" | median)" "$(echo "${acks[$server]}" | median)"
done
echo "(medians of $runs rounds)"
