namespace Ingot.Data.Model;

/// <summary>The names of columns that have no property on the Core types.</summary>
internal static class ShadowColumns
{
    /// <summary>The machine's power parameters as Data-Protection-encrypted JSON.</summary>
    public const string PowerParameters = "PowerParametersProtected";

    /// <summary>The plain <c>power_address</c> parameter, for enlistment matching (not a secret).</summary>
    public const string PowerAddress = "PowerAddress";

    /// <summary>The owning machine of a block device or interface.</summary>
    public const string MachineId = "MachineId";

    /// <summary>The owning block device of a partition.</summary>
    public const string BlockDeviceId = "BlockDeviceId";

    /// <summary>The owning interface of a link.</summary>
    public const string InterfaceId = "InterfaceId";

    /// <summary>The machine an event belongs to; kept when the machine is deleted, as MAAS keeps its events.</summary>
    public const string SystemId = "SystemId";

    /// <summary>An API token's secret, encrypted.</summary>
    public const string TokenSecret = "TokenSecretProtected";

    /// <summary>The SHA-256 (hex) of an SSH key's text, unique per user.</summary>
    public const string KeyDigest = "KeyDigest";
}
