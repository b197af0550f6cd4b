#!/bin/sh
# smartctl-validate (Ingot's body): checks every disk (or the one given as --storage=PATH). Where
# smartctl is installed and the drive supports SMART, its overall health must be PASSED (smartctl -H);
# otherwise (no smartctl, or a drive without SMART, e.g. virtio) the disk must answer reads: the first
# and last --read-mib=N MiB (default 8) are read with dd. Exits non-zero when a disk failed.
set -u
read_mib=8; disks=""
for arg in "$@"; do
    case "$arg" in
        --storage=*) disks="$disks ${arg#--storage=}" ;;
        --read-mib=*) read_mib=${arg#--read-mib=} ;;
    esac
done
if [ -z "$disks" ]; then
    for d in /sys/block/*; do
        [ -e "$d" ] || continue
        case "${d##*/}" in loop*|ram*|zram*|dm-*|md*|nbd*|fd*|sr*) continue ;; esac
        disks="$disks /dev/${d##*/}"
    done
fi
[ -n "$disks" ] || { echo "No disks found."; exit 0; }
status=0
for disk in $disks; do
    dev=$(readlink -f "$disk"); name=${dev##*/}
    if command -v smartctl >/dev/null 2>&1 && smartctl -i "$dev" 2>/dev/null | grep -q 'SMART support is: *Enabled'; then
        echo "== $disk: smartctl -H"
        smartctl -H "$dev"; rc=$?
        # Bits 0-2 are smartctl's own errors, bit 3 "disk failing": fail on bit 3 only when SMART answered.
        if [ $((rc & 8)) -ne 0 ] || [ $((rc & 7)) -ne 0 ]; then echo "$disk: SMART health check failed ($rc)"; status=1; fi
        continue
    fi
    sectors=$(cat "/sys/block/$name/size" 2>/dev/null || echo 0)
    mib=$((sectors / 2048))
    n=$read_mib; [ "$n" -gt "$mib" ] && n=$mib
    echo "== $disk: SMART unavailable, read check of ${n} MiB at each end of ${mib} MiB"
    if [ "$mib" -eq 0 ]; then echo "$disk: size 0"; status=1; continue; fi
    if ! dd if="$dev" of=/dev/null bs=1M count="$n" 2>/dev/null; then echo "$disk: reading the start failed"; status=1; continue; fi
    if ! dd if="$dev" of=/dev/null bs=1M skip=$((mib - n)) count="$n" 2>/dev/null; then echo "$disk: reading the end failed"; status=1; continue; fi
    echo "$disk: read check passed"
done
exit $status
