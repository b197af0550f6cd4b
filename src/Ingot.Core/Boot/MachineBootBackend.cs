using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Boot;

/// <summary><see cref="IBootBackend"/> over the machine store (MAC uniqueness: one machine per MAC).</summary>
public sealed class MachineBootBackend(IMachineStore machines) : IBootBackend
{
    public async Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct) =>
        await machines.FindByMacAsync(mac, ct) is { } m
            ? new BootRecord(m.SystemId, m.Hostname, m.Status, m.PreviousStatus, m.Architecture, m.Osystem, m.DistroSeries, m.HweKernel, m.Netboot)
            : null;
}
