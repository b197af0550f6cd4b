using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Enlistment_finds_a_new_or_commissioning_machine_by_its_BMC_address_only()
    {
        await using DataServices data = Database.Open();
        string address = TestMachines.NewPowerAddress();
        Machine deployed = TestMachines.Ready(Now);
        deployed.PowerParameters["power_address"] = address;
        await data.Machines.AddAsync(deployed, Ct);
        Assert.Null(await data.Machines.FindEnlistingByPowerAddressAsync(address, Ct));

        Machine enlisting = Machine.Create(TestMachines.NewSystemId(), "enlisting", Now);
        enlisting.PowerParameters = new() { ["power_address"] = address, ["power_pass"] = "x" };
        await data.Machines.AddAsync(enlisting, Ct);
        Assert.Equal(enlisting.SystemId, (await data.Machines.FindEnlistingByPowerAddressAsync(address, Ct))?.SystemId);

        enlisting.TransitionTo(MachineStatus.Commissioning, Now);
        await data.Machines.SaveAsync(enlisting, Ct);
        Assert.Equal(enlisting.SystemId, (await data.Machines.FindEnlistingByPowerAddressAsync(address, Ct))?.SystemId);

        enlisting.TransitionTo(MachineStatus.Ready, Now);
        await data.Machines.SaveAsync(enlisting, Ct);
        Assert.Null(await data.Machines.FindEnlistingByPowerAddressAsync(address, Ct));
    }

    [Fact]
    public async Task Enlistment_finds_a_new_machine_by_any_of_its_MACs_in_any_spelling()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        await data.Machines.AddAsync(machine, Ct);
        MacAddress second = machine.Interfaces[1].MacAddress;
        MacAddress spelledOtherwise = MacAddress.Parse(second.ToString().Replace(':', '-').ToUpperInvariant());

        Machine? found = await data.Machines.FindEnlistingByMacAsync([TestMachines.NewMac(), spelledOtherwise], Ct);

        Assert.Equal(machine.SystemId, found?.SystemId);
        Assert.Null(await data.Machines.FindEnlistingByMacAsync([TestMachines.NewMac()], Ct));
        Assert.Null(await data.Machines.FindEnlistingByMacAsync([], Ct));
    }

    [Fact]
    public async Task Enlistment_by_MAC_skips_machines_past_commissioning_but_FindByMac_does_not()
    {
        await using DataServices data = Database.Open();
        Machine ready = TestMachines.Ready(Now);
        await data.Machines.AddAsync(ready, Ct);
        MacAddress mac = ready.Interfaces[0].MacAddress;

        Assert.Null(await data.Machines.FindEnlistingByMacAsync([mac], Ct));
        Assert.Equal(ready.SystemId, (await data.Machines.FindByMacAsync(mac, Ct))?.SystemId);
        Assert.Null(await data.Machines.FindByMacAsync(TestMachines.NewMac(), Ct));
    }

    [Fact]
    public async Task Taken_hostnames_are_those_of_the_asked_names_that_machines_have()
    {
        await using DataServices data = Database.Open();
        string taken = $"taken-{TestMachines.NewSystemId()}";
        string free = $"free-{TestMachines.NewSystemId()}";
        await data.Machines.AddAsync(Machine.Create(TestMachines.NewSystemId(), taken, Now), Ct);

        IReadOnlySet<string> answer = await data.Machines.TakenHostnamesAsync([taken, free, taken.ToUpperInvariant()], Ct);

        Assert.Equal([taken], answer.ToArray());
        Assert.Empty(await data.Machines.TakenHostnamesAsync([], Ct));
    }

    [Fact]
    public async Task Expired_lookup_returns_monitored_machines_whose_expiry_has_passed()
    {
        await using DataServices data = Database.Open();
        Machine expired = Commissioning(Now.AddMinutes(-1));
        Machine expiresNow = Commissioning(Now);
        Machine notYet = Commissioning(Now.AddMinutes(1));
        Machine ready = TestMachines.Ready(Now);
        foreach (Machine m in new[] { expired, expiresNow, notYet, ready })
        {
            await data.Machines.AddAsync(m, Ct);
        }

        IReadOnlyList<string> found = [.. (await data.Machines.FindExpiredAsync(Now, Ct)).Select(m => m.SystemId)];

        Assert.Contains(expired.SystemId, found);
        Assert.Contains(expiresNow.SystemId, found);
        Assert.DoesNotContain(notYet.SystemId, found);
        Assert.DoesNotContain(ready.SystemId, found);
    }

    private Machine Commissioning(DateTime expires)
    {
        Machine machine = TestMachines.Ready(Now);
        machine.TransitionTo(MachineStatus.Commissioning, Now);
        machine.SetStatusExpires(expires);
        return machine;
    }
}
