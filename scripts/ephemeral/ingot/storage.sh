# storage.sh, sourced by install.sh: the parts of curtin's block-meta that a root tarball's layout needs
# beyond partitions of one disk, as curtin's storage config (v1) describes them:
#   - disks other than the boot disk (found by the config's serial, as udev's ID_SERIAL is for curtin,
#     else its path, else its name), each with its own partition table;
#   - software RAID: 'raid' (mdadm --create of the config's raidlevel 0, 1, 5, 6 or 10 over its 'devices',
#     with its 'spare_devices', members whole disks or partitions; the array is /dev/<name> for an mdN name,
#     else /dev/md/<name>), and a partition table on an array ('ptable' and partitions whose device is it);
#   - LVM: 'lvm_volgroup' (physical volumes on partitions, whole disks or arrays, vgcreate with the config's
#     name) and 'lvm_partition' (lvcreate of the config's size in bytes; the last volume of a group whose size
#     is more than is free after LVM's metadata gets what is free, as MAAS's sizes do not subtract it);
#   - bcache: 'bcache' as curtin's bcache handler lays it (after the arrays, before the volume groups): the cache
#     device gets a cache set (make-bcache -C), the backing device a backing superblock (make-bcache -B), both
#     registered with the kernel (their paths written to /sys/fs/bcache/register), the backing device attached to
#     the cache set by its UUID (bcache-super-show's cset.uuid) and given the config's cache_mode; the device is
#     /dev/bcacheN, N found through sysfs (/sys/class/block/<backing>/bcache/dev), as curtin finds it;
#   - swap: a 'format' of fstype swap made by mkswap with the config's uuid and label.
# mdadm, the LVM tools, make-bcache and mkswap are the target's own (the unpacked tarball, run with chroot and /dev,
# /proc, /sys bound into it: the Debian tarball has mdadm, lvm2, bcache-tools and util-linux); the ephemeral image
# needs the kernel's md, dm-mod and bcache modules. No udev in the ephemeral image: mdadm and libdevmapper make their
# device nodes themselves, the kernel's devtmpfs makes /dev/bcacheN. The deployed system registers its bcache devices
# itself (bcache-tools' udev rules, in its initramfs too).
# The target's /etc/mdadm/mdadm.conf gets the arrays and its initramfs is rebuilt (boot-loader.sh: write_mdadm_conf).
# Not done (refused before any disk is touched): dm_crypt, other item types; RAID levels other than
# 0, 1, 5, 6, 10 (linear, multipath); partitions on a bcache; a bcache with a cache mode other than writeback,
# writethrough, writearound, none; a bcache on a kernel without bcache (no /sys/fs/bcache).
# Needs items/field/bytes (root-tgz.sh), install_failed and say (install.sh).

STORAGE_TYPES="disk partition format mount raid bcache lvm_volgroup lvm_partition"

# storage_unsupported: the first item type of the config Ingot's installer cannot carry out, if any.
storage_unsupported() {
    for t in $(awk -F '\t' '{ for (i = 1; i <= NF; i++) if (index($i, "type=") == 1) print substr($i, 6) }' /run/ingot-storage.list | sort -u); do
        case " $STORAGE_TYPES " in *" $t "*) ;; *) echo "$t"; return 0 ;; esac
    done
    return 1
}

# raid_level ITEM: the raid item's level as mdadm names it (0, 1, 5, 6, 10; curtin accepts 'raid1' too).
raid_level() {
    l=$(field raidlevel "$1"); l=${l#raid}
    case "$l" in 0|1|5|6|10) echo "$l" ;; *) return 1 ;; esac
}

# raid_unsupported: the reason the config's arrays cannot be made, if any (a level mdadm is not asked for).
raid_unsupported() {
    items raid | while IFS= read -r r; do
        raid_level "$r" > /dev/null || { echo "RAID $(field id "$r") has level '$(field raidlevel "$r")': Ingot's installer makes levels 0, 1, 5, 6 and 10"; exit 0; }
        [ -n "$(list_field devices "$r")" ] || { echo "RAID $(field id "$r") has no devices"; exit 0; }
    done
}

