using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_machine_read_without_hardware_and_saved_keeps_its_disks_and_interfaces()
    {
        await using DataServices data = Database.Open();
        Machine full = TestMachines.Full(Now);
        await data.Machines.AddAsync(full, Ct);
        Machine stored = (await data.Machines.FindAsync(full.SystemId, Ct))!;

        Machine bare = (await data.Machines.ListAsync(new MachineQuery { Statuses = [stored.Status], Hardware = false }, Ct)).Single(m => m.SystemId == full.SystemId);
        Assert.Empty(bare.BlockDevices);
        bare.Description = "saved from the shortlist";
        await data.Machines.SaveAsync(bare, Ct);

        Machine after = (await data.Machines.FindAsync(full.SystemId, Ct))!;
        Assert.Equal("saved from the shortlist", after.Description);
        Assert.Equal(stored.BlockDevices.Select(d => (d.Name, d.SizeBytes, d.Partitions.Count)), after.BlockDevices.Select(d => (d.Name, d.SizeBytes, d.Partitions.Count)));
        Assert.Equal(stored.Interfaces.Select(i => (i.Name, i.MacAddress, i.Links.Count)), after.Interfaces.Select(i => (i.Name, i.MacAddress, i.Links.Count)));
        Assert.NotEmpty(after.BlockDevices);
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
