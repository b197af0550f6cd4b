#!/bin/sh
# 50-maas-01-commissioning (Ingot's body): prints the machine's resources as MAAS's machine-resources
# does, in the layout of LXD's resources API 1.0 (cpu, memory, storage, network, system, pci, usb) plus the state
# of each network interface ("networks"), read from /proc and /sys with POSIX sh and awk only, so that
# it runs in Ingot's busybox ephemeral image. Where machine-resources itself is installed, it runs that.
set -u
if command -v machine-resources >/dev/null 2>&1; then exec machine-resources; fi

esc() { printf '%s' "$1" | tr -d '\000-\037' | sed 's/\\/\\\\/g; s/"/\\"/g'; }
str() { printf '"%s"' "$(esc "$1")"; }
rd() { if [ -r "$1" ]; then tr -d '\000' < "$1" 2>/dev/null | head -n 1 | sed 's/[[:space:]]*$//'; fi; }
num() { case "${1:-}" in ''|*[!0-9]*) printf 0 ;; *) printf '%s' "$1" ;; esac; }
bool() { if [ "${1:-0}" = 1 ]; then printf true; else printf false; fi; }
hexid() { rd "$1" | sed 's/^0x//'; }
# The PCI address a sysfs device sits on (the last dddd:bb:dd.f in its resolved path), or nothing.
pciaddr() { readlink -f "$1" 2>/dev/null | tr '/' '\n' | grep -E '^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-9a-f]$' | tail -n 1; }
numa() { n=$(rd "$1/numa_node"); case "$n" in ''|-*) printf 0 ;; *) printf '%s' "$n" ;; esac; }

cpu() {
    model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
    vendor=$(sed -n 's/^vendor_id[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
    mhz=$(sed -n 's/^cpu MHz[[:space:]]*:[[:space:]]*\([0-9]*\).*/\1/p' /proc/cpuinfo | head -n 1)
    for c in /sys/devices/system/cpu/cpu[0-9]*; do
        id=${c##*cpu}
        online=1; [ -r "$c/online" ] && online=$(rd "$c/online")
        node=0; for n in "$c"/node[0-9]*; do [ -e "$n" ] && node=${n##*node}; done
        max=$(rd "$c/cpufreq/cpuinfo_max_freq"); cur=$(rd "$c/cpufreq/scaling_cur_freq")
        printf '%s %s %s %s %s %s %s\n' "$(num "$(rd "$c/topology/physical_package_id")")" "$(num "$(rd "$c/topology/core_id")")" \
            "$id" "$node" "$online" "$(( $(num "$max") / 1000 ))" "$(( $(num "$cur") / 1000 ))"
    done | sort -n -k1,1 -k2,2 -k3,3 | awk -v model="$(esc "$model")" -v vendor="$(esc "$vendor")" -v mhz="$(num "$mhz")" -v arch="$(uname -m)" '
        { pkg[NR] = $1; core[NR] = $2; id[NR] = $3; node[NR] = $4; online[NR] = $5; max[NR] = $6; cur[NR] = $7 }
        END {
            printf "{\"architecture\":\"%s\",\"sockets\":[", arch
            for (i = 1; i <= NR; i++) {
                if (i == 1 || pkg[i] != pkg[i - 1]) {
                    if (i > 1) printf "]}],\"frequency\":%d,\"frequency_turbo\":%d},", f, t
                    f = (cur[i] > 0 ? cur[i] : mhz); t = max[i]
                    printf "{\"name\":\"%s\",\"vendor\":\"%s\",\"socket\":%d,\"cores\":[", model, vendor, pkg[i]
                    newcore = 1
                } else newcore = (core[i] != core[i - 1])
                if (newcore) {
                    if (i > 1 && pkg[i] == pkg[i - 1]) printf "]},"
                    printf "{\"core\":%d,\"die\":0,\"frequency\":%d,\"threads\":[", core[i], (cur[i] > 0 ? cur[i] : mhz)
                    thread = 0
                } else printf ","
                printf "{\"id\":%d,\"numa_node\":%d,\"thread\":%d,\"online\":%s,\"isolated\":false}", id[i], node[i], thread++, (online[i] == 1 ? "true" : "false")
            }
            if (NR > 0) printf "]}],\"frequency\":%d,\"frequency_turbo\":%d}", f, t
            printf "],\"total\":%d}", NR
        }'
}

memory() {
    total=0
    bs=$(rd /sys/devices/system/memory/block_size_bytes)
    if [ -n "$bs" ]; then
        bs=$(printf '%d' "0x$bs")
        blocks=0
        for b in /sys/devices/system/memory/memory[0-9]*; do
            [ "$(rd "$b/online")" = 1 ] && blocks=$((blocks + 1))
        done
        total=$((blocks * bs))
    fi
    [ "$total" -gt 0 ] || total=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) * 1024 ))
    free=$(( $(awk '/^MemAvailable:/ {print $2}' /proc/meminfo) * 1024 ))
    hsize=$(( $(num "$(awk '/^Hugepagesize:/ {print $2}' /proc/meminfo)") * 1024 ))
    htotal=$(num "$(awk '/^HugePages_Total:/ {print $2}' /proc/meminfo)")
    printf '{"nodes":['
    sep=""
    for n in /sys/devices/system/node/node[0-9]*; do
        [ -d "$n" ] || continue
        nt=0
        if [ -n "$bs" ]; then
            for b in "$n"/memory[0-9]*; do [ "$(rd "$b/online")" = 1 ] && nt=$((nt + bs)); done
        fi
        [ "$nt" -gt 0 ] || nt=$(( $(awk '/MemTotal:/ {print $4}' "$n/meminfo") * 1024 ))
        printf '%s{"numa_node":%s,"hugepages_used":0,"hugepages_total":0,"used":0,"total":%s}' "$sep" "${n##*node}" "$nt"
        sep=","
    done
    printf '],"hugepages_total":%s,"hugepages_used":0,"hugepages_size":%s,"used":%s,"total":%s}' \
        "$htotal" "$hsize" "$((total - free))" "$total"
}

