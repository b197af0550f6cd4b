# install.sh, sourced by Ingot's ephemeral agent when the preseed names curtin's metadata URL
# (DEPLOYING): it does what curtin does. Reads curtin/<ver>/user-data (the curtin config), reports
# cmd-install start to the webhook, then per sources.goal's type: dd-raw, dd-gz, dd-xz, dd-bz2, dd-tgz,
# dd-tbz, dd-txz or dd-tar, a whole-disk image written over the first disk (disk-image.sh), the config's
# cloudconfig entries then written as <name>.cfg into /cloud/ of the image's first partition (FAT; where the
# deployed system's first boot reads its datasource); tgz, tbz or txz, a root tarball laid onto the config's
# storage layout (root-tgz.sh), with GRUB when it carries it (boot-loader.sh). Then runs the maas late command
# (netboot_off), reports cmd-install finish and asks /init to reboot. Needs maas-api.sh.
. "${AGENT_DIR:-/ingot}/disk-image.sh"
. "${AGENT_DIR:-/ingot}/root-tgz.sh"
. "${AGENT_DIR:-/ingot}/storage.sh"
. "${AGENT_DIR:-/ingot}/boot-loader.sh"

CURTIN_CONFIG=${CURTIN_CONFIG:-/run/curtin.yaml}

# curtin_goal KEY: sources.goal.KEY of the curtin config.
curtin_goal() {
    awk -v key="$1" '/^sources:/ { s = 1; next } s && /^[^ ]/ { s = 0 } s && /goal:/ { g = 1; next }
        s && g { sub(/^[ \t]*/, ""); if (index($0, key ":") == 1) { v = substr($0, length(key) + 2); gsub(/^[ \t"]+|[ \t"]+$/, "", v); print v; exit } }' "$CURTIN_CONFIG"
}

# cloudconfig_names, cloudconfig_content NAME: the entries of the config's cloudconfig and one's content
# (a YAML block scalar, printed without its indentation).
cloudconfig_names() {
    awk '/^cloudconfig:/ { c = 1; next } c && /^[^ ]/ { c = 0 } c && /^  [^ ].*:[ \t]*$/ { n = $1; sub(/:$/, "", n); gsub(/"/, "", n); print n }' "$CURTIN_CONFIG"
}
cloudconfig_content() {
    awk -v name="$1" '
        function unescape(v,    out, i, ch) {
            out = ""
            while ((i = index(v, "\\")) > 0) {
                out = out substr(v, 1, i - 1); ch = substr(v, i + 1, 1)
                if (ch == "n") { out = out "\n"; v = substr(v, i + 2) }
                else if (ch == "t") { out = out "\t"; v = substr(v, i + 2) }
                else if (ch == "u") { out = out sprintf("%c", hexval(substr(v, i + 2, 4))); v = substr(v, i + 6) }
                else { out = out ch; v = substr(v, i + 2) }
            }
            return out v
        }
        function hexval(h,    n, k) { n = 0; h = tolower(h); for (k = 1; k <= length(h); k++) n = n * 16 + index("0123456789abcdef", substr(h, k, 1)) - 1; return n }
        /^cloudconfig:/ { c = 1; next }
        c && /^[^ ]/ { c = 0 }
        c && /^  [^ ]/ { n = $1; sub(/:$/, "", n); gsub(/"/, "", n); e = (n == name); next }
        c && e && /^    content:/ { v = $0; sub(/^    content:[ \t]*/, "", v)
            if (v ~ /^".*"$/) printf "%s", unescape(substr(v, 2, length(v) - 2)); else print v }' "$CURTIN_CONFIG"
}

first_disk() {
    for d in /sys/block/vd* /sys/block/sd* /sys/block/nvme*n*; do
        [ -e "$d" ] && { echo "${d##*/}"; return 0; }
    done
    return 1
}

install_failed() {
    say "agent: install: $1"
    report_event finish curtin cmd-install "$1" FAIL || true
    return 1
}

install_from_curtin() {
    if ! http_get "${METADATA_URL%/}/2012-03-01/user-data" "$CURTIN_CONFIG"; then
        say "agent: install: the curtin config could not be fetched"
        return 1
    fi
    report_event start curtin cmd-install "curtin command install" || say "agent: install: start report failed"
    type=$(curtin_goal type); uri=$(curtin_goal uri)
    disk=$(first_disk) || { install_failed "no disk to install to"; return 1; }
    say "agent: install: writing $type $uri to /dev/$disk"
    install_image "$type" "$uri" "/dev/$disk" || return 1
    sync
    case "$type" in dd-*) write_image_cloudconfig "$disk" || return 1 ;; esac
    # The late command: MAAS's netboot_off, so that the next boot is from the disk.
    netboot_off_and_finish
}

# install_image TYPE URI DISK: the image at URI onto DISK (a block device or a disk image file) as curtin
# installs sources.goal's TYPE; 1 (after install_failed) on any failure.
install_image() {
    case "$1" in
        dd-*) write_disk_image "$1" "$2" "$3" ;;
        tgz) lay_root_tarball "$3" "$2" /run/ingot-root z ;;
        tbz) lay_root_tarball "$3" "$2" /run/ingot-root j ;;
        txz) lay_root_tarball "$3" "$2" /run/ingot-root J ;;
        *) install_failed "source type '$1' is not supported by Ingot's installer (dd-raw, dd-gz, dd-xz, dd-bz2, dd-tgz, dd-tbz, dd-txz, dd-tar, tgz, tbz, txz)" ;;
    esac
}

# write_image_cloudconfig DISK: the cloudconfig entries into /cloud/ of a whole-disk image's first (FAT) partition.
write_image_cloudconfig() {
    disk=$1
    blockdev --rereadpt "/dev/$disk" 2>/dev/null
    part=/dev/${disk}1
    [ -b "/dev/${disk}p1" ] && part=/dev/${disk}p1
    mkdir -p /target
    if ! mount -t vfat "$part" /target; then
        install_failed "the image's first partition $part cannot be mounted"; return 1
    fi
    mkdir -p /target/cloud
    for name in $(cloudconfig_names); do
        cloudconfig_content "$name" > "/target/cloud/$name.cfg"
        say "agent: install: wrote cloudconfig $name ($(wc -c < "/target/cloud/$name.cfg") bytes)"
    done
    umount /target
}

netboot_off_and_finish() {
    netboot=$(grep -o 'http[^" ,]*/by-id/[^" ,]*' "$CURTIN_CONFIG" | head -n 1)
    printf "op=netboot_off" > /run/ingot-netboot-off
    if http_post "$netboot" /run/ingot-netboot-off application/x-www-form-urlencoded /run/ingot-netboot-answer; then
        say "agent: install: netboot_off posted"
    else
        install_failed "netboot_off failed"; return 1
    fi
    report_event finish curtin cmd-install "curtin command install" SUCCESS || say "agent: install: finish report failed"
    say "agent: install: done, rebooting into the installed system"
    : > /run/ingot-reboot
}
