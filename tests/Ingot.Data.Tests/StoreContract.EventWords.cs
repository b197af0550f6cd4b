using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Stores;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task The_event_log_keeps_events_holding_every_word_in_any_case_in_description_type_user_or_hostname()
    {
        await using DataServices data = Database.Open();
        var log = new EventLog(data.Database);
        Machine machine = await AddMachineAsync(data, m =>
        {
            m.Record(EventTypes.NodeChangedStatus, "From 'New' to 'Commissioning'", Now);
            m.Record(EventTypes.NodeStatusEvent, "Loading ephemeral", Now);
            m.Record(EventTypes.RequestNodeAcquire, "acquired", Now, "Alice");
        });
        Machine other = await AddMachineAsync(data, m => m.Record(EventTypes.NodeChangedStatus, "From 'New' to 'Commissioning'", Now));
        EventQuery query = new() { SystemIds = [machine.SystemId, other.SystemId], Levels = [.. Enum.GetValues<EventLevel>()] };

        Assert.Equal(["From 'New' to 'Commissioning'"], (await log.QueryAsync(query with { Words = ["COMMISSIONING", machine.Hostname.ToUpperInvariant()] }, Ct)).Select(e => e.Event.Description));
        Assert.Equal(2, (await log.QueryAsync(query with { Words = ["commissioning"] }, Ct)).Count);
        Assert.Equal(["acquired"], (await log.QueryAsync(query with { Words = ["alice"] }, Ct)).Select(e => e.Event.Description));
        Assert.Equal(["Loading ephemeral"], (await log.QueryAsync(query with { Words = ["node_status_event", "EPHEMERAL"] }, Ct)).Select(e => e.Event.Description));
        Assert.Empty(await log.QueryAsync(query with { Words = ["ephemeral", "commissioning"] }, Ct));
        Assert.Equal(["acquired", "Loading ephemeral"], (await log.QueryAsync(query with { Types = [EventTypes.RequestNodeAcquire.Name, EventTypes.NodeStatusEvent.Name] }, Ct)).Select(e => e.Event.Description));
        Assert.Equal(2, (await log.QueryAsync(query with { Types = [EventTypes.NodeChangedStatus.Name], Words = ["commissioning"] }, Ct)).Count);
        Assert.Empty(await log.QueryAsync(query with { Types = [EventTypes.Ready.Name] }, Ct));
    }
}