disk() { # disk NAME: one LXD storage disk
    d=/sys/block/$1
    case "$1" in
        nvme*) bus=nvme ;; vd*) bus=virtio ;; mmcblk*) bus=mmc ;; sr*) bus=cdrom ;;
        *) case "$(readlink -f "$d/device")" in *usb*) bus=usb ;; */ata[0-9]*) bus=sata ;; *) bus=scsi ;; esac ;;
    esac
    rot=$(rd "$d/queue/rotational"); rpm=0; [ "$rot" = 1 ] && rpm=1
    serial=$(rd "$d/serial"); [ -n "$serial" ] || serial=$(rd "$d/device/serial")
    [ -n "$serial" ] || serial=$(rd "$d/device/vpd_pg80" | tr -cd '[:print:]' | sed 's/^ *//')
    model=$(rd "$d/device/model")
    devid=""
    if [ -d /dev/disk/by-id ]; then
        for l in /dev/disk/by-id/*; do
            [ "$(readlink -f "$l")" = "/dev/$1" ] && { devid=${l##*/}; break; }
        done
    fi
    [ -z "$devid" ] && [ "$bus" = virtio ] && [ -n "$serial" ] && devid="virtio-$serial"
    pci=$(pciaddr "$d/device"); path=""; [ -n "$pci" ] && path="pci-$pci"
    printf '{"id":%s,"device":%s,"model":%s,"type":%s,"read_only":%s,"size":%s,"removable":%s,"numa_node":%s,' \
        "$(str "$1")" "$(str "$(rd "$d/dev")")" "$(str "$model")" "$(str "$bus")" "$(bool "$(rd "$d/ro")")" \
        "$(( $(num "$(rd "$d/size")") * 512 ))" "$(bool "$(rd "$d/removable")")" "$(numa "$d/device")"
    printf '"device_path":%s,"block_size":%s,"firmware_version":%s,"rpm":%s,"serial":%s,"device_id":%s,"pci_address":%s,"partitions":[' \
        "$(str "$path")" "$(num "$(rd "$d/queue/logical_block_size")")" "$(str "$(rd "$d/device/firmware_rev")$(rd "$d/device/rev")")" \
        "$rpm" "$(str "$serial")" "$(str "$devid")" "$(str "$pci")"
    sep=""
    for p in "$d/$1"*; do
        [ -r "$p/partition" ] || continue
        printf '%s{"id":%s,"device":%s,"read_only":%s,"size":%s,"partition":%s}' "$sep" "$(str "${p##*/}")" \
            "$(str "$(rd "$p/dev")")" "$(bool "$(rd "$p/ro")")" "$(( $(num "$(rd "$p/size")") * 512 ))" "$(num "$(rd "$p/partition")")"
        sep=","
    done
    printf ']}'
}

storage() {
    printf '{"disks":['
    sep=""; n=0
    for d in /sys/block/*; do
        [ -e "$d" ] || continue # a diskless machine: the glob stays as written
        name=${d##*/}
        case "$name" in loop*|ram*|zram*|dm-*|md*|nbd*|fd*) continue ;; esac
        printf '%s' "$sep"; disk "$name"; sep=","; n=$((n + 1))
    done
    printf '],"total":%s}' "$n"
}

# Physical NICs: the interfaces with a device behind them.
nics() { for i in /sys/class/net/*; do [ -e "$i/device" ] && echo "${i##*/}"; done; }

