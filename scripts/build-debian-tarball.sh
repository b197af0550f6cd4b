#!/usr/bin/env bash
# Builds a minimal Debian 12 (bookworm) root tarball for MAAS's 'tgz' source (curtin's root-tgz): what the
# installer (scripts/ephemeral/ingot/root-tgz.sh) lays onto a machine's disk, installs GRUB into and boots.
# Made with mmdebstrap (--variant=minbase, no recommends) from the Debian mirror this machine's apt uses
# (/etc/apt/sources.list.d/*.sources or /etc/apt/sources.list, else deb.debian.org), with:
#   linux-image-amd64 initramfs-tools   the kernel and its initramfs (MODULES=list: virtio, SATA, NVMe, ext4)
#   grub-pc-bin grub2-common            grub-install and update-grub for BIOS (run in the target by the installer)
#   grub-efi-amd64-bin dosfstools       GRUB for UEFI (x86_64-efi, installed at the ESP's removable path; no shim:
#                                       Secure Boot is not supported) and fsck.vfat for the ESP
#   efibootmgr                          the UEFI boot entries (NVRAM): grub-install writes the 'debian' entry with it
#                                       and the installer orders them as curtin's update_nvram does
#   lvm2                                the LVM tools and the initramfs hook that activates a root on a logical volume
#   mdadm                               the software RAID tool (the installer runs it from the target to create a
#                                       layout's arrays) and its initramfs hook that assembles a root on RAID
#   bcache-tools                        make-bcache and bcache-super-show (the installer runs them from the target to
#                                       make a layout's cache sets and backing devices), the udev rules
#                                       (69-bcache.rules: probe-bcache, bcache-register) that register them at boot,
#                                       and the initramfs hook that carries them and bcache.ko for a root on bcache
#   cloud-init                          with its MAAS datasource (the installer writes the datasource config)
#   ifupdown isc-dhcp-client            the network cloud-init's fallback config brings up with DHCP
#   openssh-server systemd-sysv udev    what a deployed server has
# Trimmed: documentation, manual pages and locales (dpkg path-exclude), kernel modules for hardware a
# server VM has not (gpu, sound, media, wireless, bluetooth, infiniband, staging), SSH host keys (made on
# first boot by cloud-init), apt lists. GRUB's menu on the serial console and the kernel's console on
# ttyS0 too (/etc/default/grub), so that the boot shows on a VM's serial log. The system locale is C.UTF-8
# (/etc/default/locale, as Ubuntu's cloud images that MAAS deploys have it; built into Debian 12's glibc):
# cloud-init's locale module then keeps it, where without the file it asks Debian's locale-gen for
# en_US.UTF-8, which that ignores, and update-locale fails (a WARNING in modules:config).
# The tarball is cached as CACHE/debian-bookworm-<hash>.tar.gz, the hash over this script and the apt
# sources: a second run with the same inputs prints the cached path and builds nothing.
# CACHE: the first argument, else $INGOT_CACHE, else $XDG_CACHE_HOME/ingot, else /var/cache/ingot.
# Prints the tarball's path as its last line. Needs root and mmdebstrap (scripts/install-test-packages.sh).
# Exit status 3 when the Debian archive cannot be reached.
# Usage: scripts/build-debian-tarball.sh [CACHE]
set -euo pipefail