# bcache_unsupported: the reason the config's bcaches cannot be made, if any (checked before any disk is touched).
bcache_unsupported() {
    [ -z "$(items bcache)" ] || [ -e /sys/fs/bcache/register ] || { echo "the layout has bcache but this kernel has no bcache (no /sys/fs/bcache/register: the ephemeral image loads bcache.ko)"; return 0; }
    items bcache | while IFS= read -r b; do
        id=$(field id "$b")
        case "$(field cache_mode "$b")" in ''|writeback|writethrough|writearound|none) ;; *) echo "bcache $id has cache mode '$(field cache_mode "$b")': Ingot's installer sets writeback, writethrough, writearound or none"; exit 0 ;; esac
        [ -n "$(field backing_device "$b")" ] || { echo "bcache $id has no backing device"; exit 0; }
        [ -n "$(items partition device "$id")" ] && { echo "bcache $id has partitions: Ingot's installer makes a file system or a physical volume on a bcache, no partition table"; exit 0; }
    done
}

# list_field NAME ITEM: a list field's members, one a line (storage-config.awk writes a,b; an empty
# flow list '[]' is none).
list_field() {
    field "$1" "$2" | tr ',' '\n' | grep -v -x -e '' -e '\[\]'
}

# raid_device ID: the block device of the config's array ID: /dev/mdN for a name mdN, else /dev/md/<name>.
raid_device() {
    name=$(field name "$(items raid id "$1" | head -n 1)"); [ -n "$name" ] || name=$1
    case "$name" in md[0-9]*) echo "/dev/$name" ;; *) echo "/dev/md/$name" ;; esac
}

# disk_device ID BOOTDEV: the block device of the config's disk ID; the boot disk is BOOTDEV (install.sh's
# choice). Others by serial (/sys/block/*/serial: virtio, device/serial: SCSI), then path, then name.
disk_device() {
    d=$(items disk id "$1" | head -n 1); [ -n "$d" ] || return 1
    [ "$1" != "$(field id "$(boot_disk_item)")" ] || { echo "$2"; return 0; }
    serial=$(field serial "$d")
    if [ -n "$serial" ]; then
        for s in /sys/block/*/serial /sys/block/*/device/serial; do
            [ -r "$s" ] && [ "$(tr -d ' \n' < "$s")" = "$(printf '%s' "$serial" | tr -d ' ')" ] || continue
            b=${s#/sys/block/}; echo "/dev/${b%%/*}"; return 0
        done
    fi
    path=$(field path "$d"); [ -n "$path" ] && [ -b "$path" ] && [ "$path" != "$2" ] && { echo "$path"; return 0; }
    name=$(field name "$d"); [ -n "$name" ] && [ -b "/dev/$name" ] && [ "/dev/$name" != "$2" ] && { echo "/dev/$name"; return 0; }
    return 1
}

# boot_disk_item: the disk item with grub_device, else the first disk.
boot_disk_item() {
    b=$(items disk grub_device true | head -n 1)
    [ -n "$b" ] || b=$(items disk | head -n 1)
    printf '%s\n' "$b"
}

# lv_device VG LV: device-mapper's name for a logical volume (a '-' in either name doubled).
lv_device() {
    echo "/dev/mapper/$(printf '%s' "$1" | sed 's/-/--/g')-$(printf '%s' "$2" | sed 's/-/--/g')"
}

# bcache_device ID BOOTDEV: the config's bcache ID as the kernel made it: /dev/bcacheN, N through sysfs from its
# backing device once registered (/sys/class/block/<backing>/bcache/dev links to the bcacheN it backs).
bcache_device() {
    backing=$(volume_device "$(field backing_device "$(items bcache id "$1" | head -n 1)")" "$2") || return 1
    link=$(readlink "/sys/class/block/$(basename "$(readlink -f "$backing")")/bcache/dev") || return 1
    echo "/dev/$(basename "$link")"
}

# volume_device ID BOOTDEV: the block device of a partition (of a disk or an array), a disk, an array, a bcache
# or a logical volume of the config.
volume_device() {
    v=$(awk -F '\t' -v id="id=$1" '$1 == id' /run/ingot-storage.list | head -n 1)
    case "$(field type "$v")" in
        partition) n=$(field number "$v"); dev=$(volume_device "$(field device "$v")" "$2") || return 1; partition_device "$dev" "$n" ;;
        disk) disk_device "$1" "$2" ;;
        raid) raid_device "$1" ;;
        bcache) bcache_device "$1" "$2" ;;
        lvm_partition) lv_device "$(field name "$(items lvm_volgroup id "$(field volgroup "$v")" | head -n 1)")" "$(field name "$v")" ;;
        *) return 1 ;;
    esac
}

