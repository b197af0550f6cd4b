# root-tgz.sh, sourced by install.sh: curtin's 'tgz' source (MAAS's root-tgz images) laid onto the
# storage layout of the curtin config ($CURTIN_CONFIG), as curtin's block-meta and extract do it for the
# layouts made of partitions, RAID arrays, bcache, LVM volume groups and swap (flat and lvm, with their bios_grub or EFI
# partition, and custom layouts over several disks; disks, arrays, bcaches, volume groups and swap: storage.sh):
#   - the partition table (gpt, or msdos) with each partition's size, offset and type (flag bios_grub,
#     boot = EFI system, swap, else Linux) written by sfdisk;
#   - the tarball unpacked into a staging directory (memory: $stage), with /etc/fstab from the mounts
#     the config's cloudconfig entries in /etc/cloud/cloud.cfg.d/ and its network config as
#     50-curtin-networking.cfg there (curtin's places);
#   - each format made in place at its partition's offset: ext2/3/4 by mke2fs (the '/' one filled from
#     the staging directory with -d, nothing mounted), fat12/16/32/vfat by mkfs.fat (a '/' one filled by
#     mcopy), a logical volume's, an array's or a bcache's on its device, swap by mkswap (storage.sh); the uuid and
#     label of the config.
#   - when the tarball carries GRUB (/usr/sbin/grub-install), the target's grub-install and update-grub
#     run in it (boot-loader.sh); a tarball without it gets no boot loader.
# Not done (refused with the reason): dm_crypt, file systems other than ext2/3/4, FAT, swap.
# Needs say(), install_failed and cloudconfig_names/cloudconfig_content (install.sh), storage-config.awk,
# storage.sh.

# field NAME ITEM: one key=value field of an item line.
field() {
    printf '%s\n' "$2" | awk -F '\t' -v k="$1" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) { print substr($i, length(k) + 2); exit } }'
}

# items TYPE [KEY VALUE]: the storage items of a type (with KEY=VALUE), in the config's order.
items() {
    awk -F '\t' -v t="type=$1" -v kv="$2=$3" '{ a = 0; b = (kv == "="); for (i = 1; i <= NF; i++) { if ($i == t) a = 1; if ($i == kv) b = 1 } } a && b' /run/ingot-storage.list
}

bytes() { v=${1%B}; echo "${v:-0}"; }

# network_config: the config's top-level 'network:' mapping as it stands (cloud-init network config v1),
# which curtin writes into the target as /etc/cloud/cloud.cfg.d/50-curtin-networking.cfg so that the
# installed system's cloud-init brings the interfaces up as MAAS configured them (not by its DHCP
# fallback). 1 when the config has none or gives no interface an address (only 'manual' subnets: a
# machine whose NIC was never linked to a subnet), which leaves the target to cloud-init's DHCP fallback.
network_config() {
    awk '/^network:/ { c = 1; print; next } c && /^[^ #]/ { exit } c { print } c && /type: *["'"'"']?(static|dhcp4|dhcp6|dhcp)["'"'"']? *$/ { a = 1 } END { exit !(c && a) }' "$CURTIN_CONFIG"
}

partition_type() {
    case "$1:$2" in
        gpt:bios_grub) echo 21686148-6449-6E6F-744E-656564454649 ;;
        gpt:boot|gpt:esp) echo C12A7328-F81F-11D2-BA4B-00A0C93EC93B ;;
        gpt:swap) echo 0657FD6D-A4AB-43C4-84E5-0933C84B4F4F ;;
        gpt:*) echo 0FC63DAF-8483-4772-8E79-3D69D8477DE4 ;;
        *:boot|*:esp) echo "ef" ;;
        *:swap) echo 82 ;;
        *) echo 83 ;;
    esac
}

# partition_extent N DISK: "start size" (sectors) of partition N as sfdisk reads the table back.
partition_extent() {
    sfdisk -d "$2" 2>/dev/null | awk -v n="$1" '/ : start=/ { k++; if (k == n) { gsub(/[=,]/, " "); for (i = 1; i <= NF; i++) { if ($i == "start") s = $(i + 1); if ($i == "size") z = $(i + 1) } print s, z; exit } }'
}

