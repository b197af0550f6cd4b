#!/bin/sh
# network-link-check (Ingot's body; MAAS has no built-in of this job): every physical interface that
# is up must have its link (carrier); each prints its MAC, link speed and duplex. With
# --url=URL (default: the metadata URL the machine was booted with, from cloud-config-url=) the
# boot interface must also reach the region over HTTP. Exits non-zero when a check failed.
set -u
url=""
for arg in "$@"; do case "$arg" in --url=*) url=${arg#--url=} ;; esac; done
if [ -z "$url" ]; then
    url=$(sed -n 's/.*cloud-config-url=\([^ ]*\).*/\1/p' /proc/cmdline | sed 's#\([a-z]*://[^/]*\)/.*#\1/MAAS/metadata/#')
fi
status=0; up=0
for i in /sys/class/net/*; do
    [ -e "$i/device" ] || continue
    name=${i##*/}
    state=$(cat "$i/operstate" 2>/dev/null); carrier=$(cat "$i/carrier" 2>/dev/null || echo 0)
    speed=$(cat "$i/speed" 2>/dev/null || echo -1); duplex=$(cat "$i/duplex" 2>/dev/null || echo unknown)
    echo "$name: mac $(cat "$i/address") state ${state:-unknown} carrier ${carrier:-0} speed ${speed} Mbit/s duplex ${duplex}"
    if [ "$state" = up ] || [ "$state" = unknown ]; then
        up=$((up + 1))
        [ "$carrier" = 1 ] || { echo "$name: is up but has no link"; status=1; }
    fi
done
[ "$up" -gt 0 ] || { echo "No physical interface is up."; status=1; }
if [ -n "$url" ]; then
    if timeout 30 wget -q -O /dev/null "$url" 2>/dev/null; then echo "reached $url"
    else
        # 401 from the metadata API still proves the path: wget says "server returned error".
        if timeout 30 wget -O /dev/null "$url" 2>&1 | grep -q "server returned error"; then echo "reached $url (HTTP error answer)"
        else echo "cannot reach $url"; status=1; fi
    fi
fi
exit $status