network() {
    printf '{"cards":['
    sep=""; n=0
    for i in $(nics); do
        d=/sys/class/net/$i
        drv=$(basename "$(readlink -f "$d/device/driver")" 2>/dev/null)
        dev=$d/device; [ -r "$dev/vendor" ] || dev=$d/device/..
        speed=$(rd "$d/speed"); case "$speed" in ''|-*) speed=0 ;; esac
        printf '%s{"driver":%s,"driver_version":%s,"numa_node":%s,"pci_address":%s,"vendor_id":%s,"product_id":%s,"firmware_version":"",' \
            "$sep" "$(str "$drv")" "$(str "$(rd "/sys/module/$drv/version")")" "$(numa "$dev")" "$(str "$(pciaddr "$d/device")")" \
            "$(str "$(hexid "$dev/vendor")")" "$(str "$(hexid "$dev/device")")"
        printf '"ports":[{"id":%s,"address":%s,"port":0,"protocol":"ethernet","supported_modes":[],"supported_ports":[],"port_type":"","transceiver_type":"","auto_negotiation":false,"link_detected":%s,"link_speed":%s,"link_duplex":%s}]}' \
            "$(str "$i")" "$(str "$(rd "$d/address")")" "$(bool "$(rd "$d/carrier" 2>/dev/null)")" "$speed" "$(str "$(rd "$d/duplex")")"
        sep=","; n=$((n + 1))
    done
    printf '],"total":%s}' "$n"
}

# LXD's network state of each interface: addresses, MAC, MTU, state, and what a bond, bridge or VLAN is made of.
networks() {
    printf '{'
    sep=""
    for d in /sys/class/net/*; do
        i=${d##*/}
        # Physical NICs, bonds, bridges and VLANs; not loopback, tunnels, veths and the like.
        [ -e "$d/device" ] || [ -d "$d/bonding" ] || [ -d "$d/bridge" ] || grep -qs "^$i " /proc/net/vlan/config || continue
        state=down; [ "$(rd "$d/operstate")" = up ] && state=up
        printf '%s%s:{"addresses":[' "$sep" "$(str "$i")"
        ip -o addr show dev "$i" 2>/dev/null | awk '$3 == "inet" || $3 == "inet6" {
                split($4, a, "/"); scope = "global"
                for (k = 5; k < NF; k++) if ($k == "scope") scope = $(k + 1)
                printf "%s{\"family\":\"%s\",\"address\":\"%s\",\"netmask\":\"%s\",\"scope\":\"%s\"}", s, $3, a[1], a[2], scope; s = ","
            }'
        printf '],"hwaddr":%s,"mtu":%s,"state":"%s","type":"broadcast"' "$(str "$(rd "$d/address")")" "$(num "$(rd "$d/mtu")")" "$state"
        if [ -d "$d/bonding" ]; then
            printf ',"bond":{"mode":%s,"lower_devices":[%s]}' "$(str "$(rd "$d/bonding/mode" | cut -d' ' -f1)")" \
                "$(for s in $(rd "$d/bonding/slaves"); do printf '%s' "$c$(str "$s")"; c=","; done; c="")"
        elif [ -d "$d/bridge" ]; then
            printf ',"bridge":{"upper_devices":[%s]}' "$(c=""; for s in "$d"/brif/*; do [ -e "$s" ] && printf '%s' "$c$(str "${s##*/}")" && c=","; done)"
        elif [ -r /proc/net/vlan/config ] && grep -q "^$i " /proc/net/vlan/config; then
            awk -F'|' -v i="$i" '{gsub(/ /, "")} $1 == i {printf ",\"vlan\":{\"lower_device\":\"%s\",\"vid\":%d}", $3, $2}' /proc/net/vlan/config
        fi
        printf '}'
        sep=","
    done
    printf '}'
}

system() {
    dmi=/sys/class/dmi/id
    type=physical
    grep -qw hypervisor /proc/cpuinfo 2>/dev/null && type=virtual-machine
    printf '{"uuid":%s,"vendor":%s,"product":%s,"family":%s,"version":%s,"sku":%s,"serial":%s,"type":"%s",' \
        "$(str "$(rd $dmi/product_uuid)")" "$(str "$(rd $dmi/sys_vendor)")" "$(str "$(rd $dmi/product_name)")" \
        "$(str "$(rd $dmi/product_family)")" "$(str "$(rd $dmi/product_version)")" "$(str "$(rd $dmi/product_sku)")" \
        "$(str "$(rd $dmi/product_serial)")" "$type"
    printf '"firmware":{"vendor":%s,"date":%s,"version":%s},' "$(str "$(rd $dmi/bios_vendor)")" "$(str "$(rd $dmi/bios_date)")" "$(str "$(rd $dmi/bios_version)")"
    printf '"chassis":{"vendor":%s,"type":%s,"serial":%s,"version":%s},' "$(str "$(rd $dmi/chassis_vendor)")" \
        "$(str "$(rd $dmi/chassis_type)")" "$(str "$(rd $dmi/chassis_serial)")" "$(str "$(rd $dmi/chassis_version)")"
    printf '"motherboard":{"vendor":%s,"product":%s,"serial":%s,"version":%s}}' "$(str "$(rd $dmi/board_vendor)")" \
        "$(str "$(rd $dmi/board_name)")" "$(str "$(rd $dmi/board_serial)")" "$(str "$(rd $dmi/board_version)")"
}

