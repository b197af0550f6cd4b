# memory-root.sh, sourced by Ingot's ephemeral agent: a deployment to memory (MAAS 3.5's ephemeral_deploy) of an
# image whose install file is a root tarball. Ingot's boot script names that tarball on the kernel command line
# (ingot_memory_root=<url>, the same /images/... URL the disk installer fetches as curtin's tgz source); the agent
# unpacks it into a tmpfs and /init switch_roots into it (/sbin/init of the image), so the deployed OS is the
# user's image, as MAAS boots the image itself from memory. Needs maas-api.sh (report_event) and say().
#
# An image with cloud-init (/usr/bin/cloud-init) does the rest itself: it finds cloud-config-url= on the kernel
# command line, reads its user-data with the machine's token (-> DEPLOYED) and reports to the webhook, as a
# deployed OS does. An image without cloud-init cannot: the agent reads the datasource for it (-> DEPLOYED),
# reports modules-final, writes the owner's keys to the image's /root/.ssh/authorized_keys and the user-data
# to /var/lib/cloud/instance/user-data.txt (cloud-init's places; nothing runs them), then switches root all the same.
# Any failure (the tarball cannot be fetched, does not fit in memory, is corrupt, has no /sbin/init) is reported as
# a failed top-level stage (-> FAILED_DEPLOYMENT, the reason in the event) and the environment stays Ingot's.

# The stage name the failure is reported under (a top-level name: MAAS's status worker fails the deployment on it).
MEMORY_ROOT_STAGE=memory-root

# memory_root_size_kib: the tmpfs size for the image: the memory available now less 48 MiB for the running system.
memory_root_size_kib() {
    available=$(sed -n 's/^MemAvailable: *\([0-9]*\) kB$/\1/p' /proc/meminfo)
    [ -n "$available" ] || available=$(sed -n 's/^MemFree: *\([0-9]*\) kB$/\1/p' /proc/meminfo)
    echo $(( ${available:-0} - 49152 ))
}

# memory_root_fail REASON: the failure on the console and to the webhook (finish FAIL of a top-level stage).
# The reason goes into a JSON string as it is (report_event): quotes and backslashes are dropped from it.
memory_root_fail() {
    _mr_reason=$(printf '%s' "$1" | tr -d '"\\')
    say "agent: memory: $_mr_reason"
    report_event finish cloudinit "$MEMORY_ROOT_STAGE" "$_mr_reason" FAIL || say "agent: memory: the failure report could not be sent"
    return 1
}

