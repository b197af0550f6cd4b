# enlist.sh, sourced by Ingot's ephemeral agent (ephemeral.sh): reading the cloud-config's credentials and
# MAAS's anonymous enlistment (is_registered by every MAC, machines create, the new machine's preseed for its
# credentials). Needs maas-api.sh (whose http_call retries a region that answers 5xx or cannot be reached).

# yaml_value KEY FILE: the first "KEY: value" of a cloud-config, unquoted.
yaml_value() {
    sed -n "s/^[[:space:]]*$1:[[:space:]]*//p" "$2" | head -n 1 | sed 's/[[:space:]]*$//; s/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}

read_credentials() {
    METADATA_URL=$(yaml_value metadata_url "$1")
    CONSUMER_KEY=$(yaml_value consumer_key "$1")
    TOKEN_KEY=$(yaml_value token_key "$1")
    TOKEN_SECRET=$(yaml_value token_secret "$1")
    REPORT_URL=$(yaml_value endpoint "$1")
}

debian_architecture() {
    case "$(uname -m)" in
        x86_64) echo amd64 ;; aarch64) echo arm64 ;; ppc64le) echo ppc64el ;; s390x) echo s390x ;;
        i?86) echo i386 ;; armv7l|armv8l) echo armhf ;; *) uname -m ;;
    esac
}

# Every physical interface's MAC, comma-joined (maas-run-remote-scripts' get_interfaces).
all_macs() {
    for i in /sys/class/net/*; do
        [ -e "$i/device" ] && cat "$i/address"
    done | tr 'A-F' 'a-f' | sort -u | tr '\n' ',' | sed 's/,$//'
}

enlist() {
    api=$(echo "$METADATA_URL" | sed 's#/metadata/*$#/api/2.0/machines/#')
    macs=$(all_macs)
    if http_get "${api}?op=is_registered&mac_address=$(urlencode "$macs")" "$RUN/ingot-registered" && grep -q true "$RUN/ingot-registered"; then
        say "agent: already registered ($macs), nothing to do"
        return 1
    fi
    printf 'architecture=%s&mac_addresses=%s&commission=True' "$(urlencode "$(debian_architecture)")" "$(urlencode "$macs")" > "$RUN/ingot-enlist"
    if ! http_post "$api" "$RUN/ingot-enlist" application/x-www-form-urlencoded "$RUN/ingot-machine.json"; then
        say "agent: enlistment failed: $(tail -n 3 "$RUN/ingot-agent-http.log" | tr '\n' ' ')"
        return 1
    fi
    SYSTEM_ID=$(sed -n 's/.*"system_id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$RUN/ingot-machine.json")
    say "agent: enlisted as $SYSTEM_ID (architecture $(debian_architecture), macs $macs)"
    if ! http_get "${METADATA_URL%/}/latest/by-id/$SYSTEM_ID/?op=get_preseed" "$RUN/ingot-preseed"; then
        say "agent: the preseed of $SYSTEM_ID could not be fetched"
        return 1
    fi
    read_credentials "$RUN/ingot-preseed"
    [ -n "$TOKEN_KEY" ]
}