# partitions_visible DEV: asks the kernel to read DEV's new partition table (a loop device may need
# partx) and waits up to 10 s for its partitions' nodes.
partitions_visible() {
    n=$(items partition device "$(disk_id_of "$1")" | wc -l)
    [ "$n" -gt 0 ] || return 0
    last=$(partition_device "$1" "$(items partition device "$(disk_id_of "$1")" | while IFS= read -r p; do field number "$p"; done | sort -n | tail -n 1)")
    # partx when BLKRRPART fails or adds nothing (a loop device), so that no node of an earlier table is left.
    if ! blockdev --rereadpt "$1" 2>/dev/null || [ ! -b "$last" ]; then
        ! command -v partx > /dev/null || partx -u "$1" 2>/dev/null || partx -a "$1" 2>/dev/null
    fi
    k=0
    while [ ! -b "$last" ] && [ "$k" -lt 20 ]; do sleep 0.5; k=$((k + 1)); done
    [ -b "$last" ]
}

# disk_id_of DEV: the config's disk id whose device is DEV (set by lay_partition_tables).
disk_id_of() {
    awk -v d="$1" '$2 == d { print $1; exit }' /run/ingot-disks.list
}

# lay_partition_tables BOOTDEV: every disk of the config that has partitions gets its table (sfdisk),
# each partition's size, offset and uuid as given. /run/ingot-disks.list: "ID DEVICE" of each disk used.
lay_partition_tables() {
    : > /run/ingot-disks.list
    for id in $(items disk | while IFS= read -r d; do field id "$d"; done); do
        if ! dev=$(disk_device "$id" "$1"); then
            # A disk nothing is laid on (no partition, no member, no format) may be absent.
            if awk -F '\t' -v id="$id" '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /^(device|volume|devices|spare_devices|backing_device|cache_device)$/) { n = split(kv[2], m, ","); for (j = 1; j <= n; j++) if (m[j] == id) f = 1 } } } END { exit !f }' /run/ingot-storage.list; then
                install_failed "disk $id of the storage layout (serial $(field serial "$(items disk id "$id")")) is not on this machine"; return 1
            fi
            continue
        fi
        echo "$id $dev" >> /run/ingot-disks.list
        write_partition_table "$id" "$dev" || return 1
    done
}

# write_partition_table ID DEV: the partitions of disk or array ID onto DEV (none: a whole-disk member, left alone).
write_partition_table() {
    [ -n "$(items partition device "$1")" ] || return 0
    if ! sfdisk_table "$1" "$2"; then
        install_failed "sfdisk could not write the partition table of $2: $(tail -n 2 /run/ingot-sfdisk.log | tr '\n' ' ')"; return 1
    fi
    say "agent: install: $label partition table on $2: $(grep -c size= /run/ingot-sfdisk.txt) partitions"
}

