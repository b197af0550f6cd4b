using Ingot.Core.Scripts;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// One script set's save staged in a context: its last ping, every result changed since it was read
/// (<see cref="ScriptResultsAsRead"/>; new ones added) and the
/// compare-and-set on <see cref="ScriptSet.Version"/> (<c>UPDATE script_sets ... WHERE id = @id AND
/// version = @read</c>, the version going up by one). A save that did not commit puts the set back as
/// it was read (<see cref="Undo"/>): its version and the ids of the results it would have added.
/// </summary>
internal sealed class ScriptSetWrite
{
    private readonly ScriptSet _set;
    private readonly long _read;
    private readonly List<ScriptResult> _added;

    private ScriptSetWrite(ScriptSet set, List<ScriptResult> added)
    {
        _set = set;
        _read = set.Version;
        _added = added;
    }

    public static ScriptSetWrite Stage(IngotDbContext db, ScriptSet set)
    {
        var write = new ScriptSetWrite(set, [.. set.Results.Where(r => r.Id == 0)]);
        db.ScriptSets.Attach(set);
        var entry = db.Entry(set);
        entry.Property(s => s.LastPing).IsModified = true;
        entry.Property(s => s.Version).OriginalValue = write._read;
        entry.Property(s => s.Version).CurrentValue = write._read + 1;
        entry.Property(s => s.Version).IsModified = true;
        foreach (ScriptResult result in set.Results)
        {
            result.ScriptSetId = set.Id;
            if (result.Id != 0 && ScriptResultsAsRead.Unchanged(result))
            {
                // As read, and the set's compare-and-set guarantees the row still is: nothing to write.
                db.Entry(result).State = EntityState.Unchanged;
                continue;
            }

            ScriptResultsAsRead.Forget(result);
            db.Entry(result).State = result.Id == 0 ? EntityState.Added : EntityState.Modified;
        }

        return write;
    }

    public void Undo()
    {
        _set.Version = _read;
        foreach (ScriptResult result in _added)
        {
            result.Id = 0;
        }
    }
}
