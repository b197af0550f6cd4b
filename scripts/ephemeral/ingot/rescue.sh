# rescue.sh, sourced by Ingot's ephemeral agent: what MAAS's ephemeral environment does when nobody
# asked it to power off, i.e. its cloud-config (the preseed) has no power_state: entering rescue mode,
# commissioning or testing with enable_ssh, a deployment to memory. cloud-init then installs the
# owner's keys from meta-data/public-keys and the environment stays up for someone to log in; here
# Debian's dropbear (copied into the image by scripts/build-ephemeral-image.sh) is that SSH server.
# Needs maas-api.sh and say().

# stays_on CONFIG: 0 when the cloud-config names no power_state (the environment must stay up).
stays_on() {
    ! grep -q '^"\{0,1\}power_state"\{0,1\}:' "$1"
}

# rescue_ready: what MAAS's rescue-mode user-data does once the environment is up: signal OK
# (ENTERING_RESCUE_MODE -> RESCUE_MODE).
rescue_ready() {
    if signal OK "Rescue mode environment is up"; then
        say "agent: rescue: signalled OK"
    else
        say "agent: rescue: signal OK failed"
        return 1
    fi
}

# read_datasource: what cloud-init's MAAS datasource reads on every boot: meta-data/instance-id and
# user-data, into $RUN/instance-id and $RUN/user-data (absent when there is none: 404). Reading the
# user-data is what ends a deployment to memory (DEPLOYING -> DEPLOYED), as it does for an installed OS.
read_datasource() {
    rm -f "$RUN/instance-id" "$RUN/user-data"
    http_get "${METADATA_URL%/}/2012-03-01/meta-data/instance-id" "$RUN/instance-id" || rm -f "$RUN/instance-id"
    http_get "${METADATA_URL%/}/2012-03-01/user-data" "$RUN/user-data" || rm -f "$RUN/user-data"
}

# rescue_user_data FILE: 0 when the user-data is MAAS's rescue-mode user-data, a shell script whose work is to
# signal OK. The image has no curl to run it, so rescue_ready sends that signal in its place.
rescue_user_data() {
    [ -s "$1" ] && head -n 1 "$1" | grep -q '^#!' && grep -q 'op=signal' "$1" && grep -q 'status=OK' "$1"
}

# deployed_in_memory: the machine was deployed to memory (MAAS's ephemeral_deploy, or a diskless machine): this
# environment is its OS, and its user-data read above ended the deployment. It reports cloud-init's modules-final
# as an installed OS does and shows the user-data on the console (it does not run it: no cloud-init here).
deployed_in_memory() {
    report_event start cloudinit modules-final "running modules for final" || say "agent: memory: start report failed"
    if [ -f "$RUN/user-data" ]; then
        say "agent: memory: deployed to memory, instance $(cat "$RUN/instance-id" 2>/dev/null), user-data $(wc -c < "$RUN/user-data") bytes: $(head -c 200 "$RUN/user-data" | tr '\n' ' ')"
    else
        say "agent: memory: deployed to memory, instance $(cat "$RUN/instance-id" 2>/dev/null), no user-data"
    fi
    report_event finish cloudinit modules-final "running modules for final" SUCCESS || say "agent: memory: finish report failed"
}

# start_ssh_server: the owner's keys from meta-data/public-keys as root's authorized_keys, an ed25519
# host key (its public half on the console, so that whoever logs in can check it), dropbear on port
# 22 with password logins off. 1 when there is no key to log in with or dropbear did not start.
start_ssh_server() {
    mkdir -p /root/.ssh
    chmod 700 /root /root/.ssh
    keys=/root/.ssh/authorized_keys
    if ! http_get "${METADATA_URL%/}/2012-03-01/meta-data/public-keys" "$keys" || ! grep -q '[^[:space:]]' "$keys"; then
        say "agent: ssh: the machine's owner has no SSH keys, no SSH server started"
        rm -f "$keys"
        return 1
    fi
    chmod 600 "$keys"
    mkdir -p /dev/pts /etc/dropbear
    grep -q ' /dev/pts ' /proc/mounts || mount -t devpts devpts /dev/pts 2>/dev/null
    hostkey=/etc/dropbear/dropbear_ed25519_host_key
    [ -s "$hostkey" ] || dropbearkey -t ed25519 -f "$hostkey" >/run/dropbearkey.log 2>&1
    if ! /usr/sbin/dropbear -r "$hostkey" -s -E -p 22 -P /run/dropbear.pid 2>>/run/dropbear.log; then
        say "agent: ssh: dropbear did not start: $(tail -n 2 /run/dropbear.log | tr '\n' ' ')"
        return 1
    fi
    say "agent: ssh: dropbear listening on ${INGOT_IP%/*}:22 for $(grep -c '[^[:space:]]' "$keys") keys, host key $(dropbearkey -y -f "$hostkey" 2>/dev/null | grep '^ssh-' | cut -d' ' -f1-2)"
}
