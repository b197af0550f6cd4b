using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Tests;

/// <summary>
/// A bond's or bridge's creation saves the machine and gives back (or moves) its parents' addresses in one transaction
/// (<see cref="IMachineStore.SaveAsync(Machine, LinkAddresses, CancellationToken)"/>): when the address step fails in
/// the database (a trigger refuses it), the machine is not saved either, and nothing leaks.
/// </summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task A_bond_save_gives_its_parents_address_back_in_the_machine_save()
    {
        await using DataServices data = Database.Open();
        (Machine machine, string ip, long before) = await StaticallyLinkedAsync(data);

        NetworkInterface bond = MakeBond(machine);
        await data.Machines.SaveAsync(machine, new LinkAddresses([(machine.Interfaces[0].Id, ip)], [], bond, Now), Ct);

        NetworkModel after = await data.Networks.LoadAsync(Ct);
        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.DoesNotContain(after.IpAddresses, a => a.Ip == ip);
        Assert.True(after.Version > before);
        Assert.Contains(stored.Interfaces, i => i.Name == "bond0" && i.Type == InterfaceType.Bond);
        Assert.Empty(stored.Interfaces.Single(i => i.Name == "eth0").Links);
    }

    [Fact]
    public async Task Addresses_moved_to_a_new_bridge_are_keyed_to_its_new_id()
    {
        await using DataServices data = Database.Open();
        (Machine machine, string ip, _) = await StaticallyLinkedAsync(data);
        long parent = machine.Interfaces[0].Id;

        var bridge = new NetworkInterface { Name = "br-eth0", Type = InterfaceType.Bridge, MacAddress = machine.Interfaces[0].MacAddress, Parents = ["eth0"], Vlan = 0 };
        bridge.Links.Add(machine.Interfaces[0].Links[0].Copy());
        machine.Interfaces[0].Links.Clear();
        machine.Interfaces.Add(bridge);
        await data.Machines.SaveAsync(machine, new LinkAddresses([], [(parent, ip)], bridge, Now), Ct);

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        long bridgeId = stored.Interfaces.Single(i => i.Name == "br-eth0").Id;
        StaticIpAddress address = Assert.Single((await data.Networks.LoadAsync(Ct)).IpAddresses, a => a.Ip == ip);
        Assert.True(bridgeId > 0);
        Assert.Equal(bridgeId, address.InterfaceId);
    }

    [Fact]
    public async Task When_giving_the_address_back_fails_the_machine_is_not_saved_either_and_the_address_stays_held()
    {
        Database.RequireAvailable();
        string connection = await Database.CreateEmptyDatabaseAsync();
        var database = IngotDatabase.Open(connection);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!);
        }

        await database.MigrateAsync(Ct);
        await using DataServices data = DataServices.Open(connection);
        (Machine machine, string ip, long before) = await StaticallyLinkedAsync(data);
        long version = machine.Version;
        await using (IngotDbContext db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(database.Provider == DatabaseProvider.Sqlite
                ? "CREATE TRIGGER refuse_release BEFORE DELETE ON static_ip_addresses BEGIN SELECT RAISE(ABORT, 'release refused'); END;"
                : "CREATE FUNCTION refuse_release() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'release refused'; END $$; "
                  + "CREATE TRIGGER refuse_release BEFORE DELETE ON static_ip_addresses FOR EACH ROW EXECUTE FUNCTION refuse_release();", Ct);
        }

        long eth0 = machine.Interfaces[0].Id;
        MakeBond(machine);
        Exception refused = await Assert.ThrowsAnyAsync<Exception>(() => data.Machines.SaveAsync(machine, new LinkAddresses([(eth0, ip)], [], machine.Interfaces[^1], Now), Ct));

        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        NetworkModel after = await data.Networks.LoadAsync(Ct);
        Assert.Contains("release refused", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(version, stored.Version);
        Assert.DoesNotContain(stored.Interfaces, i => i.Type == InterfaceType.Bond);
        Assert.Equal([ip], stored.Interfaces.Single(i => i.Name == "eth0").Links.Select(l => l.IpAddress));
        Assert.Equal(eth0, Assert.Single(after.IpAddresses, a => a.Ip == ip).InterfaceId);
        Assert.Equal(before, after.Version);
    }

    /// <summary>A READY machine with eth0 and eth1 whose eth0 has a STATIC link holding an address of a new subnet.</summary>
    private async Task<(Machine Machine, string Ip, long NetworkVersion)> StaticallyLinkedAsync(DataServices data)
    {
        Machine machine = TestMachines.Ready(Now);
        machine.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = TestMachines.NewMac() });
        await data.Machines.AddAsync(machine, Ct);
        machine = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Subnet subnet = await Networks(data).CreateSubnetAsync(s_networkAdmin, Form(("cidr", NewCidr())), Ct);
        string ip = subnet.Cidr.Replace(".0/24", ".20", StringComparison.Ordinal);
        NetworkModel model = await data.Networks.LoadAsync(Ct);
        var held = new StaticIpAddress { Ip = ip, AllocType = IpAddressType.Sticky, SubnetId = subnet.Id, InterfaceId = machine.Interfaces[0].Id, Created = Now, Updated = Now };
        Assert.True(await data.Networks.SaveAsync(new NetworkChange(model.Version).Add(held), Ct));
        machine.Interfaces[0].Links.Add(new InterfaceLink { Mode = LinkMode.Static, Subnet = subnet.Cidr, IpAddress = ip });
        await data.Machines.SaveAsync(machine, Ct);
        machine = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        return (machine, ip, (await data.Networks.LoadAsync(Ct)).Version);
    }

    /// <summary>eth0 and eth1 become the parents of a new bond0 (their links cleared, the bond LINK_UP).</summary>
    private static NetworkInterface MakeBond(Machine machine)
    {
        var bond = new NetworkInterface { Name = "bond0", Type = InterfaceType.Bond, MacAddress = machine.Interfaces[0].MacAddress, Parents = ["eth0", "eth1"], Vlan = 0 };
        bond.Links.Add(new InterfaceLink { Mode = LinkMode.LinkUp });
        foreach (NetworkInterface parent in machine.Interfaces)
        {
            parent.Links.Clear();
        }

        machine.Interfaces.Add(bond);
        return bond;
    }
}
