namespace Ingot.Core.Registration;

/// <summary>
/// The script a user pipes into <c>sudo sh</c> on a running machine (<c>curl -fsSL &lt;url&gt; | sudo sh</c>).
/// It gathers the deploy-info subset of the commissioning data — architecture, CPUs, memory, OS
/// release, disks and network interfaces — by reading <c>/proc</c>, <c>/sys</c> and
/// <c>/etc/os-release</c>, and posts it to the same URL in <see cref="LiveHostReport"/>'s line format.
/// It writes no file, changes no setting and starts nothing that stays: the report goes from a pipe
/// to curl. Root is not needed for these reads; the <c>sudo</c> only matches MAAS's instructions.
/// </summary>
public static class RegistrationScript
{
    public static string Render(string url) => $$"""
        #!/bin/sh
        # Ingot: register this running machine's hardware. Reads /proc, /sys and /etc/os-release only;
        # writes nothing on this machine. The URL below works once.
        set -eu
        url='{{url.Replace("'", "'\\''", StringComparison.Ordinal)}}'
        first() { IFS= read -r line || true; printf '%s' "${line:-}"; }
        field() { # file, key: the value of "key : value" lines
            sed -n "s/^$2[[:space:]]*:[[:space:]]*//p" "$1" | first
        }
        report() {
            echo "{{LiveHostReport.Header}}"
            echo "arch $(uname -m)"
            echo "cpu_count $(grep -c '^processor' /proc/cpuinfo)"
            echo "cpu_model $(field /proc/cpuinfo 'model name')"
            echo "cpu_mhz $(field /proc/cpuinfo 'cpu MHz')"
            echo "mem_total_kib $(sed -n 's/^MemTotal:[[:space:]]*\([0-9]*\).*/\1/p' /proc/meminfo)"
            if [ -r /etc/os-release ]; then
                echo "os $(sed -n 's/^ID=//p' /etc/os-release | tr -d '"' | first) $(sed -n 's/^VERSION_ID=//p' /etc/os-release | tr -d '"' | first)"
            fi
            for block in /sys/block/*; do
                [ -e "$block/size" ] || continue
                name=${block##*/}
                case "$name" in loop* | ram* | zram* | dm-* | md* | sr* | fd* | nbd*) continue ;; esac
                serial=$(cat "$block/device/serial" 2>/dev/null | tr -d ' ' || true)
                model=$(cat "$block/device/model" 2>/dev/null || true)
                echo "disk $name $(cat "$block/size") $(cat "$block/ro") $(cat "$block/removable" 2>/dev/null || echo 0)" \
                    "$(cat "$block/queue/rotational" 2>/dev/null || echo 0) $(cat "$block/queue/logical_block_size" 2>/dev/null || echo 512)" \
                    "${serial:--} $model"
            done
            for net in /sys/class/net/*; do
                [ -e "$net/address" ] || continue
                echo "net ${net##*/} $(cat "$net/address") $(cat "$net/operstate") $(cat "$net/mtu") $(cat "$net/type")"
            done
        }
        report | curl -fsS -H 'Content-Type: text/plain' --data-binary @- "$url"
        echo
        """;
}
