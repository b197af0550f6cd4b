using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    /// <summary>A chassis type with BMC-scoped address and password and a node-scoped id, and a per-machine (non-chassis) type.</summary>
    private static readonly PowerTypeCatalog s_bmcTypes = new([
        new PowerTypeSchema("chassis", "Chassis", [
            new PowerParameterField("power_address", "Address"),
            PowerParameterField.Password("power_pass", "Password"),
            new PowerParameterField("node_id", "Node") { Scope = PowerParameterScope.Node },
        ]) { Chassis = true },
        new PowerTypeSchema("single", "Single", [new PowerParameterField("power_address", "Address")]),
    ]);

    [Fact]
    public async Task Machines_on_one_chassis_share_a_BMC_and_a_change_of_it_reaches_them_all()
    {
        await using DataServices data = Database.Open();
        IMachineStore store = data.MachinesKnowing(s_bmcTypes);
        string address = TestMachines.NewPowerAddress();
        Machine first = OnBmc("chassis", address, "one", "1");
        Machine second = OnBmc("chassis", address, "one", "2");
        await store.AddAsync(first, Ct);
        await store.AddAsync(second, Ct);
        Assert.NotNull(first.BmcId);
        Assert.Equal(first.BmcId, second.BmcId);

        Machine stale = (await store.FindAsync(second.SystemId, Ct))!;
        first.PowerParameters["power_pass"] = "two";
        await store.SaveAsync(first, Ct);

        Machine reloaded = (await store.FindAsync(second.SystemId, Ct))!;
        Assert.Equal("two", reloaded.PowerParameters["power_pass"]);
        Assert.Equal("2", reloaded.PowerParameters["node_id"]);
        Assert.Equal(first.BmcId, reloaded.BmcId);
        stale.Description = "written over the change";
        await Assert.ThrowsAsync<MachineConflictException>(() => store.SaveAsync(stale, Ct));
        Assert.Equal(1, await BmcCountAsync(data, address));
    }

    [Fact]
    public async Task Machines_of_a_non_chassis_type_get_a_BMC_each_and_a_left_BMC_is_deleted()
    {
        await using DataServices data = Database.Open();
        IMachineStore store = data.MachinesKnowing(s_bmcTypes);
        string address = TestMachines.NewPowerAddress();
        Machine first = OnBmc("single", address, null, null);
        Machine second = OnBmc("single", address, null, null);
        await store.AddAsync(first, Ct);
        await store.AddAsync(second, Ct);
        Assert.NotEqual(first.BmcId, second.BmcId);
        Assert.Equal(2, await BmcCountAsync(data, address));

        first.PowerType = "";
        first.PowerParameters = [];
        await store.SaveAsync(first, Ct);
        Assert.Null((await store.FindAsync(first.SystemId, Ct))!.BmcId);
        Assert.Equal(1, await BmcCountAsync(data, address));

        await store.DeleteAsync(second, Ct);
        Assert.Equal(0, await BmcCountAsync(data, address));
    }

    private Machine OnBmc(string powerType, string address, string? password, string? nodeId)
    {
        Machine machine = Machine.Create(TestMachines.NewSystemId(), $"bmc-{TestMachines.NewSystemId()}", Now);
        machine.PowerType = powerType;
        machine.PowerParameters["power_address"] = address;
        if (password is not null)
        {
            machine.PowerParameters["power_pass"] = password;
        }

        if (nodeId is not null)
        {
            machine.PowerParameters["node_id"] = nodeId;
        }

        return machine;
    }

    private static async Task<int> BmcCountAsync(DataServices data, string address)
    {
        await using IngotDbContext db = data.Database.CreateDbContext();
        return await db.Bmcs.CountAsync(b => b.PowerAddress == address, Ct);
    }
}
