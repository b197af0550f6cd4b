namespace Ingot.Sim.Ipmi;

/// <summary>
/// The <c>chassis_control</c> program ipmi_sim runs (through popen) for a BMC without a VM: the power
/// state and boot device live in files in the BMC's directory, each power on is appended to
/// <c>boots</c> with the boot device it used, and a <c>delay</c> file (seconds) makes the BMC answer
/// slowly; each <c>reset</c> is a line in <c>resets</c>. ipmi_sim calls <c>PROGRAM DIR get power boot</c> and <c>PROGRAM DIR set power 1|0 …</c>.
/// </summary>
public static class IpmiChassisScript
{
    public const string Text = """
        #!/bin/sh
        # chassis_control for ipmi_sim (written by Ingot.Sim): state in files under DIR.
        D=$1; shift; OP=$1; shift
        [ -f "$D/delay" ] && sleep "$(cat "$D/delay")"
        echo "$OP $*" >> "$D/control.log"
        case "$OP" in
        get)
            for p in "$@"; do
                case "$p" in
                    power) echo "power:$(cat "$D/power" 2>/dev/null || echo 0)" ;;
                    boot) echo "boot:$(cat "$D/boot" 2>/dev/null || echo default)" ;;
                    *) echo "Invalid parameter: $p"; exit 1 ;;
                esac
            done ;;
        set)
            while [ $# -gt 1 ]; do
                p=$1; v=$2; shift 2
                case "$p" in
                    power)
                        was=$(cat "$D/power" 2>/dev/null || echo 0)
                        echo "$v" > "$D/power"
                        if [ "$v" = 1 ] && [ "$was" != 1 ]; then echo "$(cat "$D/boot" 2>/dev/null || echo default)" >> "$D/boots"; fi ;;
                    shutdown) echo 0 > "$D/power" ;;
                    reset) echo "$v" >> "$D/resets" ;;
                    boot) echo "$v" > "$D/boot" ;;
                    identify) ;;
                    *) echo "Invalid parameter: $p"; exit 1 ;;
                esac
            done ;;
        *) exit 1 ;;
        esac
        exit 0
        """;
}
