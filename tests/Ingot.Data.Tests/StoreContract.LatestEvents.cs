using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Stores;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Latest_events_give_each_machine_its_newest_event_at_or_above_a_level()
    {
        await using DataServices data = Database.Open();
        var log = new EventLog(data.Database);
        Machine a = await AddMachineAsync(data, m =>
        {
            m.Record(EventTypes.NodeChangedStatus, "a-info", Now);
            m.Record(EventTypes.NodePowerQueryFailed, "a-warning", Now);
            m.Record(EventTypes.NodeStatusEvent, "a-debug", Now);
        });
        Machine b = await AddMachineAsync(data, m => m.Record(EventTypes.NodeStatusEvent, "b-debug", Now));

        IReadOnlyDictionary<string, MachineEvent> info = await log.LatestAsync([a.SystemId, b.SystemId], EventLevel.Info, Ct);
        IReadOnlyDictionary<string, MachineEvent> debug = await log.LatestAsync([a.SystemId, b.SystemId], EventLevel.Debug, Ct);
        IReadOnlyDictionary<string, MachineEvent> everyone = await log.LatestAsync(null, EventLevel.Info, Ct);

        Assert.Equal("a-warning", info[a.SystemId].Description);
        Assert.False(info.ContainsKey(b.SystemId));
        Assert.Equal(("a-debug", "b-debug"), (debug[a.SystemId].Description, debug[b.SystemId].Description));
        Assert.Equal("a-warning", everyone[a.SystemId].Description);
    }
}
