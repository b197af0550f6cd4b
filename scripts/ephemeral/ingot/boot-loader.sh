# boot-loader.sh, sourced by install.sh: what curtin's curthooks do for a root tarball that carries GRUB
# (/usr/sbin/grub-install in the target): mount the laid-out root file system at /target (a separate /boot
# and the EFI system partition at /boot/efi too), bind-mount /dev, /proc and /sys into it, and run the
# target's own grub-install and update-grub (the menu from the target's /etc/default/grub, root=UUID of the
# '/' file system); for a layout with RAID arrays the target's mdadm.conf and initramfs (write_mdadm_conf). The tools are the target's: the ephemeral image needs only mount (ext4 and FAT modules),
# chroot and umount.
#   - BIOS (no /boot/efi in the layout): --target=i386-pc onto the boot disk, its core image in the
#     bios_grub partition of a GPT disk or after the MBR of an msdos one.
#   - UEFI (the layout mounts an ESP at /boot/efi, as MAAS's layouts do for a machine that booted UEFI):
#     --target=x86_64-efi --efi-directory=/boot/efi --removable --no-nvram: GRUB's EFI image at the ESP's
#     removable-media path EFI/BOOT/BOOTX64.EFI, which every UEFI firmware boots from a disk with no NVRAM
#     boot entry. No NVRAM entry is written: the ephemeral environment may have no efivarfs, and firmware
#     whose variables do not persist (OVMF started with -bios, a machine whose NVRAM is reset) would lose it;
#     the removable path works in both cases and after netboot_off the firmware's disk boot option finds it.
#     The tarball must carry grub-efi-amd64-bin (/usr/lib/grub/x86_64-efi); no shim, so no Secure Boot.
#     Then, on a machine booted UEFI (init mounted efivarfs) whose target has efibootmgr, the NVRAM boot entry as
#     curtin's update_nvram writes it (update_nvram below): the removable copy stays for firmware that loses it.
# Needs say(), install_failed (install.sh), items/field (root-tgz.sh) and volume_device (storage.sh).

# partition_device DISK N: the block device of partition N of DISK (vda1, nvme0n1p1).
partition_device() {
    case "$1" in *[0-9]) echo "${1}p$2" ;; *) echo "$1$2" ;; esac
}

# mount_format PATH: the format item of the file system mounted at PATH.
mount_format() {
    m=$(items mount path "$1" | head -n 1); [ -n "$m" ] || return 1
    items format id "$(field device "$m")" | head -n 1
}

# mount_partition DISK PATH: the block device of the partition (of DISK, the boot disk, or another disk)
# or logical volume whose file system is mounted at PATH (storage.sh's volume_device).
mount_partition() {
    f=$(mount_format "$2") || return 1
    volume_device "$(field volume "$f")" "$1"
}

# efibootmgr_path TARGET: the target's efibootmgr (Debian's /usr/bin or /bin), or nothing.
efibootmgr_path() {
    for p in /usr/bin/efibootmgr /bin/efibootmgr /usr/sbin/efibootmgr /sbin/efibootmgr; do
        [ -x "$1$p" ] && { echo "$p"; return 0; }
    done
    return 1
}

# update_nvram TARGET EFIBOOTMGR: what curtin's curthooks do with 'grub: update_nvram: true' (MAAS's curtin
# config; Ingot's says it too), run in the target with the ESP mounted and the UEFI variables at
# TARGET/sys/firmware/efi/efivars: uefi_remove_old_loaders (every entry whose path is a File(\EFI…), but the
# entry this boot came from, BootCurrent, goes), grub-install with NVRAM (GRUB's own entry, 'debian' from
# GRUB_DISTRIBUTOR, at EFI/<id>/grubx64.efi, which efibootmgr puts first), then uefi_reorder_loaders:
# BootCurrent, the network entry the installer was booted from, first, the rest in their order (the new entry
# second). Every boot of the deployed machine then asks Ingot, whose local boot hands back to the firmware
# (iPXE's exit 1), which goes on to the disk entry; a release with erase boots the network. Output to
# /run/ingot-grub.log; sets nvram_done to what it did.
update_nvram() {
    t=$1; e=$2
    before=$(chroot "$t" "$e" -v 2>> /run/ingot-grub.log) || { echo "efibootmgr cannot read the UEFI variables" >> /run/ingot-grub.log; return 1; }
    current=$(echo "$before" | sed -n 's/^BootCurrent: *//p')
    for n in $(echo "$before" | grep -F 'File(\EFI' | sed -n 's/^Boot\([0-9A-Fa-f]\{4\}\).*/\1/p'); do
        [ "$n" = "$current" ] && continue
        chroot "$t" "$e" -q -b "$n" -B >> /run/ingot-grub.log 2>&1 || { echo "efibootmgr could not remove Boot$n" >> /run/ingot-grub.log; return 1; }
        removed="$removed Boot$n"
    done
    chroot "$t" /usr/sbin/grub-install --target=x86_64-efi --efi-directory=/boot/efi >> /run/ingot-grub.log 2>&1 || return 1
    order=$(chroot "$t" "$e" 2>> /run/ingot-grub.log | sed -n 's/^BootOrder: *//p')
    if [ -n "$current" ]; then
        order=$(echo "$current,$order" | tr ',' '\n' | awk 'NF && !seen[$0]++ { printf "%s%s", sep, $0; sep = "," }')
        chroot "$t" "$e" -q -o "$order" >> /run/ingot-grub.log 2>&1 || { echo "efibootmgr could not set BootOrder $order" >> /run/ingot-grub.log; return 1; }
    fi
    after=$(chroot "$t" "$e" -v 2>> /run/ingot-grub.log)
    second=$(echo "$order" | cut -d ',' -f 2)
    label=$(echo "$after" | awk -F '\t' -v b="Boot$second" '{ n = $1; sub(/[* ].*/, "", n); if (n == b) { sub(/^[^ ]* /, "", $1); print $1 } }')
    nvram_done="BootOrder $(echo "$after" | sed -n 's/^BootOrder: *//p') (BootCurrent ${current:-none} first), Boot$second '$label'${removed:+, removed$removed}"
}

