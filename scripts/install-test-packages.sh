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
#   gpgv gpg                          gpgv checks signed image streams (.sjson); gpg makes the tests' keys
#   chromium                          headless browser that Playwright drives in the web UI tests
# PostgreSQL is installed by scripts/postgres.sh, not here.
# Usage: scripts/install-test-packages.sh        (as root, or with sudo available)
set -euo pipefail

packages=(golang-go golang-github-juju-gomaasapi-dev
          busybox-static isc-dhcp-client tftp-hpa curl
          openipmi freeipmi-tools ipmitool redfishtool python3-sushy
          qemu-system-x86 ipxe ipxe-qemu ovmf cpio gpgv gpg chromium)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-test-packages: all present (${packages[*]})"
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
