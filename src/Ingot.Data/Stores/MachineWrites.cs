using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="MachineStore"/>'s write helpers: the pending events added to a save, and what a failed save puts back.</summary>
internal static class MachineWrites
{
    public static void AddEvents(IngotDbContext db, Machine machine)
    {
        foreach (MachineEvent machineEvent in machine.PendingEvents)
        {
            db.Add(machineEvent);
            db.Entry(machineEvent).Property<string>(ShadowColumns.SystemId).CurrentValue = machine.SystemId;
        }
    }

    /// <summary>The power parameters, encrypted, and the power address they name.</summary>
    public static void WriteShadowColumns(IngotDbContext db, Machine machine, SecretsAtRest secrets)
    {
        var entry = db.Entry(machine);
        entry.Property<string>(ShadowColumns.PowerParameters).CurrentValue = secrets.ProtectPowerParameters(machine.PowerParameters);
        entry.Property<string?>(ShadowColumns.PowerAddress).CurrentValue =
            machine.PowerParameters.TryGetValue("power_address", out string? address) && address.Length > 0 ? address : null;
    }

    public static void RestoreBmcs(Dictionary<Machine, long?> bmcs)
    {
        foreach ((Machine machine, long? bmc) in bmcs)
        {
            machine.BmcId = bmc;
        }
    }

    public static void RestoreVersions(IngotDbContext db, List<Machine> machines, Dictionary<string, long> expected)
    {
        foreach (Machine machine in machines)
        {
            var entry = db.Entry(machine);
            if (entry.State != EntityState.Detached)
            {
                entry.Property(m => m.Version).CurrentValue = expected[machine.SystemId];
            }
        }
    }
}