# write_mdadm_conf TARGET: for a layout with arrays, as curtin's copy_mdadm_conf and update_initramfs: the target's
# /etc/mdadm/mdadm.conf keeps its settings and gets the ARRAY lines of mdadm --detail --scan (run in the target), and
# its initramfs is rebuilt (update-initramfs -u) so that its mdadm hook carries them and assembles the arrays at boot
# (a root on RAID). A copy of the new file in /run/ingot-mdadm.conf. Nothing without arrays.
write_mdadm_conf() {
    [ -n "$(items raid)" ] || return 0
    conf="$1/etc/mdadm/mdadm.conf"
    [ -x "$1/usr/sbin/update-initramfs" ] || { echo "the layout has RAID arrays but the root tarball has no update-initramfs (initramfs-tools)"; return 1; }
    chroot "$1" /sbin/mdadm --detail --scan > /run/ingot-mdadm.scan || { echo "mdadm --detail --scan failed in the target"; return 1; }
    grep -q '^ARRAY ' /run/ingot-mdadm.scan || { echo "mdadm --detail --scan found no arrays"; return 1; }
    mkdir -p "$1/etc/mdadm"
    { [ ! -f "$conf" ] || grep -v '^ARRAY ' "$conf"; cat /run/ingot-mdadm.scan; } > /run/ingot-mdadm.conf
    cp /run/ingot-mdadm.conf "$conf"
    chroot "$1" /usr/sbin/update-initramfs -u -k all || { echo "update-initramfs failed in the target"; return 1; }
    echo "ingot-initramfs: $(cd "$1/boot" && ls initrd.img-* | tr '\n' ' ')"
}

