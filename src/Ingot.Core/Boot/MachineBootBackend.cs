using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Tags;

namespace Ingot.Core.Boot;

/// <summary>
/// <see cref="IBootBackend"/> over the machine and tag stores (MAC uniqueness: one machine per MAC).
/// The kernel options are MAAS's <c>get_effective_kernel_options</c>: those of the machine's first tag,
/// by name, that has any. Recording a boot (boot interface, boot method, and the boot under a claimed power-on) saves the
/// machine (compare-and-set: read again and retried on a conflict by <see cref="ConflictRetry"/>, the rule every machine write
/// shares; a machine that another writer keeps changing past its bound keeps its old method until its next boot, and a taker
/// of its claim sends the power-on again; the boot itself is not refused).
/// </summary>
public sealed class MachineBootBackend(IMachineStore machines, ITagStore tags, TimeProvider? time = null) : IBootBackend
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<BootRecord?> FindByMacAsync(MacAddress mac, CancellationToken ct)
    {
        if (await machines.FindByMacAsync(mac, ct) is not { } m)
        {
            return null;
        }

        return new BootRecord(m.SystemId, m.Hostname, m.Status, m.PreviousStatus, m.Architecture, m.Osystem, m.DistroSeries, m.HweKernel, m.Netboot, await KernelOptsAsync(m, ct), m.IsEphemeralDeployment)
        {
            BiosBootMethod = m.BiosBootMethod,
            BootInterfaceMac = m.BootInterfaceMac,
            PowerClaimAwaitingBoot = m.PowerClaimAwaitingBoot,
        };
    }

    public async Task RecordBootAsync(MacAddress mac, string? biosBootMethod, DateTime? powerClaimSeen, CancellationToken ct)
    {
        try
        {
            await ConflictRetry.RunAsync(
                async c =>
                {
                    if (await machines.FindByMacAsync(mac, c) is not { } m || !RecordBoot(m, mac, biosBootMethod, powerClaimSeen))
                    {
                        return false;
                    }

                    await machines.SaveAsync(m, c);
                    return true;
                },
                _time,
                ct);
        }
        catch (MachineConflictException)
        {
            // Lost every race (ConflictRetry's bound): the boot script is still served; the machine keeps its old
            // boot interface and method until its next boot, and a taker of its claim sends the power-on again.
        }
    }

    /// <summary>Applies the boot to the machine as read; false when it changes nothing (nothing to save).</summary>
    private bool RecordBoot(Machine m, MacAddress mac, string? biosBootMethod, DateTime? powerClaimSeen)
    {
        bool changed = m.RecordBootInterface(mac);
        changed |= m.RecordBootUnderPowerClaim(powerClaimSeen, _time.GetUtcNow().UtcDateTime);
        if (biosBootMethod is not null && m.BiosBootMethod != biosBootMethod)
        {
            m.BiosBootMethod = biosBootMethod;
            changed = true;
        }

        return changed;
    }

    private async Task<string> KernelOptsAsync(Machine machine, CancellationToken ct)
    {
        foreach (string name in machine.Tags.Order(StringComparer.Ordinal))
        {
            if (await tags.FindAsync(name, ct) is { KernelOpts.Length: > 0 } tag)
            {
                return tag.KernelOpts;
            }
        }

        return "";
    }
}
