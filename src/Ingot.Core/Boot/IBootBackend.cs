using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>Port: the machine behind a MAC that network-boots, as the boot servers see it.</summary>
public interface IBootBackend
{
    /// <summary>The machine with an interface carrying <paramref name="mac"/>, or null when none does.</summary>
    Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct);

    /// <summary>
    /// Records how the machine with <paramref name="mac"/> booted (<see cref="BiosBootMethods"/>), as MAAS's <c>get_config</c>
    /// updates <c>bios_boot_method</c>; nothing when no machine carries the MAC.
    /// </summary>
    Task RecordBootMethodAsync(MacAddress mac, string biosBootMethod, CancellationToken ct);
}