# The vendor and device names of a PCI id pair from pci.ids, where the image has it ("" otherwise).
pciids=""; for f in /usr/share/misc/pci.ids /usr/share/hwdata/pci.ids; do [ -r "$f" ] && pciids=$f && break; done
pcinames() {
    [ -n "$pciids" ] || { printf '\t\n'; return; }
    awk -v v="$1" -v d="$2" 'BEGIN { FS = "  " }
        /^[0-9a-f]/ { if (vn != "") exit; if ($1 == v) vn = substr($0, index($0, "  ") + 2); next }
        vn != "" && /^\t[0-9a-f]/ { if (substr($1, 2) == d) { dn = substr($0, index($0, "  ") + 2); exit } }
        END { printf "%s\t%s\n", vn, dn }' "$pciids"
}

# PCI devices as LXD's resources API lists them (pci.devices), from /sys/bus/pci/devices.
pci() {
    printf '{"devices":['
    sep=""; n=0
    for d in /sys/bus/pci/devices/*; do
        [ -r "$d/vendor" ] || continue
        v=$(hexid "$d/vendor"); p=$(hexid "$d/device")
        drv=""; [ -e "$d/driver" ] && drv=$(basename "$(readlink -f "$d/driver")")
        names=$(pcinames "$v" "$p")
        printf '%s{"driver":%s,"driver_version":%s,"numa_node":%s,"pci_address":%s,"vendor":%s,"vendor_id":%s,"product":%s,"product_id":%s}' \
            "$sep" "$(str "$drv")" "$(str "$(rd "/sys/module/$drv/version")")" "$(numa "$d")" "$(str "${d##*/}")" \
            "$(str "${names%%	*}")" "$(str "$v")" "$(str "${names#*	}")" "$(str "$p")"
        sep=","; n=$((n + 1))
    done
    printf '],"total":%s}' "$n"
}

# USB devices as LXD lists them (usb.devices, each with its interfaces' drivers), from /sys/bus/usb/devices.
usb() {
    printf '{"devices":['
    sep=""; n=0
    for d in /sys/bus/usb/devices/*; do
        [ -r "$d/idVendor" ] || continue
        printf '%s{"bus_address":%s,"device_address":%s,"vendor":%s,"vendor_id":%s,"product":%s,"product_id":%s,"speed":%s,"interfaces":[' \
            "$sep" "$(num "$(rd "$d/busnum")")" "$(num "$(rd "$d/devnum")")" "$(str "$(rd "$d/manufacturer")")" "$(str "$(rd "$d/idVendor")")" \
            "$(str "$(rd "$d/product")")" "$(str "$(rd "$d/idProduct")")" "$(num "$(rd "$d/speed")")"
        c=""
        for i in "$d"/*:*; do
            [ -d "$i" ] || continue
            drv=""; [ -e "$i/driver" ] && drv=$(basename "$(readlink -f "$i/driver")")
            printf '%s{"driver":%s,"number":%s}' "$c" "$(str "$drv")" "$(num "$(printf '%d' "0x$(rd "$i/bInterfaceNumber")" 2>/dev/null)")"
            c=","
        done
        printf ']}'
        sep=","; n=$((n + 1))
    done
    printf '],"total":%s}' "$n"
}

os_name=$(sed -n 's/^ID=//p' /etc/os-release 2>/dev/null | tr -d '"'); os_version=$(sed -n 's/^VERSION_ID=//p' /etc/os-release 2>/dev/null | tr -d '"')
printf '{"api_version":"1.0","api_extensions":["resources","resources_v2","api_os","resources_system","resources_usb_pci"],'
printf '"environment":{"kernel":%s,"kernel_architecture":%s,"kernel_version":%s,"os_name":%s,"os_version":%s,"server":"ingot-machine-resources","server_name":%s},' \
    "$(str "$(uname -s)")" "$(str "$(uname -m)")" "$(str "$(uname -r)")" "$(str "${os_name:-ingot-ephemeral}")" "$(str "$os_version")" "$(str "$(uname -n)")"
printf '"resources":{"cpu":%s,"memory":%s,"storage":%s,"network":%s,"system":%s,"pci":%s,"usb":%s},' \
    "$(cpu)" "$(memory)" "$(storage)" "$(network)" "$(system)" "$(pci)" "$(usb)"
printf '"networks":%s}\n' "$(networks)"