# lay_root_tarball DISK URI STAGE [Z]: the layout onto its disks (DISK, a block device or a disk image file, is
# the boot disk; others: storage.sh's disk_device) and the tarball at URI onto its '/', decompressed by tar's -Z
# flag (z: tgz, the default; j: tbz; J: txz); 1 (after
# install_failed) on any failure.
lay_root_tarball() {
    disk=$1; uri=$2; stage=$3
    awk -f "${AGENT_DIR:-/ingot}/storage-config.awk" "$CURTIN_CONFIG" > /run/ingot-storage.list
    if t=$(storage_unsupported); then
        install_failed "storage item type '$t' is not supported by Ingot's installer ($STORAGE_TYPES)"; return 1
    fi
    if t=$(raid_unsupported) && [ -n "$t" ]; then
        install_failed "$t"; return 1
    fi
    if t=$(bcache_unsupported) && [ -n "$t" ]; then
        install_failed "$t"; return 1
    fi
    bootitem=$(boot_disk_item)
    [ -n "$bootitem" ] || { install_failed "the curtin config has no storage layout (no disk)"; return 1; }
    diskid=$(field id "$bootitem")
    lay_partition_tables "$disk" || return 1

    rm -rf "$stage"; mkdir -p "$stage"
    if ! timeout 600 wget -q -O - "$uri" | tar -x"${4:-z}"f - -C "$stage" 2>/run/ingot-tar.log; then
        install_failed "unpacking the root tarball $uri failed: $(tail -n 1 /run/ingot-tar.log)"; return 1
    fi
    mkdir -p "$stage/etc/cloud/cloud.cfg.d"
    : > "$stage/etc/fstab"
    items mount | while IFS= read -r m; do
        f=$(items format id "$(field device "$m")"); fstype=$(field fstype "$f"); uuid=$(field uuid "$f")
        case "$fstype" in
            # A FAT file system's UUID is its volume id (mkfs.fat -i below), written XXXX-XXXX.
            fat*|vfat) fstype=vfat; uuid=$(printf '%s' "$uuid" | tr -d '-' | cut -c1-8 | tr 'a-f' 'A-F' | sed 's/^\(....\)/\1-/') ;;
        esac
        path=$(field path "$m"); pass=2; [ "$path" = / ] && pass=1
        options=$(field options "$m")
        # Swap as curtin's fstab has it: mount point none, options sw, never checked.
        [ "$fstype" = swap ] && { path=none; pass=0; options=${options:-sw}; }
        echo "UUID=$uuid $path $fstype ${options:-defaults} 0 $pass" >> "$stage/etc/fstab"
    done
    for name in $(cloudconfig_names); do
        cloudconfig_content "$name" > "$stage/etc/cloud/cloud.cfg.d/$name.cfg"
    done
    network=", no network config (DHCP fallback)"
    if network_config > "$stage/etc/cloud/cloud.cfg.d/50-curtin-networking.cfg"; then network=", network config"; else rm -f "$stage/etc/cloud/cloud.cfg.d/50-curtin-networking.cfg"; fi
    say "agent: install: unpacked $uri ($(du -sk "$stage" | cut -f1) KiB), fstab$network and $(cloudconfig_names | wc -l) cloudconfig files"

    # Arrays, volume groups, logical volumes and swap (storage.sh), with the target's tools, before any file system.
    make_volumes "$stage" "$disk" || return 1

    items format | while IFS= read -r f; do
        fstype=$(field fstype "$f"); [ "$fstype" != swap ] || continue
        v=$(field volume "$f"); p=$(items partition id "$v"); uuid=$(field uuid "$f"); fslabel=$(field label "$f")
        root=""; [ -n "$(items mount device "$(field id "$f")" | awk -F '\t' '/\tpath=\/(\t|$)/')" ] && root=yes
        if [ -n "$p" ] && needs_target_tools; then
            # make_volumes had the kernel read the new partition tables: the partition's own device (the whole disk
            # cannot be opened exclusively while a partition of it is a physical volume in use).
            dev=$(volume_device "$v" "$disk") && [ -b "$dev" ] || { install_failed "format $(field id "$f"): partition $v has no block device"; exit 1; }
            start=0; size=""; where="$dev"
        elif [ -n "$p" ]; then
            # A partition's file system is made in place at its offset on its disk: nothing needs the kernel's partitions.
            dev=$(disk_device "$(field device "$p")" "$disk") || { install_failed "format $(field id "$f"): the disk of partition $v is not on this machine"; exit 1; }
            set -- $(partition_extent "$(field number "$p")" "$dev")
            start=$1; size=$2; where="partition $(field number "$p")${dev:+ of $dev} (sectors $start+$size)"
            [ "$dev" != "$disk" ] || where="partition $(field number "$p") (sectors $start+$size)"
        elif dev=$(volume_device "$v" "$disk") && [ -b "$dev" ]; then
            start=0; size=""; where="$dev"
        else
            install_failed "format $(field id "$f") is not on a partition or a logical volume of the layout"; exit 1
        fi
        case "$fstype" in
            ext2|ext3|ext4)
                /usr/sbin/mke2fs -q -F -t "$fstype" ${uuid:+-U "$uuid"} ${fslabel:+-L "$fslabel"} ${root:+-d "$stage"} -E "offset=$((start * 512))" "$dev" ${size:+"$((size / 2))"} > /run/ingot-mkfs.log 2>&1 ;;
            fat12|fat16|fat32|vfat)
                bits=32; case "$fstype" in fat12) bits=12 ;; fat16) bits=16 ;; esac
                volid=$(printf '%s' "$uuid" | tr -d '-' | cut -c1-8)
                /usr/sbin/mkfs.fat -F "$bits" ${volid:+-i "$volid"} ${fslabel:+-n "$fslabel"} --offset "$start" "$dev" ${size:+"$((size / 2))"} > /run/ingot-mkfs.log 2>&1 \
                    && { [ -z "$root" ] || MTOOLS_SKIP_CHECK=1 mcopy -s -Q -i "$dev@@$((start * 512))" "$stage"/* ::/ >> /run/ingot-mkfs.log 2>&1; } ;;
            *) echo "filesystem type '$fstype' is not supported by Ingot's installer (ext2/3/4, fat12/16/32, swap)" > /run/ingot-mkfs.log; false ;;
        esac || { install_failed "format $(field id "$f") ($fstype): $(tail -n 2 /run/ingot-mkfs.log | tr '\n' ' ')"; exit 1; }
        say "agent: install: $fstype on $where${root:+, filled with the root tarball}"
    done || return 1
    # A tarball with GRUB gets its boot loader installed from the target itself (boot-loader.sh).
    grub=""; [ -e "$stage/usr/sbin/grub-install" ] && grub=yes
    rm -rf "$stage"
    [ -z "$grub" ] || install_boot_loader "$disk"
}
