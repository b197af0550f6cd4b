using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>A machine's block-device and interface rows, written inside the machine's save transaction.</summary>
internal static class HardwareRows
{
    /// <summary>Rewrites the machine's disk and interface rows when they differ from what is stored; kept rows keep their ids.</summary>
    public static async Task ReplaceIfChangedAsync(IngotDbContext db, Machine machine, CancellationToken ct)
    {
        List<BlockDevice> storedDisks = await db.BlockDevices.AsNoTracking()
            .Where(d => EF.Property<long>(d, ShadowColumns.MachineId) == machine.Id)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        if (HardwareFingerprint.Of(storedDisks) != HardwareFingerprint.Of(machine.BlockDevices))
        {
            await db.BlockDevices.Where(d => EF.Property<long>(d, ShadowColumns.MachineId) == machine.Id).ExecuteDeleteAsync(ct);
            HashSet<long> reusable = [.. storedDisks.Select(d => d.Id)];
            foreach (BlockDevice disk in machine.BlockDevices)
            {
                disk.Id = reusable.Remove(disk.Id) ? disk.Id : 0;
                db.Add(disk);
                db.Entry(disk).Property<long>(ShadowColumns.MachineId).CurrentValue = machine.Id;
            }
        }

        List<NetworkInterface> storedInterfaces = await db.Interfaces.AsNoTracking()
            .Where(i => EF.Property<long>(i, ShadowColumns.MachineId) == machine.Id)
            .OrderBy(i => i.Id)
            .ToListAsync(ct);
        if (HardwareFingerprint.Of(storedInterfaces) != HardwareFingerprint.Of(machine.Interfaces))
        {
            await db.Interfaces.Where(i => EF.Property<long>(i, ShadowColumns.MachineId) == machine.Id).ExecuteDeleteAsync(ct);
            HashSet<long> reusable = [.. storedInterfaces.Select(i => i.Id)];
            foreach (NetworkInterface nic in machine.Interfaces)
            {
                nic.Id = reusable.Remove(nic.Id) ? nic.Id : 0;
                db.Add(nic);
                db.Entry(nic).Property<long>(ShadowColumns.MachineId).CurrentValue = machine.Id;
            }
        }
    }
}
