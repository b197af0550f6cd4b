#!/usr/bin/env bash
# Builds a small deployable raw disk image (MAAS file type root-dd.raw, curtin source dd-raw) from Debian
# packages, without mounting anything:
#   an MBR (syslinux-common's mbr.bin) with one bootable FAT partition from 1 MiB, holding
#   /vmlinuz and /initrd.img of Ingot's ephemeral image (scripts/build-ephemeral-image.sh: the Debian kernel
#   and the busybox initramfs) and syslinux (package syslinux) booting them with "ingot_deployed" on the
#   command line, so that the image's /init runs /ingot/deployed.sh: the deployed system's first boot
#   (reads the datasource the installer wrote to /cloud/, fetches user-data with the machine's token,
#   reports modules-final), and "ingot_hold", so that it then stays up (a shell on the console) as a deployed
#   server does, until it is powered off. Not a general-purpose OS: enough to prove a deployment boots from its disk.
# Needs syslinux, syslinux-common, mtools, dosfstools (scripts/install-test-packages.sh).
# Usage: scripts/build-deploy-image.sh EPHEMERAL_DIR OUTPUT.img      (size: 48 MiB)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 EPHEMERAL_DIR OUTPUT.img" >&2
    exit 2
fi
eph=$1
out=$2
mbr=/usr/lib/syslinux/mbr/mbr.bin
for tool in syslinux mcopy mkfs.vfat; do
    command -v "$tool" >/dev/null || { echo "build-deploy-image: $tool is missing (scripts/install-test-packages.sh)" >&2; exit 1; }
done
[ -f "$mbr" ] || { echo "build-deploy-image: $mbr is missing (syslinux-common)" >&2; exit 1; }
[ -f "$eph/vmlinuz" ] && [ -f "$eph/initrd.img" ] || { echo "build-deploy-image: $eph has no vmlinuz/initrd.img (scripts/build-ephemeral-image.sh)" >&2; exit 1; }

size_mib=48
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/syslinux.cfg" <<'CFG'
SERIAL 0 115200
DEFAULT deployed
PROMPT 0
TIMEOUT 0
LABEL deployed
  KERNEL /vmlinuz
  APPEND initrd=/initrd.img console=ttyS0 ingot_deployed ingot_hold
CFG

# The partition: FAT16 of (size - 1) MiB, files copied with mtools, syslinux installed into it.
part_kib=$(( (size_mib - 1) * 1024 ))
mkfs.vfat -C -n INGOTROOT "$work/part.img" "$part_kib" >/dev/null
mcopy -i "$work/part.img" "$eph/vmlinuz" "$eph/initrd.img" "$work/syslinux.cfg" ::/
syslinux --install "$work/part.img"

# The disk: MBR boot code, one bootable partition (type 0x0e, FAT16 LBA) at sector 2048.
truncate -s "${size_mib}M" "$work/disk.img"
le32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $((($1 >> 8) & 255)) $((($1 >> 16) & 255)) $((($1 >> 24) & 255)); }
dd if="$mbr" of="$work/disk.img" bs=440 count=1 conv=notrunc status=none
# Partition entry 1 (offset 446): active, CHS fields saturated (LBA is what counts), type 0x0e, LBA start, sectors.
entry="\\x80\\xfe\\xff\\xff\\x0e\\xfe\\xff\\xff$(le32 2048)$(le32 $((part_kib * 2)))"
printf "$entry" | dd of="$work/disk.img" bs=1 seek=446 conv=notrunc status=none
printf '\x55\xaa' | dd of="$work/disk.img" bs=1 seek=510 conv=notrunc status=none
dd if="$work/part.img" of="$work/disk.img" bs=512 seek=2048 conv=notrunc status=none
mv "$work/disk.img" "$out"
echo "build-deploy-image: built $out (${size_mib} MiB, kernel and initrd of $eph)"
