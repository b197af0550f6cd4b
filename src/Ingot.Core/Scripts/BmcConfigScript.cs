namespace Ingot.Core.Scripts;

/// <summary>
/// The BMC side of the ephemeral environment (MAAS's <c>30-maas-01-bmc-config</c> for IPMI): a POSIX
/// shell script, run where <c>ipmitool</c> exists, that finds the BMC, creates (or takes over) the
/// <c>ingot</c> BMC user in the first free slot with a fresh random password, ADMIN privilege and
/// LAN/IPMI access on the channel, and reports what Ingot needs to drive it: <c>power_type</c>
/// <c>ipmi</c> and <c>power_parameters</c> (address, user, password, driver LAN_2_0), as one JSON
/// object on stdout and, when <c>RESULT_PATH</c> is set, as the script's result YAML. Without an
/// IPMI device it reports "No BMC detected." and succeeds. <c>IPMITOOL</c> replaces the in-band
/// <c>ipmitool</c> command (e.g. <c>ipmitool -I lanplus -H ... -U ... -P ...</c>),
/// <c>BMC_ADDRESS</c> the address read from <c>ipmitool lan print</c>, <c>BMC_USER</c> the user name.
/// </summary>
public static class BmcConfigScript
{
    public const string Text = """
        #!/bin/sh
        # Ingot BMC configuration: creates the BMC user Ingot powers this machine with.
        set -eu
        IPMITOOL="${IPMITOOL:-ipmitool}"
        USER_NAME="${BMC_USER:-ingot}"
        CHANNEL="${BMC_CHANNEL:-1}"
        if [ "$IPMITOOL" = ipmitool ] && ! { [ -e /dev/ipmi0 ] || [ -e /dev/ipmi/0 ] || [ -e /dev/ipmidev/0 ]; }; then
          echo 'No BMC detected.'
          exit 0
        fi

        # "ipmitool user list": the id in columns 1-4, the name in columns 5-21 (blank when the slot is free).
        list=$($IPMITOOL user list "$CHANNEL")
        slot=$(printf '%s\n' "$list" | awk -v want="$USER_NAME" 'NR > 1 { n = substr($0, 5, 17); sub(/ +$/, "", n); if (n == want) { print substr($0, 1, 4) + 0; exit } }')
        if [ -z "$slot" ]; then
          slot=$(printf '%s\n' "$list" | awk 'NR > 1 { id = substr($0, 1, 4) + 0; n = substr($0, 5, 17); sub(/ +$/, "", n); if (id >= 2 && n == "") { print id; exit } }')
        fi
        if [ -z "$slot" ]; then
          echo "No free BMC user slot for $USER_NAME." >&2
          exit 1
        fi

        password=$(tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 16)
        $IPMITOOL user set name "$slot" "$USER_NAME" > /dev/null
        $IPMITOOL user set password "$slot" "$password" 16 > /dev/null
        $IPMITOOL channel setaccess "$CHANNEL" "$slot" link=on ipmi=on callin=on privilege=4 > /dev/null
        $IPMITOOL user enable "$slot" > /dev/null

        address="${BMC_ADDRESS:-}"
        if [ -z "$address" ]; then
          address=$($IPMITOOL lan print "$CHANNEL" 2> /dev/null | awk -F ': *' '/^IP Address +:/ { print $2; exit }')
        fi

        parameters=$(printf '{"power_address": "%s", "power_user": "%s", "power_pass": "%s", "power_driver": "LAN_2_0"}' "$address" "$USER_NAME" "$password")
        printf '{"power_type": "ipmi", "power_parameters": %s}\n' "$parameters"
        if [ -n "${RESULT_PATH:-}" ]; then
          printf 'power_type: ipmi\npower_parameters: %s\n' "$parameters" > "$RESULT_PATH"
        fi

        """;
}
