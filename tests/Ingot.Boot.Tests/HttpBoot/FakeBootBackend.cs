using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Tests.HttpBoot;

internal sealed class FakeBootBackend : IBootBackend
{
    public Dictionary<MacAddress, BootRecord> Machines { get; } = [];

    public Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct) =>
        Task.FromResult(Machines.GetValueOrDefault(mac));

    public Task RecordBootAsync(MacAddress mac, string? biosBootMethod, CancellationToken ct)
    {
        if (Machines.TryGetValue(mac, out BootRecord? record))
        {
            Machines[mac] = record with { BiosBootMethod = biosBootMethod ?? record.BiosBootMethod, BootInterfaceMac = mac };
        }

        return Task.CompletedTask;
    }
}