# sfdisk_table ID DEV: sfdisk writes the table of disk or array ID (its ptable: gpt, or msdos) onto DEV, each
# partition's size, offset, type and (gpt) uuid as given; its output in /run/ingot-sfdisk.log; sets label.
sfdisk_table() {
    ptable=$(field ptable "$(awk -F '\t' -v id="id=$1" '$1 == id' /run/ingot-storage.list | head -n 1)"); [ "$ptable" = msdos ] && label=dos || label=gpt
    {
        echo "label: $label"
        items partition device "$1" | while IFS= read -r p; do
            echo "$(field number "$p") $p"
        done | sort -n | while IFS= read -r line; do
            p=${line#* }; offset=$(bytes "$(field offset "$p")")
            start=""; [ "$offset" -gt 0 ] && start="start=$((offset / 512)), "
            puuid=""; [ "$label" = gpt ] && puuid=$(field uuid "$p")
            echo "${start}size=$(($(bytes "$(field size "$p")") / 512)), type=$(partition_type "$label" "$(field flag "$p")")${puuid:+, uuid=$puuid}"
        done
    } > /run/ingot-sfdisk.txt
    sfdisk -q --wipe always --no-reread --no-tell-kernel "$2" < /run/ingot-sfdisk.txt > /run/ingot-sfdisk.log 2>&1
}

# needs_target_tools: whether the layout has arrays, bcaches, volume groups or swap (made with the target's tools).
needs_target_tools() {
    [ -n "$(items raid)$(items bcache)$(items lvm_volgroup)$(items format fstype swap)" ]
}

# target_lvm STAGE ARGS...: the target's lvm, seeing only the layout's physical volumes, no udev.
target_lvm() {
    t=$1; shift
    DM_DISABLE_UDEV=1 chroot "$t" /sbin/lvm "$@" --config "devices { global_filter = [ $LVM_FILTER \"r|.*|\" ] obtain_device_list_from_udev = 0 use_devicesfile = 0 } activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }"
}

# make_volumes STAGE BOOTDEV: the volume groups, logical volumes and swap of the layout, with the tools of
# the unpacked tarball at STAGE. 1 (after install_failed) on any failure.
make_volumes() {
    needs_target_tools || return 0
    stage=$1; boot=$2
    if [ -n "$(items raid)" ] && [ ! -x "$stage/sbin/mdadm" ]; then
        install_failed "the layout has RAID arrays but the root tarball has no mdadm (/sbin/mdadm: Debian's mdadm)"; return 1
    fi
    if [ -n "$(items bcache)" ] && [ ! -x "$stage/usr/sbin/make-bcache" ]; then
        install_failed "the layout has bcache but the root tarball has no make-bcache (/usr/sbin/make-bcache: Debian's bcache-tools)"; return 1
    fi
    if [ -n "$(items lvm_volgroup)" ] && [ ! -x "$stage/sbin/lvm" ]; then
        install_failed "the layout has LVM volume groups but the root tarball has no LVM tools (/sbin/lvm: Debian's lvm2)"; return 1
    fi
    if [ -n "$(items format fstype swap)" ] && [ ! -x "$stage/sbin/mkswap" ]; then
        install_failed "the layout has swap but the root tarball has no mkswap (/sbin/mkswap: util-linux)"; return 1
    fi
    while read -r id dev; do
        partitions_visible "$dev" || { install_failed "the kernel shows no partitions of $dev after the new partition table"; return 1; }
    done < /run/ingot-disks.list
    for d in dev proc sys; do mount --bind "/$d" "$stage/$d"; done
    mount -t tmpfs tmpfs "$stage/run"
    ok=yes
    make_raids "$stage" "$boot" > /run/ingot-lvm.log 2>&1 || ok=""
    [ -z "$ok" ] || make_bcaches "$stage" "$boot" >> /run/ingot-lvm.log 2>&1 || ok=""
    [ -z "$ok" ] || make_volume_groups "$stage" "$boot" >> /run/ingot-lvm.log 2>&1 || ok=""
    [ -z "$ok" ] || make_swap "$stage" "$boot" >> /run/ingot-lvm.log 2>&1 || ok=""
    umount "$stage/run"
    for d in sys proc dev; do umount "$stage/$d"; done
    if [ -z "$ok" ]; then
        install_failed "$(grep '^ingot: ' /run/ingot-lvm.log | tail -n 1 | cut -c8-): $(grep -v '^ingot: ' /run/ingot-lvm.log | grep -v -i 'warning' | tail -n 2 | tr '\n' ' ')"; return 1
    fi
    grep '^ingot: ' /run/ingot-lvm.log | cut -c8- | while IFS= read -r line; do say "agent: install: $line"; done
}

# make_raids STAGE BOOTDEV: each array of the layout, as curtin's raid handler: the members' old md superblocks
# zeroed, then mdadm --create --run with the level, members and spares (metadata 1.2, mdadm's default), a name
# (--name, /dev/md/<name>), then its partition table if partitions are on it; 'ingot: …' lines as below.
make_raids() {
    for r in $(items raid | while IFS= read -r a; do field id "$a"; done); do
        a=$(items raid id "$r" | head -n 1); md=$(raid_device "$r"); level=$(raid_level "$a"); name=$(field name "$a")
        members=""; spares=""; n=0; k=0
        for m in $(list_field devices "$a"); do
            d=$(volume_device "$m" "$2") || { echo "ingot: member $m of RAID $r is not a partition or disk Ingot's installer can make"; return 1; }
            members="$members $d"; n=$((n + 1))
        done
        for m in $(list_field spare_devices "$a"); do
            d=$(volume_device "$m" "$2") || { echo "ingot: spare $m of RAID $r is not a partition or disk Ingot's installer can make"; return 1; }
            spares="$spares $d"; k=$((k + 1))
        done
        for d in $members $spares; do chroot "$1" /sbin/mdadm --zero-superblock --force "$d" > /dev/null 2>&1; done
        echo "ingot: RAID $level $md on$members${spares:+, spares$spares}"
        # --run: no question about members that look used or about metadata at the start of a boot device.
        printf 'y\ny\n' | chroot "$1" /sbin/mdadm --create "$md" --run --level="$level" --raid-devices="$n" \
            ${name:+--name="$name"} --homehost=any $members ${spares:+--spare-devices="$k"} $spares || return 1
        [ -b "$md" ] || { echo "ingot: RAID $r: no $md after mdadm --create"; return 1; }
        if [ -n "$(items partition device "$r")" ]; then
            echo "$r $md" >> /run/ingot-disks.list
            echo "ingot: partition table on $md"
            sfdisk_table "$r" "$md" || { cat /run/ingot-sfdisk.log; return 1; }
            echo "ingot: $label partition table on $md: $(grep -c size= /run/ingot-sfdisk.txt) partitions"
            partitions_visible "$md" || { echo "ingot: the kernel shows no partitions of $md after the new partition table"; return 1; }
        fi
        echo "ingot: $(grep "^$(basename "$(readlink -f "$md")") " /proc/mdstat | tr -s ' ')"
    done
}

# make_bcaches STAGE BOOTDEV: each bcache of the layout, as curtin's bcache handler: the cache device's cache set
# (make-bcache -C, once for a cache device several bcaches share) and the backing device (make-bcache -B), their old
# signatures wiped first (wipefs, as curtin's wipe); both registered (/sys/fs/bcache/register); the backing device
# attached to the cache set by its cset.uuid and its cache_mode set; 'ingot: …' lines as below.
make_bcaches() {
    : > /run/ingot-cache-sets.list
    for b in $(items bcache | while IFS= read -r c; do field id "$c"; done); do
        c=$(items bcache id "$b" | head -n 1); mode=$(field cache_mode "$c")
        backing=$(volume_device "$(field backing_device "$c")" "$2") || { echo "ingot: backing device $(field backing_device "$c") of bcache $b is not a partition, disk or array Ingot's installer can make"; return 1; }
        cache=""
        if [ -n "$(field cache_device "$c")" ]; then
            cache=$(volume_device "$(field cache_device "$c")" "$2") || { echo "ingot: cache device $(field cache_device "$c") of bcache $b is not a partition, disk or array Ingot's installer can make"; return 1; }
        fi
        if [ -n "$cache" ] && ! grep -q "^$cache " /run/ingot-cache-sets.list; then
            echo "ingot: bcache cache set on $cache"
            chroot "$1" /sbin/wipefs -a -f "$cache" > /dev/null 2>&1
            chroot "$1" /usr/sbin/make-bcache --wipe-bcache -C "$cache" || return 1
            echo "$cache" > /sys/fs/bcache/register || { echo "ingot: the kernel did not register the cache device $cache ($(kernel_bcache_error))"; return 1; }
            cset=$(chroot "$1" /usr/sbin/bcache-super-show "$cache" | awk '$1 == "cset.uuid" { print $2 }')
            [ -n "$cset" ] && [ -d "/sys/fs/bcache/$cset" ] || { echo "ingot: no cache set of $cache in /sys/fs/bcache (cset.uuid '$cset')"; return 1; }
            echo "$cache $cset" >> /run/ingot-cache-sets.list
        fi
        echo "ingot: bcache backing device $backing"
        chroot "$1" /sbin/wipefs -a -f "$backing" > /dev/null 2>&1
        chroot "$1" /usr/sbin/make-bcache --wipe-bcache -B "$backing" || return 1
        echo "$backing" > /sys/fs/bcache/register || { echo "ingot: the kernel did not register the backing device $backing ($(kernel_bcache_error))"; return 1; }
        k=0
        while ! dev=$(bcache_device "$b" "$2") || [ ! -b "$dev" ]; do
            [ "$k" -lt 20 ] || { echo "ingot: bcache $b: no /dev/bcacheN for $backing 10 s after its registration"; return 1; }
            sleep 0.5; k=$((k + 1))
        done
        sysfs=/sys/block/$(basename "$dev")/bcache
        if [ -n "$cache" ]; then
            cset=$(awk -v d="$cache" '$1 == d { print $2; exit }' /run/ingot-cache-sets.list)
            echo "$cset" > "$sysfs/attach" || { echo "ingot: bcache $b: $backing could not be attached to cache set $cset"; return 1; }
        fi
        [ -z "$mode" ] || echo "$mode" > "$sysfs/cache_mode" || { echo "ingot: bcache $b: the kernel refused cache mode $mode"; return 1; }
        echo "ingot: bcache $b is $dev: backing $backing${cache:+, cache $cache (set $cset)}, $(cat "$sysfs/state"), mode $(tr ' ' '\n' < "$sysfs/cache_mode" | sed -n 's/^\[\(.*\)\]$/\1/p')"
    done
}

# kernel_bcache_error: the kernel's last bcache error lines, which say why a registration failed (e.g. "cache_alloc()
# error vdb: ca->sb.nbuckets is too small": a cache device needs more than 512 buckets, 256 MiB with make-bcache's
# 512 KiB buckets).
kernel_bcache_error() {
    dmesg | grep 'bcache: .*error' | tail -n 3 | sed 's/^\[[^]]*\] //' | tr '\n' ';' | sed 's/;$//; s/;/; /g'
}

# make_volume_groups STAGE BOOTDEV: pvcreate, vgcreate, lvcreate; each step's description first on a line
# 'ingot: …' (the failure names the last one), the tools' output after it.
make_volume_groups() {
    LVM_FILTER=""
    for vg in $(items lvm_volgroup | while IFS= read -r g; do field id "$g"; done); do
        for m in $(field devices "$(items lvm_volgroup id "$vg")" | tr ',' ' '); do
            pv=$(volume_device "$m" "$2") || { echo "ingot: member $m of volume group $vg is not a partition or disk Ingot's installer can make"; return 1; }
            LVM_FILTER="$LVM_FILTER\"a|^$pv\$|\", "
        done
    done
    for vg in $(items lvm_volgroup | while IFS= read -r g; do field id "$g"; done); do
        g=$(items lvm_volgroup id "$vg"); name=$(field name "$g"); pvs=""
        for m in $(field devices "$g" | tr ',' ' '); do pvs="$pvs $(volume_device "$m" "$2")"; done
        echo "ingot: physical volumes$pvs"
        target_lvm "$1" pvcreate -ff -y $pvs || return 1
        echo "ingot: volume group $name on$pvs"
        target_lvm "$1" vgcreate -y "$name" $pvs || return 1
        lvs=$(items lvm_partition volgroup "$vg"); n=$(printf '%s\n' "$lvs" | grep -c .); k=0
        printf '%s\n' "$lvs" | while IFS= read -r lv; do
            [ -n "$lv" ] || continue
            k=$((k + 1)); lvname=$(field name "$lv"); size=$(bytes "$(field size "$lv")")
            free=$(target_lvm "$1" vgs --noheadings --units b --nosuffix -o vg_free "$name" | tr -d ' ')
            if [ "$k" -eq "$n" ] && { [ "$size" -eq 0 ] || [ "$size" -ge "${free:-0}" ]; }; then
                echo "ingot: logical volume $lvname of $name: all that is free ($free bytes; the config asks $size)"
                target_lvm "$1" lvcreate -y -W y -Z y -n "$lvname" -l 100%FREE "$name" || exit 1
            else
                echo "ingot: logical volume $lvname of $name: $size bytes"
                target_lvm "$1" lvcreate -y -W y -Z y -n "$lvname" -L "${size}b" "$name" || exit 1
            fi
            [ -b "$(lv_device "$name" "$lvname")" ] || { echo "ingot: logical volume $lvname of $name: no $(lv_device "$name" "$lvname") after lvcreate"; exit 1; }
        done || return 1
    done
}

# make_swap STAGE BOOTDEV: mkswap on each swap format's volume, with its uuid and label.
make_swap() {
    items format fstype swap | while IFS= read -r f; do
        dev=$(volume_device "$(field volume "$f")" "$2") || { echo "ingot: swap $(field id "$f") is not on a partition, disk or logical volume"; exit 1; }
        uuid=$(field uuid "$f"); fslabel=$(field label "$f")
        echo "ingot: swap on $dev"
        chroot "$1" /sbin/mkswap ${uuid:+-U "$uuid"} ${fslabel:+-L "$fslabel"} "$dev" || exit 1
    done
}
