using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;

namespace Ingot.Core.HardwareSync;

/// <summary>
/// Which deployments may turn hardware sync on: MAAS allows it for its Linux operating systems
/// (<c>LINUX_OSYSTEMS</c>: ubuntu, centos, rhel, ol) and for custom images, and refuses it for any other OS
/// before the deployment starts, with a different text at each door: the REST <c>op=deploy</c>'s
/// <c>MachineForm.clean</c> (400, <c>{"enable_hw_sync": [<see cref="FormRefusal"/>]}</c>) and the UI's Deploy
/// action (<c>NodeActionError</c> <see cref="ActionRefusal"/>).
/// </summary>
public static class HardwareSyncRules
{
    /// <summary>MAAS's <c>LINUX_OSYSTEMS</c>.</summary>
    public static IReadOnlyList<string> LinuxOsystems { get; } = ["ubuntu", "centos", "rhel", "ol"];

    /// <summary>The REST form's text, word for word.</summary>
    public const string FormRefusal = "Hardware sync is only supported for Linux based image deploys.";

    /// <summary>The UI action's text, word for word.</summary>
    public const string ActionRefusal = "enable_hw_sync can only be set on Linux based deploys";

    /// <summary>Whether a deployment of <paramref name="osystem"/> (empty: the default, ubuntu) may have hardware sync.</summary>
    public static bool Supports(string osystem)
    {
        ArgumentNullException.ThrowIfNull(osystem);
        string os = osystem.Length > 0 ? osystem : DeployOptions.DefaultOsystem;
        return os == "custom" || LinuxOsystems.Contains(os, StringComparer.Ordinal);
    }

    /// <summary>The REST op's check: throws the form error when the deployment asks for hardware sync on an OS that cannot have it.</summary>
    public static void CheckForm(DeployOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EnableHwSync && !Supports(options.Osystem))
        {
            throw FormErrors.OnField("enable_hw_sync", FormRefusal);
        }
    }

    /// <summary>The UI action's check: throws MAAS's <c>NodeActionError</c> in the same case.</summary>
    public static void CheckAction(DeployOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EnableHwSync && !Supports(options.Osystem))
        {
            throw MachineOperationException.ActionError(ActionRefusal);
        }
    }
}
