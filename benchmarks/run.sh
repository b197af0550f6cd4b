#!/usr/bin/env bash
# Runs Ingot's benchmarks (benchmarks/README.md) and prints their figures.
#
#   bash benchmarks/run.sh            list (1,000 / 10,000 / 50,000 machines), read and allocate on SQLite,
#                                     then list (10,000), read and allocate on PostgreSQL
#   bash benchmarks/run.sh quick      list 10,000, read and allocate, on SQLite and PostgreSQL
#   bash benchmarks/run.sh sqlite     only the SQLite runs
#
# PostgreSQL is a throwaway cluster started with scripts/postgres.sh in a temporary directory and
# stopped (and removed) at the end. Extra arguments after the mode go to every run (e.g. --http).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-full}
shift || true
extra=("$@")

dotnet build benchmarks/Ingot.Benchmarks/Ingot.Benchmarks.csproj -c Release -nologo -v quiet >/dev/null
bench=(dotnet benchmarks/Ingot.Benchmarks/bin/Release/net10.0/Ingot.Benchmarks.dll)

run() {
  echo
  echo "\$ Ingot.Benchmarks ${*//Host=*/<throwaway PostgreSQL>}"
  "${bench[@]}" "$@" "${extra[@]}"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $mode == full ]]; then
  run list --machines 1000
  run list --machines 10000
  run list --machines 50000 --reps 3 --warmups 1
else
  run list --machines 10000
fi
run read --machines 10000
run allocate --machines 1000 --ready 50 --requests 200

if [[ $mode == sqlite ]]; then
  exit 0
fi

pgdir=$(mktemp -d /tmp/ingot-bench-pg-XXXXXX)
cleanup() {
  bash scripts/postgres.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
conn=$(bash scripts/postgres.sh start "$pgdir")
run list --machines 10000 --postgres "$conn"
run read --machines 10000 --postgres "$conn"
run allocate --machines 1000 --ready 50 --requests 200 --postgres "$conn"
