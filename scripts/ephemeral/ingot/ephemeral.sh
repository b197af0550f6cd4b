#!/bin/sh
# Ingot's ephemeral agent, run by the image's /init once the boot NIC is up and cloud-config-url= was
# fetched (INGOT_CLOUD_CONFIG). It follows MAAS's enlistment user-data and maas-run-remote-scripts:
#   - the cloud-config names the metadata API (datasource.MAAS.metadata_url) and, for a known machine,
#     its OAuth credentials (consumer_key, token_key, token_secret);
#   - without credentials (enlistment): is_registered? by every MAC, else anonymous machines create with
#     the architecture, every MAC comma-joined in one value and commission=True; then the credentials
#     come from the new machine's preseed (by-id/<system_id>/?op=get_preseed);
#   - then maas-scripts, each commissioning script signalled WORKING before and after (results as
#     multipart), TESTING, the testing scripts, OK or FAILED (run-scripts.sh).
#   - a cloud-config without power_state (entering rescue mode, enable_ssh) keeps the machine up: with
#     nothing to run, the agent signals OK as MAAS's rescue user-data does (-> RESCUE_MODE); then it
#     starts an SSH server for the owner's keys and asks /init to stay up (rescue.sh).
# /init powers the machine off afterwards, unless asked to stay up (/run/ingot-hold). Console lines start
# with "INGOT-EPHEMERAL: agent:".
say() { echo "INGOT-EPHEMERAL: $*"; }
. /ingot/maas-api.sh
. /ingot/run-scripts.sh
. /ingot/rescue.sh

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
    if http_get "${api}?op=is_registered&mac_address=$(urlencode "$macs")" /run/ingot-registered && grep -q true /run/ingot-registered; then
        say "agent: already registered ($macs), nothing to do"
        return 1
    fi
    printf 'architecture=%s&mac_addresses=%s&commission=True' "$(urlencode "$(debian_architecture)")" "$(urlencode "$macs")" > /run/ingot-enlist
    if ! http_post "$api" /run/ingot-enlist application/x-www-form-urlencoded /run/ingot-machine.json; then
        say "agent: enlistment failed: $(tail -n 3 /run/ingot-agent-http.log | tr '\n' ' ')"
        return 1
    fi
    SYSTEM_ID=$(sed -n 's/.*"system_id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' /run/ingot-machine.json)
    say "agent: enlisted as $SYSTEM_ID (architecture $(debian_architecture), macs $macs)"
    if ! http_get "${METADATA_URL%/}/latest/by-id/$SYSTEM_ID/?op=get_preseed" /run/ingot-preseed; then
        say "agent: the preseed of $SYSTEM_ID could not be fetched"
        return 1
    fi
    read_credentials /run/ingot-preseed
    [ -n "$TOKEN_KEY" ]
}

CONFIG=${INGOT_CLOUD_CONFIG:-/run/cloud-config}
if [ ! -s "$CONFIG" ]; then
    say "agent: no cloud-config, nothing to do"
    exit 1
fi
read_credentials "$CONFIG"
if [ -z "$METADATA_URL" ]; then
    say "agent: the cloud-config names no metadata_url"
    exit 1
fi
if [ -z "$TOKEN_KEY" ]; then
    say "agent: no credentials, enlisting"
    enlist || exit 1
fi
say "agent: metadata $METADATA_URL"
case "$METADATA_URL" in
    */curtin/|*/curtin)
        # The installer's preseed (DEPLOYING): curtin's place, taken by install.sh.
        . /ingot/install.sh
        install_from_curtin ;;
    *)
        if stays_on "$CONFIG" && ! download_scripts; then
            say "agent: nothing to run and no power_state: rescue mode"
            rescue_ready
        else
            run_scripts_from_metadata
        fi
        if stays_on "$CONFIG"; then
            start_ssh_server
            : > /run/ingot-hold
        fi ;;
esac
