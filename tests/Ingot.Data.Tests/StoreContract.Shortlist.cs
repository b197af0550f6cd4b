using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_machine_read_without_hardware_cannot_be_saved_and_keeps_its_disks_and_interfaces()
    {
        await using DataServices data = Database.Open();
        Machine full = TestMachines.Full(Now);
        await data.Machines.AddAsync(full, Ct);
        Machine stored = (await data.Machines.FindAsync(full.SystemId, Ct))!;

        Machine bare = (await data.Machines.ListAsync(new MachineQuery { Statuses = [stored.Status], Hardware = false }, Ct)).Single(m => m.SystemId == full.SystemId);
        Assert.Empty(bare.BlockDevices);
        bare.Description = "saved from the shortlist";
        bare.Interfaces.Add(new Core.Hardware.NetworkInterface { Name = "eth9", MacAddress = TestMachines.NewMac() });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => data.Machines.SaveAsync(bare, Ct));
        Assert.Contains("read without its disks and interfaces", refused.Message, StringComparison.Ordinal);

        Machine after = (await data.Machines.FindAsync(full.SystemId, Ct))!;
        Assert.Equal((stored.Version, stored.Description), (after.Version, after.Description));
        Assert.Equal(stored.BlockDevices.Select(d => (d.Name, d.SizeBytes, d.Partitions.Count)), after.BlockDevices.Select(d => (d.Name, d.SizeBytes, d.Partitions.Count)));
        Assert.Equal(stored.Interfaces.Select(i => (i.Name, i.MacAddress, i.Links.Count)), after.Interfaces.Select(i => (i.Name, i.MacAddress, i.Links.Count)));
        Assert.NotEmpty(after.BlockDevices);
    }

    [Fact]
    public async Task A_claim_writes_the_acquire_and_its_events_and_leaves_hardware_and_power_parameters_alone()
    {
        await using DataServices data = Database.Open();
        Machine ready = TestMachines.Ready(Now);
        ready.PowerType = "ipmi";
        ready.PowerParameters = new Dictionary<string, string> { ["power_address"] = TestMachines.NewPowerAddress(), ["power_pass"] = "secret" };
        await data.Machines.AddAsync(ready, Ct);
        Machine bare = (await data.Machines.ListAsync(MachineQuery.AllocationShortlist, Ct)).Single(m => m.SystemId == ready.SystemId);
        Machine stale = (await data.Machines.ListAsync(MachineQuery.AllocationShortlist, Ct)).Single(m => m.SystemId == ready.SystemId);

        Machine? claimed = await data.Machines.ClaimAsync([bare], m => m.Acquire(Core.Users.Actor.User("alice"), Now, "agent-1"), Ct);

        Assert.Same(bare, claimed);
        Machine stored = (await data.Machines.FindAsync(ready.SystemId, Ct))!;
        Assert.Equal((MachineStatus.Allocated, "alice", "agent-1", ready.Version + 1), (stored.Status, stored.Owner, stored.AgentName, stored.Version));
        Assert.Equal(stored.Version, claimed!.Version);
        Assert.Equal(ready.Interfaces[0].MacAddress, Assert.Single(stored.Interfaces).MacAddress);
        Assert.Equal("secret", stored.PowerParameters["power_pass"]);
        Assert.Single(await data.Machines.EventsAsync(ready.SystemId, Ct), e => e.ToStatus == MachineStatus.Allocated);
        Assert.Null(await data.Machines.ClaimAsync([stale], m => m.Acquire(Core.Users.Actor.User("bob"), Now), Ct));
        Assert.Equal("alice", (await data.Machines.FindAsync(ready.SystemId, Ct))!.Owner);
    }

    [Fact]
    public async Task Two_hosts_claiming_from_the_same_candidates_at_once_never_take_the_same_machine()
    {
        const int machines = 6;
        await using DataServices left = Database.Open();
        await using DataServices right = Database.Open();
        List<string> ids = [];
        for (int i = 0; i < machines; i++)
        {
            Machine m = TestMachines.Ready(Now);
            await left.Machines.AddAsync(m, Ct);
            ids.Add(m.SystemId);
        }

        // Each claimer reads the same candidates in the same order (all want the cheapest first).
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string?>[] claims = [.. Enumerable.Range(0, machines * 2).Select(i => Task.Run(async () =>
        {
            DataServices host = i % 2 == 0 ? left : right;
            List<Machine> candidates = [.. (await host.Machines.ListAsync(MachineQuery.AllocationShortlist, Ct)).Where(m => ids.Contains(m.SystemId)).OrderBy(m => ids.IndexOf(m.SystemId))];
            await start.Task;
            Machine? won = await host.Machines.ClaimAsync(candidates, m => m.Acquire(Core.Users.Actor.User($"user_{i}"), Now), Ct);
            return won?.SystemId;
        }))];
        start.SetResult();
        string?[] outcomes = await Task.WhenAll(claims);

        string[] won = [.. outcomes.OfType<string>()];
        Assert.Equal(won.Length, won.Distinct().Count());
        Assert.Equal(ids.Order(), won.Order());
        foreach (string id in won)
        {
            Assert.Single(await left.Machines.EventsAsync(id, Ct), e => e.ToStatus == MachineStatus.Allocated);
        }
    }

    [Fact]
    public async Task A_statuses_query_without_hardware_reads_the_machines_with_empty_hardware_lists()
    {
        await using DataServices data = Database.Open();
        Machine ready = TestMachines.Ready(Now);
        await data.Machines.AddAsync(ready, Ct);

        Machine bare = (await data.Machines.ListAsync(MachineQuery.AllocationShortlist, Ct)).Single(m => m.SystemId == ready.SystemId);

        Assert.Equal(MachineStatus.Ready, bare.Status);
        Assert.Empty(bare.Interfaces);
    }

    [Fact]
    public async Task Allocation_through_the_shortlist_returns_the_machine_whole_and_keeps_its_interfaces()
    {
        await using DataServices data = Database.Open();
        string pool = "shortlist-" + TestMachines.NewSystemId();
        Machine ready = TestMachines.Ready(Now);
        ready.Pool = pool;
        await data.Machines.AddAsync(ready, Ct);
        var operations = new MachineOperations(data.Machines, Time, LifecycleSettings.Default);

        Allocation allocation = await operations.AllocateAsync(Actor.User("alice"), AllocationRequest.Of(("pool", pool)), Ct);

        Assert.Equal(ready.SystemId, allocation.Machine.SystemId);
        Assert.Equal(MachineStatus.Allocated, allocation.Machine.Status);
        Assert.Equal("eth0", Assert.Single(allocation.Machine.Interfaces).Name);
        Machine stored = (await data.Machines.FindAsync(ready.SystemId, Ct))!;
        Assert.Equal(ready.Interfaces[0].MacAddress, Assert.Single(stored.Interfaces).MacAddress);
    }
}