# load_memory_root URL DIR SIZE_KIB: mounts a tmpfs of SIZE_KIB at DIR and unpacks the tarball at URL into it, streamed
# (the compressed tarball is never held in memory as a whole). The file type at the end of the URL decides the
# decompression: root-tgz gzip, root-txz xz (the two MAAS deploys to memory). 0 when DIR holds an image with /sbin/init;
# else the reason is reported (memory_root_fail), the tmpfs is unmounted and 1 is returned.
load_memory_root() {
    _mr_url=$1; _mr_dir=$2; _mr_size=$3
    case "$_mr_url" in
        */root-tgz) _mr_unpack=-xzf ;;
        */root-txz) _mr_unpack=-xJf ;;
        *) memory_root_fail "the deployed image's root tarball $_mr_url is neither a root-tgz nor a root-txz"; return 1 ;;
    esac
    if [ "$_mr_size" -le 0 ]; then
        memory_root_fail "the root tarball does not fit in memory: $(( _mr_size / 1024 + 48 )) MiB available, 48 MiB kept for the running system"
        return 1
    fi
    mkdir -p "$_mr_dir"
    if ! mount -t tmpfs -o "size=${_mr_size}k,mode=0755" tmpfs "$_mr_dir"; then
        memory_root_fail "a tmpfs of $(( _mr_size / 1024 )) MiB for the root tarball could not be mounted"
        return 1
    fi
    say "agent: memory: unpacking $_mr_url into a tmpfs of $(( _mr_size / 1024 )) MiB at $_mr_dir"
    rm -f "$RUN/memory-root.wget-rc"
    # busybox 1.35's static wget crashes with -T: bound by timeout(1). Its exit status is kept in a file (the pipe's
    # status is tar's); 141 is SIGPIPE: tar stopped reading first.
    { timeout 900 wget -q -O - "$_mr_url" 2>"$RUN/memory-root.wget" || echo $? > "$RUN/memory-root.wget-rc"; } \
        | tar "$_mr_unpack" - -C "$_mr_dir" 2>"$RUN/memory-root.tar"
    _mr_tar=$?
    _mr_wget=$(cat "$RUN/memory-root.wget-rc" 2>/dev/null || echo 0)
    _mr_why=""
    if grep -q 'No space left on device' "$RUN/memory-root.tar"; then
        _mr_why="the root tarball does not fit in memory: it unpacks to more than the $(( _mr_size / 1024 )) MiB available"
    elif [ "$_mr_wget" -ne 0 ] && [ "$_mr_wget" -ne 141 ]; then
        _mr_why="the root tarball could not be fetched from $_mr_url: $(grep -v '^ *$' "$RUN/memory-root.wget" | tail -n 1 | sed 's/^wget: //')"
        [ "$_mr_wget" -eq 143 ] && _mr_why="the root tarball could not be fetched from $_mr_url: no end within 900 s"
    elif [ "$_mr_tar" -ne 0 ]; then
        _mr_why="the root tarball is corrupt: $(grep -v '^ *$' "$RUN/memory-root.tar" | head -n 2 | tr '\n' ' ' | sed 's/ $//')"
    elif [ ! -e "$_mr_dir/sbin/init" ] && [ ! -L "$_mr_dir/sbin/init" ]; then
        _mr_why="the root tarball has no /sbin/init to start"
    fi
    if [ -n "$_mr_why" ]; then
        umount "$_mr_dir" 2>/dev/null
        memory_root_fail "$_mr_why"
        return 1
    fi
    say "agent: memory: unpacked, $(du -sk "$_mr_dir" 2>/dev/null | cut -f1) KiB in memory"
}

# has_cloud_init DIR: 0 when the unpacked image carries cloud-init (it then reads its own user-data).
has_cloud_init() {
    [ -e "$1/usr/bin/cloud-init" ] || [ -L "$1/usr/bin/cloud-init" ]
}

# hand_over_without_cloud_init DIR: what cloud-init would have left in the image, for an image without it: the
# owner's keys (meta-data/public-keys) and the user-data, read here (the read ends the deployment: DEPLOYED).
hand_over_without_cloud_init() {
    read_datasource
    deployed_in_memory
    mkdir -p "$1/root/.ssh" "$1/var/lib/cloud/instance"
    if http_get "${METADATA_URL%/}/2012-03-01/meta-data/public-keys" "$1/root/.ssh/authorized_keys"; then
        chmod 700 "$1/root/.ssh"; chmod 600 "$1/root/.ssh/authorized_keys"
    fi
    [ -f "$RUN/user-data" ] && cp "$RUN/user-data" "$1/var/lib/cloud/instance/user-data.txt"
    return 0
}

# run_memory_root URL: the whole of it; 0 when /init is to switch root (/run/ingot-switch-root names the new root).
run_memory_root() {
    _mr_root=/run/ingot-memory-root
    load_memory_root "$1" "$_mr_root" "$(memory_root_size_kib)" || return 1
    if has_cloud_init "$_mr_root"; then
        say "agent: memory: the image has cloud-init: it reads its own user-data"
    else
        say "agent: memory: the image has no cloud-init: the agent reads the datasource for it"
        hand_over_without_cloud_init "$_mr_root"
    fi
    echo "$_mr_root" > /run/ingot-switch-root
}
