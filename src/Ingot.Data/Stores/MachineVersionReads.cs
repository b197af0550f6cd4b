using System.Data.Common;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Queries;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IMachineVersionReads"/>: the (id, version) pairs in plain SQL, the machines through
/// the same reads as <see cref="MachineStore"/> (whole table in plain SQL, a few by id in EF),
/// without power parameters. These machines are never saved, so this reader keeps its own
/// record of what was read without power parameters.
/// </summary>
public sealed class MachineVersionReads(IDbContextFactory<IngotDbContext> contexts, SecretsAtRest secrets) : IMachineVersionReads
{
    private readonly MachineReads _reads = new(contexts, secrets);

    public async Task<IReadOnlyList<MachineVersion>> VersionsAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT "id", "version" FROM "machines" ORDER BY "id";""";
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        var versions = new List<MachineVersion>();
        while (await r.ReadAsync(ct))
        {
            versions.Add(new MachineVersion(r.GetInt64(0), r.GetInt64(1)));
        }

        return versions;
    }

    public async Task<IReadOnlyList<Machine>> ListByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        long[] wanted = [.. ids];
        await using IngotDbContext db = contexts.CreateDbContext();
        return await _reads.LoadAsync(db, db.Machines.Where(m => wanted.Contains(m.Id)), powerParameters: false, ct);
    }

    public async Task<IReadOnlyList<Machine>> ListAllAsync(CancellationToken ct) => await _reads.LoadAllAsync(powerParameters: false, ct);
}
