using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Fifty_parallel_allocations_of_one_machine_have_exactly_one_winner_and_a_matching_event_log()
    {
        const int contenders = 50;
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        await data.Machines.AddAsync(machine, Ct);
        Machine[] copies = await Task.WhenAll(Enumerable.Range(0, contenders).Select(async _ => (await data.Machines.FindAsync(machine.SystemId, Ct))!));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<string?>[] attempts = [.. copies.Select((copy, i) => Task.Run(async () =>
        {
            string user = $"user_{i}";
            await start.Task;
            copy.Record(EventTypes.RequestNodeAcquire, "acquire", Now, user);
            copy.TransitionTo(MachineStatus.Allocated, Now, user);
            copy.SetOwner(user);
            try
            {
                await data.Machines.SaveAsync(copy, Ct);
                return user;
            }
            catch (MachineConflictException)
            {
                return null;
            }
        }))];
        start.SetResult();
        string?[] outcomes = await Task.WhenAll(attempts);

        string winner = Assert.Single(outcomes.OfType<string>());
        Assert.Equal(contenders - 1, outcomes.Count(o => o is null));
        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal((MachineStatus.Allocated, winner, 2L), (stored.Status, stored.Owner, stored.Version));
        IReadOnlyList<MachineEvent> events = await data.Machines.EventsAsync(machine.SystemId, Ct);
        MachineEvent allocated = Assert.Single(events, e => e.ToStatus == MachineStatus.Allocated);
        Assert.Equal((MachineStatus.Ready, winner), (allocated.FromStatus, allocated.Username));
        Assert.Equal(winner, Assert.Single(events, e => e.Type == EventTypes.RequestNodeAcquire.Name).Username);
    }

    [Fact]
    public async Task Parallel_edits_that_retry_on_conflict_lose_no_update()
    {
        const int editors = 20;
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        await data.Machines.AddAsync(machine, Ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task[] edits = [.. Enumerable.Range(0, editors).Select(i => Task.Run(async () =>
        {
            await start.Task;
            while (true)
            {
                Machine copy = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
                copy.Tags.Add($"tag-{i}");
                copy.Record(EventTypes.Audit, $"tagged tag-{i}", Now, $"editor_{i}");
                try
                {
                    await data.Machines.SaveAsync(copy, Ct);
                    return;
                }
                catch (MachineConflictException)
                {
                    // Lost the race: reload and apply the edit again.
                }
            }
        }))];
        start.SetResult();
        await Task.WhenAll(edits);

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(Enumerable.Range(0, editors).Select(i => $"tag-{i}").Order(), stored.Tags.Order());
        Assert.Equal(1 + editors, stored.Version);
        Assert.Equal(editors, (await data.Machines.EventsAsync(machine.SystemId, Ct)).Count(e => e.Type == EventTypes.Audit.Name));
    }
}