# install_boot_loader DISK: GRUB onto DISK (a block device) and into the '/' file system laid on it.
install_boot_loader() {
    disk=$1; target=/target; efipart=""
    part=$(mount_partition "$disk" /) || { install_failed "no partition holds the '/' file system: GRUB cannot be installed"; return 1; }
    if items mount path /boot/efi | grep -q .; then
        efipart=$(mount_partition "$disk" /boot/efi) || { install_failed "the EFI system partition (/boot/efi) is not a partition of $disk"; return 1; }
    fi
    blockdev --rereadpt "$disk" 2>/dev/null
    # A loop device (the installer's tests) may need partx to add its partitions.
    [ -b "$part" ] || ! command -v partx > /dev/null || partx -u "$disk" 2>/dev/null
    n=0
    while [ ! -b "$part" ] && [ "$n" -lt 20 ]; do sleep 0.5; n=$((n + 1)); done
    mkdir -p "$target"
    if ! mount -t ext4 "$part" "$target" 2> /run/ingot-grub.log; then
        install_failed "the root file system $part cannot be mounted: $(tail -n 1 /run/ingot-grub.log)"; return 1
    fi
    # A separate /boot (ext2/3/4) is where grub-install and update-grub write.
    bootpart=$(mount_partition "$disk" /boot) && mount "$bootpart" "$target/boot" 2>> /run/ingot-grub.log
    grub_target=i386-pc; grub_args="$disk"; where=""
    if [ -n "$efipart" ]; then
        grub_target=x86_64-efi; grub_args="--efi-directory=/boot/efi --removable --no-nvram"; where=", removable path EFI/BOOT/BOOTX64.EFI on $efipart"
        mkdir -p "$target/boot/efi"
        if [ ! -d "$target/usr/lib/grub/x86_64-efi" ]; then
            install_failed "the machine boots UEFI but the root tarball has no GRUB for UEFI (/usr/lib/grub/x86_64-efi: Debian's grub-efi-amd64-bin)"; ok=""
        elif ! mount -t vfat "$efipart" "$target/boot/efi" 2>> /run/ingot-grub.log; then
            install_failed "the EFI system partition $efipart cannot be mounted: $(tail -n 1 /run/ingot-grub.log)"; ok=""
        else
            ok=yes
        fi
        if [ -z "$ok" ]; then
            [ -z "$bootpart" ] || umount "$target/boot"
            umount "$target"; return 1
        fi
    fi
    for d in dev proc sys; do mount --bind "/$d" "$target/$d"; done
    # NVRAM: on a machine booted UEFI (init mounted the variables) whose target has efibootmgr (curtin's update_nvram).
    efivars=""; efibootmgr=""; nvram_done=""; removed=""
    if [ -n "$efipart" ] && grep -q ' /sys/firmware/efi/efivars efivarfs ' /proc/mounts; then
        if efibootmgr=$(efibootmgr_path "$target"); then
            mount -t efivarfs efivarfs "$target/sys/firmware/efi/efivars" 2>> /run/ingot-grub.log && efivars=yes
        else
            say "agent: install: the target has no efibootmgr: no UEFI boot entry (NVRAM), GRUB at the removable path only"
        fi
    fi
    # update-grub writes root=UUID=… only when udev's /dev/disk/by-uuid link exists (no udev here).
    uuid=$(field uuid "$(mount_format /)"); link=/dev/disk/by-uuid/$uuid; madelink=""
    if [ -n "$uuid" ] && [ ! -e "$link" ]; then mkdir -p /dev/disk/by-uuid && ln -s "$part" "$link" && madelink=yes; fi
    ok=yes
    # Each step's seconds go into the installer's line (under TCG these steps are most of an install).
    t0=$(cut -d ' ' -f 1 /proc/uptime)
    chroot "$target" /usr/sbin/grub-install --target=$grub_target $grub_args >> /run/ingot-grub.log 2>&1 || ok=""
    [ -z "$efipart" ] || [ -z "$ok" ] || [ -s "$target/boot/efi/EFI/BOOT/BOOTX64.EFI" ] || { echo "grub-install wrote no EFI/BOOT/BOOTX64.EFI" >> /run/ingot-grub.log; ok=""; }
    nvram_failed=""
    if [ -n "$ok" ] && [ -n "$efivars" ] && ! update_nvram "$target" "$efibootmgr"; then ok=""; nvram_failed=yes; fi
    t1=$(cut -d ' ' -f 1 /proc/uptime)
    [ -z "$ok" ] || chroot "$target" /usr/sbin/update-grub >> /run/ingot-grub.log 2>&1 || ok=""
    t2=$(cut -d ' ' -f 1 /proc/uptime)
    [ -z "$ok" ] || write_mdadm_conf "$target" >> /run/ingot-grub.log 2>&1 || ok=""
    t3=$(cut -d ' ' -f 1 /proc/uptime)
    took=$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN { printf "grub-install %.0f s, update-grub %.0f s", b - a, c - b; if (d - c >= 0.5) printf ", mdadm.conf and initramfs %.0f s", d - c }')
    sync
    [ -z "$madelink" ] || rm -f "$link"
    [ -z "$efivars" ] || umount "$target/sys/firmware/efi/efivars"
    for d in sys proc dev; do umount "$target/$d"; done
    [ -z "$efipart" ] || umount "$target/boot/efi"
    [ -z "$bootpart" ] || umount "$target/boot"
    umount "$target"
    if [ -n "$nvram_failed" ]; then
        install_failed "the UEFI boot entry (NVRAM) could not be written: $(tail -n 2 /run/ingot-grub.log | tr '\n' ' ')"; return 1
    fi
    if [ -z "$ok" ]; then
        install_failed "GRUB could not be installed: $(tail -n 2 /run/ingot-grub.log | tr '\n' ' ')"; return 1
    fi
    say "agent: install: GRUB installed on $disk ($grub_target$where), grub.cfg for the root on $part (UUID=$uuid): $(grep -c '^Found linux image' /run/ingot-grub.log) kernel(s); $took"
    [ -z "$nvram_done" ] || say "agent: install: UEFI boot entry written: $nvram_done"
    [ -n "$nvram_done" ] || [ -z "$efipart" ] || [ -n "$efivars" ] || say "agent: install: no UEFI variables (not booted UEFI, or no efibootmgr in the target): no NVRAM boot entry, the removable path only"
    [ -z "$(items raid)" ] || say "agent: install: $(grep -c '^ARRAY ' /run/ingot-mdadm.conf) arrays in /etc/mdadm/mdadm.conf, initramfs rebuilt: $(grep '^ingot-initramfs: ' /run/ingot-grub.log | cut -c18-)"
}
