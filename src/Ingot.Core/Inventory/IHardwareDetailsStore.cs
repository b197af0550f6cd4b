namespace Ingot.Core.Inventory;

/// <summary>
/// Port: where machines' lshw and LLDP XML are kept (by system_id). The details go when the machine
/// goes. Large blobs, so they live apart from the machine and are read only when needed.
/// </summary>
public interface IHardwareDetailsStore
{
    /// <summary>Replaces one detail (<see cref="HardwareDetails.LshwName"/> or <see cref="HardwareDetails.LldpName"/>); false for an unknown machine.</summary>
    Task<bool> SaveAsync(string systemId, string name, byte[] xml, CancellationToken ct);

    /// <summary>The machine's details; <see cref="HardwareDetails.None"/> when it has none.</summary>
    Task<HardwareDetails> GetAsync(string systemId, CancellationToken ct);

    /// <summary>The details of the given machines, by system_id (machines without any are left out).</summary>
    Task<IReadOnlyDictionary<string, HardwareDetails>> GetManyAsync(IReadOnlyCollection<string> systemIds, CancellationToken ct);
}
