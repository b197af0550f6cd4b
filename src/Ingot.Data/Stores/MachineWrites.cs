using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Model;
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
