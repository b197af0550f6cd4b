# run-scripts.sh, sourced by Ingot's ephemeral agent: maas-run-remote-scripts' download_and_extract_tar,
# run_scripts and run_scripts_from_metadata. Needs maas-api.sh and say().

SCRIPTS_DIR=/run/maas-scripts
OUT_DIR=/run/maas-results

# download_scripts: fetches <metadata_url>2012-03-01/maas-scripts into $SCRIPTS_DIR; 1 when there is
# nothing to run (204, empty answer) or the download failed.
download_scripts() {
    rm -rf "$SCRIPTS_DIR"; mkdir -p "$SCRIPTS_DIR"
    if ! http_get "${METADATA_URL%/}/2012-03-01/maas-scripts" /run/maas-scripts.tar; then
        say "agent: downloading maas-scripts failed"
        return 1
    fi
    [ -s /run/maas-scripts.tar ] || return 1
    tar -xf /run/maas-scripts.tar -C "$SCRIPTS_DIR" || { say "agent: maas-scripts is not a tar"; return 1; }
    [ -f "$SCRIPTS_DIR/index.json" ]
}

# script_list SET: the scripts of a set in the downloaded index (see script-list.awk).
script_list() {
    awk -f /ingot/flatten-json.awk "$SCRIPTS_DIR/index.json" | awk -v set="$1" -f /ingot/script-list.awk
}

# Seconds since boot with hundredths, for runtimes.
uptime_s() { cut -d' ' -f1 /proc/uptime; }

# run_set SET: runs each script of the set that has not finished, in order, signalling before and
# after each; prints nothing, returns the number of scripts that failed (or timed out).
run_set() {
    set_name=$1
    script_list "$set_name" > "/run/maas-$set_name.list"
    total=$(wc -l < "/run/maas-$set_name.list"); index=0; failed=0
    tab=$(printf '\t')
    while IFS="$tab" read -r name path rid vid timeout finished args; do
        index=$((index + 1))
        [ "$finished" = true ] && continue
        run_one </dev/null || failed=$((failed + 1))
    done < "/run/maas-$set_name.list"
    return "$failed"
}

# run_one: one script (variables from run_set's loop); 1 when it failed or timed out.
run_one() {
    dir=$OUT_DIR/$name; rm -rf "$dir"; mkdir -p "$dir/download"
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
run_scripts_from_metadata() {
    if ! download_scripts; then
        say "agent: nothing to run"
        return 0
    fi
    if [ -n "$(script_list commissioning)" ]; then
        say "agent: starting commissioning scripts"
        run_set commissioning; failed=$?
        if [ "$failed" -ne 0 ]; then
            signal FAILED "$failed commissioning scripts failed to run"
            say "agent: $failed commissioning scripts failed"
            return 1
        fi
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
