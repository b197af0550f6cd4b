using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// MAAS's <c>Node.set_power_config</c>, run by <see cref="MachineStore"/> inside a machine's save:
/// the parameters are split by scope (<see cref="BmcParameters.Split"/>) and the machine is pointed at a
/// BMC row holding the BMC-scoped ones. With the same power type as its BMC's, a change of those
/// parameters is a change of the BMC: if another BMC already has them every machine on the old one
/// moves to it, otherwise the BMC is updated, and either way every other machine behind it gets the new
/// BMC parameters laid under its own node-scoped ones (its version goes up, so a stale copy of it cannot
/// be saved over the change). A new power type gets a new BMC, or for a chassis driver the existing BMC
/// with the same parameters. No power type, no BMC. A BMC no machine points at is deleted.
/// The machine row keeps the merged parameters, as MAAS shows them (<c>power_parameters</c>).
/// </summary>
internal sealed class BmcLinks(SecretsAtRest secrets, PowerTypeCatalog? catalog)
{
    private const string AddressField = "power_address";

    /// <summary>
    /// Links <paramref name="machine"/> (not yet attached to <paramref name="db"/>) to its BMC, saving
    /// BMC rows and the other machines' rows; machines in <paramref name="batch"/> are left alone.
    /// Returns the id of the BMC the machine left, to pass to <see cref="DeleteIfOrphanAsync"/> after the save.
    /// </summary>
    public async Task<long?> LinkAsync(IngotDbContext db, Machine machine, IReadOnlyCollection<long> batch, CancellationToken ct)
    {
        long? previous = machine.BmcId;
        BmcRow? old = previous is long id ? await db.Bmcs.FirstOrDefaultAsync(b => b.Id == id, ct) : null;
        if (machine.PowerType.Length == 0)
        {
            machine.BmcId = null;
            return previous;
        }

        BmcParameters split = BmcParameters.Split(catalog, machine.PowerType, machine.PowerParameters);
        DateTime now = machine.Updated;
        BmcRow bmc;
        if (old is not null && old.PowerType == machine.PowerType)
        {
            bmc = await ChangeAsync(db, machine, old, split, batch, now, ct);
        }
        else
        {
            bmc = (split.Chassis ? await FindAsync(db, machine.PowerType, split.Bmc, ct) : null)
                ?? await CreateAsync(db, machine.PowerType, split.Bmc, now, ct);
        }

        machine.BmcId = bmc.Id;
        return previous == bmc.Id ? null : previous;
    }

    /// <summary>Deletes the BMC <paramref name="bmcId"/> if no machine points at it any more.</summary>
    public static async Task DeleteIfOrphanAsync(IngotDbContext db, long? bmcId, CancellationToken ct)
    {
        if (bmcId is not long id)
        {
            return;
        }

        await db.Bmcs.Where(b => b.Id == id && !db.Machines.Any(m => m.BmcId == id)).ExecuteDeleteAsync(ct);
    }

    private async Task<BmcRow> ChangeAsync(
        IngotDbContext db, Machine machine, BmcRow old, BmcParameters split, IReadOnlyCollection<long> batch, DateTime now, CancellationToken ct)
    {
        if (BmcParameters.Same(secrets.UnprotectPowerParameters(old.PowerParameters), split.Bmc))
        {
            return old;
        }

        long[] exclude = [.. batch, machine.Id];
        if (await FindAsync(db, machine.PowerType, split.Bmc, ct) is { } existing && existing.Id != old.Id)
        {
            await RewriteMachinesAsync(db, old.Id, existing.Id, split.Bmc, exclude, ct);
            return existing;
        }

        old.PowerParameters = secrets.ProtectPowerParameters(split.Bmc);
        old.PowerAddress = Address(split.Bmc);
        old.Updated = now;
        db.Bmcs.Update(old);
        await db.SaveChangesAsync(ct);
        await RewriteMachinesAsync(db, old.Id, old.Id, split.Bmc, exclude, ct);
        return old;
    }

    /// <summary>The first BMC of this type whose parameters are exactly <paramref name="parameters"/> (MAAS's JSON equality).</summary>
    private async Task<BmcRow?> FindAsync(IngotDbContext db, string powerType, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        string? address = Address(parameters);
        List<BmcRow> candidates = await db.Bmcs
            .Where(b => b.PowerType == powerType && b.PowerAddress == address)
            .OrderBy(b => b.Id)
            .ToListAsync(ct);
        return candidates.FirstOrDefault(b => BmcParameters.Same(secrets.UnprotectPowerParameters(b.PowerParameters), parameters));
    }

    private async Task<BmcRow> CreateAsync(IngotDbContext db, string powerType, IReadOnlyDictionary<string, string> parameters, DateTime now, CancellationToken ct)
    {
        var bmc = new BmcRow
        {
            PowerType = powerType,
            PowerAddress = Address(parameters),
            PowerParameters = secrets.ProtectPowerParameters(parameters),
            Created = now,
            Updated = now,
        };
        db.Bmcs.Add(bmc);
        await db.SaveChangesAsync(ct);
        return bmc;
    }

    /// <summary>Every machine on BMC <paramref name="from"/> but <paramref name="exclude"/>: moved to <paramref name="to"/>, parameters rebuilt, version bumped.</summary>
    private async Task RewriteMachinesAsync(
        IngotDbContext db, long from, long to, IReadOnlyDictionary<string, string> bmcParameters, long[] exclude, CancellationToken ct)
    {
        var others = await db.Machines
            .Where(m => m.BmcId == from && !exclude.Contains(m.Id))
            .Select(m => new { m.Id, m.PowerType, Protected = EF.Property<string>(m, ShadowColumns.PowerParameters) })
            .ToListAsync(ct);
        foreach (var other in others)
        {
            Dictionary<string, string> own = secrets.UnprotectPowerParameters(other.Protected);
            Dictionary<string, string> merged = BmcParameters.Merge(bmcParameters, BmcParameters.Split(catalog, other.PowerType, own).Node);
            string protectedText = secrets.ProtectPowerParameters(merged);
            string? address = Address(merged);
            await db.Machines.Where(m => m.Id == other.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => EF.Property<string>(m, ShadowColumns.PowerParameters), protectedText)
                    .SetProperty(m => EF.Property<string?>(m, ShadowColumns.PowerAddress), address)
                    .SetProperty(m => m.BmcId, to)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                ct);
        }
    }

    private static string? Address(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue(AddressField, out string? address) && address.Length > 0 ? address : null;
}
