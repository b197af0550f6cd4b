namespace Ingot.Power.Ipmi;

/// <summary>
/// MAAS's <c>IPMI_ERRORS</c>: the FreeIPMI output fragments it recognises, in its order, with the message
/// and error class each becomes.
/// </summary>
public static class IpmiErrors
{
    private const string CheckBmc = "  Check BMC configuration and try again.";
    private const string AccessDenied = "Access denied while performing power action." + CheckBmc;
    private const string DeviceTimeout =
        "Device communication timeout while performing power action.  MAAS performed several retries.  Check BMC configuration and connectivity and try again.";

    public const string IncorrectKg = "Incorrect K_g key." + CheckBmc;

    public static IReadOnlyList<(string Fragment, PowerErrorKind Kind, string Message)> Table { get; } =
    [
        ("username invalid", PowerErrorKind.Auth, "Incorrect username." + CheckBmc),
        ("password invalid", PowerErrorKind.Auth, "Incorrect password." + CheckBmc),
        ("password verification timeout", PowerErrorKind.Auth, "Authentication timeout." + CheckBmc),
        ("k_g invalid", PowerErrorKind.Auth, IncorrectKg),
        ("privilege level insufficient", PowerErrorKind.Auth, AccessDenied),
        ("privilege level cannot be obtained for this user", PowerErrorKind.Auth, AccessDenied),
        ("authentication type unavailable for attempted privilege level", PowerErrorKind.Setting, AccessDenied),
        ("cipher suite id unavailable", PowerErrorKind.Setting,
            "Access denied while performing power action: cipher suite unavailable." + CheckBmc),
        ("ipmi 2.0 unavailable", PowerErrorKind.Setting, "IPMI 2.0 was not discovered on the BMC.  Please try to use IPMI 1.5 instead."),
        ("connection timeout", PowerErrorKind.Connection,
            "Connection timed out while performing power action.  Check BMC configuration and connectivity and try again."),
        ("session timeout", PowerErrorKind.Connection,
            "The IPMI session has timed out. MAAS performed several retries.  Check BMC configuration and connectivity and try again."),
        ("internal IPMI error", PowerErrorKind.Fatal,
            "An IPMI error has occurred that FreeIPMI does not know how to handle.  Please try the power action manually, and file a bug if appropriate."),
        ("device not found", PowerErrorKind.Setting, "Error locating IPMI device." + CheckBmc),
        ("driver timeout", PowerErrorKind.Connection, DeviceTimeout),
        ("message timeout", PowerErrorKind.Connection, DeviceTimeout),
        ("BMC busy", PowerErrorKind.Connection, "Device busy while performing power action.  MAAS performed several retries.  Please wait and try again."),
        ("could not find inband device", PowerErrorKind.Setting, "An inband device could not be found." + CheckBmc),
    ];

    /// <summary>The first known error in <paramref name="output"/>, limited to auth errors when <paramref name="authOnly"/>.</summary>
    public static PowerException? Find(string output, bool authOnly = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach ((string fragment, PowerErrorKind kind, string message) in Table)
        {
            if ((!authOnly || kind == PowerErrorKind.Auth) && output.Contains(fragment, StringComparison.Ordinal))
            {
                return new PowerException(kind, message);
            }
        }

        return null;
    }
}
