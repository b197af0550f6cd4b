namespace Ingot.Power;

/// <summary>MAAS's power error classes (<c>provisioningserver/drivers/power</c>).</summary>
public enum PowerErrorKind
{
    /// <summary><c>PowerError</c>: retried.</summary>
    General,

    /// <summary><c>PowerAuthError</c>: the BMC refused the credentials; fatal.</summary>
    Auth,

    /// <summary><c>PowerConnError</c>: the BMC could not be reached; retried.</summary>
    Connection,

    /// <summary><c>PowerSettingError</c>: a missing or invalid parameter; fatal.</summary>
    Setting,

    /// <summary><c>PowerToolError</c>: the tool the driver runs is not installed; fatal.</summary>
    Tool,

    /// <summary><c>PowerActionError</c>: the BMC answered but the action failed; retried.</summary>
    Action,

    /// <summary><c>PowerFatalError</c>: anything else not worth retrying.</summary>
    Fatal,
}
