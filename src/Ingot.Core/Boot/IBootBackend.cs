using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>Port: the machine behind a MAC that network-boots, as the boot servers see it.</summary>
public interface IBootBackend
{
    /// <summary>The machine with an interface carrying <paramref name="mac"/>, or null when none does.</summary>
    Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct);
}
