using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Parallel_allocate_requests_never_share_a_machine_and_none_fails_while_one_is_left()
    {
        const int machines = 12;
        const int requests = 36;
        await using DataServices data = Database.Open();

        // The database is shared by the class's tests: this test's machines are the only ones in its pool.
        string pool = "alloc-" + TestMachines.NewSystemId();
        HashSet<string> ready = [];
        for (int i = 0; i < machines; i++)
        {
            Machine m = TestMachines.Ready(Now);
            m.Pool = pool;
            await data.Machines.AddAsync(m, Ct);
            ready.Add(m.SystemId);
        }

        var operations = new MachineOperations(data.Machines, Time, LifecycleSettings.Default);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<(string User, string? SystemId, string? Error)>[] attempts = [.. Enumerable.Range(0, requests).Select(i => Task.Run(async () =>
        {
            string user = $"user_{i}";
            await start.Task;
            try
            {
                Allocation allocation = await operations.AllocateAsync(Actor.User(user), AllocationRequest.Of(("pool", pool)), Ct);
                return (user, (string?)allocation.Machine.SystemId, (string?)null);
            }
            catch (MachineOperationException e)
            {
                return (user, null, e.Message);
            }
        }))];
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var won = outcomes.Where(o => o.SystemId is not null).ToList();
        Assert.Equal(machines, won.Count);
        Assert.Equal(ready.Order(), won.Select(o => o.SystemId!).Order());
        Assert.All(outcomes.Where(o => o.SystemId is null), o => Assert.StartsWith("No available machine matches constraints: [('pool', ", o.Error, StringComparison.Ordinal));
        foreach (var (user, systemId, _) in won)
        {
            Machine stored = (await data.Machines.FindAsync(systemId!, Ct))!;
            Assert.Equal((MachineStatus.Allocated, user), (stored.Status, stored.Owner));
            Assert.Single(await data.Machines.EventsAsync(systemId!, Ct), e => e.ToStatus == MachineStatus.Allocated);
        }
    }
}
