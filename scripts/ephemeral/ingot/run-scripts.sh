# run-scripts.sh, sourced by Ingot's ephemeral agent: maas-run-remote-scripts' download_and_extract_tar,
# run_scripts and run_scripts_from_metadata. Needs maas-api.sh and say().
# INGOT_AGENT_DIR (default /ingot) is where the agent's files are, INGOT_RUN_DIR (default /run) where it
# keeps its state, INGOT_MAX_PARALLEL (default twice the CPUs, at least 4) how many scripts run at once.

AGENT_DIR=${INGOT_AGENT_DIR:-/ingot}
RUN=${INGOT_RUN_DIR:-/run}
SCRIPTS_DIR=$RUN/maas-scripts
OUT_DIR=$RUN/maas-results
MAX_PARALLEL=${INGOT_MAX_PARALLEL:-$(cpus=$(nproc 2>/dev/null || echo 1); [ $((cpus * 2)) -gt 4 ] && echo $((cpus * 2)) || echo 4)}
# How many times the commissioning scripts are fetched again for scripts added after the first results.
MAX_COMMISSIONING_ROUNDS=5

# download_scripts: fetches <metadata_url>2012-03-01/maas-scripts into $SCRIPTS_DIR; 1 when there is
# nothing to run (204, empty answer) or the download failed.
download_scripts() {
    rm -rf "$SCRIPTS_DIR" "$RUN/maas-scripts.tar"; mkdir -p "$SCRIPTS_DIR"
    if ! http_get "${METADATA_URL%/}/2012-03-01/maas-scripts" "$RUN/maas-scripts.tar"; then
        say "agent: downloading maas-scripts failed"
        return 1
    fi
    [ -s "$RUN/maas-scripts.tar" ] || return 1
    tar -xf "$RUN/maas-scripts.tar" -C "$SCRIPTS_DIR" || { say "agent: maas-scripts is not a tar"; return 1; }
    [ -f "$SCRIPTS_DIR/index.json" ]
}

# script_list SET: the scripts of a set in the downloaded index (see script-list.awk).
script_list() {
    awk -f "$AGENT_DIR/flatten-json.awk" "$SCRIPTS_DIR/index.json" | awk -v set="$1" -f "$AGENT_DIR/script-list.awk"
}

# pending_count SET: how many scripts of the set in the downloaded index have not finished.
pending_count() {
    if [ -f "$SCRIPTS_DIR/index.json" ]; then script_list "$1"; fi | awk -F '\t' '$6 != "true" { n++ } END { print n + 0 }'
}

# Seconds since boot with hundredths, for runtimes.
uptime_s() { cut -d' ' -f1 /proc/uptime; }

# run_set SET: runs the scripts of the set that have not finished as maas-run-remote-scripts does: in the
# groups of script-plan.awk (disabled alone, instances of one script together, "any" together), at most
# MAX_PARALLEL at once, each signalled before and after; prints nothing, returns the number that failed
# (or timed out).
run_set() {
    set_name=$1
    script_list "$set_name" | awk -f "$AGENT_DIR/script-plan.awk" > "$RUN/maas-$set_name.list"
    total=$(wc -l < "$RUN/maas-$set_name.list"); index=0; failed=0; group=""; pids=""; running=0
    tab=$(printf '\t')
    while IFS="$tab" read -r g name path rid vid timeout finished parallel hardware_type args; do
        index=$((index + 1))
        [ "$finished" = true ] && continue
        if [ "$g" != "$group" ]; then wait_all; group=$g; fi
        [ "$running" -ge "$MAX_PARALLEL" ] && wait_oldest
        run_one </dev/null &
        pids="$pids $!"; running=$((running + 1))
    done < "$RUN/maas-$set_name.list"
    wait_all
    return "$failed"
}

# wait_all / wait_oldest: wait for every running script or the one started first, counting failures.
wait_all() {
    for pid in $pids; do wait "$pid" || failed=$((failed + 1)); done
    pids=""; running=0
}
wait_oldest() {
    # shellcheck disable=SC2086 # one word per pid
    set -- $pids
    wait "$1" || failed=$((failed + 1))
    shift; pids="$*"; running=$((running - 1))
}

