namespace Ingot.Core.Boot;

/// <summary>
/// What a machine boots when it network-boots, with MAAS's purpose names (<c>Node.get_boot_purpose</c>).
/// </summary>
public enum BootPurpose
{
    /// <summary>An unknown MAC: the commissioning ephemeral image with the enlistment preseed.</summary>
    Enlist,

    /// <summary>The commissioning ephemeral image with the machine's preseed (commissioning, testing,
    /// rescue, disk erasing, releasing).</summary>
    Commissioning,

    /// <summary>The ephemeral installer that deploys the machine (curtin's <c>xinstall</c>).</summary>
    Xinstall,

    /// <summary>Boot from the local disk.</summary>
    Local,
}
