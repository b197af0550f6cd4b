using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>accept_all</c> and <c>accept</c> with more NEW machines than one save holds
/// (<see cref="MachineOperations.AcceptBatch"/>), and with another writer saving one of them
/// meanwhile: the conflict costs that machine a retry, never the whole call.
/// </summary>
public sealed class AcceptInBatchesTests(InterferingStoreHost host) : IClassFixture<InterferingStoreHost>
{
    [Fact]
    public async Task Accept_all_commissions_more_new_machines_than_one_batch_holds()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string[] mine = await NewMachinesAsync((MachineOperations.AcceptBatch * 2) + 50);

        HashSet<string> answered = await AcceptAllAsync(admin);

        Assert.Subset(answered, mine.ToHashSet());
        await AssertStatusAsync(mine, MachineStatus.Commissioning);
    }

    [Fact]
    public async Task A_machine_another_writer_saves_during_accept_all_is_accepted_on_a_retry_with_the_rest_of_its_batch()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string[] mine = await NewMachinesAsync(MachineOperations.AcceptBatch + 50);
        string target = mine[MachineOperations.AcceptBatch + 20];
        PowerState before = (await host.FindAsync(target))!.PowerState;
        host.Store.Target = target;
        host.Store.Interferences = 1;
        int collisions = host.Store.Collisions;

        HashSet<string> answered = await AcceptAllAsync(admin);

        Assert.Equal(collisions + 1, host.Store.Collisions);
        Assert.Subset(answered, mine.ToHashSet());
        await AssertStatusAsync(mine, MachineStatus.Commissioning);

        // The retry read the machine again: the other writer's save is kept, not overwritten.
        Machine saved = (await host.FindAsync(target))!;
        Assert.NotEqual(before, saved.PowerState);
        host.Store.Target = null;
    }

    [Fact]
    public async Task A_machine_that_loses_every_save_stays_new_while_the_others_are_accepted()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string[] mine = await NewMachinesAsync(MachineOperations.AcceptBatch + 20);
        string target = mine[10];
        host.Store.Target = target;
        host.Store.Interferences = int.MaxValue;
        int collisions = host.Store.Collisions;
        try
        {
            HashSet<string> answered = await AcceptAllAsync(admin);

            // One lost batch save, then every attempt of the retry.
            Assert.Equal(collisions + 1 + ConflictRetry.Attempts, host.Store.Collisions);
            Assert.DoesNotContain(target, answered);
            Assert.Subset(answered, mine.Where(id => id != target).ToHashSet());
            await AssertStatusAsync([.. mine.Where(id => id != target)], MachineStatus.Commissioning);
            await AssertStatusAsync([target], MachineStatus.New);
        }
        finally
        {
            host.Store.Target = null;
            host.Store.Interferences = 0;
        }

        // Once the other writer is done, the next accept_all takes it.
        Assert.Contains(target, await AcceptAllAsync(admin));
        await AssertStatusAsync([target], MachineStatus.Commissioning);
    }

    [Fact]
    public async Task Accept_of_many_machines_with_one_in_a_refused_state_is_409_and_accepts_none()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string[] mine = await NewMachinesAsync(MachineOperations.AcceptBatch + 30);
        Machine allocated = await host.AllocatedAsync(admin);

        using HttpResponseMessage response = await host.Client(admin.ApiKey).PostOpAsync(
            MachineRequests.Machines, "accept", [.. mine.Append(allocated.SystemId).Select(id => ("machines", id))]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"node {allocated.SystemId} is in state Allocated", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await AssertStatusAsync(mine, MachineStatus.New);
    }

    private async Task<string[]> NewMachinesAsync(int count)
    {
        var ids = new string[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = (await host.NewAsync()).SystemId;
        }

        return ids;
    }

    private async Task<HashSet<string>> AcceptAllAsync(ApiUser admin)
    {
        using HttpResponseMessage response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "accept_all");
        return (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")).ToHashSet();
    }

    private async Task AssertStatusAsync(IEnumerable<string> ids, MachineStatus status)
    {
        foreach (string id in ids)
        {
            Assert.Equal((id, status), (id, (await host.FindAsync(id))!.Status));
        }
    }
}