# run_one: one script (variables from run_set's loop); 1 when it failed or timed out.
run_one() {
    dir=$OUT_DIR/$name${rid:+.$rid}; rm -rf "$dir"; mkdir -p "$dir/download"
    combined=$dir/$name; stdout=$dir/$name.out; stderr=$dir/$name.err; result=$dir/$name.yaml
    : > "$combined"
    say "agent: starting $name [$index/$total]"
    signal WORKING "Starting $name [$index/$total]" "script_result_id=$rid" "name=$name" || say "agent: signal WORKING for $name failed"
    script=$SCRIPTS_DIR/$path
    chmod +x "$script" 2>/dev/null
    rm -f "$dir/out.pipe" "$dir/err.pipe"; mkfifo "$dir/out.pipe" "$dir/err.pipe"
    tee -a "$combined" < "$dir/out.pipe" > "$stdout" & tee_out=$!
    tee -a "$combined" < "$dir/err.pipe" > "$stderr" & tee_err=$!
    start=$(uptime_s)
    # shellcheck disable=SC2086 # the parameters are separate arguments
    (
        cd "$dir/download" || exit 1
        export OUTPUT_COMBINED_PATH="$combined" OUTPUT_STDOUT_PATH="$stdout" OUTPUT_STDERR_PATH="$stderr" \
            RESULT_PATH="$result" DOWNLOAD_PATH="$dir/download" RUNTIME="$timeout" HAS_STARTED=False
        if [ "$timeout" -gt 0 ]; then exec timeout "$timeout" "$script" $args; else exec "$script" $args; fi
    ) > "$dir/out.pipe" 2> "$dir/err.pipe"
    rc=$?
    wait "$tee_out" "$tee_err"
    runtime=$(awk -v a="$start" -v b="$(uptime_s)" 'BEGIN { printf "%.2f", b - a }')
    status=WORKING
    if [ "$timeout" -gt 0 ] && awk -v r="$runtime" -v t="$timeout" 'BEGIN { exit !(r >= t) }'; then
        status=TIMEDOUT
    fi
    say "agent: finished $name [$index/$total]: exit $rc in ${runtime}s${status#WORKING}"
    signal "$status" "Finished $name [$index/$total]: $rc" "exit_status=$rc" "runtime=$runtime" \
        "script_result_id=$rid" "script_version_id=$vid" "@$name=$combined" "@$name.out=$stdout" "@$name.err=$stderr" "@$name.yaml=$result" \
        || say "agent: signal with the results of $name failed"
    [ "$status" = WORKING ] && [ "$rc" -eq 0 ]
}

# run_scripts_from_metadata: commissioning scripts, then TESTING and the testing scripts, then OK or FAILED.
# As maas-run-remote-scripts, once the commissioning scripts passed maas-scripts is fetched again: scripts
# the region added after seeing the results (for_hardware scripts of the hardware found) run in another
# round, until none is left (at most MAX_COMMISSIONING_ROUNDS rounds).
run_scripts_from_metadata() {
    if ! download_scripts; then
        say "agent: nothing to run"
        return 0
    fi
    if [ -n "$(script_list commissioning)" ]; then
        round=1
        while [ "$(pending_count commissioning)" -gt 0 ]; do
            if [ "$round" -eq 1 ]; then say "agent: starting commissioning scripts"
            else say "agent: starting the commissioning scripts added after the results (round $round)"; fi
            run_set commissioning; failed=$?
            if [ "$failed" -ne 0 ]; then
                signal FAILED "$failed commissioning scripts failed to run"
                say "agent: $failed commissioning scripts failed"
                return 1
            fi
            download_scripts || break
            [ "$round" -ge "$MAX_COMMISSIONING_ROUNDS" ] && { say "agent: commissioning scripts still pending after $round rounds"; break; }
            round=$((round + 1))
        done
        # As maas-run-remote-scripts: move the machine on to TESTING, then fetch again (the testing set).
        signal TESTING || say "agent: signal TESTING failed"
        download_scripts || true
    fi
    if [ -f "$SCRIPTS_DIR/index.json" ] && [ -n "$(script_list testing)" ]; then
        say "agent: starting testing scripts"
        run_set testing; failed=$?
        if [ "$failed" -ne 0 ]; then
            signal FAILED "$failed test scripts failed to run"
            say "agent: $failed testing scripts failed"
            return 1
        fi
    fi
    if [ -f "$SCRIPTS_DIR/index.json" ] && [ -n "$(script_list release)" ]; then
        # DISK_ERASING / RELEASING: the release scripts (wipe-disks), then cloud-init's modules-final.
        say "agent: starting release scripts"
        run_set release; failed=$?
        if [ "$failed" -ne 0 ]; then
            signal FAILED "$failed release scripts failed to run"
            say "agent: $failed release scripts failed"
            return 1
        fi
        signal OK "All scripts successfully ran" || { say "agent: signal OK failed"; return 1; }
        say "agent: all release scripts successfully ran"
        report_event finish cloudinit modules-final "running modules for final" SUCCESS || say "agent: modules-final report failed"
        return 0
    fi
    signal OK "All scripts successfully ran" || { say "agent: signal OK failed"; return 1; }
    say "agent: all scripts successfully ran"
}
