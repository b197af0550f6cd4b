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
#   - a cloud-config without power_state (entering rescue mode, enable_ssh, a deployment to memory) keeps
#     the machine up: with nothing to run, the agent reads instance-id and user-data as cloud-init does
#     (the read ends a deployment to memory: DEPLOYED); MAAS's rescue user-data (a script signalling OK)
#     gets the same signal from the agent (-> RESCUE_MODE), any other user-data is a deployed-to-memory
#     OS's, reported as cloud-init's modules-final; then it starts an SSH server for the owner's keys and
#     asks /init to stay up (rescue.sh).
#   - a deployment to memory of an image with a root tarball (ingot_memory_root= on the kernel command line):
#     the tarball is unpacked into a tmpfs and /init switch_roots into it (memory-root.sh); if that fails, the
#     failure is reported (FAILED_DEPLOYMENT) and the environment stays up as above.
# /init powers the machine off afterwards, unless asked to stay up (/run/ingot-hold). Console lines start
# with "INGOT-EPHEMERAL: agent:".
say() { echo "INGOT-EPHEMERAL: $*"; }
. /ingot/maas-api.sh
. /ingot/run-scripts.sh
. /ingot/rescue.sh
. /ingot/enlist.sh
. /ingot/memory-root.sh

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
            # Nothing to run and no power_state: rescue mode or a deployment to memory. cloud-init reads
            # the datasource's instance-id and user-data on every boot; the user-data decides.
            if [ -n "${INGOT_MEMORY_ROOT:-}" ]; then
                # Deployed to memory with a root tarball: the image itself is the OS (memory-root.sh); /init
                # switches root into it. When it cannot be run, this environment stays up for the owner.
                run_memory_root "$INGOT_MEMORY_ROOT" && exit 0
            else
                read_datasource
                if rescue_user_data "$RUN/user-data"; then
                    say "agent: nothing to run and no power_state: rescue mode"
                    rescue_ready
                else
                    deployed_in_memory
                fi
            fi
        else
            run_scripts_from_metadata
        fi
        if stays_on "$CONFIG"; then
            start_ssh_server
            : > /run/ingot-hold
        fi ;;
esac
