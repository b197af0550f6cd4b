# boot-loader.sh, sourced by install.sh: what curtin's curthooks do for a root tarball that carries GRUB
# (/usr/sbin/grub-install in the target): mount the laid-out root file system at /target, bind-mount /dev,
# /proc and /sys into it, and run the target's own grub-install onto the boot disk (BIOS: i386-pc, its core
# image in the bios_grub partition of a GPT disk or after the MBR of an msdos one) and update-grub (the
# menu from the target's /etc/default/grub, root=UUID of the '/' file system). The tools are the
# target's: the ephemeral image needs only mount (ext4 modules), chroot and umount.
# Not done: UEFI (an ESP in the layout: grub-efi and the NVRAM entry) is refused with the reason.
# Needs say(), install_failed (install.sh) and items/field (root-tgz.sh).

# partition_device DISK N: the block device of partition N of DISK (vda1, nvme0n1p1).
partition_device() {
    case "$1" in *[0-9]) echo "${1}p$2" ;; *) echo "$1$2" ;; esac
}

# mount_format PATH: the format item of the file system mounted at PATH.
mount_format() {
    m=$(items mount path "$1" | head -n 1); [ -n "$m" ] || return 1
    items format id "$(field device "$m")" | head -n 1
}

# mount_partition DISK PATH: the block device of the partition whose file system is mounted at PATH.
mount_partition() {
    f=$(mount_format "$2") || return 1
    p=$(items partition id "$(field volume "$f")" | head -n 1); [ -n "$p" ] || return 1
    partition_device "$1" "$(field number "$p")"
}

# install_boot_loader DISK: GRUB onto DISK (a block device) and into the '/' file system laid on it.
install_boot_loader() {
    disk=$1; target=/target
    if items mount path /boot/efi | grep -q .; then
        install_failed "the layout has an EFI system partition: installing GRUB for UEFI is not supported by Ingot's installer (BIOS only)"; return 1
    fi
    part=$(mount_partition "$disk" /) || { install_failed "no partition holds the '/' file system: GRUB cannot be installed"; return 1; }
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
    for d in dev proc sys; do mount --bind "/$d" "$target/$d"; done
    # update-grub writes root=UUID=… only when udev's /dev/disk/by-uuid link exists (no udev here).
    uuid=$(field uuid "$(mount_format /)"); link=/dev/disk/by-uuid/$uuid; madelink=""
    if [ -n "$uuid" ] && [ ! -e "$link" ]; then mkdir -p /dev/disk/by-uuid && ln -s "$part" "$link" && madelink=yes; fi
    ok=yes
    chroot "$target" /usr/sbin/grub-install --target=i386-pc "$disk" >> /run/ingot-grub.log 2>&1 || ok=""
    [ -z "$ok" ] || chroot "$target" /usr/sbin/update-grub >> /run/ingot-grub.log 2>&1 || ok=""
    sync
    [ -z "$madelink" ] || rm -f "$link"
    for d in sys proc dev; do umount "$target/$d"; done
    [ -z "$bootpart" ] || umount "$target/boot"
    umount "$target"
    if [ -z "$ok" ]; then
        install_failed "GRUB could not be installed: $(tail -n 2 /run/ingot-grub.log | tr '\n' ' ')"; return 1
    fi
    say "agent: install: GRUB installed on $disk (i386-pc), grub.cfg for the root on $part (UUID=$uuid): $(grep -c '^Found linux image' /run/ingot-grub.log) kernel(s)"
}
