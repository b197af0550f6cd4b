using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>Port: the machine behind a MAC that network-boots, as the boot servers see it.</summary>
public interface IBootBackend
{
    /// <summary>The machine with an interface carrying <paramref name="mac"/>, or null when none does.</summary>
    Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct);

    /// <summary>
    /// Records that the machine with <paramref name="mac"/> network-booted from that MAC (its boot interface) and, when
    /// known, how (<see cref="BiosBootMethods"/>), as MAAS's <c>get_config</c> updates <c>boot_interface</c> and
    /// <c>bios_boot_method</c>; nothing when no machine carries the MAC. <paramref name="powerClaimSeen"/>: the machine's
    /// <see cref="BootRecord.PowerClaimAwaitingBoot"/> as read to choose the script; the boot is recorded under that claim
    /// when it is still the machine's (<see cref="Machines.Machine.RecordBootUnderPowerClaim"/>).
    /// </summary>
    Task RecordBootAsync(MacAddress mac, string? biosBootMethod, DateTime? powerClaimSeen, CancellationToken ct);
}
