#!/bin/sh
# maas-capture-lldpd (Ingot's body): the LLDP neighbours lldpd heard on the machine's links, as lldpcli's
# XML on stdout (MAAS keeps it for tag definitions and the details op). Where lldpd and lldpcli are
# installed it starts lldpd when it is not running and waits up to --wait=SECONDS (default 60; lldpd
# announces every 30 s) for a neighbour before printing. Ingot's busybox ephemeral image has no lldpd
# (its libraries, libxml2 with ICU and net-snmp with perl and OpenSSL, are about 50 MB against the 1.5 MB
# image): there the script says so on stderr, prints nothing and passes.
set -u
wait=60
for arg in "$@"; do
    case "$arg" in --wait=*) wait=${arg#--wait=} ;; esac
done
if ! command -v lldpd >/dev/null 2>&1 || ! command -v lldpcli >/dev/null 2>&1; then
    echo "maas-capture-lldpd: lldpd and lldpcli are not installed in this environment, no LLDP neighbours were captured" >&2
    exit 0
fi
if ! lldpcli show configuration >/dev/null 2>&1; then
    lldpd || { echo "maas-capture-lldpd: lldpd did not start" >&2; exit 1; }
fi
waited=0
while [ "$waited" -lt "$wait" ] && [ -z "$(lldpcli -f keyvalue show neighbors 2>/dev/null)" ]; do
    sleep 1
    waited=$((waited + 1))
done
exec lldpcli -f xml show neighbors details
