using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Tests.HttpBoot;

internal sealed class FakeBootBackend : IBootBackend
{
    public Dictionary<MacAddress, BootRecord> Machines { get; } = [];

    public Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct) =>
        Task.FromResult(Machines.GetValueOrDefault(mac));

    /// <summary>The claims the boots were recorded under (<see cref="BootRecord.PowerClaimAwaitingBoot"/>), in order.</summary>
    public List<DateTime> BootsUnderPowerClaims { get; } = [];

    public Task RecordBootAsync(MacAddress mac, string? biosBootMethod, DateTime? powerClaimSeen, CancellationToken ct)
    {
        if (Machines.TryGetValue(mac, out BootRecord? record))
        {
            Machines[mac] = record with { BiosBootMethod = biosBootMethod ?? record.BiosBootMethod, BootInterfaceMac = mac };
            if (powerClaimSeen is { } claim && claim == record.PowerClaimAwaitingBoot)
            {
                BootsUnderPowerClaims.Add(claim);
                Machines[mac] = Machines[mac] with { PowerClaimAwaitingBoot = null };
            }
        }

        return Task.CompletedTask;
    }
}
