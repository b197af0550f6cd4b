using System.Security.Cryptography;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

public abstract partial class StoreContract
{
    private static readonly Actor s_networkAdmin = Actor.User("admin", isAdmin: true);

    /// <summary>A /24 no other test of this database uses.</summary>
    private static string NewCidr() => $"10.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(0, 255)}.0/24";

    private static NetworkForm Form(params (string Name, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Value)]));

    private NetworkOperations Networks(DataServices data) => new(data.Networks, data.Machines, new NetworkModelVersion(), Time);

    [Fact]
    public async Task Fabric_0_and_its_untagged_VLAN_5001_exist_after_migration()
    {
        await using DataServices data = Database.Open();

        NetworkModel model = await data.Networks.LoadAsync(Ct);

        Fabric fabric = Assert.Single(model.Fabrics, f => f.Id == 0);
        Vlan vlan = model.DefaultVlan(0)!;
        Assert.Equal("fabric-0", fabric.DisplayName);
        Assert.Equal((5001L, 0, 1500, "untagged"), (vlan.Id, vlan.Vid, vlan.Mtu, model.VlanName(vlan)));
    }

    [Fact]
    public async Task A_save_against_a_stale_version_writes_nothing()
    {
        await using DataServices data = Database.Open();
        NetworkModel model = await data.Networks.LoadAsync(Ct);
        string cidr = NewCidr();
        var first = new Subnet { Name = cidr, Cidr = cidr, VlanId = 5001, Created = Now, Updated = Now };
        var second = new Subnet { Name = "late", Cidr = NewCidr(), VlanId = 5001, Created = Now, Updated = Now };

        bool won = await data.Networks.SaveAsync(new NetworkChange(model.Version).Add(first), Ct);
        bool lost = await data.Networks.SaveAsync(new NetworkChange(model.Version).Add(second), Ct);

        NetworkModel after = await data.Networks.LoadAsync(Ct);
        Assert.True(won);
        Assert.False(lost);
        Assert.NotNull(after.SubnetByCidr(cidr));
        Assert.Null(after.SubnetByCidr(second.Cidr));
        Assert.True(after.Version > model.Version);
    }

    [Fact]
    public async Task A_subnet_with_ranges_round_trips_and_an_overlapping_range_is_refused()
    {
        await using DataServices data = Database.Open();
        NetworkOperations networks = Networks(data);
        string cidr = NewCidr();
        string prefix = cidr[..cidr.LastIndexOf('.')];
        Subnet subnet = await networks.CreateSubnetAsync(s_networkAdmin, Form(("cidr", cidr), ("gateway_ip", $"{prefix}.1"), ("dns_servers", $"{prefix}.2 8.8.8.8")), Ct);
        IpRange range = await networks.CreateRangeAsync(s_networkAdmin, Form(("type", "dynamic"), ("start_ip", $"{prefix}.100"), ("end_ip", $"{prefix}.150")), Ct);

        var overlap = await Assert.ThrowsAsync<MachineFormException>(() =>
            networks.CreateRangeAsync(s_networkAdmin, Form(("type", "reserved"), ("start_ip", $"{prefix}.140"), ("end_ip", $"{prefix}.160")), Ct));

        NetworkModel model = await data.Networks.LoadAsync(Ct);
        Subnet stored = model.Subnet(subnet.Id)!;
        Assert.Equal((cidr, $"{prefix}.1", 5001L), (stored.Cidr, stored.GatewayIp, stored.VlanId));
        Assert.Equal([$"{prefix}.2", "8.8.8.8"], stored.DnsServers);
        IpRange only = Assert.Single(model.RangesOf(subnet.Id));
        Assert.Equal((range.Id, IpRangeType.Dynamic, $"{prefix}.100", "admin"), (only.Id, only.Type, only.StartIp, only.User));
        Assert.Equal(["Requested reserved range conflicts with an existing range."], overlap.Errors["start_ip"]);
    }

    [Fact]
    public async Task A_new_fabric_gets_an_untagged_VLAN_and_deleting_a_subnet_deletes_its_ranges_and_addresses()
    {
        await using DataServices data = Database.Open();
        NetworkOperations networks = Networks(data);
        Fabric fabric = await networks.CreateFabricAsync(s_networkAdmin, Form(("name", $"f-{TestMachines.NewSystemId()}")), Ct);
        string cidr = NewCidr();
        string prefix = cidr[..cidr.LastIndexOf('.')];
        Subnet subnet = await networks.CreateSubnetAsync(s_networkAdmin, Form(("cidr", cidr), ("fabric", fabric.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), Ct);
        await networks.CreateRangeAsync(s_networkAdmin, Form(("type", "reserved"), ("start_ip", $"{prefix}.10"), ("end_ip", $"{prefix}.20")), Ct);
        StaticIpAddress reserved = await networks.ReserveAsync(s_networkAdmin, cidr, null, null, null, Ct);

        NetworkModel before = await data.Networks.LoadAsync(Ct);
        await networks.DeleteSubnetAsync(s_networkAdmin, cidr, Ct);
        NetworkModel after = await data.Networks.LoadAsync(Ct);

        Vlan untagged = before.DefaultVlan(fabric.Id)!;
        Assert.Equal((0, "untagged", untagged.Id), (untagged.Vid, before.VlanName(untagged), before.Subnet(subnet.Id)!.VlanId));
        Assert.True(untagged.Id > 5001);
        Assert.Equal($"{prefix}.1", reserved.Ip);
        Assert.Null(after.Subnet(subnet.Id));
        Assert.Empty(after.RangesOf(subnet.Id));
        Assert.DoesNotContain(after.IpAddresses, a => a.Id == reserved.Id);
    }

    [Fact]
    public async Task A_links_default_gateway_mark_round_trips_with_the_machine()
    {
        await using DataServices data = Database.Open();
        Machine machine = TestMachines.Full(Now);
        machine.Interfaces[0].Links = [new InterfaceLink { Mode = LinkMode.Static, Subnet = "10.0.0.0/24", IpAddress = "10.0.0.9", IsDefaultGateway = true }];
        await data.Machines.AddAsync(machine, Ct);

        Machine loaded = (await data.Machines.FindAsync(machine.SystemId, Ct))!;

        InterfaceLink link = Assert.Single(loaded.Interfaces[0].Links);
        Assert.True(link.IsDefaultGateway);
        Assert.Equal("10.0.0.9", link.IpAddress);
    }

    [Fact]
    public async Task Parallel_reservations_in_one_subnet_get_distinct_addresses()
    {
        await using DataServices data = Database.Open();
        string cidr = NewCidr();
        await Networks(data).CreateSubnetAsync(s_networkAdmin, Form(("cidr", cidr)), Ct);

        StaticIpAddress[] reserved = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using DataServices own = Database.Open();
            return await Networks(own).ReserveAsync(s_networkAdmin, cidr, null, null, null, Ct);
        }));

        Assert.Equal(8, reserved.Select(r => r.Ip).Distinct().Count());
        NetworkModel model = await data.Networks.LoadAsync(Ct);
        Assert.Equal(8, model.AddressesIn(model.SubnetByCidr(cidr)!.Id).Count());
    }
}
