namespace Ingot.Sim.Ipmi;

/// <summary>
/// The <c>chassis_control</c> program for a BMC with a qemu VM behind it (<see cref="IpmiVm"/>), as the
/// recipe's chassis control does it: <c>set power 1</c> starts the VM in its own session, with
/// <c>-boot order=n</c> when the boot device is <c>pxe</c> (<c>order=c</c> for <c>default</c>/<c>none</c>,
/// <c>order=d</c> for <c>cdrom</c>, strict, so the boot device decides), and returns at once; <c>set power 0</c>
/// sends SIGTERM, waits at most 2.5 s, then SIGKILLs; <c>reset</c> and <c>shutdown</c> (soft off) go to the
/// VM's monitor as <c>system_reset</c> / <c>system_powerdown</c>. A zombie counts as off. Inherited
/// descriptors are closed first so the VM never holds ipmi_sim's sockets or the popen pipe, and every
/// call returns well under a second, because ipmi_sim blocks on it and IPMI clients retransmit after
/// about one second. Files in DIR: <c>qemu.args</c> (written by <see cref="IpmiSimBmc"/>), <c>boot</c>,
/// <c>vm.pid</c>, <c>boots</c> (the boot device of each power on), <c>console.log</c>, <c>qemu.log</c>, <c>control.log</c>.
/// </summary>
public static class IpmiVmChassisScript
{
    public const string Text = """
        #!/bin/bash
        # chassis_control for ipmi_sim with a qemu VM (written by Ingot.Sim).
        D=$1; shift; OP=$1; shift
        for f in /proc/$$/fd/*; do f=${f##*/}; [ "$f" -gt 2 ] 2>/dev/null && eval "exec $f>&-" 2>/dev/null; done
        log() { echo "$EPOCHREALTIME $*" >> "$D/control.log"; }
        alive() {
            local s
            [ -n "$1" ] && s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
            s=${s##*) }
            [ "${s%% *}" != Z ]
        }
        running() { alive "$(cat "$D/vm.pid" 2>/dev/null)"; }
        monitor() { running && timeout 1 bash -c 'echo "$1" > "$2"' _ "$1" "$D/monitor.in"; log "monitor $1: $?"; }
        power_on() {
            running && return 0
            local bd order
            bd=$(cat "$D/boot" 2>/dev/null || echo default)
            case "$bd" in pxe) order=n ;; cdrom) order=d ;; *) order=c ;; esac
            mapfile -t args < "$D/qemu.args"
            rm -f "$D/monitor.in" "$D/monitor.out"
            mkfifo "$D/monitor.in" "$D/monitor.out"
            echo "$bd" >> "$D/boots"
            setsid "${args[@]}" -boot "order=$order,strict=on" -monitor "pipe:$D/monitor" \
                -chardev "file,id=console,path=$D/console.log,append=on" -serial chardev:console \
                < /dev/null >> "$D/qemu.log" 2>&1 &
            echo $! > "$D/vm.pid"
            log "power on: pid $! boot $bd order $order"
        }
        power_off() {
            running || { rm -f "$D/vm.pid"; return 0; }
            local p i
            p=$(cat "$D/vm.pid")
            kill -TERM "$p" 2>/dev/null
            for i in $(seq 50); do alive "$p" || break; sleep 0.05; done
            if alive "$p"; then kill -KILL "$p" 2>/dev/null; log "power off: SIGKILL $p"; fi
            rm -f "$D/vm.pid"
            log "power off: $p"
        }
        case "$OP" in
        get)
            log "get $*"
            for p in "$@"; do
                case "$p" in
                    power) if running; then echo "power:1"; else echo "power:0"; fi ;;
                    boot) echo "boot:$(cat "$D/boot" 2>/dev/null || echo default)" ;;
                    *) echo "Invalid parameter: $p"; exit 1 ;;
                esac
            done ;;
        set)
            log "set $*"
            while [ $# -gt 1 ]; do
                p=$1; v=$2; shift 2
                case "$p" in
                    power) if [ "$v" = 1 ]; then power_on; else power_off; fi ;;
                    reset) monitor system_reset ;;
                    shutdown) monitor system_powerdown ;;
                    boot) case "$v" in none|pxe|default|cdrom|bios) echo "$v" > "$D/boot" ;;
                                       *) echo "Invalid boot value: $v"; exit 1 ;; esac ;;
                    identify) ;;
                    *) echo "Invalid parameter: $p"; exit 1 ;;
                esac
            done ;;
        *) exit 1 ;;
        esac
        exit 0
        """;
}
