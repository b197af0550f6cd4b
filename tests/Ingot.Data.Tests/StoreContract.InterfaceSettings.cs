using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_bonds_parents_tags_and_params_are_stored_and_read_back_by_find_and_list()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Ready(Now);
        await data.Machines.AddAsync(machine, Ct);
        Machine loaded = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        NetworkInterface first = loaded.Interfaces[0];
        loaded.Interfaces.Add(new NetworkInterface
        {
            Name = "bond0",
            Type = InterfaceType.Bond,
            MacAddress = first.MacAddress,
            Parents = [first.Name],
            Tags = ["fast", "lacp"],
            Params = new InterfaceParams { BondMode = "802.3ad", BondMiimon = 200, BondLacpRate = "fast", Mtu = 9000, AcceptRa = false },
        });
        await data.Machines.SaveAsync(loaded, Ct);

        NetworkInterface found = (await data.Machines.FindAsync(machine.SystemId, Ct))!.Interfaces.Single(i => i.Name == "bond0");
        NetworkInterface listed = (await data.Machines.ListAsync(Ct)).Single(m => m.SystemId == machine.SystemId).Interfaces.Single(i => i.Name == "bond0");
        NetworkInterface plain = (await data.Machines.FindAsync(machine.SystemId, Ct))!.Interfaces[0];

        foreach (NetworkInterface bond in (NetworkInterface[])[found, listed])
        {
            Assert.Equal([first.Name], bond.Parents);
            Assert.Equal(["fast", "lacp"], bond.Tags);
            Assert.Equal(("802.3ad", 200, "fast", 9000, false), (bond.Params.BondMode, bond.Params.BondMiimon, bond.Params.BondLacpRate, bond.Params.Mtu, bond.Params.AcceptRa));
        }

        Assert.True(plain.Params.IsEmpty);
        Assert.Empty(plain.Tags);
    }
}
