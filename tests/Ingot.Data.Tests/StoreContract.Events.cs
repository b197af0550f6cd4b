using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Stores;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task The_event_log_filters_by_machine_level_owner_and_visibility_and_pages_by_id()
    {
        await using DataServices data = Database.Open();
        var log = new EventLog(data.Database);
        Machine mine = await AddMachineAsync(data, m =>
        {
            m.SetOwner("alice");
            m.Record(EventTypes.NodeChangedStatus, "one", Now);
            m.Record(EventTypes.NodeStatusEvent, "two", Now);
            m.Record(EventTypes.RequestNodeAcquire, "three", Now, "alice");
            m.Record(EventTypes.NodePowerQueryFailed, "four", Now);
        });
        Machine theirs = await AddMachineAsync(data, m =>
        {
            m.SetOwner("bob");
            m.Record(EventTypes.NodeChangedStatus, "other", Now);
        });
        EventLevel[] infoAndUp = [EventLevel.Info, EventLevel.Warning, EventLevel.Error];
        EventQuery both = new() { SystemIds = [mine.SystemId, theirs.SystemId], Levels = infoAndUp };

        IReadOnlyList<LoggedEvent> all = await log.QueryAsync(both, Ct);
        Assert.Equal(["other", "four", "one"], all.Select(e => e.Event.Description));
        Assert.Equal(mine.Hostname, all[1].Hostname);

        IReadOnlyList<LoggedEvent> visible = await log.QueryAsync(both with { VisibleTo = "alice" }, Ct);
        Assert.Equal(["four", "one"], visible.Select(e => e.Event.Description));

        IReadOnlyList<LoggedEvent> audit = await log.QueryAsync(both with { Levels = [EventLevel.Audit], Username = "alice" }, Ct);
        Assert.Equal(["three"], audit.Select(e => e.Event.Description));

        IReadOnlyList<LoggedEvent> before = await log.QueryAsync(both with { Before = all[0].Event.Id, Limit = 1 }, Ct);
        Assert.Equal(["four"], before.Select(e => e.Event.Description));
        IReadOnlyList<LoggedEvent> after = await log.QueryAsync(both with { After = all[2].Event.Id, Limit = 5 }, Ct);
        Assert.Equal(["other", "four"], after.Select(e => e.Event.Description));

        IReadOnlyList<LoggedEvent> byMac = await log.QueryAsync(
            new EventQuery { MacAddresses = [mine.Interfaces[0].MacAddress], Levels = infoAndUp, Limit = 10 }, Ct);
        Assert.All(byMac, e => Assert.Equal(mine.SystemId, e.SystemId));
        Assert.Equal(2, byMac.Count);
    }
}
