using Ingot.Core.Inventory;

namespace Ingot.Core.Tests.Fakes;

/// <summary>An <see cref="IHardwareDetailsStore"/> in memory, for Core tests; every system_id counts as known.</summary>
public sealed class InMemoryHardwareDetailsStore : IHardwareDetailsStore
{
    private readonly Dictionary<string, HardwareDetails> _details = new(StringComparer.Ordinal);

    public Task<bool> SaveAsync(string systemId, string name, byte[] xml, CancellationToken ct)
    {
        HardwareDetails current = _details.GetValueOrDefault(systemId) ?? HardwareDetails.None;
        _details[systemId] = name == HardwareDetails.LshwName ? current with { Lshw = xml } : current with { Lldp = xml };
        return Task.FromResult(true);
    }

    public Task<HardwareDetails> GetAsync(string systemId, CancellationToken ct) =>
        Task.FromResult(_details.GetValueOrDefault(systemId) ?? HardwareDetails.None);

    public Task<IReadOnlyDictionary<string, HardwareDetails>> GetManyAsync(IReadOnlyCollection<string> systemIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, HardwareDetails>>(systemIds.Where(_details.ContainsKey).ToDictionary(s => s, s => _details[s]));
}