cache=${1:-${INGOT_CACHE:-${XDG_CACHE_HOME:+$XDG_CACHE_HOME/ingot}}}
cache=${cache:-/var/cache/ingot}
mkdir -p "$cache"
command -v mmdebstrap > /dev/null || { echo "build-debian-tarball: mmdebstrap is missing (Debian package mmdebstrap)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "build-debian-tarball: needs root (mmdebstrap's root mode, device nodes, owners)" >&2; exit 1; }

# The mirror: this machine's deb822 sources file as it is (mmdebstrap reads a .sources file), else its
# one-line sources.list, else Debian's CDN.
mirror=http://deb.debian.org/debian
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
    if [ -s "$f" ] && grep -q 'debian' "$f"; then mirror=$f; break; fi
done
mirror_text=$mirror; [ -f "$mirror" ] && mirror_text=$(cat "$mirror")

hash=$( { cat "$0"; printf '%s\n' "$mirror_text"; } | sha256sum | cut -c1-16)
tarball="$cache/debian-bookworm-$hash.tar.gz"
if [ -s "$tarball" ]; then
    echo "build-debian-tarball: cached ($(du -m "$tarball" | cut -f1) MiB)"
    echo "$tarball"
    exit 0
fi

# The target's initramfs: only the modules that find and mount the root of a VM or a plain server (virtio,
# SATA/AHCI, NVMe, SCSI disks, ext4, device-mapper for a root on LVM, md's RAID levels for a root on RAID,
# bcache for a root on bcache), not MODULES=most's every storage driver: 37 MiB made the first boot
# unpack for minutes under qemu's TCG. MODULES=dep cannot be used (it reads the building host's devices).
initramfs_modules="virtio_pci virtio_blk virtio_scsi sd_mod ahci ata_piix nvme ext4 crc32c_generic dm_mod md_mod raid0 raid1 raid10 raid456 bcache"
initramfs_hook="mkdir -p \"\$1/etc/initramfs-tools/conf.d\" \"\$1/usr/share/initramfs-tools/modules.d\"
printf '%s\\n' MODULES=list COMPRESS=zstd > \"\$1/etc/initramfs-tools/conf.d/ingot.conf\"
printf '%s\\n' $initramfs_modules > \"\$1/usr/share/initramfs-tools/modules.d/ingot\""
packages=linux-image-amd64,initramfs-tools,grub-pc-bin,grub-efi-amd64-bin,grub2-common,dosfstools,efibootmgr,lvm2,mdadm,bcache-tools,cloud-init,ifupdown,isc-dhcp-client,openssh-server,systemd-sysv,udev,zstd
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/root"
started=$(date +%s)
if ! mmdebstrap --mode=root --variant=minbase --include="$packages" \
        --aptopt='APT::Install-Recommends "false"' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
        --essential-hook="$initramfs_hook" \
        --customize-hook='rm -rf "$1"/lib/modules/*/kernel/drivers/gpu "$1"/lib/modules/*/kernel/sound "$1"/lib/modules/*/kernel/drivers/media "$1"/lib/modules/*/kernel/drivers/net/wireless "$1"/lib/modules/*/kernel/net/wireless "$1"/lib/modules/*/kernel/net/mac80211 "$1"/lib/modules/*/kernel/drivers/bluetooth "$1"/lib/modules/*/kernel/net/bluetooth "$1"/lib/modules/*/kernel/drivers/infiniband "$1"/lib/modules/*/kernel/drivers/staging "$1"/lib/modules/*/kernel/drivers/iio "$1"/lib/modules/*/kernel/drivers/comedi "$1"/lib/modules/*/kernel/drivers/mtd "$1"/lib/modules/*/kernel/drivers/isdn "$1"/lib/modules/*/kernel/drivers/net/can "$1"/lib/modules/*/kernel/fs/ocfs2 "$1"/lib/modules/*/kernel/fs/gfs2 "$1"/lib/modules/*/kernel/lib/test_*' \
        --customize-hook='for v in "$1"/lib/modules/*; do chroot "$1" depmod "${v##*/}"; done' \
        --customize-hook='rm -f "$1"/etc/ssh/ssh_host_*; printf "ingot-debian\n" > "$1/etc/hostname"' \
        --customize-hook='printf "LANG=C.UTF-8\n" > "$1/etc/default/locale"' \
        --customize-hook='printf "%s\n" "GRUB_DEFAULT=0" "GRUB_TIMEOUT=1" "GRUB_DISTRIBUTOR=Debian" "GRUB_CMDLINE_LINUX_DEFAULT=\"\"" "GRUB_CMDLINE_LINUX=\"console=tty0 console=ttyS0,115200n8\"" "GRUB_TERMINAL=\"console serial\"" "GRUB_SERIAL_COMMAND=\"serial --speed=115200\"" "GRUB_DISABLE_OS_PROBER=true" > "$1/etc/default/grub"' \
        bookworm "$root" "$mirror" > "$work/mmdebstrap.log" 2>&1; then
    tail -n 20 "$work/mmdebstrap.log" >&2
    if grep -q -E 'Failed to fetch|Could not resolve|Temporary failure' "$work/mmdebstrap.log"; then
        echo "build-debian-tarball: the Debian archive cannot be reached" >&2
        exit 3
    fi
    echo "build-debian-tarball: mmdebstrap failed" >&2
    exit 1
fi
for f in usr/sbin/grub-install usr/sbin/update-grub usr/bin/cloud-init usr/lib/grub/i386-pc usr/lib/grub/x86_64-efi usr/sbin/lvm usr/bin/efibootmgr usr/sbin/mdadm usr/sbin/make-bcache usr/sbin/bcache-super-show usr/lib/udev/rules.d/69-bcache.rules usr/share/initramfs-tools/hooks/bcache; do
    [ -e "$root/$f" ] || { echo "build-debian-tarball: /$f is missing from the built root" >&2; exit 1; }
done
grep -qx 'LANG=C.UTF-8' "$root/etc/default/locale" || { echo "build-debian-tarball: /etc/default/locale does not set LANG=C.UTF-8" >&2; exit 1; }
[ -e "$root/usr/lib/locale/C.utf8" ] || { echo "build-debian-tarball: the C.UTF-8 locale is missing from the built root" >&2; exit 1; }
ls "$root"/boot/vmlinuz-* "$root"/boot/initrd.img-* > /dev/null || { echo "build-debian-tarball: no kernel or initramfs in /boot" >&2; exit 1; }
initrd_mib=$(du -m "$root"/boot/initrd.img-* | cut -f1 | sort -n | tail -n 1)
[ "$initrd_mib" -le 16 ] || { echo "build-debian-tarball: the initramfs is $initrd_mib MiB: MODULES=list did not apply" >&2; exit 1; }
# GNU format (no pax headers: the installer's busybox tar reads it), numeric owners, no device nodes.
tar --numeric-owner --format=gnu -C "$root" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    --exclude='./run/*' --exclude='./tmp/*' -czf "$work/root.tar.gz" .
mv "$work/root.tar.gz" "$tarball"
echo "build-debian-tarball: built in $(( $(date +%s) - started )) s: $(du -sm "$root" | cut -f1) MiB unpacked, $(du -m "$tarball" | cut -f1) MiB compressed"
echo "$tarball"
