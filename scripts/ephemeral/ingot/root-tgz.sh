# root-tgz.sh, sourced by install.sh: curtin's 'tgz' source (MAAS's root-tgz images) laid onto the
# storage layout of the curtin config ($CURTIN_CONFIG), as curtin's block-meta and extract do it for the
# layouts whose volumes are partitions of the boot disk (flat, with its bios_grub or EFI partition):
#   - the partition table (gpt, or msdos) with each partition's size, offset and type (flag bios_grub,
#     boot = EFI system, swap, else Linux) written by sfdisk;
#   - the tarball unpacked into a staging directory (memory: $stage), with /etc/fstab from the mounts
#     the config's cloudconfig entries in /etc/cloud/cloud.cfg.d/ and its network config as
#     50-curtin-networking.cfg there (curtin's places);
#   - each format made in place at its partition's offset: ext2/3/4 by mke2fs (the '/' one filled from
#     the staging directory with -d, nothing mounted), fat12/16/32/vfat by mkfs.fat (a '/' one filled by
#     mcopy), swap refused; the uuid and label of the config.
#   - when the tarball carries GRUB (/usr/sbin/grub-install), the target's grub-install and update-grub
#     run in it (boot-loader.sh); a tarball without it gets no boot loader.
# Not done (refused with the reason): RAID, LVM, bcache, dm_crypt and disks other than the boot disk.
# Needs say(), install_failed and cloudconfig_names/cloudconfig_content (install.sh), storage-config.awk.

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

# lay_root_tarball DISK URI STAGE [Z]: the layout onto DISK (a block device or a disk image file) and the
# tarball at URI onto its '/', decompressed by tar's -Z flag (z: tgz, the default; j: tbz; J: txz); 1 (after
# install_failed) on any failure.
lay_root_tarball() {
    disk=$1; uri=$2; stage=$3
    awk -f "${AGENT_DIR:-/ingot}/storage-config.awk" "$CURTIN_CONFIG" > /run/ingot-storage.list
    for t in $(awk -F '\t' '{ for (i = 1; i <= NF; i++) if (index($i, "type=") == 1) print substr($i, 6) }' /run/ingot-storage.list | sort -u); do
        case "$t" in disk|partition|format|mount) ;; *) install_failed "storage item type '$t' is not supported by Ingot's installer (disk, partition, format, mount)"; return 1 ;; esac
    done
    boot=$(items disk grub_device true | head -n 1)
    [ -n "$boot" ] || boot=$(items disk | head -n 1)
    [ -n "$boot" ] || { install_failed "the curtin config has no storage layout (no disk)"; return 1; }
    diskid=$(field id "$boot")
    if items partition | awk -F '\t' -v d="device=$diskid" '{ for (i = 1; i <= NF; i++) if ($i == d) next; found = 1 } END { exit !found }'; then
        install_failed "partitions on disks other than the boot disk $diskid are not supported by Ingot's installer"; return 1
    fi
    ptable=$(field ptable "$boot"); [ "$ptable" = msdos ] && label=dos || label=gpt
    {
        echo "label: $label"
        items partition | while IFS= read -r p; do
            echo "$(field number "$p") $p"
        done | sort -n | while IFS= read -r line; do
            p=${line#* }; offset=$(bytes "$(field offset "$p")")
            start=""; [ "$offset" -gt 0 ] && start="start=$((offset / 512)), "
            puuid=""; [ "$label" = gpt ] && puuid=$(field uuid "$p")
            echo "${start}size=$(($(bytes "$(field size "$p")") / 512)), type=$(partition_type "$label" "$(field flag "$p")")${puuid:+, uuid=$puuid}"
        done
    } > /run/ingot-sfdisk.txt
    if ! sfdisk -q --wipe always --no-reread --no-tell-kernel "$disk" < /run/ingot-sfdisk.txt > /run/ingot-sfdisk.log 2>&1; then
        install_failed "sfdisk could not write the partition table: $(tail -n 2 /run/ingot-sfdisk.log | tr '\n' ' ')"; return 1
    fi
    say "agent: install: $label partition table on $disk: $(grep -c size= /run/ingot-sfdisk.txt) partitions"

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
        echo "UUID=$uuid $path $fstype ${options:-defaults} 0 $pass" >> "$stage/etc/fstab"
    done
    for name in $(cloudconfig_names); do
        cloudconfig_content "$name" > "$stage/etc/cloud/cloud.cfg.d/$name.cfg"
    done
    network=", no network config (DHCP fallback)"
    if network_config > "$stage/etc/cloud/cloud.cfg.d/50-curtin-networking.cfg"; then network=", network config"; else rm -f "$stage/etc/cloud/cloud.cfg.d/50-curtin-networking.cfg"; fi
    say "agent: install: unpacked $uri ($(du -sk "$stage" | cut -f1) KiB), fstab$network and $(cloudconfig_names | wc -l) cloudconfig files"

    items format | while IFS= read -r f; do
        p=$(items partition id "$(field volume "$f")")
        [ -n "$p" ] || { install_failed "format $(field id "$f") is not on a partition of $diskid"; exit 1; }
        set -- $(partition_extent "$(field number "$p")" "$disk")
        start=$1; size=$2; fstype=$(field fstype "$f"); uuid=$(field uuid "$f"); fslabel=$(field label "$f")
        root=""; [ -n "$(items mount device "$(field id "$f")" | awk -F '\t' '/\tpath=\/(\t|$)/')" ] && root=yes
        case "$fstype" in
            ext2|ext3|ext4)
                /usr/sbin/mke2fs -q -F -t "$fstype" ${uuid:+-U "$uuid"} ${fslabel:+-L "$fslabel"} ${root:+-d "$stage"} -E "offset=$((start * 512))" "$disk" "$((size / 2))" > /run/ingot-mkfs.log 2>&1 ;;
            fat12|fat16|fat32|vfat)
                bits=32; case "$fstype" in fat12) bits=12 ;; fat16) bits=16 ;; esac
                volid=$(printf '%s' "$uuid" | tr -d '-' | cut -c1-8)
                /usr/sbin/mkfs.fat -F "$bits" ${volid:+-i "$volid"} ${fslabel:+-n "$fslabel"} --offset "$start" "$disk" "$((size / 2))" > /run/ingot-mkfs.log 2>&1 \
                    && { [ -z "$root" ] || MTOOLS_SKIP_CHECK=1 mcopy -s -Q -i "$disk@@$((start * 512))" "$stage"/* ::/ >> /run/ingot-mkfs.log 2>&1; } ;;
            *) echo "filesystem type '$fstype' is not supported by Ingot's installer (ext2/3/4, fat12/16/32)" > /run/ingot-mkfs.log; false ;;
        esac || { install_failed "format $(field id "$f") ($fstype): $(tail -n 2 /run/ingot-mkfs.log | tr '\n' ' ')"; exit 1; }
        say "agent: install: $fstype on partition $(field number "$p") (sectors $start+$size)${root:+, filled with the root tarball}"
    done || return 1
    # A tarball with GRUB gets its boot loader installed from the target itself (boot-loader.sh).
    grub=""; [ -e "$stage/usr/sbin/grub-install" ] && grub=yes
    rm -rf "$stage"
    [ -z "$grub" ] || install_boot_loader "$disk"
}
