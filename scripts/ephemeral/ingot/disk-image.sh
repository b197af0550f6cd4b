# disk-image.sh, sourced by install.sh: curtin's whole-disk sources (MAAS's dd image types) written over a
# disk, each through the filter curtin's write_image_to_disk uses for it. Needs install_failed (install.sh).

# disk_image_filter TYPE: the command that turns the downloaded stream of a dd-* source into the raw disk;
# 1 for a type that is not a whole-disk image.
disk_image_filter() {
    case "$1" in
        dd-raw) echo cat ;;
        dd-gz) echo "gunzip -c" ;;
        dd-xz) echo xzcat ;;
        dd-bz2) echo bzcat ;;
        dd-tgz) echo "tar -xOzf -" ;;
        dd-tbz) echo "tar -xOjf -" ;;
        dd-txz) echo "tar -xOJf -" ;;
        dd-tar) echo "tar -xOf -" ;;
        *) return 1 ;;
    esac
}

# write_disk_image TYPE URI TARGET: downloads URI, unpacks it as TYPE and writes it from the first byte of
# TARGET (a block device or a disk image file, never truncated). Each stage of the pipe records its own
# failure, so a download that breaks off or a corrupt archive fails the install (a plain pipe reports only
# dd's status); 1 (after install_failed) on any failure.
write_disk_image() {
    filter=$(disk_image_filter "$1") || { install_failed "source type '$1' is not a disk image type"; return 1; }
    rm -f /run/ingot-dd.failed
    { timeout 600 wget -q -O - "$2" || echo "the download of $2 failed" >> /run/ingot-dd.failed; } \
        | { $filter || echo "the $1 image could not be unpacked ($filter)" >> /run/ingot-dd.failed; } \
        | { dd of="$3" bs=1048576 conv=notrunc,fsync 2>/run/ingot-dd.log || echo "dd failed: $(tail -n 1 /run/ingot-dd.log)" >> /run/ingot-dd.failed; }
    if [ -s /run/ingot-dd.failed ]; then
        install_failed "writing the image failed: $(sed -e ':a' -e 'N' -e '$!ba' -e 's/\n/; /g' /run/ingot-dd.failed)"; return 1
    fi
    say "agent: install: $1 image written to $3 (dd: $(tail -n 1 /run/ingot-dd.log))"
}
