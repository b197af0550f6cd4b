#!/usr/bin/env bash
# Installs what Ingot's tests need (Debian packages only when missing), then builds, checks the
# formatting and runs every test: Core, Data on SQLite and on a real PostgreSQL server started on
# loopback for this run, and the executable. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/.ci/out"
rm -rf "$out" && mkdir -p "$out/results"
failed_steps=0
step() { # step NAME COMMAND...: runs a step, logs it, counts a failure
  local name="$1"; shift
  echo "== $name"
  if ! "$@" >"$out/$name.log" 2>&1; then
    echo "!! $name failed; last lines of $out/$name.log:"
    tail -n 40 "$out/$name.log"
    failed_steps=$((failed_steps + 1))
    return 1
  fi
}

command -v dotnet >/dev/null || { echo "test.sh: the .NET SDK ('dotnet') is not on PATH"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# Real clients the tests drive Ingot with (juju's gomaasapi and Go), from Debian when missing.
step packages bash "$root/scripts/install-test-packages.sh"

# PostgreSQL for the store contract suite: installed from Debian when missing, a throwaway
# cluster on 127.0.0.1 for this run, stopped on exit.
pgdir="$(mktemp -d /tmp/ingot-pg.XXXXXX)"
stop_pg() { bash "$root/scripts/postgres.sh" stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
if step postgres bash "$root/scripts/postgres.sh" start "$pgdir"; then
  INGOT_TEST_POSTGRES="$(tail -n 1 "$out/postgres.log")"
  export INGOT_TEST_POSTGRES
else
  unset INGOT_TEST_POSTGRES
fi

step build dotnet build Ingot.slnx --nologo -v quiet
step format dotnet format Ingot.slnx --verify-no-changes --no-restore
step launcher ./ingot --help

echo "== tests"
dotnet test --solution Ingot.slnx --no-build --report-xunit-trx --results-directory "$out/results" 2>&1 | tee "$out/tests.log" | grep -E '^(failed|  Failed|\s+(total|failed|succeeded|skipped):)' || true
test_rc=${PIPESTATUS[0]}

read -r passed failed skipped < <(
  cat "$out"/results/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
    { p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); s += attr("notExecuted") }
    END { print p + 0, f + 0, s + 0 }')
# The run's own summary counts every project; the .trx files can undercount when two projects finish in
# the same microsecond and write one file name. Take the summary when it is there, never fewer failures.
read -r s_passed s_failed s_skipped < <(
  awk '/^ +succeeded: [0-9]+$/ { p = $2 } /^ +failed: [0-9]+$/ { f = $2 } /^ +skipped: [0-9]+$/ { s = $2; seen = 1 }
    END { if (seen) print p + 0, f + 0, s + 0; else print "- - -" }' "$out/tests.log")
if [ "$s_passed" != "-" ]; then
  passed=$s_passed
  skipped=$s_skipped
  [ "$s_failed" -gt "$failed" ] && failed=$s_failed
fi
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "!! dotnet test exited with $test_rc but no test reported a failure (a test host crashed?); see $out/tests.log"
  failed_steps=$((failed_steps + 1))
fi
failed=$((failed + failed_steps))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
