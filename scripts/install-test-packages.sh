#!/usr/bin/env bash
# Installs the Debian packages the test suite needs to drive Ingot with real clients, only when
# they are missing (so a prepared machine or CI image is left alone and no network is needed).
#   golang-go                         Go toolchain (GOPATH mode, offline builds)
#   golang-github-juju-gomaasapi-dev  juju's gomaasapi with its dependencies under /usr/share/gocode
#   busybox-static isc-dhcp-client    DHCP clients (udhcpc, dhclient) for the DHCP tests
#   tftp-hpa                          TFTP client for the TFTP tests
#   curl                              second TFTP client (tftp://, --tftp-blksize) for the TFTP tests
#   openipmi freeipmi-tools ipmitool  ipmi_sim BMCs and the IPMI tools the ipmi power driver runs
#   redfishtool python3-sushy         real Redfish clients that check the virtual Redfish BMC
#   qemu-system-x86 ipxe ipxe-qemu ovmf cpio  network-boot VMs, first-stage iPXE binaries, image builds
#   pxelinux syslinux-common          MAAS's BIOS first stage lpxelinux.0 and its ldlinux.c32, served over TFTP
#   gpgv gpg                          gpgv checks signed image streams (.sjson); gpg makes the tests' keys
#   python3-requests python3-configobj python3-oauthlib python3-yaml  cloud-init's MAAS datasource, which is
#                                     unpacked (not installed) into /opt/ingot-test/cloud-init-root below
#   netplan.io python3-jsonschema      netplan generate --root-dir checks the rendered netplan YAML; jsonschema for cloud-init
#   syslinux syslinux-common mtools dosfstools  scripts/build-deploy-image.sh: the deployable raw disk image (FAT
#                                     partition made and filled without mounting, syslinux MBR and boot loader)
#   chromium                          headless browser that Playwright drives in the web UI tests
#   dropbear-bin openssh-client       the ephemeral image's SSH server (rescue mode); the SSH client the rescue VM test logs in with
#   fdisk e2fsprogs                   sfdisk and mke2fs, copied into the ephemeral image for root tarballs (tgz) with mkfs.fat and mcopy
#   mmdebstrap                        scripts/build-debian-tarball.sh: the Debian root tarball (GRUB, cloud-init) deployed in a VM
#   zstd                              the E2E tests list the Debian tarball's zstd initramfs (its LVM hook and dm-mod)
#   xz-utils bzip2 gzip tar           compress the test images of MAAS's image types (dd-xz, dd-bz2, dd-tgz, tbz, txz…)
# PostgreSQL is installed by scripts/postgres.sh, not here.
# Usage: scripts/install-test-packages.sh        (as root, or with sudo available)
set -euo pipefail

packages=(golang-go golang-github-juju-gomaasapi-dev
          busybox-static isc-dhcp-client tftp-hpa curl
          openipmi freeipmi-tools ipmitool redfishtool python3-sushy
          qemu-system-x86 ipxe ipxe-qemu ovmf cpio pxelinux syslinux-common gpgv gpg chromium
          python3-requests python3-configobj python3-oauthlib python3-yaml
          netplan.io python3-jsonschema
          syslinux syslinux-common mtools dosfstools
          dropbear-bin openssh-client fdisk e2fsprogs mmdebstrap zstd
          xz-utils bzip2 gzip tar)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

# cloud-init's MAAS datasource runs from an unpacked package: installing it would configure this host.
cloud_init_root=/opt/ingot-test/cloud-init-root
unpack_cloud_init() {
    if [ -e "$cloud_init_root/usr/lib/python3/dist-packages/cloudinit/sources/DataSourceMAAS.py" ]; then
        return
    fi
    local work
    work=$(mktemp -d)
    (cd "$work" && apt-get download cloud-init && mkdir -p "$cloud_init_root" && dpkg -x cloud-init_*.deb "$cloud_init_root")
    rm -rf "$work"
}

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-test-packages: all present (${packages[*]})"
    unpack_cloud_init
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi

echo "install-test-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    # The package lists may be stale or absent on a fresh image: refresh once and retry.
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
unpack_cloud_init
