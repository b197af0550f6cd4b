#!/bin/sh
# maas-lshw (Ingot's body): the machine's hardware as lshw's XML, for tag definitions (XPath). Runs
# lshw -xml where lshw is installed; otherwise writes the lshw layout (system > core > firmware,
# processors with their capability flags, memory, disks, network) from /proc and /sys, so that tags
# such as //node[@class="processor"]/capabilities/capability[@id="vmx"] work in Ingot's busybox image.
set -u
if command -v lshw >/dev/null 2>&1; then exec lshw -xml; fi

x() { printf '%s' "$1" | tr -d '\000-\037' | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g'; }
rd() { if [ -r "$1" ]; then tr -d '\000' < "$1" 2>/dev/null | head -n 1 | sed 's/[[:space:]]*$//'; fi; }
el() { [ -n "$2" ] && printf '%s<%s>%s</%s>\n' "$3" "$1" "$(x "$2")" "$1"; return 0; }
dmi=/sys/class/dmi/id

echo '<?xml version="1.0" standalone="yes" ?>'
echo '<!-- written by Ingot maas-lshw from /proc and /sys (lshw is not installed) -->'
printf '<node id="%s" claimed="true" class="system" handle="DMI:0001">\n' "$(x "$(uname -n)")"
el description Computer ' '
el product "$(rd $dmi/product_name)" ' '; el vendor "$(rd $dmi/sys_vendor)" ' '
el version "$(rd $dmi/product_version)" ' '; el serial "$(rd $dmi/product_serial)" ' '
case "$(uname -m)" in *64*|s390x) echo ' <width units="bits">64</width>' ;; *) echo ' <width units="bits">32</width>' ;; esac
printf ' <configuration>\n  <setting id="uuid" value="%s" />\n </configuration>\n' "$(x "$(rd $dmi/product_uuid)")"
echo ' <node id="core" claimed="true" class="bus" handle="DMI:0002">'
el description Motherboard '  '; el product "$(rd $dmi/board_name)" '  '; el vendor "$(rd $dmi/board_vendor)" '  '
echo '  <node id="firmware" claimed="true" class="memory" handle="">'
el description BIOS '   '; el vendor "$(rd $dmi/bios_vendor)" '   '; el version "$(rd $dmi/bios_version)" '   '; el date "$(rd $dmi/bios_date)" '   '
echo '  </node>'
model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
vendor=$(sed -n 's/^vendor_id[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
flags=$(sed -n 's/^flags[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
for c in /sys/devices/system/cpu/cpu[0-9]*; do
    n=${c##*cpu}
    printf '  <node id="cpu:%s" claimed="true" class="processor" handle="">\n' "$n"
    el description CPU '   '; el product "$model" '   '; el vendor "$vendor" '   '
    printf '   <businfo>cpu@%s</businfo>\n' "$n"
    printf '   <capabilities>\n'
    for f in $flags; do printf '    <capability id="%s" />\n' "$(x "$f")"; done
    printf '   </capabilities>\n  </node>\n'
done
mem=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) * 1024 ))
printf '  <node id="memory" claimed="true" class="memory" handle="">\n   <description>System Memory</description>\n   <size units="bytes">%s</size>\n  </node>\n' "$mem"
n=0
for d in /sys/block/*; do
    [ -e "$d" ] || continue # no block device at all: the glob stays as written
    name=${d##*/}
    case "$name" in loop*|ram*|zram*|dm-*|md*|nbd*|fd*) continue ;; esac
    printf '  <node id="disk:%s" claimed="true" class="disk" handle="">\n' "$n"
    el description "Disk" '   '; el product "$(rd "$d/device/model")" '   '
    el logicalname "/dev/$name" '   '; s=$(rd "$d/serial"); [ -n "$s" ] || s=$(rd "$d/device/serial"); el serial "$s" '   '
    printf '   <size units="bytes">%s</size>\n  </node>\n' "$(( $(rd "$d/size") * 512 ))"
    n=$((n + 1))
done
n=0
for i in /sys/class/net/*; do
    [ -e "$i/device" ] || continue
    drv=$(basename "$(readlink -f "$i/device/driver")")
    printf '  <node id="network:%s" claimed="true" class="network" handle="">\n' "$n"
    el description "Ethernet interface" '   '; el logicalname "${i##*/}" '   '; el serial "$(rd "$i/address")" '   '
    printf '   <configuration>\n    <setting id="driver" value="%s" />\n    <setting id="link" value="%s" />\n   </configuration>\n  </node>\n' \
        "$(x "$drv")" "$( [ "$(rd "$i/carrier" 2>/dev/null)" = 1 ] && echo yes || echo no)"
    n=$((n + 1))
done
echo ' </node>'
echo '</node>'
