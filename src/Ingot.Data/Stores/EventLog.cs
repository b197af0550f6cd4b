using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IEventLog"/> on EF Core: events joined to their machine by system_id (events of
/// deleted machines are kept but not listed, as MAAS's <c>node__in</c> filter leaves them out),
/// filtered in SQL so that paging by id stays exact.
/// </summary>
public sealed class EventLog(IDbContextFactory<IngotDbContext> contexts) : IEventLog
{
    public async Task<IReadOnlyList<LoggedEvent>> QueryAsync(EventQuery query, CancellationToken ct)
    {
        if (query.Levels.Count == 0)
        {
            return [];
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        var machines = db.Machines.AsQueryable();
        if (query.SystemIds.Count > 0)
        {
            string[] ids = [.. query.SystemIds];
            machines = machines.Where(m => ids.Contains(m.SystemId));
        }

        if (query.Hostnames.Count > 0)
        {
            string[] hostnames = [.. query.Hostnames];
            machines = machines.Where(m => hostnames.Contains(m.Hostname));
        }

        if (query.MacAddresses.Count > 0)
        {
            MacAddress[] macs = [.. query.MacAddresses];
            machines = MacLookup.Having(db, machines, macs);
        }

        if (query.Zones.Count > 0)
        {
            string[] zones = [.. query.Zones];
            machines = machines.Where(m => zones.Contains(m.Zone));
        }

        if (query.AgentNames.Count > 0)
        {
            string[] agents = [.. query.AgentNames];
            machines = machines.Where(m => agents.Contains(m.AgentName));
        }

        if (query.VisibleTo is { } viewer)
        {
            machines = machines.Where(m => m.Owner == null || m.Owner == viewer);
        }

        EventLevel[] levels = [.. query.Levels];
        var events = db.Events.AsNoTracking().Where(e => levels.Contains(e.Level));
        if (query.Username is { } username)
        {
            events = events.Where(e => e.Username == username);
        }

        var rows = from e in events
                   join m in machines on EF.Property<string>(e, ShadowColumns.SystemId) equals m.SystemId
                   select new { Event = e, m.SystemId, m.Hostname };
        // ToLower/Contains are translated to SQL (lower(), instr/strpos) and run in the database, not in .NET's culture.
#pragma warning disable CA1304, CA1311, CA1862
        foreach (string word in query.Words.Select(w => w.ToLowerInvariant()))
        {
            rows = rows.Where(r => r.Event.Description.ToLower().Contains(word)
                || r.Event.Type.ToLower().Contains(word)
                || (r.Event.Username != null && r.Event.Username.ToLower().Contains(word))
                || r.Hostname.ToLower().Contains(word));
        }
#pragma warning restore CA1304, CA1311, CA1862

        if (query.Types.Count > 0)
        {
            List<string> types = [.. query.Types];
            rows = rows.Where(r => types.Contains(r.Event.Type));
        }

        if (query.After is { } after)
        {
            var oldest = await rows.Where(r => r.Event.Id > after).OrderBy(r => r.Event.Id).Take(query.Limit).ToListAsync(ct);
            oldest.Reverse();
            return [.. oldest.Select(r => new LoggedEvent(r.Event, r.SystemId, r.Hostname))];
        }

        if (query.Before is { } before)
        {
            rows = rows.Where(r => r.Event.Id < before);
        }

        var newest = await rows.OrderByDescending(r => r.Event.Id).Take(query.Limit).ToListAsync(ct);
        return [.. newest.Select(r => new LoggedEvent(r.Event, r.SystemId, r.Hostname))];
    }

    public async Task<IReadOnlyDictionary<string, MachineEvent>> LatestAsync(
        IReadOnlyCollection<string>? systemIds, EventLevel minimum, CancellationToken ct)
    {
        EventLevel[] levels = [.. Enum.GetValues<EventLevel>().Where(l => l >= minimum)];
        await using IngotDbContext db = contexts.CreateDbContext();
        var events = db.Events.AsNoTracking().Where(e => levels.Contains(e.Level));
        if (systemIds is not null)
        {
            string[] ids = [.. systemIds];
            events = events.Where(e => ids.Contains(EF.Property<string>(e, ShadowColumns.SystemId)));
        }

        var newestIds = events.GroupBy(e => EF.Property<string>(e, ShadowColumns.SystemId)).Select(g => g.Max(e => e.Id));
        var rows = await db.Events.AsNoTracking()
            .Where(e => newestIds.Contains(e.Id))
            .Select(e => new { SystemId = EF.Property<string>(e, ShadowColumns.SystemId), Event = e })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.SystemId, r => r.Event, StringComparer.Ordinal);
    }
}
