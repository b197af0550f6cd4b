using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_display_list_has_every_property_and_the_hardware_but_no_power_parameters()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);

        Machine listed = Assert.Single(await data.Machines.ListAsync(MachineQuery.ForDisplay, Ct), m => m.SystemId == machine.SystemId);

        Assert.Empty(listed.PowerParameters);
        listed.PowerParameters = machine.PowerParameters;
        MachineAssert.Equivalent(machine, listed);
    }

    [Fact]
    public async Task Saving_a_machine_read_without_power_parameters_keeps_the_stored_ones()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);
        Machine listed = Assert.Single(await data.Machines.ListAsync(MachineQuery.ForDisplay, Ct), m => m.SystemId == machine.SystemId);

        listed.Hostname = $"renamed-{listed.SystemId}";
        await data.Machines.SaveAsync(listed, Ct);

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal($"renamed-{listed.SystemId}", stored.Hostname);
        Assert.Equal(machine.PowerParameters.OrderBy(p => p.Key), stored.PowerParameters.OrderBy(p => p.Key));
        Machine? byAddress = await data.Machines.FindEnlistingByPowerAddressAsync(machine.PowerParameters["power_address"], Ct);
        Assert.Equal(machine.SystemId, byAddress?.SystemId);
    }

    [Fact]
    public async Task Power_parameters_set_on_a_machine_read_without_them_are_saved()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);
        Machine listed = Assert.Single(await data.Machines.ListAsync(MachineQuery.ForDisplay, Ct), m => m.SystemId == machine.SystemId);

        listed.PowerParameters["power_address"] = "10.99.0.1";
        await data.Machines.SaveAsync(listed, Ct);

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(new Dictionary<string, string> { ["power_address"] = "10.99.0.1" }, stored.PowerParameters);
    }

    [Fact]
    public async Task Allocation_candidates_are_the_ready_machines_with_their_hardware_in_id_order()
    {
        await using DataServices data = Database.Open();
        Machine newMachine = TestMachines.Full(Now);
        await data.Machines.AddAsync(newMachine, Ct);
        Machine first = TestMachines.Ready(Now);
        Machine second = TestMachines.Ready(Now);
        await data.Machines.AddAsync(first, Ct);
        await data.Machines.AddAsync(second, Ct);
        Machine taken = TestMachines.Ready(Now);
        await data.Machines.AddAsync(taken, Ct);
        taken.Acquire(Actor.User("alice"), Now, "", null);
        await data.Machines.SaveAsync(taken, Ct);

        IReadOnlyList<Machine> candidates = await data.Machines.ListAsync(MachineQuery.AllocationCandidates, Ct);

        Assert.All(candidates, c => Assert.Equal(MachineStatus.Ready, c.Status));
        string[] mine = [.. candidates.Select(c => c.SystemId).Where(id => id == first.SystemId || id == second.SystemId || id == taken.SystemId || id == newMachine.SystemId)];
        Assert.Equal([first.SystemId, second.SystemId], mine);
        Assert.Equal(first.Interfaces[0].MacAddress, Assert.Single(candidates.Single(c => c.SystemId == first.SystemId).Interfaces).MacAddress);
        Assert.Equal(candidates.Select(c => c.Id).Order(), candidates.Select(c => c.Id));
    }
}
