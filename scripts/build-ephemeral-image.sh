#!/usr/bin/env bash
# Builds Ingot's ephemeral image from Debian packages into OUTDIR:
#   OUTDIR/vmlinuz     the kernel of linux-image-amd64's current dependency (e.g. linux-image-6.1.0-56-amd64)
#   OUTDIR/initrd.img  a busybox-static initramfs (cpio newc + gzip): scripts/ephemeral/init as /init, the
#                      NIC and disk modules (virtio-net, e1000, e1000e, virtio-blk), FAT (vfat and its code pages,
#                      for the deployable image scripts/build-deploy-image.sh makes), ext4 (the installer mounts
#                      a root tarball's '/' to run its GRUB, scripts/ephemeral/ingot/boot-loader.sh), device-mapper
#                      (dm-mod: the target's LVM tools make a layout's volume groups, storage.sh), software RAID (md-mod,
#                      raid0, raid1, raid10, raid456 with its async_tx/xor/raid6_pq helpers: the target's mdadm makes a
#                      layout's arrays, storage.sh), bcache (with crc64: the target's make-bcache makes a layout's
#                      cache sets and backing devices, storage.sh), efivarfs (the UEFI variables, mounted by init at
#                      /sys/firmware/efi/efivars: the installer's NVRAM boot entry, boot-loader.sh), and scripts/ephemeral/ingot/
#                      (the machine-side agent, docs/agent-notes.md) as /ingot, and Debian's dropbear SSH
#                      server (dropbear-bin: /usr/sbin/dropbear, /usr/bin/dropbearkey) with the shared
#                      libraries ldd names, which the agent starts in rescue mode (docs/deploy-notes.md), and
#                      the same way sfdisk, mke2fs, mkfs.fat and mcopy for the installer's root tarballs (tgz)
#   OUTDIR/image.txt   what went in (kernel package and version)
# The kernel .deb is fetched with `apt-get download` into OUTDIR/cache and unpacked with `dpkg -x` into a
# temporary directory: nothing is installed on the host. Needs busybox-static, dropbear-bin, fdisk, e2fsprogs,
# dosfstools, mtools and cpio
# (scripts/install-test-packages.sh). Idempotent: a second run with the same inputs changes nothing.
# Exit status 3 when the Debian archive cannot be reached (no kernel package in the cache).
# Usage: scripts/build-ephemeral-image.sh OUTDIR
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
cache="$out/cache"
mkdir -p "$cache"
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "build-ephemeral-image: $busybox is missing (Debian package busybox-static)" >&2; exit 1; }
# Dynamically linked programs copied into the image with their libraries.
# dropbear: rescue mode's SSH server; sfdisk, mke2fs, mkfs.fat, mcopy: the installer's root tarballs.
programs=(/usr/sbin/dropbear /usr/bin/dropbearkey /usr/sbin/sfdisk /usr/sbin/mke2fs /usr/sbin/mkfs.fat /usr/bin/mcopy)
for p in "${programs[@]}"; do
    [ -x "$p" ] || { echo "build-ephemeral-image: $p is missing (Debian packages dropbear-bin, fdisk, e2fsprogs, dosfstools, mtools)" >&2; exit 1; }
done

# Modules in load order (dependencies first); Debian 6.1 has af_packet built in (CONFIG_PACKET=y).
modules=(drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_legacy_dev
         drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci net/core/failover drivers/net/net_failover
         drivers/net/virtio_net drivers/net/ethernet/intel/e1000/e1000 drivers/net/ethernet/intel/e1000e/e1000e
         drivers/block/virtio_blk fs/fat/fat fs/fat/vfat fs/nls/nls_cp437 fs/nls/nls_ascii fs/nls/nls_utf8
         lib/crc16 crypto/crc32c_generic fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4 drivers/md/dm-mod
         drivers/md/md-mod drivers/md/raid0 drivers/md/raid1 drivers/md/raid10 crypto/xor crypto/async_tx/async_tx
         crypto/async_tx/async_memcpy crypto/async_tx/async_xor lib/raid6/raid6_pq crypto/async_tx/async_pq
         crypto/async_tx/async_raid6_recov lib/libcrc32c drivers/md/raid456
         lib/crc64 drivers/md/bcache/bcache
         fs/efivarfs/efivarfs)

kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
if [ -z "$kpkg" ]; then
    kpkg=$(cd "$cache" && ls linux-image-*-amd64_*.deb 2>/dev/null | sed 's/_.*//' | sort -V | tail -1)
fi
if [ -z "$kpkg" ]; then
    echo "build-ephemeral-image: apt-cache knows no linux-image-amd64 and the cache is empty (run apt-get update?)" >&2
    exit 3
fi

deb=$(ls "$cache/${kpkg}"_*.deb 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$deb" ]; then
    if ! (cd "$cache" && apt-get download "$kpkg" >/dev/null 2>"$cache/apt.log"); then
        echo "build-ephemeral-image: apt-get download $kpkg failed: the Debian archive cannot be reached" >&2
        cat "$cache/apt.log" >&2
        exit 3
    fi
    deb=$(ls "$cache/${kpkg}"_*.deb | sort -V | tail -1)
fi

# Skip the build when nothing that goes into the image changed.
extra_dir="$here/ephemeral/ingot"
stamp=$( { basename "$deb"; cat "$0" "$here/ephemeral/init" "$here/ephemeral/udhcpc.script";
           if [ -d "$extra_dir" ]; then (cd "$extra_dir" && find . -type f | sort | xargs -r cat); fi
           sha256sum "${programs[@]}"; } | sha256sum | cut -d' ' -f1)
if [ -f "$out/vmlinuz" ] && [ -f "$out/initrd.img" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "build-ephemeral-image: $out is up to date ($(basename "$deb"))"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg -x "$deb" "$work/pkg"
kver=${kpkg#linux-image-}
moddir="$work/pkg/lib/modules/$kver/kernel"
root="$work/root"
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,run,tmp,lib/modules,usr/bin,usr/sbin}
cp "$busybox" "$root/bin/busybox"
install -m 755 "$here/ephemeral/init" "$root/init"
install -m 755 "$here/ephemeral/udhcpc.script" "$root/etc/udhcpc.script"
if [ -d "$extra_dir" ]; then cp -a "$extra_dir" "$root/ingot"; fi
# Each program at its own path, and every library ldd resolves for it (the loader included) at its path.
for p in "${programs[@]}"; do
    mkdir -p "$root$(dirname "$p")"
    cp -L "$p" "$root$p"
    for lib in $(ldd "$p" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
done
# root for dropbear (public keys only: '*' is no password, not a locked account), its shell and home.
printf 'root:*:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
printf '/bin/sh\n' > "$root/etc/shells"
mkdir -p "$root/root" "$root/etc/dropbear"
chmod 700 "$root/root"
: > "$root/lib/modules/load-order"
for m in "${modules[@]}"; do
    f=$(ls "$moddir/$m".ko* 2>/dev/null | head -1 || true)
    [ -n "$f" ] || { echo "build-ephemeral-image: $m is not in $kpkg" >&2; exit 1; }
    name=$(basename "$m")
    case "$f" in
        *.xz) xz -dc "$f" > "$root/lib/modules/$name.ko" ;;
        *.zst) zstd -qdc "$f" > "$root/lib/modules/$name.ko" ;;
        *) cp "$f" "$root/lib/modules/$name.ko" ;;
    esac
    echo "$name" >> "$root/lib/modules/load-order"
done
# The kernel writes to /dev/console before /init mounts devtmpfs; creating the node needs root.
mknod -m 600 "$root/dev/console" c 5 1 2>/dev/null || echo "build-ephemeral-image: not root, /dev/console left out (no early console)" >&2

cp "$work/pkg/boot/vmlinuz-$kver" "$out/vmlinuz.new"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -9n) > "$out/initrd.img.new"
mv "$out/vmlinuz.new" "$out/vmlinuz"
mv "$out/initrd.img.new" "$out/initrd.img"
printf 'kernel_package=%s\nkernel_version=%s\ndeb=%s\n' "$kpkg" "$kver" "$(basename "$deb")" > "$out/image.txt"
echo "$stamp" > "$out/.stamp"
echo "build-ephemeral-image: built $out/vmlinuz and $out/initrd.img (kernel $kver)"
